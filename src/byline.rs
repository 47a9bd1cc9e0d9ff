#![forbid(unsafe_code)]
//! Bylines: `By Allen Cone`, `By Jill Disis, CNN Business`, `By A, B and C`,
//! `by Regan on September 15, 2014`, `Posted by: Admin on Aug 09, 2012`,
//! `Steve Peoples, AP National Political Writer`.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::tag,
    character::complete::{char, space0, space1},
    combinator::{opt, recognize},
    sequence::terminated,
};

use std::sync::LazyLock;

use crate::published::{leading_timestamp, parse_published, strip_label};

/// The byline of a story: who wrote it and for whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline<'a> {
    /// The byline as written, e.g. `By Jill Disis, CNN Business`.
    pub text: &'a str,
    /// The people credited, in order.
    pub authors: Vec<Author<'a>>,
    /// What the byline says besides the names: `UPI Staff Writer`, `Reuters`;
    /// the organisation itself for a byline of an organisation alone.
    pub affiliation: Option<&'a str>,
}

/// One person credited by a byline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Author<'a> {
    /// The name as written (`ALLEN CONE` stays upper case).
    pub name: &'a str,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Byline<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Byline", 3)?;
        s.serialize_field("text", self.text)?;
        s.serialize_field("authors", &self.authors)?;
        s.serialize_field("affiliation", &self.affiliation)?;
        s.end()
    }
}

/// A byline found in a line, and the timestamp the line also gives, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BylineLine<'a> {
    pub byline: Byline<'a>,
    pub published: Option<&'a str>,
}

/// Longest line that may hold a byline.
const MAX_BYLINE: usize = 200;

/// Words that make a credit an organisation or a role rather than a person.
const ORG_WORDS: [&str; 38] = [
    "staff",
    "writer",
    "writers",
    "press",
    "news",
    "reuters",
    "wire",
    "services",
    "service",
    "correspondent",
    "editor",
    "editors",
    "columnist",
    "reporter",
    "reporters",
    "bureau",
    "agency",
    "times",
    "post",
    "journal",
    "associated",
    "manager",
    "author",
    "admin",
    "reports",
    "team",
    "desk",
    "contributor",
    "report",
    "india",
    "cnn",
    "upi",
    "afp",
    "ap",
    "business",
    "online",
    "daily",
    "media",
];

/// Phrases after a name that end the byline (page furniture glued to it).
const NAME_STOPS: [&str; 8] = [
    "Email Author",
    "View More Articles",
    // `Published`, and `Publish date:` glued to the names.
    "Publish",
    "Updated",
    "Follow",
    "More by",
    "View all posts",
    "Contact",
];

/// Words that may open a byline marker before its `by` (`Posted by`, `Story by`):
/// the one table both [`by_marker_end`] and its prefilter [`could_open_marker`] read.
const MARKER_OPENERS: [&str; 5] = ["posted", "written", "story", "words", "reported"];

/// Where the byline marker opening `i` ends: `By `, `BY `, `by: `, `Posted by `,
/// `Written by: `, `Story by `. Read on bytes; the grammar it reads is kept in
/// the tests as a nom parser and checked against.
fn by_marker_end(i: &str) -> Option<usize> {
    let b = i.as_bytes();
    let spaces = |from: usize| {
        b[from..]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count()
    };
    // No opener is a prefix of another: at most one opens the text.
    let opener = MARKER_OPENERS
        .iter()
        .find(|w| crate::ascii::opens_case_blind(b, w))
        .map_or(0, |w| match spaces(w.len()) {
            0 => 0,
            n => w.len() + n,
        });
    if !b.get(opener..opener + 2)?.eq_ignore_ascii_case(b"by") {
        return None;
    }
    let colon = usize::from(b.get(opener + 2) == Some(&b':'));
    let end = opener + 2 + colon;
    match spaces(end) {
        0 => None,
        n => Some(end + n),
    }
}

/// `, ` / ` and ` / ` & ` / `; ` between names.
fn parse_name_separator(i: &str) -> IResult<&str, &str> {
    recognize(alt((
        recognize((
            space0,
            char(','),
            space0,
            opt(terminated(tag("and"), space1)),
        )),
        recognize((
            space1,
            alt((tag("and"), tag("&"), tag("AND"), tag("And"))),
            space1,
        )),
        recognize((space0, char(';'), space0)),
    )))
    .parse(i)
}

fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "van"
            | "von"
            | "de"
            | "der"
            | "den"
            | "da"
            | "di"
            | "du"
            | "del"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "on"
            | "el"
            | "ten"
            | "ter"
    )
}

fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')),
        _ => is_particle(w),
    }
}

fn has_org_word(s: &str) -> bool {
    s.contains(".com")
        || s.split(|c: char| !c.is_alphanumeric())
            .any(|w| ORG_WORDS.iter().any(|o| o.eq_ignore_ascii_case(w)))
}

/// Words that open a phrase, never a person's name (`This Year`, `The Lorax`).
const DETERMINERS: [&str; 10] = [
    "The", "This", "That", "These", "Those", "A", "An", "Our", "My", "Your",
];

/// Whether a text reads as a person's name: one to five name words, no role words.
fn is_person(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=5).contains(&words)
        && s.split_whitespace().all(is_name_word)
        && !s
            .split_whitespace()
            .next()
            .is_some_and(|w| is_particle(w) || DETERMINERS.contains(&w))
        && !has_org_word(s)
}

/// Whether a credit may start here: with a capital, or with `the` (`by the
/// Associated Press`); `By that time ...` opens a sentence, not a credit.
fn opens_credit(s: &str) -> bool {
    s.starts_with(char::is_uppercase) || s.starts_with("the ")
}

/// Whether a text reads as an organisation or role credit (`UPI Staff Writer`, `Cleveland.com`).
fn is_credit_org(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=7).contains(&words) && opens_credit(s) && !s.ends_with('.')
}

/// ` on ` and ` On `, before a date. Found by substring searches: their first
/// byte, a space, would stop a search for them at every word, and a
/// searcher built per call costs more than the search of a short line.
static ON: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" on "));
static ON_CAPITAL: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" On "));

/// Cuts the name part of a byline at the first thing that is not part of the names:
/// ` on DATE`, ` | `, ` - `, `@handle`, a timestamp, glued page furniture.
fn names_end(s: &str) -> usize {
    let mut end = s.len();
    // The stops that open with a space are all looked for in one pass over the
    // spaces: the first space where one of them starts is where the first stops.
    let spaced = [
        " | ", " - ", " — ", " – ", " / ", " · ", " • ", " (", " in ", " at ",
    ];
    let first_spaced = memchr::memchr_iter(b' ', s.as_bytes())
        .find(|&at| spaced.iter().any(|stop| s[at..].starts_with(stop)));
    if let Some(at) = first_spaced {
        end = at;
    }
    for stop in ["@", "(", "\u{2002}"] {
        if let Some(at) = crate::ascii::find(s, stop) {
            end = end.min(at);
        }
    }
    for stop in NAME_STOPS {
        if let Some(at) = crate::ascii::find(s, stop) {
            if at > 0 {
                end = end.min(at);
            }
        }
    }
    // ` on DATE`: `on` may also sit inside a name (`White on Rice Couple`).
    let mut from = 0;
    while let Some(at) = ON
        .find(&s.as_bytes()[from..])
        .or_else(|| ON_CAPITAL.find(&s.as_bytes()[from..]))
    {
        let at = from + at;
        if starts_with_timestamp(&s[at + 4..]) {
            end = end.min(at);
            break;
        }
        from = at + 4;
    }
    // Names open with capitals: a word in lower case after them, other than a
    // particle (`van`) or a word joining names or an organisation's
    // (`and`, `with`, `of`, `for`, `the`), opens what follows them
    // (`By Lance Ulanoff published 19 May 2026`, `By Jane Roe updated ...`).
    for (at, _) in s.match_indices(' ').take_while(|&(at, _)| at < end) {
        let word = s[at + 1..].split(' ').next().unwrap_or("");
        let joins = matches!(word, "and" | "with" | "of" | "for" | "the") || is_particle(word);
        if word.starts_with(|c: char| c.is_ascii_lowercase()) && !joins {
            end = at;
            break;
        }
    }
    // A timestamp glued after the names (`By Mike Wall 2019-11-18T20:51:19Z`).
    for (at, _) in s.match_indices(' ').take_while(|&(at, _)| at < end) {
        if starts_with_timestamp(&s[at + 1..]) {
            end = at;
            break;
        }
    }
    end
}

