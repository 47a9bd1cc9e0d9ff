//! Allocation-free text helpers for the classifiers, which run on every block.

use std::borrow::Cow;

use memchr::{memchr_iter, memrchr_iter};

/// `s` with ASCII letters lower-cased, written into `buf` rather than a new
/// `String` (only a text longer than `buf` holding a capital is copied to the heap).
pub(crate) fn lower<'b, const N: usize>(s: &'b str, buf: &'b mut [u8; N]) -> Cow<'b, str> {
    // Nearly every line holds a capital: copying outright is cheaper than
    // looking for one first.
    if s.len() > N {
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(s);
        }
        return Cow::Owned(s.to_ascii_lowercase());
    }
    let out = &mut buf[..s.len()];
    // One loop that copies and lower-cases: on short lines the calls of a
    // copy followed by a lower-casing pass cost more than the bytes.
    for (o, b) in out.iter_mut().zip(s.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    Cow::Borrowed(std::str::from_utf8(out).expect("ASCII lower-casing keeps UTF-8 valid"))
}

/// A block with a copy of it ASCII-lower-cased, made once for the classifiers
/// that read words in any case (a short block only: they turn longer ones away).
#[derive(Clone, Copy)]
pub(crate) struct Cased<'t, 'l> {
    pub text: &'t str,
    lower: Option<&'l str>,
}

impl<'t, 'l> Cased<'t, 'l> {
    /// Longest block copied: longer than any line a classifier lower-cases.
    pub(crate) const COPIED: usize = 400;

    /// `text` and its lower-cased copy, written into `buf`.
    pub(crate) fn new(text: &'t str, buf: &'l mut String) -> Self {
        if text.len() > Self::COPIED {
            return Cased { text, lower: None };
        }
        buf.clear();
        buf.push_str(text);
        // In place on a `String`: no UTF-8 check as from a byte buffer.
        buf.make_ascii_lowercase();
        Cased {
            text,
            lower: Some(buf),
        }
    }

    /// The lower-cased copy of the whole text, when it has one.
    pub(crate) fn copy(&self) -> Option<&'l str> {
        self.lower
    }

    /// `part`, a slice of the text, lower-cased: taken from the copy, or for a
    /// block too long to have one (which the classifiers seldom read) made anew.
    pub(crate) fn lower(&self, part: &str) -> Cow<'l, str> {
        match self.lower {
            Some(copy) => {
                let at = (part.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
                debug_assert!(
                    at.checked_add(part.len())
                        .is_some_and(|end| end <= self.text.len()),
                    "not a part of the text"
                );
                // Lower-casing ASCII keeps every byte, and every char boundary, where it was.
                Cow::Borrowed(&copy[at..at + part.len()])
            }
            None => Cow::Owned(part.to_ascii_lowercase()),
        }
    }
}

/// `s.trim()`, at the cost of two byte tests for a text that needs none (a
/// block, already trimmed, asked again by each classifier).
pub(crate) fn trim(s: &str) -> &str {
    if is_trimmed(s) { s } else { s.trim() }
}

/// Whether `s.trim()` is `s`, known from two bytes for a text that opens and
/// closes with a byte from `!` to DEL: those are never white space, nor part
/// of any. (Some other texts are trimmed too, and are not told.)
pub(crate) fn is_trimmed(s: &str) -> bool {
    let plain = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b.is_ascii());
    plain(s.as_bytes().first()) && plain(s.as_bytes().last())
}

/// The first bytes of the words in `list`, in either case, as a table: a text
/// opening with any other byte opens with none of them, in any case.
pub(crate) const fn initials(list: &[&str]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < list.len() {
        let first = list[i].as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
}

/// Whether `text` opens with one of the bytes of an [`initials`] table.
pub(crate) fn opens_with_any(text: &str, initials: &[bool; 256]) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|&b| initials[b as usize])
}

