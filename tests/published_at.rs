//! The typed publication time against every `published` text of the labelled
//! corpus (`../shared/corpus/{dev,extra}/**/*.gold.json`; skipped when absent).
//!
//! The gold holds only the text, so each typed value is checked for agreement
//! with it, read independently: the year, day, month, hour and minute it gives
//! are written in the text, and so is a zone or offset it reports. A text with
//! a written year and month must get a value; the ones without a typed value
//! are listed.

use std::path::{Path, PathBuf};

use newsparse::{PublishedAt, zone_offset};

fn gold_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            gold_files(&path, out);
        } else if path.to_string_lossy().ends_with(".gold.json") {
            out.push(path);
        }
    }
}

/// The numbers written in a text, as runs of digits (`20197` also as `2019` and `7`:
/// a year glued to a time).
fn numbers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for run in text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
    {
        let value = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
        out.push(value(run));
        if run.len() > 4 {
            out.push(value(&run[..4]));
            out.push(value(&run[4..]));
        }
        if run.len() == 4 {
            // `0339`: military time, hour and minute.
            out.push(value(&run[..2]));
            out.push(value(&run[2..]));
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Why a typed value disagrees with its text, if it does.
fn disagreement(text: &str, at: &PublishedAt) -> Option<String> {
    let nums = numbers(text);
    let lower = text.to_ascii_lowercase();
    let year_written =
        nums.contains(&u32::from(at.year)) || nums.contains(&u32::from(at.year % 100));
    if !year_written {
        return Some(format!("year {} not written", at.year));
    }
    if !nums.contains(&u32::from(at.day)) {
        return Some(format!("day {} not written", at.day));
    }
    let month_name = MONTHS[usize::from(at.month) - 1];
    let named = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 3 && w.starts_with(month_name));
    if !named && !nums.contains(&u32::from(at.month)) {
        return Some(format!("month {} not written", at.month));
    }
    if let Some(t) = at.time {
        let twelve = match t.hour % 12 {
            0 => 12,
            h => h,
        };
        if !nums.contains(&u32::from(t.hour)) && !nums.contains(&u32::from(twelve)) {
            return Some(format!("hour {} not written", t.hour));
        }
        if !nums.contains(&u32::from(t.minute)) {
            return Some(format!("minute {} not written", t.minute));
        }
        let pm = lower.contains("pm") || lower.contains("p.m");
        let am = lower.contains("am") && !lower.contains("amt") || lower.contains("a.m");
        if pm && !am && t.hour < 12 || am && !pm && t.hour >= 12 && twelve != 12 {
            return Some(format!("hour {} against the written half day", t.hour));
        }
    }
    if let Some(offset) = at.utc_offset_minutes {
        let zone_written = lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| zone_offset(w) == Some(offset));
        let numeric = text.contains(['+', '-']) || offset == 0 && text.ends_with('Z');
        if !(zone_written || numeric) {
            return Some(format!("offset {offset} not written"));
        }
    }
    None
}

/// Whether a text writes a year and a month: it must then get a typed value.
fn writes_year_and_month(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let has_year = text
        .split(|c: char| !c.is_ascii_digit())
        .any(|r| r.len() >= 4 && (1900..2100).contains(&r[..4].parse::<u32>().unwrap_or(0)))
        || text.matches('/').count() == 2
        || text.matches('.').count() >= 2 && text.chars().filter(char::is_ascii_digit).count() >= 6;
    let has_month = MONTHS.iter().any(|m| {
        lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3 && w.starts_with(m))
    }) || text.matches(['/', '.', '-']).count() >= 2;
    has_year && has_month
}

#[test]
fn every_gold_timestamp_is_typed_consistently() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    for part in ["dev", "extra"] {
        gold_files(&corpus.join(part), &mut files);
    }
    if files.is_empty() {
        eprintln!("no ../shared/corpus/{{dev,extra}}: skipped");
        return;
    }
    files.sort();
    let (mut typed, mut untyped, mut wrong) = (0, Vec::new(), Vec::new());
    for file in &files {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let Some(text) = gold.get("published").and_then(|p| p.as_str()) else {
            continue;
        };
        match PublishedAt::read(text) {
            Some(at) => {
                typed += 1;
                if let Some(why) = disagreement(text, &at) {
                    wrong.push(format!("{}: {text:?} -> {at}: {why}", file.display()));
                }
            }
            None => untyped.push(text.to_owned()),
        }
    }
    untyped.sort();
    untyped.dedup();
    eprintln!(
        "{typed} gold timestamps typed; without a typed value ({}):",
        untyped.len()
    );
    for text in &untyped {
        eprintln!("  {text:?}");
    }
    assert!(
        wrong.is_empty(),
        "typed values disagreeing with their text:\n{}",
        wrong.join("\n")
    );
    let missed: Vec<_> = untyped
        .iter()
        .filter(|t| writes_year_and_month(t))
        .collect();
    assert!(
        missed.is_empty(),
        "texts writing a year and month left untyped: {missed:?}"
    );
    assert!(typed > 150, "only {typed} gold timestamps typed");
}