/// Whether a text opens with a timestamp (`November 7, 2012, 6:43 PM`, `Monday, ...`).
fn starts_with_timestamp(s: &str) -> bool {
    let s = s.trim_start();
    // A date opens with a digit or the initial of a month or a weekday: a
    // name seldom does, and is not read as a word.
    let initial = |b: u8| b.is_ascii_digit() || b"adfjmnostw".contains(&b.to_ascii_lowercase());
    if !s.bytes().next().is_some_and(initial) {
        return false;
    }
    let first = s.split([' ', ',']).next().unwrap_or("");
    let first_is_date = first.starts_with(|c: char| c.is_ascii_digit())
        || crate::published::month_number(first.trim_end_matches('.')).is_some()
        || crate::published::is_weekday(first.trim_end_matches('.'));
    first_is_date && {
        // Accept when the whole rest, or its first few words, form a timestamp.
        let cut = s.find([' ', '|']).map(|_| s).unwrap_or(s);
        parse_published(cut).is_some() || leading_timestamp(s).is_some()
    }
}

/// Splits the name part into authors and an affiliation.
fn split_credits(names: &str) -> (Vec<Author<'_>>, Option<&str>) {
    let mut authors = Vec::new();
    let mut rest = names;
    loop {
        let sep = find_separator(rest);
        let (segment, next) = match sep {
            Some((at, len)) => (&rest[..at], Some(&rest[at + len..])),
            None => (rest, None),
        };
        let segment = segment.trim();
        if is_person(segment) {
            authors.push(Author { name: segment });
        } else if let Some((name, org)) = name_then_org(segment).filter(|_| authors.is_empty()) {
            // `Tom Davies Associated Press`: the outlet or role run on after
            // the name, without a comma.
            authors.push(Author { name });
            return (authors, Some(org));
        } else {
            let aff = rest.trim().trim_end_matches([',', '-', ' ']);
            let aff = aff.strip_prefix("the ").unwrap_or(aff);
            // `Reuters, Washington`: a service and a place; the service is the affiliation.
            let aff = match aff.split_once(',') {
                Some((service, _)) if crate::Agency::known(service).is_some() => service,
                _ => aff,
            };
            let aff = (!aff.is_empty() && is_credit_org(aff)).then_some(aff);
            return (authors, aff);
        }
        match next {
            Some(n) if !n.trim().is_empty() => rest = n,
            _ => return (authors, None),
        }
    }
}

/// A person's name of two or three words, then an outlet or a role run on
/// after it (`Tom Davies Associated Press`, `Bruce Y. Lee Senior
/// Contributor`): the name and the rest, when the rest has an
/// organisation's or role's word and the name alone has none.
pub(crate) fn name_then_org(segment: &str) -> Option<(&str, &str)> {
    let mut spaces = segment.match_indices(' ').map(|(at, _)| at);
    let (two, three) = (spaces.nth(1), spaces.next());
    for at in [two, three].into_iter().flatten() {
        let (name, org) = (&segment[..at], segment[at..].trim_start());
        // A name does not end with an initial: `Bruce Y. Lee`, not `Bruce Y.`.
        let ends_with_initial = name.rsplit(' ').next().is_some_and(|w| w.len() <= 2);
        if !ends_with_initial && is_person(name) && has_org_word(org) && is_credit_org(org) {
            return Some((name, org));
        }
    }
    None
}

fn find_separator(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    for at in 0..bytes.len() {
        if matches!(bytes[at], b' ' | b',' | b';') {
            if let Ok((rest, _)) = parse_name_separator(&s[at..]) {
                let len = s.len() - at - rest.len();
                if len > 0 && (bytes[at] != b' ' || len > 1) {
                    return Some((at, len));
                }
            }
        }
    }
    None
}

