#![forbid(unsafe_code)]
//! Publication timestamps shown outside the story body: `Nov. 19, 2019, 8:41 AM UTC`,
//! `23 July 2012`, `2019-11-18T20:51:19Z`, `8 hrs ago`, optionally after a label
//! word (`Published:`, `Updated`, `Posted on`) that is not part of the value.

/// What one token of a timestamp line contributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// A month, a numeric date, a time or a relative age: enough to make a timestamp.
    Anchor,
    /// A number, weekday, zone or joiner word: allowed, but not enough alone.
    Filler,
    /// A numeric date (`2019-11-18T20:51:19Z`, `11/13/19`): a timestamp on its own.
    Numeric,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const LABELS: [&str; 12] = [
    "published on",
    "published:",
    "published",
    "updated on",
    "updated:",
    "updated",
    "last updated:",
    "last updated",
    "posted on",
    "posted:",
    "posted",
    "date:",
];
const LABEL_INITIALS: [bool; 256] = crate::ascii::initials(&LABELS);

/// Bytes in the longest month or weekday name (`september`, `wednesday`):
/// a longer word is neither, and is not lower-cased to be compared.
const LONGEST_NAME: usize = 9;

/// Whether a word is a weekday's name or its abbreviation of three or four
/// letters (`Thursday`, `Thu`, `Thur`), in any case: the weekdays the
/// timestamp grammar reads.
pub(crate) fn is_weekday(word: &str) -> bool {
    if !(3..=LONGEST_NAME).contains(&word.len()) {
        return false;
    }
    let mut buf = [0u8; LONGEST_NAME];
    let lower = crate::ascii::lower(word, &mut buf);
    let lower = lower.as_bytes();
    WEEKDAYS.iter().any(|day| {
        let day = day.as_bytes();
        day == lower || (lower.len() <= 4 && day.starts_with(lower))
    })
}

/// Month number (1-12) of a month name or its abbreviation (`Sept`, `Dec`), any case.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    word_class(word).filter(|class| (1..=12).contains(class))
}

/// [`word_class`] of the words that make a timestamp with a number.
const ANCHOR_WORD: u8 = 13;
/// [`word_class`] of the words allowed in a timestamp, not enough alone.
const FILLER_WORD: u8 = 14;

/// Words that make a timestamp, besides the months.
const ANCHOR_WORDS: [&str; 10] = [
    "ago",
    "today",
    "yesterday",
    "hrs",
    "hours",
    "hour",
    "mins",
    "minutes",
    "days",
    "day",
];

/// Words a timestamp may hold besides weekdays: joiners, half days and the
/// time zones as pages print them (`EST`, `GMT`, `ist`).
const FILLER_WORDS: [&str; 45] = [
    "at", "am", "pm", "a.m", "p.m", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "akst",
    "hst", "et", "ct", "mt", "pt", "gmt", "utc", "bst", "cet", "cest", "eet", "ist", "hkt", "sgt",
    "jst", "kst", "aest", "aedt", "msk", "amt", "eat", "wat", "cat", "sast", "nzst", "nzdt", "wib",
    "pht", "ict", "gst", "z",
];

/// A word of at most [`LONGEST_NAME`] letters and stops as one number, in
/// any case: each a digit from 1 to 27 in base 32, so that words of
/// different lengths differ; `None` for a word holding any other byte, which
/// no timestamp word does.
const fn word_key(word: &[u8]) -> Option<u64> {
    let mut key = 0;
    let mut i = 0;
    while i < word.len() {
        let digit = match word[i].to_ascii_lowercase() {
            b @ b'a'..=b'z' => b - b'a' + 1,
            b'.' => 27,
            _ => return None,
        };
        key = key << 5 | digit as u64;
        i += 1;
    }
    Some(key)
}

/// [`word_key`] of a word known to be a timestamp word.
const fn known_key(word: &[u8]) -> u64 {
    match word_key(word) {
        Some(key) => key,
        None => panic!("a timestamp word of letters and stops"),
    }
}