/// `s.split_whitespace().count()`, counted eight bytes at a time in ASCII
/// text, where white space is the bytes from tab to carriage return (the
/// vertical tab among them) and the space. Text holding another byte is
/// counted by `split_whitespace`, which knows Unicode's white space.
pub(crate) fn count_all_words(s: &str) -> usize {
    let mut words = 0;
    // Whether the byte before the chunk is white space, in lane 0's top bit;
    // the text's start counts as such.
    let mut space_before = HIGH & 0xFF;
    let mut chunks = s.as_bytes().chunks_exact(8);
    // Spaces pad the last chunk: they open no word.
    let mut last = [b' '; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    for x in (&mut chunks)
        .map(|c| u64::from_le_bytes(c.try_into().expect("chunks of eight")))
        .chain([u64::from_le_bytes(last)])
    {
        if x & HIGH != 0 {
            return s.split_whitespace().count();
        }
        let space = in_range_lanes(x, b'\t', b'\r') | lanes_of(x, b' ');
        words += lanes_set(!space & ((space << 8) | space_before) & HIGH);
        space_before = space >> 56;
    }
    words
}

/// Whether a block spans lines (hard-wrapped copy): `contains('\n')` with the
/// vectorised search, as every block is asked.
pub(crate) fn has_line_break(s: &str) -> bool {
    memchr::memchr(b'\n', s.as_bytes()).is_some()
}

/// Whether `text` opens with the lower-case ASCII `word`, in any case.
pub(crate) fn opens_case_blind(text: &[u8], word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
}

/// `hay.find(needle)` without building a two-way searcher: the needles here
/// are short and their first byte is rare, so memchr on it does the work.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    memchr_iter(first, h).find(|&i| h[i + 1..].starts_with(rest))
}

/// `hay.rfind(needle)`, as [`find`] does it.
pub(crate) fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(h.len());
    };
    memrchr_iter(first, h).find(|&i| h[i + 1..].starts_with(rest))
}

