//! Properties that hold for every input: no panic, an answer or the right
//! error, texts that are slices of the input on char boundaries, paragraphs in
//! order without overlap, determinism, and insensitivity to a trailing newline
//! and to CRLF line ends. The checks themselves live in `common`.

mod common;

use proptest::prelude::*;

/// The number of cases: the default, or `PROPTEST_CASES` for a longer hunt.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Text assembled from news-copy fragments and short free runs, so that
/// generated inputs reach the byline, dateline and block grammars.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(common::FRAGMENTS).prop_map(str::to_owned),
        1 => "[A-Za-z ,.:;'()/-]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ];
    proptest::collection::vec(piece, 0..48).prop_map(|pieces| pieces.concat())
}

/// A well-formed wire story with optional parts, in LF or CRLF form.
fn wire_story() -> impl Strategy<Value = String> {
    (
        "(Storm|Flood|Court|Union|Market) [a-z]{3,9}( [a-z]{3,9}){1,5}",
        proptest::option::of("By [A-Z][a-z]{2,8} [A-Z][a-z]{2,10}"),
        proptest::option::of(proptest::sample::select(
            &[
                "PROVO, Utah, Dec. 23 (UPI) -- ",
                "WASHINGTON (Reuters) - ",
                "(AP) HONOLULU - ",
                "NEW YORK, March 26 - ",
            ][..],
        )),
        proptest::collection::vec("[A-Z][a-z]{1,8}( [a-z]{1,9}){6,20}\\.", 1..6),
        any::<bool>(),
    )
        .prop_map(|(head, byline, dateline, paras, crlf)| {
            let mut s = head;
            s.push_str("\n\n");
            if let Some(b) = byline {
                s.push_str(&b);
                s.push_str("\n\n");
            }
            s.push_str(dateline.unwrap_or(""));
            s.push_str(&paras.join("\n\n"));
            s.push('\n');
            if crlf { s.replace('\n', "\r\n") } else { s }
        })
}

proptest! {
    // The fragment generator reaches the most code, so it gets the most cases.
    #![proptest_config(ProptestConfig::with_cases(cases(2048)))]

    #[test]
    fn article_like_text_holds_every_property(text in article_like()) {
        common::check_text(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    #[test]
    fn any_bytes_give_an_article_or_the_right_error(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        common::check_bytes(&bytes);
    }

    #[test]
    fn any_text_holds_every_property(text in any::<String>()) {
        common::check_text(&text);
    }

    #[test]
    fn wire_stories_hold_every_property_and_keep_their_body(text in wire_story()) {
        common::check_text(&text);
        let article = newsparse::parse(&text).unwrap();
        prop_assert!(!article.paragraphs.is_empty());
        prop_assert!(article.headline.is_some());
    }

    #[test]
    fn bytes_after_a_valid_prefix_report_the_first_bad_offset(
        prefix in "[ -~\n]{0,40}",
        bad in proptest::sample::select(&[0x80u8, 0xc3, 0xe2, 0xf0, 0xff][..]),
        suffix in proptest::collection::vec(any::<u8>(), 0..20),
    ) {
        let mut bytes = prefix.clone().into_bytes();
        bytes.push(bad);
        bytes.push(b'!');
        bytes.extend(suffix);
        let err = newsparse::parse_bytes(&bytes).unwrap_err();
        prop_assert_eq!(err, newsparse::Error::InvalidUtf8 { offset: prefix.len() });
        prop_assert_eq!(err.offset(), prefix.len());
    }
}

/// The explain view of every fixture and, when `../shared/corpus` is beside the
/// project, of every labelled article: the same checks as for generated text.
#[test]
fn explain_holds_on_fixtures_and_the_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("tests/fixtures")];
    for d in ["dev", "extra"] {
        dirs.push(root.join("../shared/corpus").join(d));
    }
    let mut stack: Vec<std::path::PathBuf> = dirs.into_iter().filter(|d| d.is_dir()).collect();
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    common::check_explain(&text);
                    seen += 1;
                }
            }
        }
    }
    assert!(seen >= 35, "only {seen} articles found");
}