/// Entries of [`WORDS`]: each month's name, its first three letters and
/// `sept`; each weekday's name and its first three and four letters; the
/// anchor and filler words.
const WORD_COUNT: usize = 12 * 2 + 1 + 7 * 3 + ANCHOR_WORDS.len() + FILLER_WORDS.len();

/// Every word of a timestamp by its [`word_key`], sorted, with its class: a
/// month's number, [`ANCHOR_WORD`] or [`FILLER_WORD`] (weekdays are filler).
/// A word is looked up by a binary search rather than compared with each name.
const WORDS: [(u64, u8); WORD_COUNT] = {
    let mut words = [(0, 0); WORD_COUNT];
    let mut n = 0;
    let mut i = 0;
    while i < MONTHS.len() {
        let name = MONTHS[i].as_bytes();
        words[n] = (known_key(name), i as u8 + 1);
        words[n + 1] = (known_key(name.split_at(3).0), i as u8 + 1);
        n += 2;
        i += 1;
    }
    words[n] = (known_key(b"sept"), 9);
    n += 1;
    i = 0;
    while i < WEEKDAYS.len() {
        let name = WEEKDAYS[i].as_bytes();
        words[n] = (known_key(name), FILLER_WORD);
        words[n + 1] = (known_key(name.split_at(3).0), FILLER_WORD);
        words[n + 2] = (known_key(name.split_at(4).0), FILLER_WORD);
        n += 3;
        i += 1;
    }
    i = 0;
    while i < ANCHOR_WORDS.len() {
        words[n] = (known_key(ANCHOR_WORDS[i].as_bytes()), ANCHOR_WORD);
        n += 1;
        i += 1;
    }
    i = 0;
    while i < FILLER_WORDS.len() {
        words[n] = (known_key(FILLER_WORDS[i].as_bytes()), FILLER_WORD);
        n += 1;
        i += 1;
    }
    assert!(n == WORD_COUNT);
    // Sorted by insertion; a word entered twice (`may`) must keep one class.
    i = 1;
    while i < WORD_COUNT {
        let mut j = i;
        while j > 0 && words[j - 1].0 >= words[j].0 {
            assert!(words[j - 1].0 != words[j].0 || words[j - 1].1 == words[j].1);
            let above = words[j - 1];
            words[j - 1] = words[j];
            words[j] = above;
            j -= 1;
        }
        i += 1;
    }
    words
};

/// The class of a timestamp word in any case (see [`WORDS`]), `None` for any other word.
fn word_class(word: &str) -> Option<u8> {
    // No word of the table is longer than a month or weekday name.
    if word.is_empty() || word.len() > LONGEST_NAME {
        return None;
    }
    // Most words share their length and first letter with no timestamp
    // word: they are turned away before the rest of them is read.
    let first = word_key(&word.as_bytes()[..1])?;
    let (start, end) = WORD_RUNS[run_of(word.len(), first)];
    if start == end {
        return None;
    }
    let key = word_key(word.as_bytes())?;
    WORDS[usize::from(start)..usize::from(end)]
        .iter()
        .find(|&&(k, _)| k == key)
        .map(|&(_, class)| class)
}

/// The run of [`WORDS`] holding the words of `len` letters opening with the
/// letter whose [`word_key`] is `first`: its index in [`WORD_RUNS`].
const fn run_of(len: usize, first: u64) -> usize {
    len * 32 + first as usize
}

/// Where the words of each length and first letter start and end in
/// [`WORDS`] (sorted by key, they stand together): a word is compared only
/// with those, two or three, rather than searched for among all.
const WORD_RUNS: [(u8, u8); (LONGEST_NAME + 1) * 32] = {
    let mut runs = [(0, 0); (LONGEST_NAME + 1) * 32];
    let mut i = 0;
    while i < WORD_COUNT {
        let key = WORDS[i].0;
        // A key has a base-32 digit for each letter, none of them zero.
        let len = (64 - key.leading_zeros() as usize).div_ceil(5);
        let run = run_of(len, key >> (5 * (len - 1)));
        if runs[run].1 == 0 {
            runs[run].0 = i as u8;
        }
        runs[run].1 = i as u8 + 1;
        i += 1;
    }
    runs
};

