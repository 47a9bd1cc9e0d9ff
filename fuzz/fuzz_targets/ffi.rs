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
    let subheadings: Vec<_> = a.subheadings.iter().map(|s| Some(*s)).collect();
    check_list(
        input,
        h,
        newsparse_article_subheading_count,
        newsparse_article_subheading,
        &subheadings,
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

    check_time(h, a);
    check_blocks(input, h);
    check_flatten(h);

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

/// The typed time agrees with the Rust value.
fn check_time(h: *const newsparse_article, a: &Article<'_>) {
    // SAFETY: newsparse_time is plain data; all zeroes is a valid value.
    let mut t: newsparse_time = unsafe { std::mem::zeroed() };
    t.year = 9;
    let code = newsparse_article_published_at(h, &mut t);
    match a.published_at {
        Some(at) => {
            assert_eq!(code, NEWSPARSE_OK);
            assert_eq!((t.year, t.month, t.day), (at.year, at.month, at.day));
            assert_eq!(t.has_time, at.time.is_some());
            assert_eq!(t.has_utc_offset, at.utc_offset_minutes.is_some());
        }
        None => assert_eq!((code, t.year), (NEWSPARSE_NOT_FOUND, 0)),
    }
}

/// The blocks are the explain view of the text the article views: in order,
/// inside it, the role a known code, every rule and kind named.
fn check_blocks(input: &[u8], h: *const newsparse_article) {
    let mut text = newsparse_str {
        ptr: ptr::null(),
        len: 0,
    };
    assert_eq!(newsparse_article_text(h, &mut text), NEWSPARSE_OK);
    assert_eq!(text.len, input.len());
    // SAFETY: the article's text lives as long as the article.
    let text = unsafe { std::slice::from_raw_parts(text.ptr.cast::<u8>(), text.len) };
    assert_eq!(text, input);
    let ex = newsparse::explain_bytes(input).expect("a parsed text explains");
    let count = newsparse_article_block_count(h);
    assert_eq!(count, ex.blocks.len());
    let mut block = newsparse_block {
        start: 0,
        end: 0,
        role: 0,
        why: newsparse_str {
            ptr: ptr::null(),
            len: 0,
        },
        kind: newsparse_str {
            ptr: ptr::null(),
            len: 0,
        },
    };
    for (i, want) in ex.blocks.iter().enumerate() {
        assert_eq!(newsparse_article_block(h, i, &mut block), NEWSPARSE_OK);
        assert_eq!((block.start, block.end), (want.start, want.end));
        assert!(!newsparse_role_name(block.role).is_null());
        // SAFETY: a block's names are static strings of `len` bytes.
        let why = unsafe { std::slice::from_raw_parts(block.why.ptr.cast::<u8>(), block.why.len) };
        assert_eq!(why, want.why.as_bytes());
    }
    assert_eq!(
        newsparse_article_block(h, count, &mut block),
        NEWSPARSE_INDEX_OUT_OF_RANGE
    );
}

/// Flattening tells the size it needs and writes nothing into a smaller array.
fn check_flatten(h: *const newsparse_article) {
    let need = newsparse_article_flatten(h, ptr::null_mut(), 0);
    assert!(need >= NEWSPARSE_FLAT_HEADER);
    let mut words = vec![7usize; need];
    assert_eq!(
        newsparse_article_flatten(h, words.as_mut_ptr(), need - 1),
        need
    );
    assert!(
        words.iter().all(|&w| w == 7),
        "a short array stays untouched"
    );
    assert_eq!(newsparse_article_flatten(h, words.as_mut_ptr(), need), need);
}

/// The decoding entry point: the article views its own decoded text, and
/// reads as the Rust parser reads that text.
fn check_encoded(data: &[u8]) {
    let mut handle = ptr::null_mut();
    let code = newsparse_parse_encoded(
        data.as_ptr(),
        data.len(),
        c"windows-1252".as_ptr(),
        &mut handle,
    );
    let decoded = newsparse::decode(data, "windows-1252").expect("a known label");
    match newsparse::parse(&decoded) {
        Ok(_) => {
            assert_eq!(code, NEWSPARSE_OK);
            let mut text = newsparse_str {
                ptr: ptr::null(),
                len: 0,
            };
            assert_eq!(newsparse_article_text(handle, &mut text), NEWSPARSE_OK);
            // SAFETY: the article owns its decoded text while it lives.
            let owned = unsafe { std::slice::from_raw_parts(text.ptr.cast::<u8>(), text.len) };
            assert_eq!(owned, decoded.as_bytes());
            let article = newsparse::parse_bytes(owned).expect("the same text parses");
            check_article(owned, handle, &article);
            newsparse_article_free(handle);
        }
        Err(_) => assert!(handle.is_null() && code != NEWSPARSE_OK),
    }
    assert_eq!(
        newsparse_parse_encoded(data.as_ptr(), data.len(), c"no-such".as_ptr(), &mut handle),
        NEWSPARSE_UNKNOWN_ENCODING
    );
    assert!(handle.is_null());
}

/// The batch entry point on `data` cut in up to three pieces, on two threads:
/// each piece's article and code are those of parsing it alone.
fn check_many(data: &[u8]) {
    let cut = |at: u8| (at as usize).min(data.len());
    let (a, b) = match data {
        [x, y, ..] => (cut(*x).min(cut(*y)), cut(*x).max(cut(*y))),
        _ => (0, data.len()),
    };
    let lens = [a, b - a, data.len() - b];
    let mut articles = [ptr::null_mut(); 3];
    let mut codes = [NEWSPARSE_PANIC; 3];
    let code = newsparse_parse_many(
        data.as_ptr(),
        lens.as_ptr(),
        lens.len(),
        ptr::null(),
        2,
        articles.as_mut_ptr(),
        codes.as_mut_ptr(),
    );
    assert_eq!(code, NEWSPARSE_OK);
    let mut from = 0;
    for i in 0..lens.len() {
        let piece = &data[from..from + lens[i]];
        from += lens[i];
        let mut alone = ptr::null_mut();
        assert_eq!(
            codes[i],
            newsparse_parse(piece.as_ptr(), piece.len(), &mut alone)
        );
        assert_eq!(articles[i].is_null(), alone.is_null());
        if !alone.is_null() {
            let json = |h| {
                let (mut s, mut len) = (ptr::null_mut(), 0);
                assert_eq!(newsparse_article_to_json(h, &mut s, &mut len), NEWSPARSE_OK);
                // SAFETY: a successful call gives a NUL-terminated string.
                let out = unsafe { std::ffi::CStr::from_ptr(s) }.to_owned();
                newsparse_string_free(s);
                out
            };
            assert_eq!(json(articles[i]), json(alone));
        }
        newsparse_article_free(alone);
        newsparse_article_free(articles[i]);
    }
}

fuzz_target!(|data: &[u8]| {
    // The decoding and batch entry points each redo the whole check: run
    // them on a share of the inputs (chosen by the input, so a finding
    // replays), and always decode text that is not UTF-8.
    let share = data.last().map_or(0, |b| b % 4);
    if share == 0 || std::str::from_utf8(data).is_err() {
        check_encoded(data);
    }
    if share == 1 {
        check_many(data);
    }
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
