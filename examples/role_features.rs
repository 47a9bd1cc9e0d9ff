//! What `tools/train_roles.py` trains on, and what the trained labeller gives.
//!
//! ```sh
//! cargo run --release --features training --example role_features -- DIR|FILE...
//! cargo run --release --features training --example role_features -- --explain DIR|FILE...
//! ```
//!
//! For every `*.txt` under the folders (recursively) and every file named, one
//! JSON line. Without `--explain`: a first line `{"features": [NAMES]}`, then
//! `{"path", "blocks": [{"start", "end", "x": [VALUES]}]}` per file, the byte
//! span of each block and its feature vector. With `--explain`:
//! `{"path", "blocks": [{"start", "end", "role", "confidence"}]}`, the learned
//! labeller's roles, in the form `shared/tools/score_roles.py --cli` reads.
//! A file that cannot be read or is not UTF-8 is reported on stderr and skipped.
//!
//! With `--time`, nothing is written but the cost of labelling: the fastest of
//! five passes of `newsparse::parse` and of the labeller (blocks, kinds,
//! features and the chain) over the UTF-8 files, per article, and their ratio.

use std::{
    hint::black_box,
    io::{BufWriter, Write},
    path::PathBuf,
    process::ExitCode,
    time::{Duration, Instant},
};

use serde_json::json;

#[path = "../benches/common/mod.rs"]
#[allow(dead_code)]
mod common;

fn main() -> ExitCode {
    let mut explain = false;
    let mut time = false;
    let mut inputs = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--explain" => explain = true,
            "--time" => time = true,
            "-h" | "--help" => {
                eprintln!("usage: role_features [--explain|--time] DIR|FILE...");
                return ExitCode::SUCCESS;
            }
            _ if a.starts_with('-') => {
                eprintln!(
                    "unknown option {a}; usage: role_features [--explain|--time] DIR|FILE..."
                );
                return ExitCode::from(2);
            }
            _ => inputs.push(PathBuf::from(a)),
        }
    }
    if inputs.is_empty() {
        eprintln!("usage: role_features [--explain|--time] DIR|FILE...");
        return ExitCode::from(2);
    }
    if time {
        time_labelling(&common::load_texts(&inputs));
        return ExitCode::SUCCESS;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut write = |line: serde_json::Value| writeln!(out, "{line}");
    if !explain && write(json!({ "features": newsparse::training::feature_names() })).is_err() {
        return ExitCode::FAILURE;
    }
    for path in inputs.iter().flat_map(|d| common::txt_files(d)) {
        let text = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(e)) => {
                eprintln!("{}: not UTF-8: {e}", path.display());
                failed = true;
                continue;
            }
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                failed = true;
                continue;
            }
        };
        let blocks: Vec<_> = if explain {
            newsparse::training::label(&text)
                .into_iter()
                .map(|b| {
                    json!({"start": b.start, "end": b.end, "role": b.role.name(),
                           "confidence": b.confidence})
                })
                .collect()
        } else {
            newsparse::training::block_features(&text)
                .into_iter()
                .map(|b| json!({"start": b.start, "end": b.end, "x": b.values}))
                .collect()
        };
        if write(json!({"path": path.display().to_string(), "blocks": blocks})).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() || failed {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Prints the cost per article of parsing and of labelling `texts`, from the
/// fastest of five passes of each.
fn time_labelling(texts: &[String]) {
    let fastest = |f: &dyn Fn(&str) -> usize| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let n: usize = texts.iter().map(|s| f(black_box(s))).sum();
                black_box(n);
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let parse = fastest(&|s| newsparse::parse(s).map_or(0, |a| a.paragraphs.len()));
    let label = fastest(&|s| newsparse::training::label(s).len());
    let per = |d: Duration| d.as_secs_f64() * 1e6 / texts.len().max(1) as f64;
    println!(
        "{} articles: parse {:.1} us/article, label {:.1} us/article, label/parse {:.2}",
        texts.len(),
        per(parse),
        per(label),
        label.as_secs_f64() / parse.as_secs_f64().max(1e-12)
    );
}
