#![forbid(unsafe_code)]
//! Input that is not UTF-8 (feature `encoding`): decoding it, with
//! [encoding_rs](https://docs.rs/encoding_rs), before it is parsed.

use std::borrow::Cow;

use crate::Error;

/// Decodes `bytes` in the encoding `label` names, for [`parse`](crate::parse)
/// to read. The parsed fields then view the decoded text, and offsets count
/// its UTF-8 bytes, not the input's.
///
/// `label` is a WHATWG encoding label, in any case: `utf-8`, `windows-1252`
/// (also `cp1252`; `latin1` and `iso-8859-1` name it too, as browsers read
/// them), `iso-8859-15`, `shift_jis`, `gbk`, `koi8-r`, ...; or `auto`, which
/// keeps valid UTF-8 and reads anything else as Windows-1252 (every byte
/// sequence is Windows-1252, so it never fails: a guess that suits scraped
/// Western text). A byte sequence the encoding does not define becomes
/// U+FFFD. A leading byte-order mark is kept: [`parse`](crate::parse) skips it.
/// Input in UTF-8 (or in ASCII, for any ASCII-compatible encoding) is
/// returned borrowed, not copied.
///
/// Strict UTF-8 stays the default of [`parse_bytes`](crate::parse_bytes): this
/// is for callers who know, or accept a guess of, another encoding.
///
/// ```
/// let text = newsparse::decode(b"Caf\xe9 owner \x93wins\x94\n\nShe said on Monday.\n", "windows-1252")?;
/// let article = newsparse::parse(&text)?;
/// assert_eq!(article.headline, Some("Café owner “wins”"));
/// assert!(newsparse::decode(b"x", "no-such-encoding").is_err());
/// # Ok::<(), newsparse::Error>(())
/// ```
pub fn decode<'a>(bytes: &'a [u8], label: &str) -> Result<Cow<'a, str>, Error> {
    let encoding = if label.eq_ignore_ascii_case("auto") {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Ok(Cow::Borrowed(text));
        }
        encoding_rs::WINDOWS_1252
    } else {
        encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or(Error::UnknownEncoding)?
    };
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_latin1_decode_every_byte() {
        let bytes: Vec<u8> = (0..=255).collect();
        for label in ["windows-1252", "latin1", "ISO-8859-1", "cp1252"] {
            let text = decode(&bytes, label).unwrap();
            assert_eq!(text.chars().count(), 256, "{label}");
            assert!(!text.contains('\u{fffd}'), "{label}");
        }
        assert_eq!(decode(b"\x80", "windows-1252").unwrap(), "€");
    }

    #[test]
    fn auto_keeps_utf8_and_reads_the_rest_as_windows_1252() {
        assert!(matches!(
            decode("été".as_bytes(), "auto"),
            Ok(Cow::Borrowed("été"))
        ));
        assert_eq!(decode(b"\xe9t\xe9", "auto").unwrap(), "été");
    }

    #[test]
    fn utf8_ascii_and_unknown_labels() {
        assert!(matches!(
            decode(b"plain", "windows-1252"),
            Ok(Cow::Borrowed("plain"))
        ));
        assert_eq!(decode(b"a\xffb", "utf-8").unwrap(), "a\u{fffd}b");
        assert_eq!(decode(b"x", "klingon"), Err(Error::UnknownEncoding));
        assert_eq!(decode(b"\x82\xa0", "shift_jis").unwrap(), "あ");
    }
}
