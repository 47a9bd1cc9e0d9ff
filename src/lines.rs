#![forbid(unsafe_code)]
//! Splitting the input into blocks: one line each, or in hard-wrapped copy
//! (Reuters 1987) the lines of one paragraph up to a blank or indented line.

use memchr::memchr_iter;

/// A paragraph-sized unit of the input, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block<'a> {
    /// The text, trimmed of white space at both ends; may span several lines.
    pub text: &'a str,
    /// Whether a blank line (or the start of input) comes before it.
    pub after_blank: bool,
    /// Whether its first line is indented by spaces or a tab.
    pub indented: bool,
}

/// The lines of the input without their line ends (`\n`, `\r\n`).
pub(crate) fn lines(input: &str) -> impl Iterator<Item = &str> {
    let bytes = input.as_bytes();
    let mut start = 0;
    let ends = memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    ends.filter_map(move |end| {
        if start > bytes.len() || (end == bytes.len() && start == end && start != 0) {
            start = end + 1;
            return None;
        }
        let line = &input[start..end];
        start = end + 1;
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// Whether the copy is hard-wrapped: paragraphs open with an indented line and
/// run on over unindented lines broken at a fixed width.
pub(crate) fn is_hard_wrapped(input: &str) -> bool {
    let mut indented_openers = 0usize;
    let mut continuations = 0usize;
    let mut long_lines = 0usize;
    let mut prev_nonblank = false;
    for line in lines(input) {
        let blank = line.trim().is_empty();
        if !blank {
            if indent_of(line) >= 1 {
                indented_openers += 1;
            } else if prev_nonblank {
                continuations += 1;
            }
            if line.len() > 100 {
                long_lines += 1;
            }
        }
        prev_nonblank = !blank;
    }
    indented_openers >= 2 && continuations >= 1 && long_lines * 10 <= continuations
}

/// Blocks of the input, in order.
pub(crate) fn blocks<'a>(input: &'a str, hard_wrapped: bool, out: &mut Vec<Block<'a>>) {
    let base = input.as_ptr() as usize;
    let mut open: Option<(usize, usize, bool, bool)> = None; // start, end, after_blank, indented
    let mut after_blank = true;
    let flush = |open: &mut Option<(usize, usize, bool, bool)>, out: &mut Vec<Block<'a>>| {
        if let Some((s, e, after_blank, indented)) = open.take() {
            out.push(Block {
                text: input[s..e].trim(),
                after_blank,
                indented,
            });
        }
    };
    for line in lines(input) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut open, out);
            after_blank = true;
            continue;
        }
        let start = trimmed.as_ptr() as usize - base;
        let end = start + trimmed.len();
        let indented = indent_of(line) >= 1;
        match &mut open {
            Some((_, e, _, _)) if hard_wrapped && !indented => *e = end,
            _ => {
                flush(&mut open, out);
                open = Some((start, end, after_blank, indented));
            }
        }
        after_blank = false;
    }
    flush(&mut open, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_strip_crlf() {
        let v: Vec<_> = lines("a\r\nb\n\nc").collect();
        assert_eq!(v, ["a", "b", "", "c"]);
        let v: Vec<_> = lines("a\n").collect();
        assert_eq!(v, ["a"]);
    }

    #[test]
    fn hard_wrapped_paragraphs_join() {
        let text = "TITLE\n    PARIS, March 27 - The bank\nintervened today.\n    Dealers said\nit bought.\n Reuter\n";
        assert!(is_hard_wrapped(text));
        let mut out = Vec::new();
        blocks(text, true, &mut out);
        let texts: Vec<_> = out.iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            [
                "TITLE",
                "PARIS, March 27 - The bank\nintervened today.",
                "Dealers said\nit bought.",
                "Reuter"
            ]
        );
    }

    #[test]
    fn one_block_per_line_otherwise() {
        let text = "Head\n\nBy X\nBody one.\n";
        assert!(!is_hard_wrapped(text));
        let mut out = Vec::new();
        blocks(text, false, &mut out);
        assert_eq!(out.len(), 3);
        assert!(out[1].after_blank && !out[2].after_blank);
    }
}
