//! Shared by the criterion benches and `examples/throughput.rs`: the line-scan
//! floor, the wording scan above it, and the loading of a corpus into memory.

use std::path::{Path, PathBuf};

/// The floor: one pass over the text that finds every line and every
/// blank-line paragraph break, and nothing else. Any parser must at least do
/// this much work, so the ratio of its throughput to this one says how close
/// to the bytes it runs.
pub fn line_scan(text: &str) -> (usize, usize) {
    let mut lines = 0usize;
    let mut breaks = 0usize;
    let mut prev_blank = true;
    for line in text.lines() {
        let blank = line.trim().is_empty();
        if blank && !prev_blank {
            breaks += 1;
        }
        lines += usize::from(!blank);
        prev_blank = blank;
    }
    (lines, breaks)
}

/// Generic wording of news-page furniture, the phrases [`WordingScan`] looks for.
const SITE_PHRASES: [&str; 12] = [
    "advertisement",
    "all rights reserved",
    "click here",
    "comments",
    "follow us",
    "newsletter",
    "privacy policy",
    "related",
    "share this",
    "sign up",
    "subscribe",
    "terms of use",
];

/// A second reference above the floor: the least a parser that tells lines
/// by their wording does. Besides the line scan, it lower-cases every
/// non-blank line and searches it once for a dozen site phrases (with the
/// same SIMD literal searcher the parser uses). The parser reads each line
/// with about ten rules of this kind, so its throughput is bounded well
/// below this one's.
pub struct WordingScan {
    phrases: aho_corasick::packed::Searcher,
    lower: String,
}

impl WordingScan {
    pub fn new() -> Self {
        WordingScan {
            phrases: aho_corasick::packed::Searcher::new(SITE_PHRASES.iter())
                .expect("a dozen short phrases fit the packed searcher"),
            lower: String::new(),
        }
    }

    /// The number of non-blank lines of `text` holding a site phrase.
    pub fn scan(&mut self, text: &str) -> usize {
        let mut found = 0;
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            self.lower.clear();
            self.lower.push_str(line);
            self.lower.make_ascii_lowercase();
            found += usize::from(self.phrases.find(&self.lower).is_some());
        }
        found
    }
}

/// Every `*.txt` file under `dir`, recursively, in a stable order; `dir`
/// itself when it is a file.
pub fn txt_files(dir: &Path) -> Vec<PathBuf> {
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The UTF-8 texts of every `*.txt` file under the given folders (or of the files given); files that
/// are not UTF-8 are left out, as the parser would refuse them anyway.
pub fn load_texts<P: AsRef<Path>>(dirs: &[P]) -> Vec<String> {
    dirs.iter()
        .flat_map(|d| txt_files(d.as_ref()))
        .filter_map(|p| String::from_utf8(std::fs::read(p).ok()?).ok())
        .collect()
}
