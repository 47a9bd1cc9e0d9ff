//! Hostile inputs of known shape: each must give a sensible answer, and the
//! time to parse it must grow linearly with its size. Timing compares the
//! same shape at N and 8N repetitions and fails only when the ratio exceeds
//! a generous bound (30 for 8 times the input); there is no absolute budget.
//!
//! Release builds (`cargo test --release --test adversarial`) use the sizes
//! named in each test (a 10 MB line, a million blank lines, ...); debug builds
//! divide them by 16 to stay fast.

mod common;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use newsparse::{Article, Error, parse, parse_bytes};

const SCALE: usize = if cfg!(debug_assertions) { 16 } else { 1 };
/// Input grows 8 times; linear time would take about 8 times as long.
const GROWTH: usize = 8;
/// Largest accepted ratio of the two times: quadratic time would give 64.
const MAX_RATIO: f64 = 30.0;

/// Tests run on parallel threads; timing one shape while another parses
/// would skew the ratio, so timed sections take turns.
static TIMING: Mutex<()> = Mutex::new(());

/// The shortest time of one call of `f`, over five rounds of enough calls to
/// last at least [`MIN_ROUND`]: a single short call is at the mercy of the
/// scheduler on a loaded machine.
fn best_time(mut f: impl FnMut()) -> Duration {
    let mut calls = 1u32;
    loop {
        let start = Instant::now();
        for _ in 0..calls {
            f();
        }
        if start.elapsed() >= MIN_ROUND || calls >= 1 << 16 {
            break;
        }
        calls *= 2;
    }
    (0..5)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..calls {
                f();
            }
            start.elapsed() / calls
        })
        .min()
        .unwrap()
}

/// Shortest stretch of repeated calls that one timing round lasts.
const MIN_ROUND: Duration = Duration::from_millis(5);

/// Parses `shape(reps / GROWTH)` and `shape(reps)`, asserts linear growth,
/// checks that every text borrows from the input, and returns the big input.
fn assert_linear(name: &str, reps: usize, shape: impl Fn(usize) -> String) -> String {
    let reps = (reps / SCALE).max(GROWTH);
    let small = shape(reps / GROWTH);
    let big = shape(reps);
    let _turn = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let t_small = best_time(|| {
        std::hint::black_box(parse(std::hint::black_box(&small)).ok());
    });
    let t_big = best_time(|| {
        std::hint::black_box(parse(std::hint::black_box(&big)).ok());
    });
    let ratio = t_big.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
    eprintln!(
        "{name}: {} bytes in {t_small:?}, {} bytes in {t_big:?}, ratio {ratio:.1}",
        small.len(),
        big.len()
    );
    assert!(
        ratio <= MAX_RATIO,
        "{name}: {} bytes took {t_big:?}, {} bytes took {t_small:?}: ratio {ratio:.1} for {GROWTH}x input",
        big.len(),
        small.len()
    );
    if let Ok(article) = parse(&big) {
        common::assert_borrows_from(&big, &article);
    }
    big
}

fn article(text: &str) -> Article<'_> {
    parse(text).expect("an article")
}

#[test]
fn one_ten_megabyte_line_is_one_paragraph() {
    let sentence = "Lorem ipsum dolor sit amet. ";
    let text = assert_linear("10 MB line", 10_000_000 / sentence.len(), |n| {
        sentence.repeat(n)
    });
    let a = article(&text);
    assert_eq!(a.paragraphs, [text.trim()]);
    assert_eq!(a.headline, None);
}

#[test]
fn a_million_blank_lines_between_headline_and_body() {
    let text = assert_linear("blank lines", 1_000_000, |n| {
        format!(
            "Storm closes schools today\n{}Schools closed on Monday across the state, officials said.\n",
            "\n".repeat(n)
        )
    });
    let a = article(&text);
    assert_eq!(a.headline, Some("Storm closes schools today"));
    assert_eq!(
        a.paragraphs,
        ["Schools closed on Monday across the state, officials said."]
    );
}

#[test]
fn a_million_blank_lines_alone_are_blank() {
    let text = assert_linear("only blank lines", 1_000_000, |n| "\n".repeat(n));
    assert_eq!(parse(&text), Err(Error::Blank { len: text.len() }));
}

