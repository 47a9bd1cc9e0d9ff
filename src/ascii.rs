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

/// Whether a block spans lines (hard-wrapped copy): `contains('\n')` with the
/// vectorised search, as every block is asked.
pub(crate) fn has_line_break(s: &str) -> bool {
    memchr::memchr(b'\n', s.as_bytes()).is_some()
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
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = b.is_ascii_whitespace();
        // The cap is only tested where a word starts, not at every byte.
        if !space && !in_word {
            words += 1;
            if words == cap {
                return cap;
            }
        }
        in_word = !space;
    }
    words
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
}
