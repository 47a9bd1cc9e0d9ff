//! The C ABI called from Rust: every accessor agrees with the Rust `Article`,
//! offsets point at the same bytes, and bad calls return their codes.
#![cfg(feature = "ffi")]

use std::ffi::{CStr, c_char};
use std::ptr;

use newsparse::Article;
use newsparse::ffi::newsparse_result::*;
use newsparse::ffi::*;

const SEED: &str = include_str!("fixtures/upi-kislyak.txt");

/// A parsed article freed on drop.
struct Parsed(*mut newsparse_article);

impl Drop for Parsed {
    fn drop(&mut self) {
        newsparse_article_free(self.0);
    }
}

fn parse_c(text: &[u8]) -> Result<Parsed, (newsparse_result, String, usize)> {
    let mut out = ptr::null_mut();
    match newsparse_parse(text.as_ptr(), text.len(), &mut out) {
        NEWSPARSE_OK => Ok(Parsed(out)),
        code => {
            assert!(out.is_null());
            assert_eq!(newsparse_last_error_code(), code);
            Err((code, last_message(), newsparse_last_error_offset()))
        }
    }
}

fn last_message() -> String {
    let n = newsparse_last_error_message(ptr::null_mut(), 0);
    let mut buf = vec![0 as c_char; n + 1];
    assert_eq!(newsparse_last_error_message(buf.as_mut_ptr(), buf.len()), n);
    let message = unsafe { CStr::from_ptr(buf.as_ptr()) };
    message.to_str().unwrap().to_owned()
}

type Field =
    extern "C" fn(*const newsparse_article, *mut newsparse_str, *mut usize) -> newsparse_result;
type Item = extern "C" fn(
    *const newsparse_article,
    usize,
    *mut newsparse_str,
    *mut usize,
) -> newsparse_result;
type Count = extern "C" fn(*const newsparse_article) -> usize;

/// A value read through the C API: the string (copied) and its offset.
fn read(input: &[u8], code: newsparse_result, s: newsparse_str, offset: usize) -> Option<String> {
    match code {
        NEWSPARSE_NOT_FOUND => {
            assert!(s.ptr.is_null() && s.len == 0 && offset == NEWSPARSE_NO_OFFSET);
            None
        }
        NEWSPARSE_OK => {
            assert!(!s.ptr.is_null());
            let bytes = unsafe { std::slice::from_raw_parts(s.ptr.cast::<u8>(), s.len) };
            if offset != NEWSPARSE_NO_OFFSET {
                assert_eq!(
                    s.ptr.cast::<u8>(),
                    input[offset..].as_ptr(),
                    "offset is the view's"
                );
            }
            Some(String::from_utf8(bytes.to_vec()).unwrap())
        }
        other => panic!("unexpected {other:?}"),
    }
}

fn field(input: &[u8], a: &Parsed, get: Field) -> Option<String> {
    let mut s = newsparse_str {
        ptr: ptr::null(),
        len: 7,
    };
    let mut offset = 0;
    let code = get(a.0, &mut s, &mut offset);
    read(input, code, s, offset)
}

fn items(input: &[u8], a: &Parsed, count: Count, get: Item) -> Vec<Option<String>> {
    let n = count(a.0);
    let mut s = newsparse_str {
        ptr: ptr::null(),
        len: 0,
    };
    let mut offset = 0;
    assert_eq!(
        get(a.0, n, &mut s, &mut offset),
        NEWSPARSE_INDEX_OUT_OF_RANGE
    );
    assert!(s.ptr.is_null());
    assert_eq!(newsparse_last_error_code(), NEWSPARSE_INDEX_OUT_OF_RANGE);
    (0..n)
        .map(|i| {
            let code = get(a.0, i, &mut s, &mut offset);
            read(input, code, s, offset)
        })
        .collect()
}

fn owned(v: Option<&str>) -> Option<String> {
    v.map(str::to_owned)
}

fn all(v: &[&str]) -> Vec<Option<String>> {
    v.iter().map(|s| Some(s.to_string())).collect()
}

