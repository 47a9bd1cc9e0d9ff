//! The C ABI: parse arbitrary bytes, read every field through the accessors
//! (and one index past each list), render JSON, free. Each view must match the
//! Rust API's answer and lie inside the input at the offset it reports;
//! `NEWSPARSE_PANIC` anywhere is a finding.
#![no_main]

use std::ptr;

use libfuzzer_sys::fuzz_target;
use newsparse::ffi::newsparse_result::*;
use newsparse::ffi::*;
use newsparse::{Agency, Article, Error};

type Getter =
    extern "C" fn(*const newsparse_article, *mut newsparse_str, *mut usize) -> newsparse_result;
type ItemGetter = extern "C" fn(
    *const newsparse_article,
    usize,
    *mut newsparse_str,
    *mut usize,
) -> newsparse_result;

/// Checks one view against the Rust value it stands for.
fn check_view(
    input: &[u8],
    code: newsparse_result,
    view: newsparse_str,
    offset: usize,
    want: Option<&str>,
) {
    match want {
        None => {
            assert_eq!(code, NEWSPARSE_NOT_FOUND);
            assert!(view.ptr.is_null() && view.len == 0 && offset == NEWSPARSE_NO_OFFSET);
        }
        Some(want) => {
            assert_eq!(code, NEWSPARSE_OK);
            assert!(!view.ptr.is_null());
            // SAFETY: a present view points at `len` bytes that live as long as
            // the article and the input, both alive here.
            let bytes = unsafe { std::slice::from_raw_parts(view.ptr.cast::<u8>(), view.len) };
            assert_eq!(std::str::from_utf8(bytes).expect("a view is UTF-8"), want);
            let base = input.as_ptr() as usize;
            let at = view.ptr as usize;
            let inside = at >= base && at - base + view.len <= input.len();
            if inside {
                assert_eq!(offset, at - base, "offset of a view into the input");
            } else {
                assert_eq!(offset, NEWSPARSE_NO_OFFSET);
            }
            let from_input = (want.as_ptr() as usize) >= base
                && (want.as_ptr() as usize) + want.len() <= base + input.len();
            assert_eq!(
                inside, from_input,
                "a view points where the Rust value does"
            );
        }
    }
}

fn check_one(input: &[u8], article: *const newsparse_article, get: Getter, want: Option<&str>) {
    let mut view = newsparse_str {
        ptr: ptr::null(),
        len: 0,
    };
    let mut offset = 0;
    let code = get(article, &mut view, &mut offset);
    check_view(input, code, view, offset, want);
    // Without an offset pointer, and with a NULL article.
    assert_eq!(get(article, &mut view, ptr::null_mut()), code);
    assert_eq!(
        get(ptr::null(), &mut view, &mut offset),
        NEWSPARSE_NULL_ARGUMENT
    );
    assert!(view.ptr.is_null());
}

fn check_list(
    input: &[u8],
    article: *const newsparse_article,
    count: extern "C" fn(*const newsparse_article) -> usize,
    get: ItemGetter,
    want: &[Option<&str>],
) {
    assert_eq!(count(article), want.len());
    let mut view = newsparse_str {
        ptr: ptr::null(),
        len: 0,
    };
    let mut offset = 0;
    for (i, w) in want.iter().enumerate() {
        let code = get(article, i, &mut view, &mut offset);
        check_view(input, code, view, offset, *w);
    }
    for past in [want.len(), usize::MAX] {
        let code = get(article, past, &mut view, &mut offset);
        assert_eq!(code, NEWSPARSE_INDEX_OUT_OF_RANGE);
        assert!(view.ptr.is_null() && offset == NEWSPARSE_NO_OFFSET);
        assert_eq!(newsparse_last_error_code(), NEWSPARSE_INDEX_OUT_OF_RANGE);
    }
}