/// A byline introduced by `By` (anywhere in a short line: `October 9, 2018 | by Olivia Larsen`).
pub(crate) fn parse_byline(line: &str) -> Option<BylineLine<'_>> {
    let line = crate::ascii::trim(line);
    if line.len() > MAX_BYLINE {
        return None;
    }
    let Some((start, after)) = find_by_marker(line) else {
        return parse_author_label(line);
    };
    // The names open with a capital or `the`: in prose, `by` is followed by
    // other words, and the names are not looked for.
    if !opens_credit(after.trim_start()) {
        return (start == 0).then(|| handle_byline(line, after)).flatten();
    }
    let before = line[..start]
        .trim()
        .trim_end_matches(['|', '—', '-', ' ', '*']);
    // What precedes `by` must be page furniture or a timestamp, never prose:
    // asked before the names are cut, which prose (`hit by Storm Ida`) spares.
    let before_published = if before.is_empty() {
        None
    } else if let Some(ts) = parse_published(before) {
        Some(ts)
    } else if crate::published::is_dated_line(before) {
        // `Updated Nov 12 2012 - 6:04am · Posted Nov 11 2012 - 3:00am by X`
        crate::published::find_timestamp(before)
    } else {
        // `Modified on DATE by X`, `Written on DATE by X`.
        let at = ON.find(before.as_bytes())?;
        let (label, date) = (&before[..at], &before[at + " on ".len()..]);
        if label.split_whitespace().count() > 1 {
            return None;
        }
        Some(parse_published(date)?)
    };
    let names_len = names_end(after);
    let names = after[..names_len].trim().trim_end_matches([',', ' ']);
    if names.is_empty() || !opens_credit(names) {
        return None;
    }
    let (authors, mut affiliation) = split_credits(names);
    if authors.is_empty() && affiliation.is_none() {
        return None;
    }
    let mut names_len = names_len;
    // `By Julius Young | Fox News`: the outlet set off by a bar after the names.
    if let Some(outlet) = after[names_len..]
        .strip_prefix(" | ")
        .map(|r| {
            r.split(" | ")
                .next()
                .unwrap_or(r)
                .trim_end_matches([',', ' '])
        })
        .filter(|o| affiliation.is_none() && !authors.is_empty() && is_outlet(o))
    {
        affiliation = Some(outlet);
        names_len = outlet.as_ptr() as usize - after.as_ptr() as usize + outlet.len();
    }
    let tail = after[names_len..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | '-' | '—' | '–' | '/' | ',')
    });
    let tail = unlabel(tail);
    let published = before_published
        .or_else(|| {
            leading_timestamp(
                tail.trim_start_matches(|c: char| {
                    c == '@' || c.is_alphanumeric() && tail.starts_with('@')
                })
                .trim_start_matches(['/', ' ']),
            )
        })
        .or_else(|| leading_timestamp(tail))
        // `By: Jason Hart (Diary) | November 12th, 2012 at 04:00 PM`, `by X | 80
        // views | August 9, 2012`: a date further along the byline's line.
        .or_else(|| crate::published::find_timestamp(tail));
    let text_end = start + (line.len() - start - after.len()) + names_len;
    Some(BylineLine {
        byline: Byline {
            text: line[start..text_end]
                .trim_end()
                .trim_end_matches([',', ' ']),
            authors,
            affiliation,
        },
        published,
    })
}

/// A byline crediting a user name, on a line of its own: `by randfish on
/// January 31, 2011`, `By jbat - October 19, 2012`, `By kourteous`. The name is
/// one lower-case word, and only a date may follow it, so that prose opening
/// with `By far` or `by then` is no byline.
fn handle_byline<'a>(line: &'a str, after: &'a str) -> Option<BylineLine<'a>> {
    let after = after.trim();
    let end = after.find(' ').unwrap_or(after.len());
    let handle = &after[..end];
    let is_handle = (2..=30).contains(&handle.len())
        && handle.starts_with(|c: char| c.is_ascii_lowercase())
        && handle.ends_with(|c: char| c.is_ascii_alphanumeric())
        && handle.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'-')
        });
    if !is_handle {
        return None;
    }
    // Words that follow `by` in prose (`By then.`, `by far`).
    const PROSE_WORDS: [&str; 12] = [
        "then",
        "now",
        "far",
        "default",
        "design",
        "hand",
        "contrast",
        "comparison",
        "chance",
        "mistake",
        "night",
        "day",
    ];
    if PROSE_WORDS.contains(&handle) {
        return None;
    }
    let tail = unlabel(after[end..].trim_start_matches([' ', '-', '|', '—', '–']));
    // `Posted by lasagnechef in Arsenal News.`: the category a post is filed in
    // (only after `Posted by`: `By nightfall in the city` is prose).
    let posted = line
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("posted"));
    let tail = match tail.strip_prefix("in ") {
        Some(_) if posted => "",
        _ if posted => tail.find(" in ").map_or(tail, |at| &tail[..at]),
        _ => tail,
    };
    let published = leading_timestamp(tail);
    if !tail.is_empty() && published.is_none_or(|ts| ts.len() != tail.trim_end().len()) {
        return None;
    }
    let (authors, affiliation) = if has_org_word(handle) {
        (Vec::new(), Some(handle))
    } else {
        (vec![Author { name: handle }], None)
    };
    let text_end = handle.as_ptr() as usize - line.as_ptr() as usize + handle.len();
    Some(credits_line(
        &line[..text_end],
        (authors, affiliation),
        published,
    ))
}