/// Reads every field through the C API and compares it with the Rust parse.
fn agrees_with_rust(text: &str) {
    let input = text.as_bytes();
    let rust: Article<'_> = newsparse::parse(text).unwrap();
    let a = parse_c(input).unwrap();

    assert_eq!(
        field(input, &a, newsparse_article_headline),
        owned(rust.headline)
    );
    assert_eq!(
        field(input, &a, newsparse_article_published),
        owned(rust.published)
    );
    let byline = rust.byline.as_ref();
    assert_eq!(
        field(input, &a, newsparse_article_byline_text),
        owned(byline.map(|b| b.text))
    );
    assert_eq!(
        field(input, &a, newsparse_article_byline_affiliation),
        owned(byline.and_then(|b| b.affiliation))
    );
    let authors: Vec<&str> = byline.map_or(vec![], |b| b.authors.iter().map(|a| a.name).collect());
    assert_eq!(
        items(
            input,
            &a,
            newsparse_article_byline_author_count,
            newsparse_article_byline_author
        ),
        all(&authors)
    );

    let dateline = rust.dateline.as_ref();
    let location = dateline.and_then(|d| d.location.as_ref());
    let date = dateline.and_then(|d| d.date.as_ref());
    assert_eq!(
        field(input, &a, newsparse_article_dateline_text),
        owned(dateline.map(|d| d.text))
    );
    assert_eq!(
        field(input, &a, newsparse_article_dateline_location),
        owned(location.map(|l| l.text))
    );
    assert_eq!(
        field(input, &a, newsparse_article_dateline_city),
        owned(location.map(|l| l.city))
    );
    assert_eq!(
        field(input, &a, newsparse_article_dateline_region),
        owned(location.and_then(|l| l.region))
    );
    assert_eq!(
        field(input, &a, newsparse_article_dateline_state),
        owned(location.and_then(|l| l.state))
    );
    assert_eq!(
        field(input, &a, newsparse_article_dateline_date),
        owned(date.map(|d| d.text))
    );
    let mut parts = newsparse_date {
        month: 9,
        day: 9,
        year: 9,
        has_year: true,
    };
    let code = newsparse_article_dateline_date_parts(a.0, &mut parts);
    match date {
        Some(d) => {
            assert_eq!(code, NEWSPARSE_OK);
            assert_eq!((parts.month, parts.day), (d.month, d.day));
            assert_eq!(parts.has_year.then_some(parts.year), d.year);
            assert_eq!(parts.has_year, parts.year != 0);
        }
        None => {
            assert_eq!(code, NEWSPARSE_NOT_FOUND);
            assert_eq!(
                parts,
                newsparse_date {
                    month: 0,
                    day: 0,
                    year: 0,
                    has_year: false
                }
            );
        }
    }
    assert_eq!(
        field(input, &a, newsparse_article_dateline_agency),
        owned(dateline.and_then(|d| d.agency).map(|g| g.name()))
    );
    assert_eq!(
        field(input, &a, newsparse_article_agency),
        owned(rust.agency.map(|g| g.name()))
    );

    assert_eq!(
        items(
            input,
            &a,
            newsparse_article_paragraph_count,
            newsparse_article_paragraph
        ),
        all(&rust.paragraphs)
    );
    let captions: Vec<&str> = rust.captions.iter().map(|c| c.text).collect();
    assert_eq!(
        items(
            input,
            &a,
            newsparse_article_caption_count,
            newsparse_article_caption
        ),
        all(&captions)
    );
    let credits: Vec<Option<String>> = rust.captions.iter().map(|c| owned(c.credit)).collect();
    assert_eq!(
        items(
            input,
            &a,
            newsparse_article_caption_count,
            newsparse_article_caption_credit
        ),
        credits
    );
    assert_eq!(
        items(
            input,
            &a,
            newsparse_article_related_count,
            newsparse_article_related
        ),
        all(&rust.related)
    );
    assert_eq!(
        field(input, &a, newsparse_article_credits),
        owned(rust.credits)
    );
    assert_eq!(
        items(
            input,
            &a,
            newsparse_article_boilerplate_count,
            newsparse_article_boilerplate
        ),
        all(&rust.boilerplate)
    );

    let mut json = ptr::null_mut();
    let mut len = 0;
    assert_eq!(
        newsparse_article_to_json(a.0, &mut json, &mut len),
        NEWSPARSE_OK
    );
    let c_json = unsafe { CStr::from_ptr(json) }.to_str().unwrap().to_owned();
    newsparse_string_free(json);
    assert_eq!(c_json.len(), len);
    assert_eq!(c_json, serde_json::to_string(&rust).unwrap());
}

#[test]
fn every_accessor_agrees_with_the_rust_article() {
    agrees_with_rust(SEED);
    agrees_with_rust(
        "Storm closes schools\n\nBy Jane Roe and John Doe, UPI Staff Writers\n\n\
         PITTSBURG, Calif., May 5, 2025 (UPI) -- Schools closed on Monday.\n\n\
         A firefighter walks past a burning home. Photo by Joel Kowsky/NASA\n\n\
         RELATED Snow to last all week\n\nReporting by Jane Roe; Editing by Sam Poe\n",
    );
    agrees_with_rust("Headline here\n\nWASHINGTON (Reuters) - Officials said on Monday.\n");
    agrees_with_rust("x");
}