/// How many ASCII digits open `b`.
fn digits(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// Where a numeric date opening `b` with `lead` digits ends: `11/13/19`,
/// `18.11.2019`, `2019-11-18T20:51:19Z` (after the `T`, letters, digits and
/// colons).
fn numeric_date_end(b: &[u8], lead: usize) -> Option<usize> {
    let separator = |at: usize| matches!(b.get(at), Some(b'/' | b'.' | b'-'));
    let mut at = lead;
    for _ in 0..2 {
        if !separator(at) {
            return None;
        }
        let run = digits(&b[at + 1..]);
        if run == 0 {
            return None;
        }
        at += 1 + run;
    }
    if b.get(at) == Some(&b'T') {
        at += 1;
        at += b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b':')
            .count();
    }
    Some(at)
}

/// Where a clock time opening `b` with `lead` digits ends: `8:02`,
/// `11:47am`, `19:09:33`, `5:30PM`.
fn clock_end(b: &[u8], lead: usize) -> Option<usize> {
    // One or two digits, then the colon: a third digit is no hour.
    let hour = lead.min(2);
    let two_digits = |at: usize| {
        b.get(at..at + 2)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if b.get(hour) != Some(&b':') || !two_digits(hour + 1) {
        return None;
    }
    let mut at = hour + 3;
    if b.get(at) == Some(&b':') && two_digits(at + 1) {
        at += 3;
    }
    let meridiem = b
        .get(at..at + 2)
        .is_some_and(|m| m.eq_ignore_ascii_case(b"am") || m.eq_ignore_ascii_case(b"pm"));
    Some(at + if meridiem { 2 } else { 0 })
}

/// One token of a timestamp and what it contributes, and the text after it:
/// a numeric date, a clock time, a number (`19`, `20th`), `a.m`/`p.m` with
/// its stop, or one of the timestamp words with its stop, tried in that order.
///
/// Read on bytes (every token is ASCII), as the nom grammar in the tests
/// reads it, without its combinators' cost: this runs on every word of every
/// line read as a timestamp.
fn parse_token(i: &str) -> Option<(&str, Token)> {
    let b = i.as_bytes();
    let lead = digits(b);
    let (end, token) = if lead > 0 {
        if let Some(end) = numeric_date_end(b, lead) {
            (end, Token::Numeric)
        } else if let Some(end) = clock_end(b, lead) {
            (end, Token::Anchor)
        } else {
            let suffix = b
                .get(lead..lead + 2)
                .is_some_and(|s| matches!(s, b"st" | b"nd" | b"rd" | b"th"));
            (lead + if suffix { 2 } else { 0 }, Token::Filler)
        }
    } else if b.starts_with(b"a.m") || b.starts_with(b"p.m") {
        (3 + usize::from(b.get(3) == Some(&b'.')), Token::Filler)
    } else {
        let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        if letters == 0 {
            return None;
        }
        let token = classify_word(&i[..letters])?;
        (letters + usize::from(b.get(letters) == Some(&b'.')), token)
    };
    Some((&i[end..], token))
}

fn classify_word(word: &str) -> Option<Token> {
    match word_class(word.trim_end_matches('.'))? {
        FILLER_WORD => Some(Token::Filler),
        _ => Some(Token::Anchor),
    }
}

/// Whether [`parse_token`] reads a token at the start of `s`, decided without
/// running it: a digit always opens one (a number), and a word does when it is
/// one of the timestamp words, none of which is longer than nine letters.
fn could_open_token(s: &str) -> bool {
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    s.starts_with(|c: char| c.is_ascii_digit())
        || s.starts_with("a.m")
        || s.starts_with("p.m")
        || (1..=9).contains(&letters) && classify_word(&s[..letters]).is_some()
}

fn skip_separators(i: &str) -> &str {
    i.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '-' | '|' | '(' | ')' | '—' | '–' | '·' | '•')
    })
}