/// A byline given as a labelled field of the article's meta line:
/// `Author: Cadence Wu`, `Date:November 5, 2012 | Category:Tips | Author:Mary Boone`.
/// The other fields may hold the published time.
fn parse_author_label(line: &str) -> Option<BylineLine<'_>> {
    const LABEL: &str = "author:";
    // Found from its colon, the rarest of its bytes.
    let at = crate::ascii::find_case_blind(line, LABEL, LABEL.len() - 1)?;
    // The label opens the line or a field of it (after `|`, `•`).
    let opens_field = line[..at]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '|' | '•' | '·'));
    if !opens_field {
        return None;
    }
    let field = line[at + LABEL.len()..].trim_start();
    let field = field.split(" | ").next().unwrap_or(field);
    let names_len = names_end(field);
    let names = field[..names_len].trim().trim_end_matches([',', ' ']);
    if !names.starts_with(char::is_uppercase) {
        return None;
    }
    let (authors, affiliation) = split_credits(names);
    if authors.is_empty() && affiliation.is_none() {
        return None;
    }
    Some(credits_line(
        names,
        (authors, affiliation),
        crate::published::find_timestamp(line),
    ))
}

/// The byline of a line whose text is its names part alone.
fn credits_line<'a>(
    names: &'a str,
    (authors, affiliation): (Vec<Author<'a>>, Option<&'a str>),
    published: Option<&'a str>,
) -> BylineLine<'a> {
    BylineLine {
        byline: Byline {
            text: names,
            authors,
            affiliation,
        },
        published,
    }
}

/// A byline without `By`: a name alone, or a name with a role or timestamp after it
/// (`Steve Peoples, AP National Political Writer`, `Chris Davies - Nov 19, 2019`).
/// Only read in the lines right around the headline.
pub(crate) fn parse_bare_byline(line: &str) -> Option<BylineLine<'_>> {
    let line = crate::ascii::trim(line).trim_start_matches(['*', ' ']);
    // A sentence ends with a stop; a line ending with a comma is a salutation
    // (`Dear Diary,`) or the start of a list, not a credit.
    if line.len() > 120 || line.ends_with('.') && !line.ends_with(" Jr.") || line.ends_with(',') {
        return None;
    }
    let names_len = names_end(line);
    let names = line[..names_len].trim().trim_end_matches([',', ' ']);
    let first = match names.find(',') {
        Some(at) => &names[..at],
        None => names,
    };
    if !is_person(first) || first.split_whitespace().count() < 2 {
        return None;
    }
    let (authors, affiliation) = split_credits(names);
    // Without `By`, every name has a first name and a surname: `Lansdowne Road,
    // Dublin` is a venue and its city.
    if authors.is_empty() || authors.iter().any(|a| !a.name.contains(' ')) {
        return None;
    }
    let tail = line[names_len..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '|' | '-' | '—' | '–' | '/' | ',')
    });
    let tail = unlabel(tail);
    let tail = match tail.strip_prefix('@') {
        Some(t) => t
            .split_once(' ')
            .map(|(_, r)| r.trim_start_matches(['/', ' ']))
            .unwrap_or(""),
        None => tail,
    };
    let published = leading_timestamp(tail);
    if !tail.is_empty() && published.is_none() {
        return None;
    }
    Some(credits_line(names, (authors, affiliation), published))
}

/// Whether a credit names an outlet or a role (`Fox News`, `Staff Writer`), not
/// a date, a topic label or a sentence.
fn is_outlet(s: &str) -> bool {
    has_org_word(s)
        && is_credit_org(s)
        && s.split_whitespace().count() <= 5
        && !s.contains(|c: char| c.is_ascii_digit() || c == ':')
}