/// Where `hay` first holds the lower-case ASCII `needle` in any case, found
/// from the needle's byte at `pivot`, which the caller picks for being rare.
pub(crate) fn find_case_blind(hay: &str, needle: &str, pivot: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let p = n[pivot];
    memchr::memchr2_iter(p, p.to_ascii_uppercase(), h).find_map(|at| {
        let start = at.checked_sub(pivot)?;
        h.get(start..start + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
            .then_some(start)
    })
}

/// Whether `hay` holds the lower-case ASCII `needle` in any case, found from
/// the needle's byte at `pivot`, which the caller picks for being rare in text.
pub(crate) fn contains_case_blind(hay: &str, needle: &str, pivot: usize) -> bool {
    contains_any_case_blind(hay, &[(needle, pivot)])
}

/// Whether `hay` holds any of the lower-case ASCII needles in any case; each
/// is given with the index of a byte they all share (the pivot), so that one
/// pass over the pivot's occurrences finds them all.
pub(crate) fn contains_any_case_blind(hay: &str, needles: &[(&str, usize)]) -> bool {
    let h = hay.as_bytes();
    let Some(&(first, pivot)) = needles.first() else {
        return false;
    };
    let p = first.as_bytes()[pivot];
    memchr::memchr2_iter(p, p.to_ascii_uppercase(), h).any(|at| {
        needles.iter().any(|&(n, pivot)| {
            let n = n.as_bytes();
            at >= pivot
                && h.get(at - pivot..at - pivot + n.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(n))
        })
    })
}

/// How many white-space separated words `text` holds, counting no further than `cap`:
/// callers compare against small numbers, so a paragraph is not read to its end.
/// ASCII white space separates words (a no-break space joins them, as it should).
pub(crate) fn count_words(text: &str, cap: usize) -> usize {
    if cap == 0 {
        return 0;
    }
    let mut words = 0;
    // Whether the byte before is white space; the text's start counts as such.
    let mut after_space = true;
    // The words opening in eight bytes, counted at once without a branch per byte.
    let mut count = |chunk: &[u8]| {
        let x = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        let space = space_lanes(x);
        let before = (space << 8) | if after_space { HIGH & 0xFF } else { 0 };
        after_space = space >> 63 != 0;
        lanes_set(!space & before & HIGH)
    };
    // Thirty-two bytes at a time, the cap tested once for them: words are
    // only ever added, so counting past the cap before testing it changes
    // nothing but the work (the count returned is at most the cap).
    let mut blocks = text.as_bytes().chunks_exact(32);
    for block in &mut blocks {
        words += block.chunks_exact(8).map(&mut count).sum::<usize>();
        if words >= cap {
            return cap;
        }
    }
    let mut chunks = blocks.remainder().chunks_exact(8);
    for chunk in &mut chunks {
        words += count(chunk);
        if words >= cap {
            return cap;
        }
    }
    for &b in chunks.remainder() {
        let space = b.is_ascii_whitespace();
        words += usize::from(!space && after_space);
        after_space = space;
    }
    words.min(cap)
}

/// Whether `text` holds an ASCII digit: eight bytes at a time.
pub(crate) fn has_digit(text: &str) -> bool {
    let mut chunks = text.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        if digit_lanes(x) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// Where the last ASCII digit of `text` is: eight bytes at a time from the
/// end, rather than a byte at a time (most lines searched hold none).
pub(crate) fn last_digit(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut chunks = bytes.rchunks_exact(8);
    let mut start = bytes.len();
    for chunk in &mut chunks {
        start -= 8;
        let x = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        let digits = digit_lanes(x);
        if digits != 0 {
            // Read little-endian, the chunk's last byte is the top lane.
            return Some(start + (63 - digits.leading_zeros() as usize) / 8);
        }
    }
    // What is left over is the text's first bytes.
    chunks.remainder().iter().rposition(u8::is_ascii_digit)
}

/// The top bit set in each byte lane of `x` that is an ASCII digit, exactly.
const fn digit_lanes(x: u64) -> u64 {
    in_range_lanes(x, b'0', b'9')
}

/// The top bit of each byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// Every byte of a `u64` set to one.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The top bit set in each byte lane of `x` that is zero, exactly: the low
/// seven bits plus 0x7F carry into the top bit unless they are all clear,
/// and no lane carries into the next.
const fn zero_lanes(x: u64) -> u64 {
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// How many byte lanes of `x` have their top bit set, `x` holding no other
/// bit. Not `count_ones`, which without the `popcnt` instruction (not in the
/// x86-64 baseline) is a dozen operations: each lane shifted down is 0 or 1,
/// and multiplying by [`ONES`] sums all eight into the top byte (at most 8,
/// so no lane carries into the next).
const fn lanes_set(x: u64) -> usize {
    ((x >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The top bit set in each byte lane of `x` that is ASCII white space
/// ([`u8::is_ascii_whitespace`]: space, tab, line feed, form feed, carriage return).
const fn space_lanes(x: u64) -> u64 {
    let spaces = lanes_of(x, b' ');
    // Lanes below `!`, the only ones that may be white space: in running text,
    // spaces alone. (A byte of 0x80 or more is never below.)
    let low = !lanes_at_least(x, b'!') & HIGH;
    if low == spaces {
        return spaces;
    }
    spaces | lanes_of(x, b'\t') | lanes_of(x, b'\n') | lanes_of(x, 0x0C) | lanes_of(x, b'\r')
}

/// Fills `slots` with the first words of `text`, as many as it holds, and
/// gives how many: `text.split_whitespace()` read into them. Cut at the bytes
/// while they are ASCII (where white space is tab to carriage return, and
/// space), without decoding characters; from a byte that is not, the text is
/// cut by `split_whitespace` (a no-break space is white space).
pub(crate) fn first_words<'t>(text: &'t str, slots: &mut [&'t str]) -> usize {
    let bytes = text.as_bytes();
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let (mut n, mut at) = (0, 0);
    while n < slots.len() {
        while at < bytes.len() && space(bytes[at]) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii() && !space(bytes[at]) {
            at += 1;
        }
        if at < bytes.len() && !bytes[at].is_ascii() {
            return slots
                .iter_mut()
                .zip(text.split_whitespace())
                .map(|(s, w)| *s = w)
                .count();
        }
        if start == at {
            break;
        }
        slots[n] = &text[start..at];
        n += 1;
    }
    n
}

/// Every text of three of `pieces` in a row (a piece may be empty): inputs
/// for the tests comparing a byte-level reading with the code it replaces.
#[cfg(test)]
pub(crate) fn texts_of_three(pieces: &[&str]) -> Vec<String> {
    let mut texts = Vec::new();
    for a in pieces {
        for b in pieces {
            for c in pieces {
                texts.push(format!("{a}{b}{c}"));
            }
        }
    }
    texts
}

/// How many times an ASCII small letter runs straight into a capital
/// (`lowerUpper`), counted eight bytes at a time: a byte-pair loop costs
/// several instructions a byte, and every short block is asked.
pub(crate) fn count_case_joins(text: &str) -> usize {
    // Whether the last byte of the chunk before was a small letter, in the top lane's high bit.
    let mut small_before = 0u64;
    let mut count = |x: u64| {
        // Setting bit 5 folds capitals onto small letters (and nothing else onto them).
        let letters = in_range_lanes(x | (0x20 * ONES), b'a', b'z');
        // Bit 5, moved up to each lane's top bit, tells a small letter from a capital.
        let small_bit = (x << 2) & HIGH;
        let small = letters & small_bit;
        let capital = letters & !small_bit;
        let joins = lanes_set(((small << 8) | (small_before >> 56)) & capital);
        small_before = small;
        joins
    };
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut joins: usize = (&mut chunks)
        .map(|c| count(u64::from_le_bytes(c.try_into().expect("chunks of eight"))))
        .sum();
    // Zeros pad the last chunk: a zero is no letter, so it adds no join.
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    joins += count(u64::from_le_bytes(last));
    joins
}

/// The top bit set in each byte lane of `x` from `low` to `high` (both below
/// 0x80), exactly: the lanes from `low` up less those from `high + 1` up (a
/// byte of 0x80 or more is in both). Adding at most 0x80 to seven bits
/// carries no lane into the next.
const fn in_range_lanes(x: u64, low: u8, high: u8) -> u64 {
    lanes_at_least(x, low) & !lanes_at_least(x, high + 1)
}

/// The top bit set in each byte lane of `x` that is `b` (below 0x80) or
/// more; a byte of 0x80 or more is always set.
const fn lanes_at_least(x: u64, b: u8) -> u64 {
    (((x & !HIGH) + (0x80 - b as u64) * ONES) | x) & HIGH
}

/// The top bit set in each byte lane of `x` that is `b`, exactly.
pub(crate) const fn lanes_of(x: u64, b: u8) -> u64 {
    zero_lanes(x ^ (b as u64 * ONES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_borrows_when_it_can() {
        let mut buf = [0u8; 8];
        assert!(matches!(lower("abc é", &mut buf), Cow::Borrowed("abc é")));
        assert_eq!(lower("AbÉ", &mut buf), "abÉ");
        let mut small = [0u8; 2];
        assert_eq!(lower("ABC", &mut small), "abc");
    }

    /// 4000 texts of up to 63 pieces each, drawn by a linear congruential
    /// generator from `seed`: every piece at every offset in a chunk of eight.
    fn random_texts(pieces: &[&str], mut seed: u64) -> Vec<String> {
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed
        };
        (0..4000)
            .map(|_| {
                let len = next() >> 58;
                (0..len)
                    .map(|_| pieces[(next() >> 33) as usize % pieces.len()])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn count_words_agrees_with_a_byte_by_byte_count() {
        let naive = |text: &str, cap: usize| {
            let words = text
                .as_bytes()
                .split(u8::is_ascii_whitespace)
                .filter(|w| !w.is_empty())
                .count();
            words.min(cap)
        };
        // Every byte that may border a word, at every offset in a chunk of eight.
        let pieces = [
            "a", "bc", " ", "  ", "\t", "\n", "\r", "\u{c}", "\u{b}", "\u{0}", "\u{1f}", "!",
            "\u{a0}", "é", "\u{7f}", "~", "\u{2003}",
        ];
        for text in random_texts(&pieces, 1) {
            for cap in [0, 1, 2, 3, 7, 25, usize::MAX] {
                assert_eq!(count_words(&text, cap), naive(&text, cap), "{text:?} {cap}");
            }
        }
    }

    #[test]
    fn lanes_set_counts_top_bits() {
        for mask in 0u32..256 {
            let x = (0..8)
                .filter(|i| mask >> i & 1 != 0)
                .fold(0u64, |x, i| x | 0x80 << (8 * i));
            assert_eq!(lanes_set(x), mask.count_ones() as usize, "{x:#x}");
        }
    }

    #[test]
    fn last_digit_agrees_with_a_byte_test() {
        let pieces = [
            "a", "0", "9", "/", ":", " ", "é", "\u{2003}", "5x", "\u{7f}",
        ];
        for text in random_texts(&pieces, 7) {
            let naive = text.bytes().rposition(|b| b.is_ascii_digit());
            assert_eq!(last_digit(&text), naive, "{text:?}");
            assert_eq!(has_digit(&text), naive.is_some(), "{text:?}");
        }
    }

    #[test]
    fn has_digit_agrees_with_a_byte_test() {
        for text in [
            "",
            "7",
            "abc",
            "abcdefgh",
            "abcdefgh9",
            "abcdefg9x",
            "/:/:/:/:",
            "é0",
            "ééééééé",
            "/////////",
            "::::::::::0",
        ] {
            assert_eq!(
                has_digit(text),
                text.bytes().any(|b| b.is_ascii_digit()),
                "{text:?}"
            );
        }
        for b in 0..=255u8 {
            let mut line = [b'x'; 11];
            line[3] = b;
            let text = String::from_utf8_lossy(&line);
            assert_eq!(
                has_digit(&text),
                text.bytes().any(|b| b.is_ascii_digit()),
                "{b}"
            );
        }
    }

    #[test]
    fn initials_mark_both_cases_of_each_first_byte() {
        const TABLE: [bool; 256] = initials(&["Reporting by ", "via ", "©"]);
        for text in ["Reporting by", "reporting", "Via", "via", "\u{a9} 2019"] {
            assert!(opens_with_any(text, &TABLE), "{text:?}");
        }
        for text in ["", "Editing by", " via", "Photo"] {
            assert!(!opens_with_any(text, &TABLE), "{text:?}");
        }
    }

    #[test]
    fn cased_parts_are_lower_cased_with_or_without_a_copy() {
        let long = format!("{} Tail END", "Word ".repeat(100));
        for text in [
            "  Share THIS Story  ",
            "Été À Paris, NOUVELLES",
            long.as_str(),
        ] {
            let mut buf = String::new();
            let cased = Cased::new(text, &mut buf);
            for part in [text, text.trim(), &text[text.len() - 3..]] {
                assert_eq!(cased.lower(part), part.to_ascii_lowercase(), "{part:?}");
            }
        }
    }

    #[test]
    fn trim_is_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "\u{a0}a",
            "a\u{a0}",
            "\u{3000}x\u{2003}",
            "é",
            "\u{7f}x\u{7f}",
            "\u{85}a",
            "a\u{b}",
            "\ta b\n",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn count_all_words_is_split_whitespace_counted() {
        for text in [
            "",
            " ",
            "a",
            "  a  b\tc\n",
            "x é z",
            "a\u{b}b",
            "a\u{a0}b",
            "a\u{2003}b c",
            "\u{85}",
            "a\u{c}b\rc",
        ] {
            assert_eq!(
                count_all_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
        // Every byte either side of the white space range, at every offset in a chunk of eight.
        let pieces = [
            "a", "bc", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{8}", "\u{e}", "\u{1f}", "!",
            "\u{0}", "\u{7f}", "\u{85}", "\u{a0}", "é", "\u{2003}",
        ];
        for text in random_texts(&pieces, 5) {
            assert_eq!(
                count_all_words(&text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn first_words_are_split_whitespace() {
        let pieces = [
            "", " ", "a", "Bc", "\t", "\n", "\u{b}", "\r", "\u{1c}", "é", "\u{a0}", "\u{2003}",
            "日本", ".",
        ];
        for text in texts_of_three(&pieces)
            .into_iter()
            .chain(random_texts(&pieces, 11))
        {
            for n in 0..=5 {
                let mut slots = vec![""; n];
                let got = first_words(&text, &mut slots);
                let want: Vec<&str> = text.split_whitespace().take(n).collect();
                assert_eq!(&slots[..got], &want[..], "{text:?} {n}");
            }
        }
    }

    #[test]
    fn count_words_agrees_with_split_whitespace() {
        for text in ["", "  a  b\tc\n", "one", "x é z", "a b c d e f g"] {
            let all = text.split_whitespace().count();
            assert_eq!(count_words(text, usize::MAX), all, "{text:?}");
            assert_eq!(count_words(text, 2), all.min(2), "{text:?}");
        }
    }

    #[test]
    fn contains_case_blind_agrees_with_lowering() {
        for hay in [
            "",
            "b",
            "Jo CONTRIBUTED.",
            "contributed",
            "x contribute",
            "AbCdE bcd",
        ] {
            for (needle, pivot) in [("contributed", 6), ("bcd", 0), ("bcd", 2)] {
                assert_eq!(
                    contains_case_blind(hay, needle, pivot),
                    hay.to_ascii_lowercase().contains(needle),
                    "{hay:?} {needle:?}"
                );
            }
            for (needle, pivot) in [("author:", 6), ("bcd", 1)] {
                assert_eq!(
                    find_case_blind(hay, needle, pivot),
                    hay.to_ascii_lowercase().find(needle),
                    "{hay:?} {needle:?}"
                );
            }
            let labels = [("updated", 1), ("posted", 0)];
            assert_eq!(
                contains_any_case_blind(hay, &labels),
                labels
                    .iter()
                    .any(|(l, _)| hay.to_ascii_lowercase().contains(l)),
            );
        }
    }

    #[test]
    fn find_agrees_with_std() {
        for (hay, needle) in [
            ("By Jo | Fox | News", " | "),
            ("abc", "abcd"),
            ("abc", ""),
            ("x\u{2002}y\u{2002}", "\u{2002}"),
            ("Photo by A. Photo by B", "Photo by "),
            ("", "a"),
        ] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            assert_eq!(rfind(hay, needle), hay.rfind(needle), "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn count_case_joins_agrees_with_a_byte_pair_count() {
        let naive = |text: &str| {
            text.as_bytes()
                .windows(2)
                .filter(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
                .count()
        };
        let pieces = [
            "a", "Z", "z", "A", "aB", "@", "[", "`", "{", " ", "é", "É", "\u{7f}", "0", "\u{e1}Q",
        ];
        for text in random_texts(&pieces, 11) {
            assert_eq!(count_case_joins(&text), naive(&text), "{text:?}");
        }
        for b in 0..=255u8 {
            for at in 0..10 {
                let mut line = [b'x'; 17];
                line[at] = b;
                line[at + 1] = b'Q';
                let text = String::from_utf8_lossy(&line);
                assert_eq!(count_case_joins(&text), naive(&text), "{b} {at}");
            }
        }
    }

    #[test]
    fn lanes_of_marks_each_byte_equal() {
        for b in [0u8, b' ', b'w', 0x7f, 0x80, 0xa0, 0xff] {
            for text in [
                *b"abcdefgh",
                *b" w  w\x00\x80\xff",
                [b; 8],
                *b"\xa0 \x20\x7fwWww",
            ] {
                let x = u64::from_le_bytes(text);
                let naive = (0..8)
                    .filter(|&i| text[i] == b)
                    .fold(0u64, |m, i| m | 0x80 << (8 * i));
                assert_eq!(lanes_of(x, b), naive, "{text:?} {b}");
            }
        }
    }
}
