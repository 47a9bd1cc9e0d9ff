#![forbid(unsafe_code)]
//! The explain view: every block of the input with the role the parser gave
//! it, the kind it reads as on its own, and the name of the rule that decided
//! the role, so "why is this line boilerplate" has one answer.
//!
//! The blocks are in input order, do not overlap, and together cover every
//! byte of the input that is not white space.

use crate::{Article, Error, Role, article};

/// A block of the input and what the parser made of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExplainedBlock<'a> {
    /// Byte offset of the block's first byte in the input as given.
    pub start: usize,
    /// Byte offset just past the block's last byte (exclusive).
    pub end: usize,
    /// The role the whole article gave the block.
    pub role: Role,
    /// The rule that decided the role: `area.rule`, e.g. `header.dek`.
    pub why: &'static str,
    /// What the block reads as on its own, before any context:
    /// `text`, `furniture`, `caption`, `byline`, ...
    pub kind: &'static str,
    /// The block's text, `input[start..end]`.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub text: &'a str,
}

/// An article with the blocks it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation<'a> {
    /// The article, as [`crate::parse`] gives it.
    pub article: Article<'a>,
    /// Every block of the input, in order.
    pub blocks: Vec<ExplainedBlock<'a>>,
}

/// Parses `text` as [`crate::parse`] does and tells the role of every block.
///
/// ```
/// use newsparse::Role;
/// let text = "Storm closes schools\n\nBy Jane Roe\n\nPROVO, Utah (UPI) -- Schools closed.\n\nShare this\n";
/// let ex = newsparse::explain(text)?;
/// let roles: Vec<Role> = ex.blocks.iter().map(|b| b.role).collect();
/// assert_eq!(roles, [Role::Headline, Role::Byline, Role::Body, Role::Boilerplate]);
/// assert_eq!(&text[ex.blocks[1].start..ex.blocks[1].end], "By Jane Roe");
/// # Ok::<(), newsparse::Error>(())
/// ```
pub fn explain(text: &str) -> Result<Explanation<'_>, Error> {
    let body = article::readable(text)?;
    let mut blocks = Vec::new();
    if body.len() < text.len() {
        // The byte-order mark is no white space: a block of its own.
        blocks.push(ExplainedBlock {
            start: 0,
            end: text.len() - body.len(),
            role: Role::Other,
            why: "text.byte_order_mark",
            kind: "byte_order_mark",
            text: &text[..text.len() - body.len()],
        });
    }
    let article = article::read_explained(body, |seen| {
        blocks.extend(seen.map(|(block, assigned)| {
            let start = block.as_ptr() as usize - text.as_ptr() as usize;
            ExplainedBlock {
                start,
                end: start + block.len(),
                role: assigned.role,
                why: assigned.why,
                kind: assigned.kind,
                text: block,
            }
        }))
    });
    Ok(Explanation { article, blocks })
}

/// [`explain`] for bytes that must be UTF-8.
pub fn explain_bytes(bytes: &[u8]) -> Result<Explanation<'_>, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => explain(text),
        Err(e) => Err(Error::InvalidUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

impl Explanation<'_> {
    /// The block holding byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<&ExplainedBlock<'_>> {
        let i = self.blocks.partition_point(|b| b.end <= offset);
        self.blocks.get(i).filter(|b| b.start <= offset)
    }
}

/// Views of an [`Explanation`] for people: a readable table and an HTML page.
pub mod view {
    use super::Explanation;
    use crate::Role;

    /// The 1-based line of byte `offset` of `text`, counting `\r\n`, `\r` and `\n`
    /// each as one line end (as the corpus line roles count).
    fn line_of(text: &str, offset: usize) -> usize {
        let bytes = text.as_bytes();
        let head = &bytes[..offset.min(bytes.len())];
        let feeds = memchr::memchr_iter(b'\n', head).count();
        let lone_returns = memchr::memchr_iter(b'\r', head)
            .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
            .count();
        1 + feeds + lone_returns
    }

    /// Longest text of a block the readable view shows before cutting it.
    const PRETTY_TEXT: usize = 100;

    /// Writes the readable view of `ex`, the explanation of `text`: one row per
    /// block with its line, role, rule and text (cut at 100 characters).
    pub fn write_pretty(
        w: &mut dyn std::io::Write,
        text: &str,
        ex: &Explanation<'_>,
    ) -> std::io::Result<()> {
        for b in &ex.blocks {
            let shown = b.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let cut = shown
                .char_indices()
                .nth(PRETTY_TEXT)
                .map_or(shown.len(), |(i, _)| i);
            let more = if cut < shown.len() { " …" } else { "" };
            writeln!(
                w,
                "{:>5}  {:<11} {:<34} {}{}",
                line_of(text, b.start),
                b.role.name(),
                b.why,
                &shown[..cut],
                more
            )?;
        }
        Ok(())
    }