/// The text after the names without the word that introduces their date:
/// `on`, `On`, `Published`, `Updated on` (`By Ann Lee On 11/13/19 at 4:00 PM`).
fn unlabel(tail: &str) -> &str {
    let tail = match tail.get(..3) {
        Some(on) if on.eq_ignore_ascii_case("on ") => &tail[3..],
        _ => tail,
    };
    strip_label(tail)
}

/// Whether a by-marker can start here: the parser is only run where it can succeed.
fn could_open_marker(at: &[u8]) -> bool {
    crate::ascii::opens_case_blind(at, "by")
        || MARKER_OPENERS
            .iter()
            .any(|m| crate::ascii::opens_case_blind(at, m))
}

fn find_by_marker(line: &str) -> Option<(usize, &str)> {
    let bytes = line.as_bytes();
    // Every marker holds the word `by`: find it, then step back over a word such
    // as `Posted` that may open the marker.
    memchr::memchr2_iter(b'b', b'B', bytes).find_map(|by| {
        let word_start = by == 0 || !bytes[by - 1].is_ascii_alphanumeric();
        if !word_start || !matches!(bytes.get(by + 1), Some(b'y' | b'Y')) {
            return None;
        }
        let before = line[..by].trim_end();
        let opener = before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(s, c)| s + c.len_utf8());
        [opener, by].into_iter().find_map(|at| {
            let can_open = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
            if !can_open || !could_open_marker(&bytes[at..]) {
                return None;
            }
            by_marker_end(&line[at..]).map(|end| (at, &line[at + end..]))
        })
    })
}

/// Whether a short line is a role or organisation line that completes a byline
/// printed on the line before it (`Opinion Columnist`, `Associated Press`).
pub(crate) fn is_affiliation_line(line: &str) -> bool {
    let line = crate::ascii::trim(line);
    line.len() <= 60
        && !line.ends_with('.')
        && line.starts_with(|c: char| c.is_uppercase())
        && has_org_word(line)
        && line.split_whitespace().count() <= 6
}