#[test]
fn the_seed_reads_through_the_c_api() {
    let input = SEED.as_bytes();
    let a = parse_c(input).unwrap();
    assert_eq!(
        field(input, &a, newsparse_article_headline).as_deref(),
        Some("Russia's ambassador to leave post in U.S.")
    );
    let mut s = newsparse_str {
        ptr: ptr::null(),
        len: 0,
    };
    let mut offset = NEWSPARSE_NO_OFFSET;
    assert_eq!(
        newsparse_article_headline(a.0, &mut s, &mut offset),
        NEWSPARSE_OK
    );
    assert_eq!((s.ptr.cast::<u8>(), offset), (input.as_ptr(), 0));
    assert_eq!(
        items(
            input,
            &a,
            newsparse_article_byline_author_count,
            newsparse_article_byline_author
        ),
        [Some("Allen Cone".to_owned())]
    );
    assert_eq!(
        field(input, &a, newsparse_article_agency).as_deref(),
        Some("UPI")
    );
    assert_eq!(newsparse_article_related_count(a.0), 5);
    assert!(newsparse_article_paragraph_count(a.0) > 5);
}

#[test]
fn bad_input_gets_its_code_message_and_offset() {
    let mut out = ptr::null_mut();
    assert_eq!(
        newsparse_parse(ptr::null(), 0, &mut out),
        NEWSPARSE_EMPTY_INPUT
    );
    assert_eq!(
        newsparse_parse(ptr::null(), 3, &mut out),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert!(out.is_null());
    assert_eq!(
        newsparse_parse(b"x".as_ptr(), 1, ptr::null_mut()),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert_eq!(
        newsparse_parse(b"x".as_ptr(), usize::MAX, &mut out),
        NEWSPARSE_INVALID_ARGUMENT
    );
    assert_eq!(
        parse_c(b"").err(),
        Some((NEWSPARSE_EMPTY_INPUT, "input is empty".into(), 0))
    );
    assert_eq!(
        parse_c(b"\xef\xbb\xbf \n\t ").err(),
        Some((
            NEWSPARSE_BLANK_INPUT,
            "input holds only white space (7 bytes)".into(),
            7
        ))
    );
    assert_eq!(
        parse_c(b"Head\nok \xff\xfe").err(),
        Some((
            NEWSPARSE_INVALID_UTF8,
            "invalid UTF-8 at byte offset 8".into(),
            8
        ))
    );
    // A success clears the failure before it.
    let _a = parse_c(b"Head").unwrap();
    assert_eq!(newsparse_last_error_code(), NEWSPARSE_OK);
    assert_eq!(newsparse_last_error_offset(), NEWSPARSE_NO_OFFSET);
    assert_eq!(last_message(), "");
}

#[test]
fn the_last_error_belongs_to_its_thread() {
    assert!(parse_c(b"   ").is_err());
    let other = std::thread::spawn(|| newsparse_last_error_code())
        .join()
        .unwrap();
    assert_eq!(other, NEWSPARSE_OK);
    assert_eq!(newsparse_last_error_code(), NEWSPARSE_BLANK_INPUT);
}

#[test]
fn null_handles_are_refused_and_freeing_null_is_fine() {
    let null = ptr::null();
    let mut s = newsparse_str {
        ptr: c"x".as_ptr(),
        len: 1,
    };
    assert_eq!(
        newsparse_article_headline(null, &mut s, ptr::null_mut()),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert!(s.ptr.is_null());
    assert_eq!(
        newsparse_article_related(null, 0, &mut s, ptr::null_mut()),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert_eq!(newsparse_article_boilerplate_count(null), 0);
    assert_eq!(newsparse_last_error_code(), NEWSPARSE_NULL_ARGUMENT);
    let a = parse_c(b"Head").unwrap();
    assert_eq!(
        newsparse_article_headline(a.0, ptr::null_mut(), ptr::null_mut()),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert_eq!(
        newsparse_article_dateline_date_parts(a.0, ptr::null_mut()),
        NEWSPARSE_NULL_ARGUMENT
    );
    newsparse_article_free(ptr::null_mut());
    newsparse_string_free(ptr::null_mut());
}

#[test]
fn nul_bytes_are_ordinary_text() {
    let text = "Head\0line\n\nWASHINGTON (Reuters) - Officials said on \0Monday.\n";
    agrees_with_rust(text);
    let a = parse_c(text.as_bytes()).unwrap();
    let mut json = ptr::null_mut();
    let mut len = 0;
    assert_eq!(
        newsparse_article_to_json(a.0, &mut json, &mut len),
        NEWSPARSE_OK
    );
    let c_json = unsafe { CStr::from_ptr(json) }.to_bytes().to_vec();
    newsparse_string_free(json);
    // The whole JSON arrives: its NULs are escaped, none cuts the C string short.
    assert_eq!(c_json.len(), len);
    assert!(String::from_utf8(c_json).unwrap().contains("\\u0000"));
}

#[test]
fn the_version_is_the_package_version() {
    let version = unsafe { CStr::from_ptr(newsparse_version()) };
    assert_eq!(version.to_str(), Ok(env!("CARGO_PKG_VERSION")));
    assert_eq!(NEWSPARSE_VERSION, env!("CARGO_PKG_VERSION"));
}

/// The strings of a flattened article (`newsparse_article_flatten`), copied,
/// with their offsets; checks each view against its offset in `text`.
fn flat_strings(a: &Parsed, text: &[u8]) -> (Vec<usize>, Vec<Option<(String, usize)>>) {
    let n = newsparse_article_flatten(a.0, ptr::null_mut(), 0);
    let mut small = vec![7usize; n - 1];
    assert_eq!(newsparse_article_flatten(a.0, small.as_mut_ptr(), n - 1), n);
    assert!(
        small.iter().all(|&w| w == 7),
        "nothing written to a short array"
    );
    let mut words = vec![0usize; n];
    assert_eq!(newsparse_article_flatten(a.0, words.as_mut_ptr(), n), n);
    // The blocks close the array, seven words each.
    let blocks = words[17];
    let strings = words[NEWSPARSE_FLAT_HEADER..n - 7 * blocks]
        .chunks(3)
        .map(|w| {
            if w[0] == 0 {
                assert_eq!((w[1], w[2]), (0, NEWSPARSE_NO_OFFSET));
                return None;
            }
            let bytes = unsafe { std::slice::from_raw_parts(w[0] as *const u8, w[1]) };
            if w[2] != NEWSPARSE_NO_OFFSET {
                assert_eq!(&text[w[2]..w[2] + w[1]], bytes);
            }
            Some((String::from_utf8(bytes.to_vec()).unwrap(), w[2]))
        })
        .collect();
    (words, strings)
}

fn flat_agrees_with_rust(text: &str) {
    let rust = newsparse::parse(text).unwrap();
    let a = parse_c(text.as_bytes()).unwrap();
    let (head, strings) = flat_strings(&a, text.as_bytes());
    let authors: Vec<&str> = rust
        .byline
        .as_ref()
        .map_or(vec![], |b| b.authors.iter().map(|a| a.name).collect());
    let counts = [
        authors.len(),
        rust.paragraphs.len(),
        rust.captions.len(),
        rust.related.len(),
        rust.boilerplate.len(),
    ];
    assert_eq!(head[..5], counts);
    let date = rust.dateline.as_ref().and_then(|d| d.date.as_ref());
    assert_eq!(head[5], date.map_or(0, |d| d.month.into()));
    assert_eq!(head[7], date.and_then(|d| d.year).map_or(0, usize::from));
    let at = rust.published_at;
    assert_eq!(head[8], at.map_or(0, |t| t.year.into()));
    let time = at.and_then(|t| t.time);
    assert_eq!(
        head[11],
        time.map_or(NEWSPARSE_NO_OFFSET, |t| t.hour.into())
    );
    let offset = at.and_then(|t| t.utc_offset_minutes);
    assert_eq!(head[14], usize::from(offset.is_some()));
    assert_eq!(head[15] as isize, offset.map_or(0, isize::from));
    let text_of = |i: usize| strings[i].as_ref().map(|(s, _)| s.as_str());
    assert_eq!(text_of(0), rust.headline);
    assert_eq!(text_of(1), rust.published);
    assert_eq!(text_of(2), rust.byline.as_ref().map(|b| b.text));
    assert_eq!(text_of(11), rust.agency.as_ref().map(|a| a.name()));
    assert_eq!(text_of(12), rust.credits);
    let mut rest = strings[NEWSPARSE_FLAT_FIELDS..]
        .iter()
        .map(|s| s.as_ref().map(|(s, _)| s.as_str()));
    let mut want: Vec<Option<&str>> = authors.iter().map(|s| Some(*s)).collect();
    want.extend(rust.paragraphs.iter().map(|s| Some(*s)));
    want.extend(rust.captions.iter().flat_map(|c| [Some(c.text), c.credit]));
    want.extend(rust.related.iter().map(|s| Some(*s)));
    want.extend(rust.boilerplate.iter().map(|s| Some(*s)));
    want.extend(rust.subheadings.iter().map(|s| Some(*s)));
    assert_eq!(rest.by_ref().collect::<Vec<_>>(), want);
    assert_eq!(head[16], rust.subheadings.len());
    let blocks = newsparse::explain(text).unwrap().blocks;
    assert_eq!(head[17], blocks.len());
    let tail = &head[head.len() - 7 * blocks.len()..];
    for (w, b) in tail.chunks(7).zip(&blocks) {
        assert_eq!(&w[..3], [b.start, b.end, b.role as usize]);
        assert_eq!((w[3], w[4]), (b.why.as_ptr() as usize, b.why.len()));
        assert_eq!((w[5], w[6]), (b.kind.as_ptr() as usize, b.kind.len()));
    }
}

#[test]
fn the_flat_array_agrees_with_the_rust_article() {
    flat_agrees_with_rust(SEED);
    for entry in std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/styles"
    ))
    .unwrap()
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            flat_agrees_with_rust(&std::fs::read_to_string(&path).unwrap());
        }
    }
    assert_eq!(
        newsparse_article_flatten(ptr::null(), ptr::null_mut(), 0),
        0
    );
    assert_eq!(newsparse_last_error_code(), NEWSPARSE_NULL_ARGUMENT);
}

#[test]
fn the_typed_publication_time() {
    let text = include_str!("fixtures/styles/timestamp.txt");
    let a = parse_c(text.as_bytes()).unwrap();
    let mut t = newsparse_time {
        year: 1,
        month: 1,
        day: 1,
        has_time: false,
        hour: 0,
        minute: 0,
        has_second: true,
        second: 9,
        has_utc_offset: false,
        utc_offset_minutes: 0,
    };
    let rust = newsparse::parse(text).unwrap();
    match rust.published_at {
        Some(at) => {
            assert_eq!(newsparse_article_published_at(a.0, &mut t), NEWSPARSE_OK);
            assert_eq!((t.year, t.month, t.day), (at.year, at.month, at.day));
            assert_eq!((t.year, t.month, t.day), (2012, 7, 24));
            assert_eq!((t.has_time, t.hour, t.minute), (true, 0, 11));
            assert!(!t.has_second && t.second == 0);
            assert_eq!((t.has_utc_offset, t.utc_offset_minutes), (false, 0));
        }
        None => panic!(
            "the test article's timestamp was not found: {:?}",
            rust.published
        ),
    }
    let seed = parse_c(SEED.as_bytes()).unwrap();
    assert_eq!(
        newsparse_article_published_at(seed.0, &mut t),
        NEWSPARSE_NOT_FOUND
    );
    assert_eq!((t.year, t.has_second), (0, false));
    assert_eq!(
        newsparse_article_published_at(ptr::null(), &mut t),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert_eq!(
        newsparse_article_published_at(seed.0, ptr::null_mut()),
        NEWSPARSE_NULL_ARGUMENT
    );
}

#[test]
fn parse_many_gives_each_input_its_article_or_code() {
    let inputs: Vec<&[u8]> = vec![
        SEED.as_bytes(),
        b"",
        b" \n ",
        b"Head\n\nBody \xff text.\n",
        b"Storm\n\nSchools closed.\n",
    ];
    let data = inputs.concat();
    let lens: Vec<usize> = inputs.iter().map(|i| i.len()).collect();
    for threads in [0, 1, 2, 7] {
        let mut articles = vec![ptr::null_mut(); inputs.len()];
        let mut codes = vec![NEWSPARSE_PANIC; inputs.len()];
        let code = newsparse_parse_many(
            data.as_ptr(),
            lens.as_ptr(),
            inputs.len(),
            ptr::null(),
            threads,
            articles.as_mut_ptr(),
            codes.as_mut_ptr(),
        );
        assert_eq!(code, NEWSPARSE_OK);
        assert_eq!(
            codes,
            [
                NEWSPARSE_OK,
                NEWSPARSE_EMPTY_INPUT,
                NEWSPARSE_BLANK_INPUT,
                NEWSPARSE_INVALID_UTF8,
                NEWSPARSE_OK
            ]
        );
        for (i, article) in articles.into_iter().enumerate() {
            let parsed = Parsed(article);
            if codes[i] != NEWSPARSE_OK {
                assert!(article.is_null());
                continue;
            }
            let alone = parse_c(inputs[i]).unwrap();
            let json = |a: &Parsed| {
                let (mut s, mut n) = (ptr::null_mut(), 0);
                assert_eq!(newsparse_article_to_json(a.0, &mut s, &mut n), NEWSPARSE_OK);
                let out = unsafe { CStr::from_ptr(s) }.to_str().unwrap().to_owned();
                newsparse_string_free(s);
                out
            };
            assert_eq!(json(&parsed), json(&alone));
            // Offsets count from the input's own start, not from `data`'s.
            let offset_in = |a: &Parsed| {
                let mut s = newsparse_str {
                    ptr: ptr::null(),
                    len: 0,
                };
                let mut offset = 7;
                newsparse_article_paragraph(a.0, 0, &mut s, &mut offset);
                offset
            };
            let offset = offset_in(&parsed);
            assert!(offset < inputs[i].len() || offset == NEWSPARSE_NO_OFFSET);
            assert_eq!(offset_in(&parsed), offset_in(&alone));
        }
    }
    // Many inputs over several threads: the same as one by one.
    let many: Vec<&[u8]> = (0..500)
        .map(|i| {
            if i % 7 == 0 {
                &b"  "[..]
            } else {
                SEED.as_bytes()
            }
        })
        .collect();
    let data = many.concat();
    let lens: Vec<usize> = many.iter().map(|i| i.len()).collect();
    let mut articles = vec![ptr::null_mut(); many.len()];
    let mut codes = vec![NEWSPARSE_PANIC; many.len()];
    assert_eq!(
        newsparse_parse_many(
            data.as_ptr(),
            lens.as_ptr(),
            many.len(),
            ptr::null(),
            3,
            articles.as_mut_ptr(),
            codes.as_mut_ptr()
        ),
        NEWSPARSE_OK
    );
    for (i, (a, code)) in articles.into_iter().zip(codes).enumerate() {
        let a = Parsed(a);
        let want = if i % 7 == 0 {
            NEWSPARSE_BLANK_INPUT
        } else {
            NEWSPARSE_OK
        };
        assert_eq!(code, want);
        assert_eq!(a.0.is_null(), want != NEWSPARSE_OK);
    }
}

#[test]
fn parse_many_refuses_bad_arguments() {
    let lens = [3usize, usize::MAX];
    let mut articles = [ptr::null_mut(); 2];
    let mut codes = [NEWSPARSE_OK; 2];
    let mut many = |data: *const u8, count: usize, label: Option<&CStr>, with_codes: bool| {
        let codes = if with_codes {
            codes.as_mut_ptr()
        } else {
            ptr::null_mut()
        };
        let label = label.map_or(ptr::null(), CStr::as_ptr);
        let code = newsparse_parse_many(
            data,
            lens.as_ptr(),
            count,
            label,
            0,
            articles.as_mut_ptr(),
            codes,
        );
        (code, articles)
    };
    assert_eq!(many(ptr::null(), 0, None, false).0, NEWSPARSE_OK);
    assert_eq!(
        many(b"abc".as_ptr(), 2, None, true).0,
        NEWSPARSE_INVALID_ARGUMENT
    );
    assert_eq!(many(ptr::null(), 1, None, true).0, NEWSPARSE_NULL_ARGUMENT);
    let (code, out) = many(b"abc".as_ptr(), 1, None, false);
    assert_eq!(code, NEWSPARSE_NULL_ARGUMENT);
    assert!(out.iter().all(|a| a.is_null()));
    assert_eq!(
        many(b"abc".as_ptr(), 1, Some(c"klingon"), true).0,
        NEWSPARSE_UNKNOWN_ENCODING
    );
    let (code, out) = many(b"abc".as_ptr(), 1, Some(c"latin1"), true);
    assert_eq!(code, NEWSPARSE_OK);
    newsparse_article_free(out[0]);
    assert_eq!(codes[0], NEWSPARSE_OK);
}

#[test]
fn encoded_input_is_decoded_and_owned() {
    let latin1 = b"Caf\xe9 owner wins\n\nPARIS (Reuters) - The caf\xe9 won on Monday.\n".to_vec();
    let mut out = ptr::null_mut();
    assert_eq!(
        newsparse_parse_encoded(
            latin1.as_ptr(),
            latin1.len(),
            c"windows-1252".as_ptr(),
            &mut out
        ),
        NEWSPARSE_OK
    );
    drop(latin1); // the article owns its decoded text
    let a = Parsed(out);
    let mut whole = newsparse_str {
        ptr: ptr::null(),
        len: 0,
    };
    assert_eq!(newsparse_article_text(a.0, &mut whole), NEWSPARSE_OK);
    let decoded = unsafe { std::slice::from_raw_parts(whole.ptr.cast::<u8>(), whole.len) };
    assert!(
        std::str::from_utf8(decoded)
            .unwrap()
            .starts_with("Café owner wins\n")
    );
    assert_eq!(
        field(decoded, &a, newsparse_article_headline).as_deref(),
        Some("Café owner wins")
    );
    let body = items(
        decoded,
        &a,
        newsparse_article_paragraph_count,
        newsparse_article_paragraph,
    );
    assert_eq!(body, [Some("The café won on Monday.".to_owned())]);

    assert_eq!(
        newsparse_parse_encoded(b"x".as_ptr(), 1, c"klingon".as_ptr(), &mut out),
        NEWSPARSE_UNKNOWN_ENCODING
    );
    assert!(out.is_null());
    assert_eq!(last_message(), "unknown encoding label");
    assert_eq!(
        newsparse_parse_encoded(b"x".as_ptr(), 1, ptr::null(), &mut out),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert_eq!(
        newsparse_parse_encoded(b"  ".as_ptr(), 2, c"latin1".as_ptr(), &mut out),
        NEWSPARSE_BLANK_INPUT
    );
    assert_eq!(
        newsparse_parse_encoded(ptr::null(), 0, c"latin1".as_ptr(), &mut out),
        NEWSPARSE_EMPTY_INPUT
    );
    // The text of a plain parse is the caller's buffer.
    let seed = parse_c(SEED.as_bytes()).unwrap();
    assert_eq!(newsparse_article_text(seed.0, &mut whole), NEWSPARSE_OK);
    assert_eq!(
        (whole.ptr.cast::<u8>(), whole.len),
        (SEED.as_ptr(), SEED.len())
    );
}

#[test]
fn blocks_and_subheadings_read_through_the_c_api_as_in_rust() {
    let text = "Storm closes bridge\n\nBy Jane Roe\n\nThe council met on Monday to discuss the bridge and its repairs.\n\nWhat happens next\n\nThe council will meet again on Friday to vote on the repairs.\n\nThe bridge stays shut until then, the county said on Monday.\n";
    let a = parse_c(text.as_bytes()).unwrap();
    let want = newsparse::explain(text).unwrap();
    assert_eq!(newsparse_article_block_count(a.0), want.blocks.len());
    for (i, w) in want.blocks.iter().enumerate() {
        let mut b = std::mem::MaybeUninit::<newsparse_block>::uninit();
        assert_eq!(
            newsparse_article_block(a.0, i, b.as_mut_ptr()),
            NEWSPARSE_OK
        );
        // SAFETY: the call returned OK, so it wrote the block.
        let b = unsafe { b.assume_init() };
        assert_eq!((b.start, b.end), (w.start, w.end));
        // SAFETY: a role code of the library names a static NUL-terminated string.
        let role = unsafe { CStr::from_ptr(newsparse_role_name(b.role)) };
        assert_eq!(role.to_str().unwrap(), w.role.name());
        // SAFETY: `why` and `kind` view static strings of the library.
        let (why, kind) = unsafe {
            (
                std::slice::from_raw_parts(b.why.ptr.cast::<u8>(), b.why.len),
                std::slice::from_raw_parts(b.kind.ptr.cast::<u8>(), b.kind.len),
            )
        };
        assert_eq!((why, kind), (w.why.as_bytes(), w.kind.as_bytes()));
    }
    let mut b = std::mem::MaybeUninit::<newsparse_block>::uninit();
    let past = want.blocks.len();
    assert_eq!(
        newsparse_article_block(a.0, past, b.as_mut_ptr()),
        NEWSPARSE_INDEX_OUT_OF_RANGE
    );
    assert_eq!(
        newsparse_article_block(a.0, 0, ptr::null_mut()),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert_eq!(newsparse_article_block_count(ptr::null()), 0);
    assert!(newsparse_role_name(14).is_null());
    for role in newsparse::Role::ALL {
        // SAFETY: as above.
        let name = unsafe { CStr::from_ptr(newsparse_role_name(role as u32)) };
        assert_eq!(name.to_str().unwrap(), role.name());
    }
    let subs = items(
        text.as_bytes(),
        &a,
        newsparse_article_subheading_count,
        newsparse_article_subheading,
    );
    assert_eq!(subs, all(&["What happens next"]));
}

/// The batch of `inputs` as `newsparse::arrow` builds it, named `paths`.
#[cfg(feature = "arrow")]
fn expected_batch(inputs: &[&[u8]], paths: &[&str]) -> arrow_array::RecordBatch {
    let mut columns = newsparse::arrow::ArticleColumns::new();
    for (input, path) in inputs.iter().zip(paths) {
        match newsparse::parse_bytes(input) {
            Ok(article) => columns.push_article(path, &article),
            Err(e) => columns.push_parse_error(path, &e),
        }
    }
    columns.finish().unwrap()
}

/// `newsparse_parse_arrow`'s batch of `inputs`, imported back through the C
/// Data Interface; `paths` NULL when `None`.
#[cfg(feature = "arrow")]
fn exported_batch(
    inputs: &[&[u8]],
    paths: Option<&[&str]>,
    threads: usize,
) -> arrow_array::RecordBatch {
    use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi};
    use arrow_array::{RecordBatch, StructArray};

    let data = inputs.concat();
    let lens: Vec<usize> = inputs.iter().map(|i| i.len()).collect();
    let names: Vec<std::ffi::CString> = paths
        .unwrap_or_default()
        .iter()
        .map(|p| std::ffi::CString::new(*p).unwrap())
        .collect();
    let pointers: Vec<*const c_char> = names.iter().map(|n| n.as_ptr()).collect();
    let (mut array, mut schema) = (FFI_ArrowArray::empty(), FFI_ArrowSchema::empty());
    let code = newsparse_parse_arrow(
        data.as_ptr(),
        lens.as_ptr(),
        lens.len(),
        if paths.is_some() {
            pointers.as_ptr()
        } else {
            ptr::null()
        },
        threads,
        &mut array,
        &mut schema,
    );
    assert_eq!(code, NEWSPARSE_OK);
    // SAFETY: both came from a successful call and are moved in once.
    let imported = unsafe { from_ffi(array, &schema) }.unwrap();
    RecordBatch::from(StructArray::from(imported))
}

/// `newsparse_parse_arrow`'s batch, imported back through the C Data
/// Interface, is the batch `newsparse::arrow` builds of the same inputs.
#[cfg(feature = "arrow")]
#[test]
fn parse_arrow_exports_the_batch_of_the_arrow_module() {
    let inputs: [&[u8]; 4] = [
        SEED.as_bytes(),
        b"",
        b"Headline\n\nBody text.\n",
        b"ok\xffno",
    ];
    let names = ["a.txt", "b.txt", "c.txt", "d.txt"];
    let expected = expected_batch(&inputs, &names);
    for threads in [1, 2] {
        assert_eq!(exported_batch(&inputs, Some(&names), threads), expected);
    }
    assert_eq!(
        exported_batch(&inputs, None, 0),
        expected_batch(&inputs, &[""; 4])
    );
}

#[cfg(feature = "arrow")]
use proptest::prelude::{ProptestConfig, Strategy, any};

#[cfg(feature = "arrow")]
proptest::proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any batch of inputs, on any number of threads, exports the rows the
    /// Rust columns hold: articles, and errors for empty, blank or bad input.
    #[test]
    fn parse_arrow_exports_any_batch(
        inputs in proptest::collection::vec(
            proptest::prop_oneof![
                "[A-Za-z ,.:()\n-]{0,200}".prop_map(String::into_bytes),
                proptest::collection::vec(any::<u8>(), 0..100),
                proptest::sample::select(&[
                    "", " \n", "By Jane Roe\n\nStory text here.\n",
                    "Storm\n\nPROVO, Utah, Dec. 23 (UPI) -- Schools closed.\n",
                ][..]).prop_map(|s| s.as_bytes().to_vec()),
            ],
            0..12,
        ),
        threads in 0usize..4,
    ) {
        let inputs: Vec<&[u8]> = inputs.iter().map(Vec::as_slice).collect();
        let names: Vec<String> = (0..inputs.len()).map(|i| format!("{i}.txt")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        proptest::prop_assert_eq!(exported_batch(&inputs, Some(&names), threads), expected_batch(&inputs, &names));
    }
}

#[cfg(feature = "arrow")]
#[test]
fn parse_arrow_refuses_bad_arguments_and_leaves_released_structs() {
    use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};

    let text = SEED.as_bytes();
    let lens = [text.len()];
    let (mut array, mut schema) = (FFI_ArrowArray::empty(), FFI_ArrowSchema::empty());
    let null_path = [ptr::null::<c_char>()];
    let calls: [(&str, newsparse_result); 5] = [
        (
            "out_array",
            newsparse_parse_arrow(
                text.as_ptr(),
                lens.as_ptr(),
                1,
                ptr::null(),
                1,
                ptr::null_mut(),
                &mut schema,
            ),
        ),
        (
            "out_schema",
            newsparse_parse_arrow(
                text.as_ptr(),
                lens.as_ptr(),
                1,
                ptr::null(),
                1,
                &mut array,
                ptr::null_mut(),
            ),
        ),
        (
            "lens",
            newsparse_parse_arrow(
                text.as_ptr(),
                ptr::null(),
                1,
                ptr::null(),
                1,
                &mut array,
                &mut schema,
            ),
        ),
        (
            "data",
            newsparse_parse_arrow(
                ptr::null(),
                lens.as_ptr(),
                1,
                ptr::null(),
                1,
                &mut array,
                &mut schema,
            ),
        ),
        (
            "paths[i]",
            newsparse_parse_arrow(
                text.as_ptr(),
                lens.as_ptr(),
                1,
                null_path.as_ptr(),
                1,
                &mut array,
                &mut schema,
            ),
        ),
    ];
    for (name, code) in calls {
        assert_eq!(code, NEWSPARSE_NULL_ARGUMENT, "{name}");
    }
    assert_eq!(last_message(), "argument `paths[i]` is NULL");
    let huge = [1usize << 30, 1];
    let code = newsparse_parse_arrow(
        text.as_ptr(),
        huge.as_ptr(),
        2,
        ptr::null(),
        1,
        &mut array,
        &mut schema,
    );
    assert_eq!(code, NEWSPARSE_INVALID_ARGUMENT);
    assert!(array.is_released() && schema.release.is_none());
    // No inputs: a batch of no rows with the whole schema.
    let code = newsparse_parse_arrow(
        ptr::null(),
        ptr::null(),
        0,
        ptr::null(),
        0,
        &mut array,
        &mut schema,
    );
    assert_eq!(code, NEWSPARSE_OK);
    assert_eq!(array.len(), 0);
    assert_eq!(schema.n_children, 14);
}