/// Strips a leading label word (`Published:`, `Updated`, `Posted on`).
pub(crate) fn strip_label(line: &str) -> &str {
    // A line not opening with a label's first letter is not compared with them.
    if !crate::ascii::opens_with_any(line, &LABEL_INITIALS) {
        return line;
    }
    for label in LABELS {
        if line.len() > label.len()
            && line.is_char_boundary(label.len())
            && line[..label.len()].eq_ignore_ascii_case(label)
        {
            let rest = &line[label.len()..];
            if rest.starts_with(|c: char| c.is_whitespace() || c == ':') || label.ends_with(':') {
                return rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
            }
        }
    }
    line
}

/// Longest line read as a timestamp alone.
const TIMESTAMP_LINE: usize = 80;

/// The first timestamp of a line of two labelled ones set off by a bar, too
/// long to be read as one (`PUBLISHED: November 8, 2023 at 4:56 p.m. |
/// UPDATED: November 8, 2023 at 6:00 p.m.`; bostonherald.com, and in shorter
/// lines two more sites of dev and extra): the time of publication.
fn first_of_labelled_pair(line: &str) -> Option<&str> {
    let line = crate::ascii::trim(line);
    let (first, second) = line.split_once(" | ")?;
    let labelled = |part: &str| strip_label(part).len() < part.len();
    if line.len() > 2 * TIMESTAMP_LINE || !labelled(first) || !labelled(second.trim()) {
        return None;
    }
    parse_published(first).filter(|_| parse_published(second.trim()).is_some())
}

/// The timestamp a line consists of, without its label word; `None` when the
/// line holds anything but date and time tokens.
pub(crate) fn parse_published(line: &str) -> Option<&str> {
    // A paragraph is too long to be read further; every timestamp holds a
    // digit, and most lines are rejected on that alone.
    if line.len() > TIMESTAMP_LINE {
        return if line.len() <= 2 * TIMESTAMP_LINE
            && memchr::memchr(b'|', line.as_bytes()).is_some()
        {
            first_of_labelled_pair(line)
        } else {
            None
        };
    }
    if !crate::ascii::has_digit(line) {
        return None;
    }
    let value = strip_label(crate::ascii::trim(line));
    // A line not opening with a token is none, known without the grammar.
    if !could_open_token(value) {
        return None;
    }
    let mut rest = value;
    let mut anchors = 0;
    let mut tokens = 0;
    while !rest.is_empty() {
        let (next, token) = parse_token(rest)?;
        tokens += 1;
        match token {
            Token::Anchor => anchors += 1,
            Token::Numeric => anchors += 2,
            Token::Filler => {}
        }
        rest = skip_separators(next);
    }
    (anchors > 1 || anchors == 1 && tokens >= 2).then_some(value)
}

/// Words that label a timestamp inside a dated line (`Last updated at`).
const DATE_LABEL_WORDS: [&str; 8] = [
    "last",
    "updated",
    "posted",
    "published",
    "on",
    "date",
    "modified",
    "time",
];

/// Whether a line holds nothing but timestamps and the words labelling them:
/// `24 July 2012 Last updated at 06:50 ET`, `Posted on May 5, 2012 | Updated May 6`.
pub(crate) fn is_dated_line(line: &str) -> bool {
    if line.len() > MAX_TIMESTAMP_LINE || !crate::ascii::has_digit(line) {
        return false;
    }
    let mut rest = crate::ascii::trim(line);
    let mut anchors = 0;
    while !rest.is_empty() {
        if let Some((next, token)) = parse_token(rest) {
            anchors += usize::from(token != Token::Filler);
            rest = skip_separators(next);
            continue;
        }
        let word_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        if word.is_empty()
            || !DATE_LABEL_WORDS
                .iter()
                .any(|l| word.eq_ignore_ascii_case(l))
        {
            return false;
        }
        rest = skip_separators(rest[word_end..].trim_start_matches(':'));
    }
    anchors > 0
}

