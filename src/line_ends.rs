#![forbid(unsafe_code)]
//! Line ends, read in one place: a text written with `\r\n` is read in its `\n`
//! form, and what was read is mapped back onto the text as given.
//!
//! Rules look at a line's last byte, its length and the byte after it; a block
//! of hard-wrapped copy spans several lines and so holds its line ends. Were
//! the rules to see `\r`, the LF and CRLF forms of one story would read
//! differently (a byline 200 bytes long in one form is 202 in the other).
//! Rather than teach every rule about `\r`, the reader never sees one: for a
//! CRLF text it reads an owned copy with each `\r\n` made `\n`, then every
//! slice of the result is moved back onto the input, so fields still borrow
//! from the caller's text. A text without `\r\n` (the common case) costs one
//! `memchr` and no copy.

use crate::{Agency, Article, Byline, Caption, Dateline};
use crate::{byline::Author, dateline::DatelineDate, dateline::Location};

/// The `\n` form of a text that has `\r\n` line ends.
pub(crate) struct LfForm {
    /// The text with every `\r\n` written `\n`.
    pub text: String,
    /// For each dropped `\r`, the offset in `text` of the `\n` it stood before, ascending.
    dropped: Vec<usize>,
}

impl LfForm {
    /// The `\n` form of `text`, or `None` when `text` has no `\r\n`.
    pub fn of(text: &str) -> Option<LfForm> {
        let bytes = text.as_bytes();
        let first = memchr::memmem::find(bytes, b"\r\n")?;
        let mut lf = String::with_capacity(text.len());
        let mut dropped = Vec::new();
        let mut from = 0;
        let mut at = Some(first);
        while let Some(r) = at {
            // `\r` and `\n` are ASCII, so every cut is on a char boundary.
            lf.push_str(&text[from..r]);
            dropped.push(lf.len());
            from = r + 1;
            at = memchr::memmem::find(&bytes[from..], b"\r\n").map(|p| from + p);
        }
        lf.push_str(&text[from..]);
        Some(LfForm { text: lf, dropped })
    }

    /// The offset in the original text of offset `at` of the `\n` form: every
    /// dropped `\r` before it moves it one byte on. An offset at a `\n` that
    /// had a `\r` maps to that `\r`, so a slice ending at a line end still
    /// ends before it.
    fn original_offset(&self, at: usize) -> usize {
        at + self.dropped.partition_point(|&d| d < at)
    }

    /// The part of `original` that `part` (a slice of [`LfForm::text`]) was read from.
    pub fn back<'a>(&self, original: &'a str, part: &str) -> &'a str {
        let base = self.text.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        if at < base || at + part.len() > base + self.text.len() {
            // Every field is a slice of the text read (tests/zero_copy.rs); an
            // empty one elsewhere has nothing to move.
            debug_assert!(part.is_empty(), "a field outside the text read: {part:?}");
            return &original[..0];
        }
        let start = at - base;
        let end = start + part.len();
        &original[self.original_offset(start)..self.original_offset(end)]
    }

    /// `article`, read from [`LfForm::text`], with every slice moved onto `original`.
    pub fn article_back<'a>(&self, original: &'a str, article: Article<'_>) -> Article<'a> {
        let s = |part: &str| self.back(original, part);
        let strs = |parts: Vec<&str>| parts.into_iter().map(s).collect();
        Article {
            headline: article.headline.map(s),
            published: article.published.map(s),
            published_at: article.published_at,
            byline: article.byline.map(|b| Byline {
                text: s(b.text),
                authors: b
                    .authors
                    .iter()
                    .map(|a| Author { name: s(a.name) })
                    .collect(),
                affiliation: b.affiliation.map(s),
            }),
            dateline: article.dateline.map(|d| Dateline {
                text: s(d.text),
                location: d.location.map(|l| Location {
                    text: s(l.text),
                    city: s(l.city),
                    region: l.region.map(s),
                    state: l.state,
                }),
                date: d.date.map(|date| DatelineDate {
                    text: s(date.text),
                    month: date.month,
                    day: date.day,
                    year: date.year,
                }),
                agency: d.agency.map(|a| self.agency_back(original, a)),
            }),
            agency: article.agency.map(|a| self.agency_back(original, a)),
            paragraphs: strs(article.paragraphs),
            subheadings: strs(article.subheadings),
            captions: article
                .captions
                .iter()
                .map(|c| Caption {
                    text: s(c.text),
                    credit: c.credit.map(s),
                })
                .collect(),
            related: strs(article.related),
            credits: article.credits.map(s),
            boilerplate: strs(article.boilerplate),
        }
    }

    fn agency_back<'a>(&self, original: &'a str, agency: Agency<'_>) -> Agency<'a> {
        match agency {
            Agency::Other(name) => Agency::Other(self.back(original, name)),
            Agency::Ap => Agency::Ap,
            Agency::Reuters => Agency::Reuters,
            Agency::Upi => Agency::Upi,
            Agency::Afp => Agency::Afp,
            Agency::Xinhua => Agency::Xinhua,
            Agency::Cnn => Agency::Cnn,
            Agency::Bloomberg => Agency::Bloomberg,
            Agency::Newser => Agency::Newser,
            Agency::PrNewswire => Agency::PrNewswire,
            Agency::BusinessWire => Agency::BusinessWire,
            Agency::GlobeNewswire => Agency::GlobeNewswire,
            Agency::Accesswire => Agency::Accesswire,
            Agency::CanadianPress => Agency::CanadianPress,
            Agency::Dpa => Agency::Dpa,
            Agency::Kyodo => Agency::Kyodo,
            Agency::Yonhap => Agency::Yonhap,
            Agency::Pti => Agency::Pti,
            Agency::Ians => Agency::Ians,
            Agency::Tass => Agency::Tass,
            Agency::Interfax => Agency::Interfax,
            Agency::Efe => Agency::Efe,
            Agency::Ansa => Agency::Ansa,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_without_crlf_has_no_lf_form() {
        assert!(LfForm::of("a\nb\rc\n").is_none());
        assert!(LfForm::of("").is_none());
    }

    #[test]
    fn slices_map_back_around_dropped_returns() {
        let original = "ab\r\ncd\r\n\r\nef\r";
        let lf = LfForm::of(original).unwrap();
        assert_eq!(lf.text, "ab\ncd\n\nef\r");
        let t = lf.text.as_str();
        assert_eq!(lf.back(original, &t[0..2]), "ab");
        assert_eq!(lf.back(original, &t[3..5]), "cd");
        // A slice across line ends takes the returns with it.
        assert_eq!(lf.back(original, &t[0..5]), "ab\r\ncd");
        assert_eq!(lf.back(original, &t[7..]), "ef\r");
        assert_eq!(lf.back(original, &t[t.len()..]), "");
    }

    #[test]
    fn multibyte_text_stays_on_char_boundaries() {
        let original = "é\r\n—x\r\nü";
        let lf = LfForm::of(original).unwrap();
        let t = lf.text.as_str();
        let dash = t.find('—').unwrap();
        assert_eq!(lf.back(original, &t[dash..dash + 4]), "—x");
        assert_eq!(lf.back(original, &t[dash..]), "—x\r\nü");
    }
}