#[test]
fn lines_of_by_by_by_name_no_author_by() {
    let text = assert_linear("By By By lines", 100_000, |n| {
        "By By By By By By\n".repeat(n)
    });
    let a = article(&text);
    let byline = a.byline.iter().flat_map(|b| &b.authors);
    assert!(byline.clone().all(|author| author.name != "By"));
    // Every line is kept somewhere: as the byline or as a paragraph.
    let lines = text.lines().count();
    assert_eq!(a.paragraphs.len() + usize::from(a.byline.is_some()), lines);
}

#[test]
fn related_lines_are_all_related_links() {
    let text = assert_linear("RELATED lines", 100_000, |n| {
        "RELATED Kremlin cancels Friday talks\n".repeat(n)
    });
    let a = article(&text);
    assert_eq!(a.related.len(), text.lines().count());
    assert!(
        a.related
            .iter()
            .all(|r| *r == "Kremlin cancels Friday talks")
    );
    assert!(a.paragraphs.is_empty());
}

#[test]
fn repeated_agency_markers_on_one_line_are_text() {
    let text = assert_linear("(AP) (AP) (AP) ...", 200_000, |n| "(AP) ".repeat(n));
    let a = article(&text);
    assert_eq!(a.paragraphs, [text.trim()]);
    assert!(a.dateline.is_none());
}

#[test]
fn repeated_agency_marker_lines_stay_bounded() {
    let text = assert_linear("(AP) (AP) (AP) lines", 100_000, |n| {
        "(AP) (AP) (AP)\n".repeat(n)
    });
    // A short line repeated is a title repeated: the headline, shown once.
    let a = article(&text);
    assert_eq!(a.headline, Some("(AP) (AP) (AP)"));
}

#[test]
fn a_dateline_prefix_repeated_on_one_line_opens_the_body_once() {
    let prefix = "WASHINGTON, Dec. 23 (UPI) -- ";
    let text = assert_linear("dateline prefix repeated", 100_000, |n| prefix.repeat(n));
    let a = article(&text);
    let dateline = a.dateline.expect("a dateline");
    assert_eq!(dateline.text, prefix.trim_end());
    assert_eq!(a.agency.map(|a| a.name()), Some("UPI"));
    assert_eq!(a.paragraphs, [text[prefix.len()..].trim_end()]);
}

#[test]
fn a_dateline_on_every_line_is_read_once() {
    let line = "WASHINGTON, Dec. 23 (UPI) -- Officials said.\n";
    let text = assert_linear("dateline lines", 100_000, |n| line.repeat(n));
    let a = article(&text);
    assert_eq!(
        a.dateline.expect("a dateline").text,
        "WASHINGTON, Dec. 23 (UPI) --"
    );
    assert_eq!(a.paragraphs.len(), text.lines().count());
    assert_eq!(a.paragraphs[0], "Officials said.");
}

/// No field holds anything: what a rule (a line without letters or digits) gives.
fn assert_nothing_read(a: &Article<'_>) {
    assert!(a.headline.is_none() && a.byline.is_none() && a.dateline.is_none());
    assert!(a.paragraphs.is_empty() && a.boilerplate.is_empty() && a.captions.is_empty());
}

#[test]
fn five_megabytes_of_dashes_are_a_rule() {
    // A line without letters or digits is a typographic rule: layout, not text.
    let text = assert_linear("run of dashes", 5_000_000, |n| "-".repeat(n));
    assert_nothing_read(&article(&text));
    let ruled = format!(
        "Storm closes schools today\n\n{}\n\nSchools closed on Monday across the state, officials said.\n",
        "-".repeat(10_000)
    );
    let a = article(&ruled);
    assert_eq!(a.headline, Some("Storm closes schools today"));
    assert_eq!(
        a.paragraphs,
        ["Schools closed on Monday across the state, officials said."]
    );
}

#[test]
fn a_million_dash_lines_are_rules() {
    let text = assert_linear("dash lines", 1_000_000, |n| "--\n".repeat(n));
    assert_nothing_read(&article(&text));
}