/// The longest prefix of `s`, ending at a word boundary, that is a timestamp.
pub(crate) fn leading_timestamp(s: &str) -> Option<&str> {
    let s = s.trim_start();
    // No timestamp is longer than a line `parse_published` reads, nor lacks a digit.
    let s = &s[..crate::dateline::floor_boundary(s, LONGEST_TIMESTAMP)];
    // Every candidate below is cut from `s` between tokens and must be read
    // as tokens from its start: when `s` opens with no token, none is. Asked
    // first, as it reads a word where the digit may be far.
    if !could_open_token(s) || !crate::ascii::has_digit(s) {
        return None;
    }
    // Word ends, and ends glued to a following capital (`Nov. 20, 2019Updated:`).
    let glued = s
        .as_bytes()
        .windows(3)
        .position(|w| {
            w[0].is_ascii_digit() && w[1].is_ascii_uppercase() && w[2].is_ascii_lowercase()
        })
        .map(|i| i + 1);
    let limit = glued.unwrap_or(s.len());
    let ends = s[..limit]
        .match_indices([' ', '|', ';'])
        .map(|(i, _)| i)
        .take(12)
        .chain(std::iter::once(limit));
    // Where reading the window as tokens first fails. No token holds a byte the
    // candidates are cut at, so a candidate reaching past that point holds the
    // same unreadable word and fails: the candidates stop there.
    let window = &s[..limit];
    let mut rest = window;
    while let Some((next, _)) = parse_token(rest) {
        rest = skip_separators(next);
    }
    let readable = window.len() - rest.len();
    let candidates = ends
        .map(|end| s[..end].trim_end_matches([',', ' ', '-', '—', '|', ';', '·', '•']))
        .take_while(|candidate| candidate.len() <= readable);
    // At most 13 (12 cut at separators, and the window): kept on the stack.
    let mut kept = [""; 13];
    let mut n = 0;
    for (slot, candidate) in kept.iter_mut().zip(candidates) {
        *slot = candidate;
        n += 1;
    }
    // The last candidate that reads as a timestamp is the one: they are tried
    // from the last, and the first that reads ends the search (a real
    // timestamp is read once, not once per word of it).
    kept[..n].iter().rev().copied().find(|&candidate| {
        // A count in the next field (`4:35 pm | 0 Comments`) is not part of it.
        let counted_field = candidate
            .rsplit_once(['|', '·', '•'])
            .is_some_and(|(_, last)| {
                last.trim()
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            });
        !counted_field && parse_published(candidate).is_some_and(|ts| ts.len() == candidate.len())
    })
}

/// Whether a timestamp names a date or a clock time, not only a duration
/// (`15 minutes` is a reading time; `8 hrs ago` and `Today 12:01 AM` are times).
fn is_absolute(ts: &str) -> bool {
    ts.contains(':')
        || ts.contains(|c: char| c.is_ascii_digit()) && ts.contains(['/', '.', '-'])
        || ts.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            month_number(w).is_some()
                || w.eq_ignore_ascii_case("ago")
                || w.eq_ignore_ascii_case("today")
        })
}

/// Labels that mark the first publication (preferred over an update time).
const FIRST_LABELS: [&str; 6] = [
    "posted",
    "published",
    "original",
    "publish date",
    "date",
    "on",
];

/// Bytes in the longest timestamp [`find_timestamp`] gives.
pub(crate) const LONGEST_TIMESTAMP: usize = 90;

/// The longest line [`find_timestamp`] reads.
pub(crate) const MAX_TIMESTAMP_LINE: usize = 240;

