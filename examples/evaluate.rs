//! Scores newsparse against gold-labelled articles, as `corpus/SCHEMA.md` says.
//!
//! ```sh
//! cargo run --release --example evaluate -- [--min-overall P] [--min-found P] [--show N] DIR...
//! ```
//!
//! Prints one line per field, `found: R/T (P%)` over the (article, field) pairs
//! whose gold is not empty, and `overall: R/T (P%)` last. Exits 1 when a floor
//! given by `--min-overall` / `--min-found` (percent) is not reached.

use std::{
    path::{Path, PathBuf},
    process::ExitCode,
};

use serde_json::{Value, json};

const FIELDS: [&str; 13] = [
    "headline",
    "published",
    "authors",
    "byline_affiliation",
    "dateline_location",
    "dateline_date",
    "agency",
    "body_first",
    "body_last",
    "related",
    "captions",
    "tail_credits",
    "boilerplate",
];

/// Collapses runs of white space to one space and trims both ends.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The parser's answer in the gold file's terms.
fn answer(a: &newsparse::Article<'_>) -> Value {
    let by = a.byline.as_ref();
    let dl = a.dateline.as_ref();
    json!({
        "headline": a.headline,
        "published": a.published,
        "authors": by.map(|b| b.authors.iter().map(|x| x.name).collect::<Vec<_>>()).unwrap_or_default(),
        "byline_affiliation": by.and_then(|b| b.affiliation),
        "dateline_location": dl.and_then(|d| d.location.as_ref()).map(|l| l.text),
        "dateline_date": dl.and_then(|d| d.date.as_ref()).map(|d| d.text),
        "agency": a.agency.map(|x| x.name()),
        "body_first": a.paragraphs.first(),
        "body_last": a.paragraphs.last(),
        "related": a.related,
        "captions": a.captions.len(),
        "tail_credits": a.credits,
        "boilerplate": a.boilerplate,
    })
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Number(n) => n.as_u64() == Some(0),
        _ => false,
    }
}

fn right(field: &str, gold: &Value, got: &Value) -> bool {
    match field {
        "body_first" | "body_last" => match (gold, got) {
            (Value::String(g), Value::String(h)) => norm(h).starts_with(&norm(g)),
            _ => false,
        },
        "authors" | "related" | "boilerplate" => match (gold, got) {
            (Value::Array(g), Value::Array(h)) => {
                g.len() == h.len()
                    && g.iter().zip(h).all(|(x, y)| match (x, y) {
                        (Value::String(x), Value::String(y)) => norm(x) == norm(y),
                        _ => false,
                    })
            }
            _ => false,
        },
        "captions" => gold == got,
        _ => match (gold, got) {
            (Value::String(g), Value::String(h)) => norm(g) == norm(h),
            (Value::Null, Value::Null) => true,
            _ => false,
        },
    }
}

fn gold_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            gold_files(&path, out)?;
        } else if path.to_string_lossy().ends_with(".gold.json") {
            out.push(path);
        }
    }
    Ok(())
}

fn pct(r: usize, t: usize) -> f64 {
    100.0 * r as f64 / t.max(1) as f64
}

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let (mut min_overall, mut min_found, mut show) = (0.0f64, 0.0f64, 0usize);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut num = |name: &str| -> Option<f64> {
            let v = args.next().and_then(|v| v.parse().ok());
            if v.is_none() {
                eprintln!("evaluate: {name} needs a number");
            }
            v
        };
        match arg.as_str() {
            "--min-overall" => match num("--min-overall") {
                Some(v) => min_overall = v,
                None => return ExitCode::from(2),
            },
            "--min-found" => match num("--min-found") {
                Some(v) => min_found = v,
                None => return ExitCode::from(2),
            },
            "--show" => match num("--show") {
                Some(v) => show = v as usize,
                None => return ExitCode::from(2),
            },
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: evaluate [--min-overall P] [--min-found P] [--show N] DIR...");
        return ExitCode::from(2);
    }
    let mut golds = Vec::new();
    for d in &dirs {
        if let Err(e) = gold_files(d, &mut golds) {
            eprintln!("evaluate: {}: {e}", d.display());
            return ExitCode::from(2);
        }
    }
    golds.sort();
    let mut tally = [(0usize, 0usize); FIELDS.len()];
    let (mut found, mut present) = (0usize, 0usize);
    let mut shown = 0;
    for g in &golds {
        let gold: Value = match std::fs::read(g).map(|b| serde_json::from_slice(&b)) {
            Ok(Ok(v)) => v,
            _ => {
                eprintln!("evaluate: cannot read {}", g.display());
                return ExitCode::from(2);
            }
        };
        let txt = PathBuf::from(
            g.to_string_lossy()
                .trim_end_matches(".gold.json")
                .to_string()
                + ".txt",
        );
        let bytes = std::fs::read(&txt).unwrap_or_default();
        let got = newsparse::parse_bytes(&bytes).ok().map(|a| answer(&a));
        for (k, field) in FIELDS.iter().enumerate() {
            let want = &gold[*field];
            let ok = got.as_ref().is_some_and(|a| right(field, want, &a[*field]));
            tally[k].0 += ok as usize;
            tally[k].1 += 1;
            if !is_empty(want) {
                present += 1;
                found += ok as usize;
            }
            if !ok && shown < show {
                shown += 1;
                let have = got.as_ref().map_or(Value::Null, |a| a[*field].clone());
                println!("WRONG {} {field} gold={want} got={have}", gold["source"]);
            }
        }
    }
    for (k, field) in FIELDS.iter().enumerate() {
        let (r, t) = tally[k];
        println!("{field}: {r}/{t} ({:.1}%)", pct(r, t));
    }
    let r: usize = tally.iter().map(|x| x.0).sum();
    let t: usize = tally.iter().map(|x| x.1).sum();
    println!("found: {found}/{present} ({:.1}%)", pct(found, present));
    println!("overall: {r}/{t} ({:.1}%)", pct(r, t));
    if pct(r, t) < min_overall || pct(found, present) < min_found {
        eprintln!("evaluate: below the floor (overall >= {min_overall}%, found >= {min_found}%)");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