/// The pair of `(author names, affiliation)` in a tidy form for tests.
#[cfg(test)]
fn summary<'a>(b: &BylineLine<'a>) -> (Vec<&'a str>, Option<&'a str>, Option<&'a str>) {
    (
        b.byline.authors.iter().map(|a| a.name).collect(),
        b.byline.affiliation,
        b.published,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_lower_case_ends_the_names() {
        fn names(line: &str) -> Vec<&str> {
            parse_byline(line).map_or(vec![], |b| {
                b.byline.authors.iter().map(|a| a.name).collect()
            })
        }
        assert_eq!(
            names("By Lance Ulanoff published 19 May 2026"),
            ["Lance Ulanoff"]
        );
        assert_eq!(names("By Jane Roe and John Doe"), ["Jane Roe", "John Doe"]);
        assert_eq!(names("By Ludwig van Beethoven"), ["Ludwig van Beethoven"]);
    }

    #[test]
    fn an_outlet_run_on_after_the_name_is_the_affiliation() {
        let line = parse_byline("By Tom Davies Associated Press").unwrap();
        assert_eq!(line.byline.authors[0].name, "Tom Davies");
        assert_eq!(line.byline.affiliation, Some("Associated Press"));
        let line = parse_byline("By Bruce Y. Lee Senior Contributor").unwrap();
        assert_eq!(line.byline.authors[0].name, "Bruce Y. Lee");
        assert_eq!(line.byline.affiliation, Some("Senior Contributor"));
    }

    #[test]
    fn an_abbreviated_weekday_opens_the_date_after_the_names() {
        let line = parse_byline("By Jane Slaughter on Thu, Nov 9, 2023 at 4:00 am").unwrap();
        assert_eq!(line.byline.authors[0].name, "Jane Slaughter");
        assert_eq!(line.published, Some("Thu, Nov 9, 2023 at 4:00 am"));
        let bare = parse_bare_byline("Published Wed, Nov 20 2019");
        assert!(bare.is_none_or(|b| b.byline.authors.iter().all(|a| !a.name.contains("Wed"))));
    }

    #[test]
    fn every_marker_opener_reaches_the_marker_reader() {
        for (line, name) in [
            ("Story by Jane Roe", "Jane Roe"),
            ("Reported by Jane Roe", "Jane Roe"),
            ("Posted by Jane Roe", "Jane Roe"),
            ("Written by Jane Roe", "Jane Roe"),
            ("Words by Jane Roe", "Jane Roe"),
        ] {
            let b = parse_byline(line).unwrap_or_else(|| panic!("no byline in {line:?}"));
            assert_eq!(b.byline.authors[0].name, name, "{line:?}");
        }
    }

    use nom::bytes::complete::tag_no_case;

    /// The grammar [`by_marker_end`] reads, written with nom.
    fn by_marker_by_nom(i: &str) -> IResult<&str, &str> {
        recognize((
            opt(terminated(
                alt((
                    tag_no_case("posted"),
                    tag_no_case("written"),
                    tag_no_case("story"),
                    tag_no_case("words"),
                    tag_no_case("reported"),
                )),
                space1,
            )),
            tag_no_case("by"),
            opt(char(':')),
            space1,
        ))
        .parse(i)
    }

    #[test]
    fn by_marker_reads_the_nom_grammar() {
        const PIECES: [&str; 14] = [
            "posted", "Posted", "WRITTEN", "story", "Words", "reporte", "d", "by", "bY", ":", " ",
            "\t", "é", "x",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| PIECES.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        for text in &texts {
            let by_nom = by_marker_by_nom(text).ok().map(|(_, m)| m.len());
            assert_eq!(by_marker_end(text), by_nom, "{text:?}");
        }
    }

    fn by(s: &str) -> (Vec<&str>, Option<&str>, Option<&str>) {
        summary(&parse_byline(s).unwrap_or_else(|| panic!("no byline in {s:?}")))
    }

    #[test]
    fn meta_line_set_off_by_middle_dots() {
        assert_eq!(
            by(
                "Updated Mar 4 2021 - 6:04am \u{b7} Posted Mar 3 2021 - 3:00am by Ann Lee \u{b7} 1 comment"
            ),
            (vec!["Ann Lee"], None, Some("Mar 3 2021 - 3:00am"))
        );
        assert!(parse_bare_byline("This Year, Plan a Quiet Holiday").is_none());
    }

    #[test]
    fn user_names_on_a_byline_line() {
        assert_eq!(
            by("by annlee on March 4, 2021"),
            (vec!["annlee"], None, Some("March 4, 2021"))
        );
        assert_eq!(
            parse_byline("By bo_chan - March 4, 2021")
                .unwrap()
                .byline
                .text,
            "By bo_chan"
        );
        assert!(parse_byline("By far the largest storm of the year").is_none());
        assert!(parse_byline("By nightfall in the city the storm had passed").is_none());
        assert!(parse_byline("By nightfall.").is_none());
        assert_eq!(
            by("Posted by annlee on March 4, 2021 in Town News."),
            (vec!["annlee"], None, Some("March 4, 2021"))
        );
        assert!(parse_byline("by then").is_none());
    }

    #[test]
    fn bare_names_have_a_surname() {
        assert!(parse_bare_byline("Stade de France, Paris").is_none());
        assert!(parse_bare_byline("Ann Lee, Bo Chan").is_some());
        assert_eq!(
            by("By ANN LEE And BO CHAN"),
            (vec!["ANN LEE", "BO CHAN"], None, None)
        );
    }

    #[test]
    fn sentences_opening_with_by_are_no_bylines() {
        assert!(parse_byline("By that time she had moved to the coast with her family.").is_none());
        assert_eq!(
            by("By the Associated Press"),
            (vec![], Some("Associated Press"), None)
        );
    }

    #[test]
    fn author_field_of_a_meta_line() {
        assert_eq!(
            by("Date:March 4, 2021 | Category:Tips & Advice | Author:Ann Lee"),
            (vec!["Ann Lee"], None, Some("March 4, 2021"))
        );
        assert_eq!(by("Author: Bo Chan"), (vec!["Bo Chan"], None, None));
        assert_eq!(
            by("Author:The Morning NotePublish date:Mar 4, 2021"),
            (vec![], Some("The Morning Note"), Some("Mar 4, 2021"))
        );
        assert!(parse_byline("The co-author: a note on method").is_none());
    }

    #[test]
    fn outlet_after_a_bar() {
        assert_eq!(
            by("By Ann Lee | Metro News"),
            (vec!["Ann Lee"], Some("Metro News"), None)
        );
        let line = parse_byline("By Ann Lee | Metro News, ").unwrap();
        assert_eq!(line.byline.text, "By Ann Lee | Metro News");
        assert_eq!(line.byline.affiliation, Some("Metro News"));
        assert_eq!(
            by("By Ann Lee | March 4, 2021 | Topic: Hardware"),
            (vec!["Ann Lee"], None, Some("March 4, 2021"))
        );
    }

    #[test]
    fn labelled_date_after_the_names() {
        assert_eq!(
            by("By Ann Lee On 3/4/21 at 9:00 AM EST"),
            (vec!["Ann Lee"], None, Some("3/4/21 at 9:00 AM EST"))
        );
        assert_eq!(
            by("by Ann Lee Published Mar. 4, 2021 9:00 am Updated Mar. 4, 2021 10:10 am"),
            (vec!["Ann Lee"], None, Some("Mar. 4, 2021 9:00 am"))
        );
        assert_eq!(
            by("By: Bo Chan | Posted: March 4, 2021 at 9:00 AM"),
            (vec!["Bo Chan"], None, Some("March 4, 2021 at 9:00 AM"))
        );
    }

    #[test]
    fn plain_and_affiliated() {
        assert_eq!(by("By Allen Cone"), (vec!["Allen Cone"], None, None));
        assert_eq!(
            by("By Jill Disis, CNN Business"),
            (vec!["Jill Disis"], Some("CNN Business"), None)
        );
        assert_eq!(
            by("By Cal Mankowski, Reuters"),
            (vec!["Cal Mankowski"], Some("Reuters"), None)
        );
        assert_eq!(
            by("By ALLEN CONE, UPI Staff Writer"),
            (vec!["ALLEN CONE"], Some("UPI Staff Writer"), None)
        );
        assert_eq!(by("By Julius Young | Fox News").0, vec!["Julius Young"]);
    }

    #[test]
    fn several_authors() {
        assert_eq!(
            by("By Ann Lee, Bo Chan and Cy Dorr").0,
            vec!["Ann Lee", "Bo Chan", "Cy Dorr"]
        );
        assert_eq!(by("By ANN LEE and BO CHAN").0, vec!["ANN LEE", "BO CHAN"]);
    }

    #[test]
    fn organisation_alone() {
        assert_eq!(
            by("By THE ASSOCIATED PRESS"),
            (vec![], Some("THE ASSOCIATED PRESS"), None)
        );
        assert_eq!(
            by("By the CNN Wire Staff"),
            (vec![], Some("CNN Wire Staff"), None)
        );
    }

    #[test]
    fn blog_bylines_with_dates() {
        assert_eq!(
            by("by Barry van Wyk on November 8, 2012"),
            (vec!["Barry van Wyk"], None, Some("November 8, 2012"))
        );
        assert_eq!(
            by("by White on Rice Couple on October 28, 2012"),
            (vec!["White on Rice Couple"], None, Some("October 28, 2012"))
        );
        assert_eq!(
            by("November 12, 2012 by Sam Laird"),
            (vec!["Sam Laird"], None, Some("November 12, 2012"))
        );
        assert_eq!(
            by("Posted by Michael David Smith on November 19, 2019, 6:21 AM EST"),
            (
                vec!["Michael David Smith"],
                None,
                Some("November 19, 2019, 6:21 AM EST")
            )
        );
        assert_eq!(
            by("By Robert BeckhusenEmail Author").0,
            vec!["Robert Beckhusen"]
        );
    }

    #[test]
    fn bare_bylines() {
        let b = parse_bare_byline("Steve Peoples, AP National Political Writer").unwrap();
        assert_eq!(
            summary(&b),
            (
                vec!["Steve Peoples"],
                Some("AP National Political Writer"),
                None
            )
        );
        let b = parse_bare_byline("Chris Davies - Nov 19, 2019, 8:15 pm CST").unwrap();
        assert_eq!(
            summary(&b),
            (
                vec!["Chris Davies"],
                None,
                Some("Nov 19, 2019, 8:15 pm CST")
            )
        );
        assert!(parse_bare_byline("The market fell sharply on Monday.").is_none());
    }

    #[test]
    fn prose_is_not_a_byline() {
        assert!(
            parse_byline("The bill was passed by the Senate on Monday after a long debate.")
                .is_none()
        );
        assert!(parse_byline("Prices rose by 5 percent").is_none());
    }
}