/// A timestamp anywhere in a short header line, without its label:
/// `Nissan November 20, 2019 13:42`, `Updated Nov 19;Posted Nov 19, 6:51 AM`,
/// `PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: ...`. The time a label marks
/// as the first publication wins over an update time; otherwise the first one.
pub(crate) fn find_timestamp(line: &str) -> Option<&str> {
    if line.len() > MAX_TIMESTAMP_LINE {
        return None;
    }
    // Every timestamp holds a digit: none starts after the last one.
    let last_digit = crate::ascii::last_digit(line)?;
    let mut first = None;
    let mut pos = 0;
    // The line is walked a byte at a time: a character of several bytes is
    // passed over byte by byte (none of its bytes is an ASCII letter or
    // digit), rather than decoded at every byte to learn its length.
    while pos <= last_digit {
        // A timestamp opens with an ASCII letter or digit (`could_open_token`):
        // at any other byte none is looked for, nor is the word start decoded.
        if !line.as_bytes()[pos].is_ascii_alphanumeric() {
            pos += 1;
            continue;
        }
        let starts_word = pos == 0 || {
            // `cur` is an ASCII letter or digit; `prev` is decoded only when
            // not ASCII.
            let cur = line.as_bytes()[pos];
            let prev = match line.as_bytes()[pos - 1] {
                b if b.is_ascii() => b as char,
                _ => line[..pos].chars().next_back().unwrap_or(' '),
            };
            !prev.is_alphanumeric()
                || prev.is_lowercase() && cur.is_ascii_uppercase()
                || prev.is_ascii_digit() && cur.is_ascii_uppercase()
        };
        if starts_word {
            if let Some(ts) =
                leading_timestamp(&line[pos..]).filter(|ts| ts.len() >= 6 && is_absolute(ts))
            {
                let label = line[..pos]
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let label_words = line[..pos].trim_end_matches(|c: char| !c.is_alphanumeric());
                let is_first = FIRST_LABELS.iter().any(|l| {
                    label.eq_ignore_ascii_case(l)
                        || label_words.len() >= l.len()
                            && label_words.is_char_boundary(label_words.len() - l.len())
                            && label_words[label_words.len() - l.len()..].eq_ignore_ascii_case(l)
                });
                if is_first {
                    return Some(ts);
                }
                first = first.or(Some(ts));
                pos += ts.len();
                continue;
            }
        }
        pos += 1;
    }
    first
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_long_pair_of_labelled_timestamps_gives_the_first() {
        let line =
            "PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 8, 2023 at 6:00 p.m.";
        assert!(line.len() > TIMESTAMP_LINE);
        assert_eq!(parse_published(line), Some("November 8, 2023 at 4:56 p.m."));
        let unlabelled =
            "November 8, 2023 at 4:56 p.m. in the afternoon | November 8, 2023 at 6:00 p.m.";
        assert_eq!(parse_published(unlabelled), None);
    }

    #[test]
    fn weekdays_and_their_abbreviations() {
        for w in ["Thursday", "thu", "Thur", "WED", "sunday"] {
            assert!(is_weekday(w), "{w}");
        }
        for w in ["Th", "Thurs", "Thursdays", "Sundays", "May", ""] {
            assert!(!is_weekday(w), "{w}");
        }
    }
    use super::*;

    use nom::{
        IResult, Parser,
        branch::alt,
        bytes::complete::{tag, tag_no_case, take_while, take_while_m_n, take_while1},
        character::complete::{char, digit1},
        combinator::{map_opt, opt, recognize, value},
        sequence::{pair, preceded, terminated},
    };

    /// The grammar `parse_token` reads, written with nom.
    fn token_by_nom(i: &str) -> IResult<&str, Token> {
        let word = terminated(
            take_while1(|c: char| c.is_ascii_alphabetic()),
            opt(char('.')),
        );
        let clock = recognize((
            take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
            char(':'),
            take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
            opt(pair(
                char(':'),
                take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
            )),
            opt(alt((tag_no_case("am"), tag_no_case("pm")))),
        ));
        let numeric_date = recognize((
            digit1,
            alt((char('/'), char('.'), char('-'))),
            digit1,
            alt((char('/'), char('.'), char('-'))),
            digit1,
            opt(preceded(
                char('T'),
                take_while(|c: char| c.is_ascii_alphanumeric() || c == ':'),
            )),
        ));
        let number = recognize(pair(
            digit1,
            opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))),
        ));
        let meridiem = recognize(pair(alt((tag("a.m"), tag("p.m"))), opt(char('.'))));
        alt((
            value(Token::Numeric, numeric_date),
            value(Token::Anchor, clock),
            value(Token::Filler, number),
            value(Token::Filler, meridiem),
            map_opt(word, classify_word),
        ))
        .parse(i)
    }

    #[test]
    fn tokens_are_read_as_the_nom_grammar_reads_them() {
        let pieces = [
            "",
            "1",
            "12",
            "123",
            "2019",
            ":",
            "::",
            ".",
            "/",
            "-",
            "T",
            "t",
            "Z",
            "am",
            "PM",
            "pM",
            "a.m",
            "p.m",
            "a.",
            "st",
            "nd",
            "rd",
            "th",
            "ST",
            "May",
            "sept",
            "Sept.",
            "Wednesday",
            "Wednesdays",
            "ago",
            "EST",
            "z",
            "é",
            "—",
            " ",
            ",",
            "x",
            "3:",
            "a",
        ];
        let mut inputs = crate::ascii::texts_of_three(&pieces);
        inputs.extend(
            [
                "2019-11-18T20:51:19Z",
                "2019-11-18T",
                "11/13/19",
                "18.11.2019.",
                "1.2.",
                "8:02",
                "11:47am",
                "19:09:33PM",
                "19:09:3",
                "123:45",
                "5:30pmx",
                "1:2",
                "20th",
                "2s",
                "a.m.",
                "p.m.m",
                "Dec.",
                "Mon.day",
                "yesterday's",
                "éa",
                "12é",
                "12:3é",
            ]
            .map(String::from),
        );
        for i in &inputs {
            let nom = token_by_nom(i).ok();
            assert_eq!(parse_token(i), nom, "{i:?}");
        }
    }

    /// Whether a lower-cased word is a weekday or its abbreviation, as
    /// `classify_word` read it before its table.
    fn is_weekday_by_list(lower: &[u8]) -> bool {
        lower.len() >= 3
            && WEEKDAYS.iter().any(|d| {
                d.as_bytes() == lower || (lower.len() <= 4 && d.as_bytes().starts_with(lower))
            })
    }

    /// Month number of a word, as `month_number` read it before its table.
    fn month_by_list(word: &str) -> Option<u8> {
        let lower = word.as_bytes().to_ascii_lowercase();
        if lower.len() < 3 || lower.len() > LONGEST_NAME {
            return None;
        }
        MONTHS
            .iter()
            .position(|m| {
                m.as_bytes() == lower
                    || (lower.len() <= 4
                        && m.as_bytes().starts_with(&lower)
                        && (lower.len() == 3 || lower == b"sept"))
            })
            .map(|i| i as u8 + 1)
    }

    /// `classify_word` as it read words before its table.
    fn classify_by_lists(word: &str) -> Option<Token> {
        let word = word.trim_end_matches('.');
        let lower = word.as_bytes().to_ascii_lowercase();
        if lower.len() > LONGEST_NAME {
            return None;
        }
        let is = |list: &[&str]| list.iter().any(|w| w.as_bytes() == lower);
        if month_by_list(word).is_some() || is(&ANCHOR_WORDS) {
            Some(Token::Anchor)
        } else if is_weekday_by_list(&lower) || is(&FILLER_WORDS) {
            Some(Token::Filler)
        } else {
            None
        }
    }

    #[test]
    fn words_are_classed_by_the_table_as_by_the_lists() {
        let mut words: Vec<String> = MONTHS
            .iter()
            .chain(&WEEKDAYS)
            .chain(&ANCHOR_WORDS)
            .chain(&FILLER_WORDS)
            .flat_map(|w| {
                let prefixes = (0..=w.len()).map(|n| w[..n].to_string());
                let variants = [
                    w.to_uppercase(),
                    format!("{w}."),
                    format!("{w}s"),
                    format!("\0{w}"),
                    format!("{w}\0"),
                    format!("x{w}"),
                    format!("{}é", &w[..w.len() - 1]),
                ];
                prefixes.chain(variants).collect::<Vec<_>>()
            })
            .collect();
        words.extend(
            [
                "",
                ".",
                "..",
                "Sept.",
                "SEPT",
                "sep",
                "mond",
                "thurs",
                "tues",
                "Wedn",
                "é",
                "ééééé",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(classify_word(w), classify_by_lists(w), "{w:?}");
            assert_eq!(month_number(w), month_by_list(w), "{w:?}");
        }
    }

    #[test]
    fn timestamp_words_in_any_case() {
        for (word, token) in [
            ("Yesterday", Some(Token::Anchor)),
            ("DEC.", Some(Token::Anchor)),
            ("MON", Some(Token::Filler)),
            ("Wednesday", Some(Token::Filler)),
            ("EST", Some(Token::Filler)),
            ("p.m", Some(Token::Filler)),
            ("Wednesdays", None),
            ("Monte", None),
            ("", None),
        ] {
            assert_eq!(classify_word(word), token, "{word}");
        }
    }

    #[test]
    fn token_openings_agree_with_the_parser() {
        for s in [
            "",
            "5",
            "a.m.",
            "p.m",
            "May 5",
            "Mayday",
            "sept.",
            "Wednesdays",
            "EST",
            "z",
            "Z9",
            "at",
            "the",
            "yesterday",
            "é",
            "-",
            "11/13/19",
            "Sept",
            "Septembers",
        ] {
            assert_eq!(could_open_token(s), parse_token(s).is_some(), "{s:?}");
        }
    }

    #[test]
    fn reads_timestamps_of_many_shapes() {
        for s in [
            "Nov. 19, 2019, 8:41 AM UTC",
            "23 July 2012",
            "2019-11-18T20:51:19Z",
            "8 hrs ago",
            "1:30 PM EST, Wed November 7, 2012",
            "0339 GMT (1139 HKT) November 19, 2019",
            "Monday, November 18th, 2019 at 11:04 a.m.",
            "11/13/19 at 4:00 PM EST",
            "21:17 18.11.2019",
            "Nov 20 2019, 11:06am ist",
            "Monday 5:30PM",
            "2 days",
        ] {
            assert_eq!(parse_published(s), Some(s), "{s}");
        }
    }

    #[test]
    fn strips_label_words() {
        assert_eq!(
            parse_published("Published: July 24, 2012 12:11 AM"),
            Some("July 24, 2012 12:11 AM")
        );
        assert_eq!(
            parse_published("Updated Nov. 20, 2019"),
            Some("Nov. 20, 2019")
        );
    }

    #[test]
    fn finds_timestamps_inside_header_lines() {
        assert_eq!(
            find_timestamp("Nissan November 20, 2019 13:42"),
            Some("November 20, 2019 13:42")
        );
        assert_eq!(
            find_timestamp("Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM"),
            Some("Nov 19, 6:51 AM")
        );
        assert_eq!(
            find_timestamp(
                "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019"
            ),
            Some("10:48, Tue, Nov 19, 2019")
        );
        assert_eq!(
            find_timestamp("Author:The Water CoolestPublish date:Nov 18, 2019"),
            Some("Nov 18, 2019")
        );
        assert_eq!(
            find_timestamp("DateMonday, July 30, 2012 at 04:30PM"),
            Some("Monday, July 30, 2012 at 04:30PM")
        );
        assert_eq!(
            find_timestamp("21:17 18.11.2019 Get short URL"),
            Some("21:17 18.11.2019")
        );
        assert_eq!(find_timestamp("A day to remember"), None);
        assert_eq!(
            find_timestamp("Café — «Mis à jour» November 20, 2019 13:42 ©"),
            Some("November 20, 2019 13:42")
        );
        assert_eq!(find_timestamp("é9 ü 5 ß"), None);
        assert_eq!(
            find_timestamp("by Ann | 80 views | August 9, 2012 at 4:35 pm | 0 Comments"),
            Some("August 9, 2012 at 4:35 pm")
        );
    }

    #[test]
    fn dated_lines() {
        assert!(is_dated_line("24 July 2012 Last updated at 06:50 ET"));
        assert!(is_dated_line(
            "Posted on May 5, 2012 | Updated: May 6, 2012"
        ));
        assert!(!is_dated_line("May 5, 2012: storm hits the coast"));
        assert!(!is_dated_line("Last updated"));
    }

    #[test]
    fn rejects_prose() {
        assert_eq!(parse_published("May the best team win"), None);
        assert_eq!(parse_published("Advertisement"), None);
        assert_eq!(parse_published("2019"), None);
    }

    #[test]
    fn month_names_and_abbreviations() {
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Marc"), None);
        assert_eq!(month_number("SEPTEMBER"), Some(9));
        assert_eq!(month_number("Septembers"), None);
        assert_eq!(month_number("Mär"), None);
    }
}
