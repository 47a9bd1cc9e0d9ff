//! CRLF and LF forms of one text read the same: line ends are read in one
//! place (`src/line_ends.rs`), and fields of a CRLF text still borrow from it.

mod common;

use std::path::Path;

use newsparse::{Article, Role};

/// The input the `parse_str` fuzz target first failed on (issue #15): with LF
/// the hard-wrapped `By Cal uc…` block was a byline, with CRLF (two bytes
/// longer, over the byline's length limit) a body paragraph.
fn fuzz_found_text() -> String {
    format!(
        "ICAL MAKERS SEE STRONGER SECOND ER\n    By Cal uc{}ers expect\nearnings to improve in the second quarte cutting is behind them,\" saidr as plant operating\nrates climb and expRelated: ort demand recovers, industry analysts said.\n Monday, June 26, 2017 10:32 a.m. EDT",
        "\u{19}".repeat(17)
    )
}

fn roles(text: &str) -> Vec<(Role, &'static str)> {
    newsparse::explain(text)
        .unwrap()
        .blocks
        .iter()
        .map(|b| (b.role, b.why))
        .collect()
}

fn same_reading(lf: &str) {
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (
        newsparse::parse(lf).unwrap(),
        newsparse::parse(&crlf).unwrap(),
    );
    assert_eq!(common::normalised_fields(&a), common::normalised_fields(&b));
    common::assert_borrows_from(&crlf, &b);
    assert_eq!(roles(lf), roles(&crlf));
    let ex = newsparse::explain(&crlf).unwrap();
    for block in &ex.blocks {
        assert_eq!(&crlf[block.start..block.end], block.text);
    }
}

#[test]
fn the_fuzz_found_text_reads_the_same_in_both_forms() {
    let lf = fuzz_found_text();
    same_reading(&lf);
    let crlf = lf.replace('\n', "\r\n");
    let a = newsparse::parse(&crlf).unwrap();
    assert_eq!(a.byline.map(|b| b.text), Some("By Cal"));
}

#[test]
fn every_style_fixture_reads_the_same_in_both_forms() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/styles");
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        same_reading(&text.replace("\r\n", "\n"));
    }
}

#[test]
fn a_crlf_field_across_lines_keeps_its_returns() {
    // Hard-wrapped copy: the paragraph spans two lines of the input as given.
    let lf = "SHARES RISE ON EARNINGS HOPES\n    NEW YORK, June 26 - Stocks rose on Monday as traders\nbet on earnings, analysts said.\n    Bonds fell back in quiet trading before the holiday,\nand the dollar was little changed against the yen.\n";
    let crlf = lf.replace('\n', "\r\n");
    let a: Article<'_> = newsparse::parse(&crlf).unwrap();
    assert!(
        a.paragraphs[0].contains("traders\r\nbet"),
        "{:?}",
        a.paragraphs
    );
    same_reading(lf);
}