    /// Tints of the roles in the HTML view.
    const ROLE_COLOURS: [(Role, &str); 14] = [
        (Role::Headline, "#ffd166"),
        (Role::Repeat, "#ffe9b0"),
        (Role::Dek, "#f6c6a8"),
        (Role::Published, "#c3e6ff"),
        (Role::Byline, "#a8d8ea"),
        (Role::Dateline, "#b8e0d2"),
        (Role::Body, "#e2f0cb"),
        (Role::Subheading, "#c7ceea"),
        (Role::Caption, "#f7b7d2"),
        (Role::Related, "#d4a5ff"),
        (Role::Credits, "#9ee0b0"),
        (Role::Signoff, "#7fd1c7"),
        (Role::Boilerplate, "#d9d9d9"),
        (Role::Other, "#fff3e0"),
    ];

    fn escape(w: &mut dyn std::io::Write, text: &str) -> std::io::Result<()> {
        let mut rest = text;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            w.write_all(&rest.as_bytes()[..i])?;
            w.write_all(match rest.as_bytes()[i] {
                b'&' => b"&amp;",
                b'<' => b"&lt;",
                b'>' => b"&gt;",
                b'"' => b"&quot;",
                _ => b"&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        w.write_all(rest.as_bytes())
    }

    /// Writes the opening of a self-contained HTML page (styles, legend and a
    /// script that counts the blocks drawn, no external assets) for
    /// [`write_html_article`] to fill and [`write_html_end`] to close.
    pub fn write_html_start(w: &mut dyn std::io::Write) -> std::io::Result<()> {
        w.write_all(
            b"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
              <title>newsparse --explain</title>\n<style>\n\
              body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}\n\
              .legend span{display:inline-block;margin:0 .4em .3em 0;padding:.1em .5em;border-radius:3px}\n\
              article{border-top:1px solid #aaa;margin-top:1.2em}\n\
              h2{font-size:15px;font-family:monospace}\n\
              .text{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:13px}\n\
              .blk{border-radius:2px;cursor:help}\n\
              .blk:hover{outline:1px solid #333}\n",
        )?;
        for (role, colour) in ROLE_COLOURS {
            writeln!(w, ".r-{}{{background:{colour}}}", role.name())?;
        }
        w.write_all(b"</style></head><body>\n<h1>newsparse: the role of every block</h1>\n<p class=\"legend\">")?;
        for (role, _) in ROLE_COLOURS {
            writeln!(w, "<span class=\"r-{0}\">{0}</span>", role.name())?;
        }
        w.write_all(b"</p>\n")
    }

    /// Writes one article of the HTML view: `text` with each block of `ex` tinted
    /// by its role, its rule and kind shown on hover.
    pub fn write_html_article(
        w: &mut dyn std::io::Write,
        path: &str,
        text: &str,
        ex: &Explanation<'_>,
    ) -> std::io::Result<()> {
        w.write_all(b"<article><h2>")?;
        escape(w, path)?;
        writeln!(
            w,
            "</h2><div class=\"text\" data-blocks=\"{}\">",
            ex.blocks.len()
        )?;
        let mut at = 0;
        for b in &ex.blocks {
            escape(w, &text[at..b.start])?;
            write!(
                w,
                "<span class=\"blk r-{0}\" data-role=\"{0}\" title=\"{0}: {1} (reads as {2})\">",
                b.role.name(),
                b.why,
                b.kind
            )?;
            escape(w, b.text)?;
            w.write_all(b"</span>")?;
            at = b.end;
        }
        escape(w, &text[at..])?;
        w.write_all(b"</div></article>\n")
    }

    /// Closes the page [`write_html_start`] opened. Its script records on the
    /// body how many blocks the page holds and how many were drawn with a size
    /// (`data-blocks`, `data-drawn`), which a headless browser test reads.
    pub fn write_html_end(w: &mut dyn std::io::Write) -> std::io::Result<()> {
        w.write_all(
            b"<script>\n\
              const blocks=[...document.querySelectorAll('.blk')];\n\
              const drawn=blocks.filter(b=>{const r=b.getBoundingClientRect();return r.width>0&&r.height>0;});\n\
              document.body.dataset.blocks=blocks.length;\n\
              document.body.dataset.drawn=drawn.length;\n\
              </script>\n</body></html>\n",
        )
    }
}