#[test]
fn nul_bytes_alone_are_a_rule_and_text_inside_words() {
    // NUL alone has no letter: a rule, like the dashes.
    let text = assert_linear("NUL bytes", 1_000_000, |n| "\0".repeat(n));
    assert_nothing_read(&article(&text));
    let text = assert_linear("words with NULs", 500_000, |n| "ab\0".repeat(n));
    assert_eq!(article(&text).paragraphs, [text.as_str()]);
    let mixed = "Head line here\n\nBody\0 with a NUL in the middle.\n";
    assert_eq!(article(mixed).headline, Some("Head line here"));
}

#[test]
fn lone_carriage_returns_do_not_end_lines() {
    let text = assert_linear("lone CRs", 1_000_000, |n| "word\r".repeat(n));
    let a = article(&text);
    assert_eq!(a.paragraphs, [text.trim_end()]);
    let only = "\r".repeat(1000);
    assert_eq!(parse(&only), Err(Error::Blank { len: 1000 }));
}

#[test]
fn a_byte_order_mark_in_the_middle_is_text() {
    let text = assert_linear("BOMs in the middle", 1_000_000, |n| {
        format!("Head line here\n\nBody{}text.\n", "\u{feff}".repeat(n))
    });
    let a = article(&text);
    assert_eq!(a.headline, Some("Head line here"));
    assert!(a.paragraphs[0].starts_with("Body\u{feff}"));
    // Only a leading mark is skipped.
    let a = article("\u{feff}Head line here\n\nBody\u{feff} text.\n");
    assert_eq!(a.headline, Some("Head line here"));
    assert_eq!(a.paragraphs, ["Body\u{feff} text."]);
}

#[test]
fn invalid_utf8_at_first_middle_and_last_byte() {
    let _turn = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let sizes = [1_000_000 / SCALE / GROWTH, 1_000_000 / SCALE];
    let mut times = Vec::new();
    for len in sizes {
        let clean = "Officials said on Monday. ".repeat(len / 26).into_bytes();
        let n = clean.len();
        for at in [0, n / 2, n - 1] {
            let mut bytes = clean.clone();
            bytes[at] = 0xff;
            assert_eq!(parse_bytes(&bytes), Err(Error::InvalidUtf8 { offset: at }));
        }
        // A truncated multi-byte sequence at the very end.
        let mut cut = clean.clone();
        cut.extend_from_slice("é".as_bytes().get(..1).unwrap());
        assert_eq!(parse_bytes(&cut), Err(Error::InvalidUtf8 { offset: n }));
        let mut last = clean.clone();
        *last.last_mut().unwrap() = 0x80;
        times.push(best_time(|| {
            std::hint::black_box(parse_bytes(std::hint::black_box(&last)).err());
        }));
    }
    let ratio = times[1].as_secs_f64() / times[0].as_secs_f64().max(1e-9);
    assert!(ratio <= MAX_RATIO, "UTF-8 check: ratio {ratio:.1}");
}

#[test]
fn deeply_repeated_caption_credits() {
    let one_line = assert_linear("credits on one line", 200_000, |n| {
        "Photo by Joel Kowsky/NASA ".repeat(n)
    });
    assert_eq!(article(&one_line).paragraphs.len(), 1);
    let lines = assert_linear("caption lines", 200_000, |n| {
        "Photo by Joel Kowsky/NASA\n".repeat(n)
    });
    let a = article(&lines);
    assert_eq!(a.captions.len(), lines.lines().count());
    assert!(
        a.captions
            .iter()
            .all(|c| c.credit == Some("Joel Kowsky/NASA"))
    );
    assert_linear("nested credit", 200_000, |n| {
        format!("Photo by {}NASA\n", "Joel Kowsky/".repeat(n))
    });
}

#[test]
fn a_hundred_thousand_short_navigation_lines() {
    let text = assert_linear("navigation lines", 100_000, |n| "Home\n".repeat(n));
    let a = article(&text);
    assert!(a.paragraphs.len() + a.boilerplate.len() + 1 >= text.lines().count());
}

#[test]
fn hard_wrapped_copy_of_a_hundred_thousand_paragraphs() {
    let text = assert_linear("hard-wrapped paragraphs", 100_000, |n| {
        "    PARIS, March 27 - The bank\nintervened today in the market.\n".repeat(n)
    });
    let a = article(&text);
    assert_eq!(a.dateline.expect("a dateline").text, "PARIS, March 27 -");
    assert_eq!(a.paragraphs.len(), text.lines().count() / 2);
}