fn check_article<'a>(input: &[u8], h: *const newsparse_article, a: &Article<'a>) {
    let byline = a.byline.as_ref();
    let dateline = a.dateline.as_ref();
    let place = dateline.and_then(|d| d.location.as_ref());
    let date = dateline.and_then(|d| d.date.as_ref());
    fn name<'a>(agency: Option<Agency<'a>>) -> Option<&'a str> {
        agency.map(|x| x.name())
    }
    let one: [(Getter, Option<&str>); 13] = [
        (newsparse_article_headline, a.headline),
        (newsparse_article_published, a.published),
        (newsparse_article_byline_text, byline.map(|b| b.text)),
        (
            newsparse_article_byline_affiliation,
            byline.and_then(|b| b.affiliation),
        ),
        (newsparse_article_dateline_text, dateline.map(|d| d.text)),
        (newsparse_article_dateline_location, place.map(|l| l.text)),
        (newsparse_article_dateline_city, place.map(|l| l.city)),
        (
            newsparse_article_dateline_region,
            place.and_then(|l| l.region),
        ),
        (
            newsparse_article_dateline_state,
            place.and_then(|l| l.state),
        ),
        (newsparse_article_dateline_date, date.map(|d| d.text)),
        (
            newsparse_article_dateline_agency,
            name(dateline.and_then(|d| d.agency)),
        ),
        (newsparse_article_agency, name(a.agency)),
        (newsparse_article_credits, a.credits),
    ];
    for (get, want) in one {
        check_one(input, h, get, want);
    }

    let mut parts = newsparse_date {
        month: 9,
        day: 9,
        year: 9,
        has_year: true,
    };
    let code = newsparse_article_dateline_date_parts(h, &mut parts);
    match date {
        Some(d) => {
            assert_eq!(code, NEWSPARSE_OK);
            assert_eq!((parts.month, parts.day), (d.month, d.day));
            assert_eq!(parts.has_year.then_some(parts.year), d.year);
        }
        None => assert_eq!(
            (code, parts.month, parts.has_year),
            (NEWSPARSE_NOT_FOUND, 0, false)
        ),
    }

    let authors: Vec<_> = byline.map_or(Vec::new(), |b| {
        b.authors.iter().map(|x| Some(x.name)).collect()
    });
    check_list(
        input,
        h,
        newsparse_article_byline_author_count,
        newsparse_article_byline_author,
        &authors,
    );
    let paragraphs: Vec<_> = a.paragraphs.iter().map(|p| Some(*p)).collect();
    check_list(
        input,
        h,
        newsparse_article_paragraph_count,
        newsparse_article_paragraph,
        &paragraphs,
    );
    let captions: Vec<_> = a.captions.iter().map(|c| Some(c.text)).collect();
    check_list(
        input,
        h,
        newsparse_article_caption_count,
        newsparse_article_caption,
        &captions,
    );
    let credits: Vec<_> = a.captions.iter().map(|c| c.credit).collect();
    check_list(
        input,
        h,
        newsparse_article_caption_count,
        newsparse_article_caption_credit,
        &credits,
    );
    let related: Vec<_> = a.related.iter().map(|r| Some(*r)).collect();
    check_list(
        input,
        h,
        newsparse_article_related_count,
        newsparse_article_related,
        &related,
    );
    let boilerplate: Vec<_> = a.boilerplate.iter().map(|b| Some(*b)).collect();
    check_list(
        input,
        h,
        newsparse_article_boilerplate_count,
        newsparse_article_boilerplate,
        &boilerplate,
    );

    let mut json = ptr::null_mut();
    let mut len = 0;
    assert_eq!(
        newsparse_article_to_json(h, &mut json, &mut len),
        NEWSPARSE_OK
    );
    assert!(!json.is_null());
    // SAFETY: a successful call gives a NUL-terminated string of `len` bytes.
    let text = unsafe { std::ffi::CStr::from_ptr(json) }
        .to_str()
        .expect("JSON is UTF-8");
    assert_eq!(text.len(), len);
    let value: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
    assert_eq!(value, serde_json::to_value(a).unwrap());
    newsparse_string_free(json);
}

fuzz_target!(|data: &[u8]| {
    let mut handle = ptr::null_mut();
    let code = newsparse_parse(data.as_ptr(), data.len(), &mut handle);
    match newsparse::parse_bytes(data) {
        Ok(article) => {
            assert_eq!(code, NEWSPARSE_OK);
            assert!(!handle.is_null());
            assert_eq!(newsparse_last_error_code(), NEWSPARSE_OK);
            check_article(data, handle, &article);
            newsparse_article_free(handle);
        }
        Err(e) => {
            let want = match e {
                Error::Empty => NEWSPARSE_EMPTY_INPUT,
                Error::Blank { .. } => NEWSPARSE_BLANK_INPUT,
                Error::InvalidUtf8 { .. } => NEWSPARSE_INVALID_UTF8,
                _ => unreachable!("an error newsparse_parse does not map: {e:?}"),
            };
            assert_eq!(code, want);
            assert!(handle.is_null());
            assert_eq!(newsparse_last_error_code(), want);
            assert_eq!(newsparse_last_error_offset(), e.offset());
            let mut message = [0 as std::ffi::c_char; 256];
            let full = newsparse_last_error_message(message.as_mut_ptr(), message.len());
            assert_eq!(full, e.to_string().len());
        }
    }
    assert_eq!(
        newsparse_parse(data.as_ptr(), data.len(), ptr::null_mut()),
        NEWSPARSE_NULL_ARGUMENT
    );
});
