#![forbid(unsafe_code)]
//! Splitting the input into blocks: one line each, or in hard-wrapped copy
//! (Reuters 1987) the lines of one paragraph up to a blank or indented line.

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

/// What tells hard-wrapped copy: paragraphs open with an indented line and run
/// on over unindented lines broken at a fixed width.
#[derive(Default)]
struct Wrapping {
    indented_openers: usize,
    continuations: usize,
    long_lines: usize,
}

impl Wrapping {
    /// Counts a non-blank line of `len` bytes.
    fn count(&mut self, indented: bool, after_blank: bool, len: usize) {
        if indented {
            self.indented_openers += 1;
        } else if !after_blank {
            self.continuations += 1;
        }
        if len > 100 {
            self.long_lines += 1;
        }
    }

    fn hard_wrapped(&self) -> bool {
        self.indented_openers >= 2
            && self.continuations >= 1
            && self.long_lines * 10 <= self.continuations
    }
}

/// Blocks of the input, in order: one per line, or in hard-wrapped copy one
/// per paragraph. The lines are read once: each becomes a block, and what
/// tells hard-wrapped copy is counted on the way; in such copy the lines that
/// run on are then joined to the block above them.
pub(crate) fn blocks<'a>(input: &'a str, out: &mut Vec<Block<'a>>) {
    let mut wrapping = Wrapping::default();
    let mut after_blank = true;
    // The lines without their line ends (`\n`, `\r\n`), the piece after the
    // last line feed too: empty, it only marks a blank that nothing follows.
    let bytes = input.as_bytes();
    let mut start = 0;
    while start <= bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |p| start + p);
        let line = &input[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        start = end + 1;
        let text = trim(line);
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        wrapping.count(indented, after_blank, line.len());
        out.push(Block {
            text,
            after_blank,
            indented,
        });
        after_blank = false;
    }
    if wrapping.hard_wrapped() {
        join_run_on_lines(input, out);
    }
}

/// `line.trim()`: most lines need none, told from two bytes; otherwise the
/// ASCII white space at its ends is stripped byte by byte (lines are often
/// indented), then [`crate::ascii::trim`] strips the rest. Stripping ASCII
/// white space first changes nothing, as `trim` strips it too.
fn trim(line: &str) -> &str {
    if crate::ascii::is_trimmed(line) {
        return line;
    }
    crate::ascii::trim(line.trim_ascii())
}

/// Joins each unindented line that follows another without a blank line to
/// the block above it.
fn join_run_on_lines<'a>(input: &'a str, out: &mut Vec<Block<'a>>) {
    let offset = |s: &str| s.as_ptr() as usize - input.as_ptr() as usize;
    let mut kept = 0;
    for i in 0..out.len() {
        let line = out[i];
        if kept > 0 && !line.indented && !line.after_blank {
            let open = &mut out[kept - 1];
            let (start, end) = (offset(open.text), offset(line.text) + line.text.len());
            open.text = &input[start..end];
        } else {
            out[kept] = line;
            kept += 1;
        }
    }
    out.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_as_str_trim() {
        for line in [
            "",
            " ",
            "a",
            " a b ",
            "\t\u{b}a\u{b}\r",
            "\u{a0}a\u{2003}",
            " \u{a0} ",
            "\u{1f}a",
        ] {
            assert_eq!(trim(line), line.trim(), "{line:?}");
        }
    }

    #[test]
    fn line_ends_are_cut_off() {
        let mut out = Vec::new();
        blocks("a\r\nb\n\nc\r\n", &mut out);
        let read: Vec<_> = out.iter().map(|b| (b.text, b.after_blank)).collect();
        assert_eq!(read, [("a", true), ("b", false), ("c", true)]);
        out.clear();
        blocks("a", &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn hard_wrapped_paragraphs_join() {
        let text = "TITLE\n    PARIS, March 27 - The bank\nintervened today.\n    Dealers said\nit bought.\n Reuter\n";
        let mut out = Vec::new();
        blocks(text, &mut out);
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
        let mut out = Vec::new();
        blocks(text, &mut out);
        assert_eq!(out.len(), 3);
        assert!(out[1].after_blank && !out[2].after_blank);
    }
}
