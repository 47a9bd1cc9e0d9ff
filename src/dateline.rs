#![forbid(unsafe_code)]
//! Datelines: where and when a story was filed, and through which service.
//!
//! `PROVO, Utah, Dec. 23 (UPI) --`, `SEATTLE/WASHINGTON (Reuters) -`,
//! `(AP) HONOLULU -`, `NEW YORK, March 26 -`, `AUSTIN, Texas, May 5, 2025 /PRNewswire/ --`,
//! `CITY, St.--(BUSINESS WIRE)--`, and the AG-News lead-in `AP - `.

use nom::{
    IResult, Parser,
    character::complete::{char, space0},
    sequence::preceded,
};

use crate::{Agency, published::month_number};

/// A dateline at the head of the story's first paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// The whole dateline as written, up to and including its closing dash.
    pub text: &'a str,
    /// The place the story was filed from.
    pub location: Option<Location<'a>>,
    /// The date, when the dateline gives one.
    pub date: Option<DatelineDate<'a>>,
    /// The service named by the dateline's marker (`(UPI)`, `/PRNewswire/`).
    pub agency: Option<Agency<'a>>,
}

/// The place of a dateline, as written and split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location<'a> {
    /// The place as written, without its trailing comma: `PITTSBURG, Calif.`.
    pub text: &'a str,
    /// The city part: `PITTSBURG`; `SEATTLE/WASHINGTON` for a joint dateline.
    pub city: &'a str,
    /// The region part when written: `Calif.`, `Utah`, `England`.
    pub region: Option<&'a str>,
    /// The U.S. state that `region` names, when it is an AP or postal abbreviation
    /// or a state name: `Calif.` gives `California`.
    pub state: Option<&'static str>,
}

/// The date of a dateline: `June 26`, `Dec. 23`, `May 5, 2025`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineDate<'a> {
    /// The date as written.
    pub text: &'a str,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
    /// The year, when written.
    pub year: Option<u16>,
}

#[cfg(feature = "serde")]
impl serde::Serialize for Dateline<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let loc = self.location.as_ref();
        let mut s = serializer.serialize_struct("Dateline", 7)?;
        s.serialize_field("text", self.text)?;
        s.serialize_field("location", &loc.map(|l| l.text))?;
        s.serialize_field("city", &loc.map(|l| l.city))?;
        s.serialize_field("region", &loc.and_then(|l| l.region))?;
        s.serialize_field("state", &loc.and_then(|l| l.state))?;
        s.serialize_field("date", &self.date)?;
        s.serialize_field("agency", &self.agency)?;
        s.end()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DatelineDate<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("DatelineDate", 4)?;
        s.serialize_field("text", self.text)?;
        s.serialize_field("month", &self.month)?;
        s.serialize_field("day", &self.day)?;
        s.serialize_field("year", &self.year)?;
        s.end()
    }
}

/// AP abbreviations, postal codes and names of U.S. states.
const STATES: [(&str, &str, &str); 50] = [
    ("Ala.", "AL", "Alabama"),
    ("Alaska", "AK", "Alaska"),
    ("Ariz.", "AZ", "Arizona"),
    ("Ark.", "AR", "Arkansas"),
    ("Calif.", "CA", "California"),
    ("Colo.", "CO", "Colorado"),
    ("Conn.", "CT", "Connecticut"),
    ("Del.", "DE", "Delaware"),
    ("Fla.", "FL", "Florida"),
    ("Ga.", "GA", "Georgia"),
    ("Hawaii", "HI", "Hawaii"),
    ("Idaho", "ID", "Idaho"),
    ("Ill.", "IL", "Illinois"),
    ("Ind.", "IN", "Indiana"),
    ("Iowa", "IA", "Iowa"),
    ("Kan.", "KS", "Kansas"),
    ("Ky.", "KY", "Kentucky"),
    ("La.", "LA", "Louisiana"),
    ("Maine", "ME", "Maine"),
    ("Md.", "MD", "Maryland"),
    ("Mass.", "MA", "Massachusetts"),
    ("Mich.", "MI", "Michigan"),
    ("Minn.", "MN", "Minnesota"),
    ("Miss.", "MS", "Mississippi"),
    ("Mo.", "MO", "Missouri"),
    ("Mont.", "MT", "Montana"),
    ("Neb.", "NE", "Nebraska"),
    ("Nev.", "NV", "Nevada"),
    ("N.H.", "NH", "New Hampshire"),
    ("N.J.", "NJ", "New Jersey"),
    ("N.M.", "NM", "New Mexico"),
    ("N.Y.", "NY", "New York"),
    ("N.C.", "NC", "North Carolina"),
    ("N.D.", "ND", "North Dakota"),
    ("Ohio", "OH", "Ohio"),
    ("Okla.", "OK", "Oklahoma"),
    ("Ore.", "OR", "Oregon"),
    ("Pa.", "PA", "Pennsylvania"),
    ("R.I.", "RI", "Rhode Island"),
    ("S.C.", "SC", "South Carolina"),
    ("S.D.", "SD", "South Dakota"),
    ("Tenn.", "TN", "Tennessee"),
    ("Texas", "TX", "Texas"),
    ("Utah", "UT", "Utah"),
    ("Vt.", "VT", "Vermont"),
    ("Va.", "VA", "Virginia"),
    ("Wash.", "WA", "Washington"),
    ("W.Va.", "WV", "West Virginia"),
    ("Wis.", "WI", "Wisconsin"),
    ("Wyo.", "WY", "Wyoming"),
];

/// The U.S. state a region names: AP abbreviation (`Calif.`, `ILL.`), postal code (`NY`) or name.
pub fn state_name(region: &str) -> Option<&'static str> {
    let r = region.trim();
    // All three forms of a state open with the same capital (its postal
    // code's first letter): only the states of the region's first letter are
    // compared with it.
    let initial = r.as_bytes().first()?.to_ascii_uppercase();
    let mut states = STATES
        .iter()
        .filter(|(_, postal, _)| postal.as_bytes()[0] == initial);
    states.find_map(|&(ap, postal, name)| {
        let hit = r.eq_ignore_ascii_case(ap)
            || r.eq_ignore_ascii_case(name)
            || r == postal
            || (ap.ends_with('.') && r.eq_ignore_ascii_case(&ap[..ap.len() - 1]) && r.len() > 2);
        hit.then_some(name)
    })
}

/// A dash that closes a dateline: `--`, `—`, `–`, `-` or `_`, with the space around it.
///
/// Read on bytes as the grammar `delimited(space0, alt((tag("--"), tag("—"),
/// tag("–"), tag("-"), tag("_"))), space0)` reads it (the dashes tried in that
/// order, spaces and tabs around them), without its combinators' cost: this
/// runs at every dash that may close a dateline.
fn parse_dash(i: &str) -> IResult<&str, &str> {
    let rest = skip_blanks(i);
    let Some(dash) = ["--", "—", "–", "-", "_"]
        .into_iter()
        .find(|d| rest.starts_with(d))
    else {
        let kind = nom::error::ErrorKind::Tag;
        return Err(nom::Err::Error(nom::error::Error::new(rest, kind)));
    };
    let after = &rest[dash.len()..];
    Ok((skip_blanks(after), &rest[..dash.len()]))
}

/// `Dec. 23`, `June 26`, `May 5, 2025`, `Feb 26`: a month name of three to
/// nine letters and a stop, spaces or tabs, a day from 1 to 31 in one or two
/// digits, then maybe a comma, spaces or tabs and a year of four digits.
///
/// Read byte by byte (each of its parts is ASCII): this runs on every word
/// that could open a date, in every dateline's head.
fn parse_date(i: &str) -> IResult<&str, DatelineDate<'_>> {
    read_date(i)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))
}

fn read_date(i: &str) -> Option<(&str, DatelineDate<'_>)> {
    let b = i.as_bytes();
    let run = |from: usize, max: usize, class: fn(&u8) -> bool| {
        b[from..].iter().take(max).take_while(|c| class(c)).count()
    };
    let blank = |c: &u8| matches!(c, b' ' | b'\t');
    let letters = run(0, 9, u8::is_ascii_alphabetic);
    if letters < 3 {
        return None;
    }
    let month = month_number(&i[..letters])?;
    let mut at = letters + usize::from(b.get(letters) == Some(&b'.'));
    let gap = run(at, usize::MAX, blank);
    if gap == 0 {
        return None;
    }
    at += gap;
    let digits = run(at, 2, u8::is_ascii_digit);
    let day = i[at..at + digits]
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    at += digits;
    // The year is read only when all of it is there.
    let mut year = None;
    let comma = at + usize::from(b.get(at) == Some(&b','));
    let gap = run(comma, usize::MAX, blank);
    if gap > 0 && run(comma + gap, usize::MAX, u8::is_ascii_digit) == 4 {
        year = i[comma + gap..comma + gap + 4].parse().ok();
        at = comma + gap + 4;
    }
    let date = DatelineDate {
        text: &i[..at],
        month,
        day,
        year,
    };
    Some((&i[at..], date))
}

/// Whether a word can open a date for [`parse_date`]: three to nine letters, a
/// stop, then a space or tab, or the word's end (the day then follows a space).
fn could_open_date(word: &[u8]) -> bool {
    let letters = word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let rest = &word[letters..];
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    (3..=9).contains(&letters) && matches!(rest.first(), None | Some(b'\t'))
}

/// `(UPI)`, `(Reuters)`, `(BUSINESS WIRE)`, `(HawaiiNewsNow)`: the name, and
/// the text after the closing parenthesis.
///
/// Read on bytes as the grammar `delimited(char('('), verify(take_till1(')',
/// '(' or '\n'), is_agency_name), char(')'))` reads it (kept in the tests),
/// the name found by memchr: after a parenthesis that opens no marker the
/// search may run to the paragraph's end.
fn agency_paren(i: &str) -> Option<(&str, &str)> {
    let inner = i.strip_prefix('(')?;
    let end = memchr::memchr3(b')', b'(', b'\n', inner.as_bytes()).unwrap_or(inner.len());
    let (name, rest) = inner.split_at(end);
    let rest = rest.strip_prefix(')')?;
    (!name.is_empty() && is_agency_name(name)).then_some((rest, name))
}

/// `/PRNewswire/`, `/ ACCESSWIRE /`: the name, and the text after the
/// closing slash. Read on bytes as the grammar `delimited(pair(char('/'),
/// space0), verify(take_till1('/' or '\n'), Agency::known), pair(space0,
/// char('/')))` reads it: the name runs to the next slash or line break, so
/// the blanks before the closing slash are the name's.
fn agency_slashes(i: &str) -> Option<(&str, &str)> {
    let inner = skip_blanks(i.strip_prefix('/')?);
    let end = memchr::memchr2(b'/', b'\n', inner.as_bytes()).unwrap_or(inner.len());
    let (name, rest) = inner.split_at(end);
    let rest = rest.strip_prefix('/')?;
    (!name.is_empty() && Agency::known(name).is_some()).then_some((rest, name))
}

/// The text after its leading spaces and tabs, as `space0` reads them.
fn skip_blanks(i: &str) -> &str {
    let blanks = i.bytes().take_while(|b| matches!(b, b' ' | b'\t')).count();
    &i[blanks..]
}

/// The marker naming the service, in any of its wire forms, with the dash
/// that follows it: the text after it, and the name.
///
/// Read as the grammar `parse_marker_by_nom` in the tests reads it, without
/// its combinators' cost: this runs at every parenthesis and slash near a
/// paragraph's head.
fn read_marker(i: &str) -> Option<(&str, &str)> {
    let i = skip_blanks(i);
    // `--(BUSINESS WIRE)--`
    if let Some((rest, name)) = i.strip_prefix("--").and_then(agency_paren) {
        if let Some(rest) = rest.strip_prefix("--").or_else(|| rest.strip_prefix('—')) {
            return Some((rest, name));
        }
    }
    // `(UPI) --`, `/PRNewswire/ --`
    let (rest, name) = agency_paren(i).or_else(|| agency_slashes(i))?;
    Some(parse_dash(rest).map_or((rest, name), |(after, _)| (after, name)))
}

/// Whether a parenthesised name reads as a service: a known one, or a short
/// capitalised name without sentence punctuation.
fn is_agency_name(s: &str) -> bool {
    let s = s.trim();
    if Agency::known(s).is_some() {
        return true;
    }
    s.len() <= 24
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.split_whitespace().count() <= 2
        && !s.contains(|c: char| matches!(c, ',' | ';' | ':' | '"' | '/') || c.is_ascii_digit())
}

fn agency_of(name: &str) -> Agency<'_> {
    let name = name.trim();
    service_of(name).unwrap_or(Agency::Other(name))
}

/// The service a marker names, also through one of its desks: `(CNN Business)`,
/// `(Reuters Health)` credit CNN and Reuters.
fn service_of(name: &str) -> Option<Agency<'static>> {
    let name = name.trim();
    Agency::known(name).or_else(|| {
        let (service, desk) = name.split_once(' ')?;
        let desk_word = desk.starts_with(|c: char| c.is_uppercase()) && !desk.contains(' ');
        desk_word.then(|| Agency::known(service)).flatten()
    })
}

/// Whether a word may be part of a place name.
fn is_place_word(w: &str) -> bool {
    // The commas are ASCII: trimmed as bytes.
    let commas = w.bytes().rev().take_while(|&b| b == b',').count();
    let w = &w[..w.len() - commas];
    // Most words are ASCII, where a letter's case and kind are byte tests.
    if w.is_ascii() {
        return match w.as_bytes().first() {
            Some(b) if b.is_ascii_uppercase() => w
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || matches!(b, b'.' | b'-' | b'\'' | b'/')),
            Some(_) => is_place_particle(w),
            None => false,
        };
    }
    let first = w.chars().next();
    match first {
        Some(c) if c.is_uppercase() => w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | '/')),
        Some(_) => is_place_particle(w),
        None => false,
    }
}

/// Whether a word is one of the small lower-case words inside place names
/// (`Rio de Janeiro`, `Frankfurt am Main`, `Newcastle upon Tyne`).
fn is_place_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "la"
            | "le"
            | "el"
            | "of"
            | "upon"
            | "on"
            | "am"
            | "im"
            | "an"
            | "der"
            | "du"
            | "da"
            | "al"
            | "es"
            | "near"
    )
}

fn is_upper_word(w: &str) -> bool {
    w.chars().any(|c| c.is_alphabetic()) && !w.chars().any(|c| c.is_lowercase())
}

/// Splits `PITTSBURG, Calif.` into its parts; `None` when the text is not a place name.
pub(crate) fn parse_location(text: &str) -> Option<Location<'_>> {
    let text = crate::ascii::trim(text).trim_end_matches(',').trim_end();
    if text.is_empty() || text.len() > 60 || !text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    if !place_words(text) {
        return None;
    }
    // The comma is ASCII: found as a byte, not by decoding characters (nor by
    // a memchr call, which costs more than the few bytes of a place).
    let (city, region) = match text.bytes().position(|b| b == b',') {
        Some(at) => {
            let region = text[at + 1..].trim();
            if region.contains(',') || region.is_empty() {
                return None;
            }
            (text[..at].trim(), Some(region))
        }
        None => (text, None),
    };
    Some(Location {
        text,
        city,
        region,
        state: region.and_then(state_name),
    })
}

/// Whether a text is seven words at most, each a place word. Every dateline's
/// place is read here: an ASCII text (nearly all) is read in one pass over
/// its bytes, cut into words at the white space `split_whitespace` would cut
/// at there (tab to carriage return, and space), each word read as
/// [`is_place_word`] reads it, without decoding characters.
fn place_words(text: &str) -> bool {
    if !text.is_ascii() {
        let mut words = 0;
        return text.split_whitespace().all(|w| {
            words += 1;
            words <= 7 && is_place_word(w)
        });
    }
    let bytes = text.as_bytes();
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let (mut at, mut words) = (0, 0);
    while at < bytes.len() {
        if space(bytes[at]) {
            at += 1;
            continue;
        }
        words += 1;
        if words > 7 {
            return false;
        }
        let start = at;
        if bytes[at].is_ascii_uppercase() {
            // A capitalised word: letters and `.-'/`, then perhaps commas.
            while at < bytes.len()
                && (bytes[at].is_ascii_alphabetic()
                    || matches!(bytes[at], b'.' | b'-' | b'\'' | b'/'))
            {
                at += 1;
            }
            while at < bytes.len() && bytes[at] == b',' {
                at += 1;
            }
            if at < bytes.len() && !space(bytes[at]) {
                return false;
            }
        } else {
            while at < bytes.len() && !space(bytes[at]) {
                at += 1;
            }
            if !is_place_word(&text[start..at]) {
                return false;
            }
        }
    }
    true
}

/// Splits the head of a dateline (`PROVO, Utah, Dec. 23`) into place and date.
fn split_head(head: &str) -> (Option<Location<'_>>, Option<DatelineDate<'_>>, bool) {
    let head = crate::ascii::trim(head);
    if head.is_empty() {
        return (None, None, true);
    }
    // A date closes the head, and a date ends with a digit (its day or year):
    // the words of a head ending otherwise are not tried.
    if head.ends_with(|c: char| c.is_ascii_digit()) {
        if let Some(at) = last_lettered_word(head.as_bytes()) {
            if let Some(found) = date_closing_head(head, at) {
                return found;
            }
        }
    }
    match parse_location(head) {
        Some(loc) => (Some(loc), None, true),
        None => (None, None, false),
    }
}

/// Where the last word of a head (cut at single spaces, as `head.split(' ')`
/// cuts it) opening with an ASCII letter starts. Only there can a date closing
/// the head start: after a date's month come only blanks, digits and a
/// comma, so no word after it opens with a letter. Found from the end, which
/// passes over the date's few bytes rather than the place before it.
fn last_lettered_word(bytes: &[u8]) -> Option<usize> {
    (0..bytes.len())
        .rev()
        .find(|&at| bytes[at].is_ascii_alphabetic() && (at == 0 || bytes[at - 1] == b' '))
}

/// The place and date of a head whose date would open at `at`, when it does
/// and runs to the head's end.
#[allow(clippy::type_complexity)]
fn date_closing_head(
    head: &str,
    at: usize,
) -> Option<(Option<Location<'_>>, Option<DatelineDate<'_>>, bool)> {
    let bytes = head.as_bytes();
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b' ')
        .map_or(bytes.len(), |n| at + n);
    if !could_open_date(&bytes[at..end]) {
        return None;
    }
    let (rest, date) = parse_date(&head[at..]).ok()?;
    if !rest.trim().is_empty() {
        return None;
    }
    let place = crate::ascii::trim(&head[..at]).trim_end_matches(',');
    if place.is_empty() {
        return Some((None, Some(date), true));
    }
    Some(match parse_location(place) {
        Some(loc) => (Some(loc), Some(date), true),
        None => (None, None, false),
    })
}

/// Where the head of a dateline may end: at most this many bytes into the paragraph.
const MAX_HEAD: usize = 110;

/// The dateline at the start of a paragraph, and the text after it.
///
/// `None` when the paragraph does not open with a dateline.
pub(crate) fn parse_dateline(para: &str) -> Option<(Dateline<'_>, &str)> {
    // The two forms whose head opens the paragraph look for their marker or
    // dash in the same window of it, cut once.
    let window = &para[..floor_boundary(para, MAX_HEAD)];
    parse_marker_first(para)
        .or_else(|| parse_marker_after_head(para, window))
        .or_else(|| parse_dash_dateline(para, window))
}

fn finish<'a>(
    para: &'a str,
    rest: &'a str,
    location: Option<Location<'a>>,
    date: Option<DatelineDate<'a>>,
    agency: Option<Agency<'a>>,
) -> Option<(Dateline<'a>, &'a str)> {
    let end = para.len() - rest.len();
    let text = para[..end].trim_end();
    let body = rest.trim_start();
    Some((
        Dateline {
            text,
            location,
            date,
            agency,
        },
        body,
    ))
}

/// ` June 10, 2024 / ` after a slashed marker.
fn date_after_marker(i: &str) -> Option<(&str, DatelineDate<'_>)> {
    let (rest, date) = preceded(space0, parse_date).parse(i).ok()?;
    let (rest, _) = (space0::<&str, nom::error::Error<&str>>, char('/'), space0)
        .parse(rest)
        .ok()?;
    Some((rest, date))
}

/// `(AP) HONOLULU -`, `(CNN) --`.
fn parse_marker_first(para: &str) -> Option<(Dateline<'_>, &str)> {
    // Nearly every paragraph is turned away by its first byte, without
    // setting up the grammar.
    if !para.starts_with('(') {
        return None;
    }
    let (rest, name) = agency_paren(para)?;
    if let Ok((after, _)) = parse_dash(rest) {
        if rest.len() != after.len() {
            return finish(para, after, None, None, Some(agency_of(name)));
        }
    }
    let window = &rest[..floor_boundary(rest, MAX_HEAD)];
    let dash = find_dash(window)?;
    let (location, date, ok) = split_head(&rest[..dash]);
    if !ok || location.is_none() {
        return None;
    }
    let (after, _) = parse_dash(&rest[dash..]).ok()?;
    finish(para, after, location, date, Some(agency_of(name)))
}

/// `PROVO, Utah, Dec. 23 (UPI) --`, `CITY, St., May 5, 2025 /PRNewswire/ --`.
fn parse_marker_after_head<'a>(para: &'a str, window: &str) -> Option<(Dateline<'a>, &'a str)> {
    // Both markers open with an ASCII byte: found by memchr rather than by
    // decoding the window's characters.
    memchr::memchr2_iter(b'(', b'/', window.as_bytes())
        .find_map(|at| marker_after_head_at(para, at))
}

fn marker_after_head_at(para: &str, at: usize) -> Option<(Dateline<'_>, &str)> {
    let mut head = &para[..at];
    if let Some(h) = head.trim_end().strip_suffix("--") {
        head = h;
    }
    let (after, name) = read_marker(&para[head.len()..])?;
    let (location, mut date, ok) = split_head(head);
    // ACCESSWIRE puts the date after its marker: `CITY, ST / ACCESSWIRE / June 10, 2024 /`.
    let after = match date_after_marker(after) {
        Some((rest, d)) if date.is_none() => {
            date = Some(d);
            rest
        }
        _ => after,
    };
    if !ok {
        return None;
    }
    // A place name before a marker must read as a place, in capitals unless a date follows it.
    if let Some(loc) = &location {
        if date.is_none() && service_of(name).is_none() && !is_upper_word(loc.city) {
            return None;
        }
    }
    // Without a dash the marker must still be followed by the story.
    let dashless = !para[..para.len() - after.len()]
        .trim_end()
        .ends_with(['-', '—', '–', '_']);
    if dashless
        && !after.trim().is_empty()
        && !after
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“')
    {
        return None;
    }
    // A marker closing a line of its own (`PHILADELPHIA July 24, 2012 (AP)`) needs a
    // date: a headline ending in `(AP)` is no dateline.
    if dashless && after.trim().is_empty() && date.is_none() {
        return None;
    }
    finish(para, after, location, date, Some(agency_of(name)))
}

/// `NEW YORK, March 26 -` (1987 Reuters) and the lead-in `AP - `.
fn parse_dash_dateline<'a>(para: &'a str, window: &str) -> Option<(Dateline<'a>, &'a str)> {
    let dash = find_dash(window)?;
    let head = para[..dash].trim();
    let (after, _) = parse_dash(&para[dash..]).ok()?;
    if let Some(agency) = Agency::known(head) {
        return finish(para, after, None, None, Some(agency));
    }
    if is_outlet_name(head) {
        return finish(para, after, None, None, Some(Agency::Other(head)));
    }
    let (location, date, ok) = split_head(head);
    let loc = location.as_ref()?;
    if !ok {
        return None;
    }
    // `Updated Nov 12 2012 - 6:04am`: a label and a timestamp, not a place and a date.
    if opens_with_timestamp_label(loc.city) {
        return None;
    }
    // Without a marker a dateline needs a date, or a short place name in
    // capitals. The place's words are counted only when no date decides.
    if date.is_none() {
        let us_place = loc.state.is_some() && crate::ascii::find(head, " - ").is_none();
        let short_in_capitals = || {
            is_upper_word(loc.city)
                && loc.city.len() >= 3
                && crate::ascii::count_all_words(loc.city) <= 3
        };
        if !(us_place || short_in_capitals()) {
            return None;
        }
    }
    finish(para, after, location, date, None)
}

/// Whether a place's first word (as `split_whitespace` cuts it) is a label
/// of a timestamp. Compared at the place's head, not cut into words first:
/// most places open with a word no label starts.
fn opens_with_timestamp_label(city: &str) -> bool {
    let city = city.trim_start();
    // Most places open with a letter no label opens with.
    let initial = city.as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(initial, Some(b'u' | b'p' | b'm')) {
        return false;
    }
    ["updated", "posted", "published", "modified"]
        .iter()
        .any(|label| {
            crate::ascii::opens_case_blind(city.as_bytes(), label)
                && city[label.len()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
}

/// A lead-in outlet written as one word with inner capitals or a domain
/// (`PanARMENIAN.Net - `, `HawaiiNewsNow - `), never an ordinary word.
fn is_outlet_name(head: &str) -> bool {
    // A head of several words, the usual one, is ruled out first, at its
    // first ASCII space, without decoding characters.
    head.len() >= 5
        && !head.as_bytes().contains(&b' ')
        && !head.contains(char::is_whitespace)
        && head.starts_with(|c: char| c.is_ascii_uppercase())
        && head.contains(|c: char| c.is_lowercase())
        && head.chars().all(|c| c.is_alphanumeric() || c == '.')
        && (head.chars().skip(1).any(|c| c.is_uppercase()) || head.contains('.'))
}

/// Offset of the first dateline dash (` - `, ` -- `, `—`, `–`) in a window.
///
/// The candidates are met by one memchr iterator: none of the bytes it looks
/// for falls inside a character of several bytes, so every one it meets
/// opens a character.
fn find_dash(window: &str) -> Option<usize> {
    let bytes = window.as_bytes();
    memchr::memchr3_iter(b'-', 0xE2, b'_', bytes).find(|&at| {
        let rest = &bytes[at..];
        if rest.starts_with("—".as_bytes()) || rest.starts_with("–".as_bytes()) {
            return true;
        }
        if rest.starts_with(b"--") {
            return true;
        }
        let closes = rest.len() == 1 || matches!(rest[1], b' ' | b'\n' | b'\r' | b'\t');
        let spaced_before = at == 0 || bytes[at - 1] == b' ';
        closes && matches!(rest[0], b'-' | b'_') && spaced_before
    })
}

/// The largest char boundary not above `max`.
pub(crate) fn floor_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    let mut at = max;
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::{
        branch::alt,
        bytes::complete::tag,
        combinator::{opt, verify},
        sequence::{delimited, pair},
    };

    /// `(UPI)`: the grammar of a parenthesised service, written with nom.
    fn agency_paren_by_nom(i: &str) -> IResult<&str, &str> {
        delimited(
            char('('),
            verify(
                nom::bytes::complete::take_till1(|c| matches!(c, ')' | '(' | '\n')),
                is_agency_name,
            ),
            char(')'),
        )
        .parse(i)
    }

    /// `/PRNewswire/`: the grammar of a service between slashes, written with nom.
    fn agency_slashes_by_nom(i: &str) -> IResult<&str, &str> {
        delimited(
            pair(char('/'), space0),
            verify(
                nom::bytes::complete::take_till1(|c| matches!(c, '/' | '\n')),
                |s: &str| Agency::known(s).is_some(),
            ),
            pair(space0, char('/')),
        )
        .parse(i)
    }

    /// The grammar of a service's marker, written with nom.
    fn marker_by_nom(i: &str) -> IResult<&str, &str> {
        alt((
            delimited(
                pair(space0, tag("--")),
                agency_paren_by_nom,
                alt((tag("--"), tag("—"))),
            ),
            delimited(
                space0,
                alt((agency_paren_by_nom, agency_slashes_by_nom)),
                opt(parse_dash),
            ),
        ))
        .parse(i)
    }

    #[test]
    fn markers_read_as_the_grammar_says() {
        let pieces = [
            "",
            " ",
            "\t",
            "--",
            "—",
            "-",
            "(",
            ")",
            "/",
            "\n",
            "AP",
            "Reuters",
            " UPI ",
            "BUSINESS WIRE",
            "PRNewswire",
            "the company",
            "a, b",
            "é",
            "日本",
            "\u{a0}",
        ];
        let mut texts = crate::ascii::texts_of_three(&pieces);
        for a in ["", " ", "--", "\t"] {
            for b in ["(", "/", "/ "] {
                for name in [
                    "AP",
                    "ACCESSWIRE",
                    " ACCESSWIRE ",
                    "Apple Inc",
                    "x",
                    "",
                    "日本",
                ] {
                    for c in [")", "/", " /", "\n", ""] {
                        for d in ["", " -- Text", "--", "—", " - x", "Text"] {
                            texts.push(format!("{a}{b}{name}{c}{d}"));
                        }
                    }
                }
            }
        }
        for text in &texts {
            assert_eq!(read_marker(text), marker_by_nom(text).ok(), "{text:?}");
            assert_eq!(
                agency_paren(text),
                agency_paren_by_nom(text).ok(),
                "{text:?}"
            );
            assert_eq!(
                agency_slashes(text),
                agency_slashes_by_nom(text).ok(),
                "{text:?}"
            );
        }
    }

    /// The head split as it was read before, trying every word that may open a date.
    fn split_head_by_words(head: &str) -> (Option<Location<'_>>, Option<DatelineDate<'_>>, bool) {
        let head = crate::ascii::trim(head);
        if head.is_empty() {
            return (None, None, true);
        }
        let mut at = 0;
        let words = head
            .split(' ')
            .filter(|_| head.ends_with(|c: char| c.is_ascii_digit()));
        for word in words {
            let start = at;
            at += word.len() + 1;
            if !word.starts_with(|c: char| c.is_ascii_alphabetic())
                || !could_open_date(word.as_bytes())
            {
                continue;
            }
            if let Ok((rest, date)) = parse_date(&head[start..]) {
                if rest.trim().is_empty() {
                    let place = crate::ascii::trim(&head[..start]).trim_end_matches(',');
                    if place.is_empty() {
                        return (None, Some(date), true);
                    }
                    return match parse_location(place) {
                        Some(loc) => (Some(loc), Some(date), true),
                        None => (None, None, false),
                    };
                }
            }
        }
        match parse_location(head) {
            Some(loc) => (Some(loc), None, true),
            None => (None, None, false),
        }
    }

    #[test]
    fn a_head_is_split_at_its_last_lettered_word_as_at_every_word() {
        let pieces = [
            "", " ", "  ", "\t", ",", ".", "May", "Dec.", "June", "Sept", "NEW", "Utah", "Xyzzyx",
            "5", "26", "31", "32", "2025", "123", "é", "日本", "\u{a0}",
        ];
        let mut texts = Vec::new();
        for a in crate::ascii::texts_of_three(&pieces) {
            for b in ["", " ", ", ", " 7", " 2024"] {
                texts.push(format!("{a}{b}"));
            }
        }
        texts.extend(
            [
                "NEW YORK, March 26",
                "PROVO, Utah, Dec. 23",
                "AUSTIN, Texas, May 5, 2025",
                "Updated Nov 12 2012",
                "May 5 June 6",
                "LONDON Dec.\t23",
                "PARIS, Jan  3,  2020",
                "ROME, Mayday 4",
                "ROME May 4 ",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(split_head(text), split_head_by_words(text), "{text:?}");
        }
    }

    #[test]
    fn a_timestamp_label_is_found_as_the_first_word() {
        let by_words = |city: &str| {
            let first = city.split_whitespace().next().unwrap_or("");
            ["updated", "posted", "published", "modified"]
                .iter()
                .any(|l| first.eq_ignore_ascii_case(l))
        };
        let pieces = [
            "",
            " ",
            "\u{a0}",
            "\t",
            "Updated",
            "POSTED",
            "published",
            "Modifie",
            "d",
            "x",
            "é",
            "日本",
            ",",
            "Posted:",
        ];
        for city in &crate::ascii::texts_of_three(&pieces) {
            assert_eq!(opens_with_timestamp_label(city), by_words(city), "{city:?}");
        }
    }

    /// The dash search as it was written, one memchr call from each candidate.
    fn find_dash_by_steps(window: &str) -> Option<usize> {
        let bytes = window.as_bytes();
        let mut from = 0;
        while let Some(pos) = memchr::memchr3(b'-', 0xE2, b'_', &bytes[from..]) {
            let at = from + pos;
            let rest = &window[at..];
            if rest.starts_with('—') || rest.starts_with('–') {
                return Some(at);
            }
            let closes =
                rest.len() == 1 || matches!(rest.as_bytes()[1], b' ' | b'\n' | b'\r' | b'\t');
            if rest.starts_with("--")
                || (closes && (rest.starts_with('-') || rest.starts_with('_')))
            {
                let spaced_before = at == 0 || bytes[at - 1] == b' ';
                if spaced_before || rest.starts_with("--") {
                    return Some(at);
                }
            }
            from = at + 1;
            while from < window.len() && !window.is_char_boundary(from) {
                from += 1;
            }
            if from >= window.len() {
                break;
            }
        }
        None
    }

    #[test]
    fn dashes_are_found_as_step_by_step() {
        let pieces = [
            "", " ", "-", "--", "_", "—", "–", "\u{2010}", "\u{2022}", "\t", "\n", "\r", "a", "é",
            "日", "x-y",
        ];
        let mut texts = crate::ascii::texts_of_three(&pieces);
        texts.extend(
            [
                "NEW YORK, March 26 - Stocks",
                "well-known - x",
                "AP - ",
                "a_b _ c",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(find_dash(text), find_dash_by_steps(text), "{text:?}");
        }
    }

    #[test]
    fn place_words_are_read_as_is_place_word_reads_them() {
        let by_words = |text: &str| {
            text.split_whitespace().count() <= 7 && text.split_whitespace().all(is_place_word)
        };
        let pieces = [
            "", "A", "b", "NEW", "York", ",", ",,", " ", "\t", "\n", "\u{b}", "de", "la", ".", "-",
            "'", "/", "x", "1", "é", "É", "\u{a0}", ":",
        ];
        let mut texts = crate::ascii::texts_of_three(&pieces);
        texts.extend(
            [
                "Rio de Janeiro",
                "SAN FRANCISCO,",
                "A B C D E F G",
                "A B C D E F G H",
                "Ab,c",
            ]
            .map(String::from),
        );
        for text in &texts {
            assert_eq!(place_words(text), by_words(text), "{text:?}");
        }
    }

    #[test]
    fn the_forms_of_a_state_share_their_initial() {
        for (ap, postal, name) in STATES {
            assert!(postal.bytes().all(|b| b.is_ascii_uppercase()), "{postal}");
            assert_eq!(ap.as_bytes()[0], postal.as_bytes()[0], "{ap}");
            assert_eq!(name.as_bytes()[0], postal.as_bytes()[0], "{name}");
        }
        for region in [
            "", " ", "calif", "CALIF.", "NY", "ny", "New York", "W.Va", "Ore", "Or",
        ] {
            let by_list = STATES.iter().find_map(|&(ap, postal, name)| {
                let r = region.trim();
                let hit = r.eq_ignore_ascii_case(ap)
                    || r.eq_ignore_ascii_case(name)
                    || r == postal
                    || (ap.ends_with('.')
                        && r.eq_ignore_ascii_case(&ap[..ap.len() - 1])
                        && r.len() > 2);
                hit.then_some(name)
            });
            assert_eq!(state_name(region), by_list, "{region:?}");
        }
    }

    fn dl(s: &str) -> (Dateline<'_>, &str) {
        parse_dateline(s).unwrap_or_else(|| panic!("no dateline in {s:?}"))
    }

    use nom::{
        bytes::complete::take_while_m_n,
        character::complete::{digit1, space1},
        combinator::recognize,
    };

    /// The grammar `parse_date` reads, written with nom.
    fn date_by_nom(i: &str) -> IResult<&str, DatelineDate<'_>> {
        let (rest, (month, day, year)) = (
            verify(
                recognize(pair(
                    take_while_m_n(3, 9, |c: char| c.is_ascii_alphabetic()),
                    opt(char('.')),
                )),
                |w: &str| month_number(w.trim_end_matches('.')).is_some(),
            ),
            preceded(
                space1,
                verify(
                    take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                    |d: &str| matches!(d.parse::<u8>(), Ok(1..=31)),
                ),
            ),
            opt(preceded(
                pair(opt(char(',')), space1),
                verify(digit1, |y: &str| y.len() == 4),
            )),
        )
            .parse(i)?;
        let date = DatelineDate {
            text: &i[..i.len() - rest.len()],
            month: month_number(month.trim_end_matches('.')).unwrap_or(0),
            day: day.parse().unwrap_or(0),
            year: year.and_then(|y| y.parse().ok()),
        };
        Ok((rest, date))
    }

    #[test]
    fn dashes_read_as_the_grammar_says() {
        fn by_nom(i: &str) -> Option<(&str, &str)> {
            delimited(
                space0::<&str, nom::error::Error<&str>>,
                alt((tag("--"), tag("—"), tag("–"), tag("-"), tag("_"))),
                space0,
            )
            .parse(i)
            .ok()
        }
        let pieces = [
            "", " ", "\t", "  ", "-", "--", "---", "—", "–", "_", "x", "\u{a0}", "é",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let i = format!("{a}{b}{c}");
                    assert_eq!(parse_dash(&i).ok(), by_nom(&i), "{i:?}");
                }
            }
        }
    }

    #[test]
    fn dates_read_as_the_grammar_says() {
        let months = [
            "Jan",
            "Jan.",
            "March",
            "Sept.",
            "September",
            "Septembers",
            "Mai",
            "Ma",
            "Dec",
            "x",
            "é",
        ];
        let gaps = [" ", "  ", "\t", "", ",", "\u{a0}", ". "];
        let days = ["1", "05", "00", "31", "32", "0", "123", "9x", ""];
        let commas = ["", ",", ", ", " ", ",  ", "\t", ",,"];
        let years = ["2025", "20255", "999", "", "x"];
        let tails = ["", " /", "x", "5"];
        let mut read = 0;
        for m in months {
            for g in gaps {
                for d in days {
                    for c in commas {
                        for y in years {
                            for t in tails {
                                let text = format!("{m}{g}{d}{c}{y}{t}");
                                let ours = parse_date(&text).ok();
                                assert_eq!(ours, date_by_nom(&text).ok(), "{text:?}");
                                read += usize::from(ours.is_some());
                            }
                        }
                    }
                }
            }
        }
        // Enough of them are dates for the comparison to mean something.
        assert!(read > 5000, "{read}");
    }

    #[test]
    fn upi_date_only() {
        let (d, rest) = dl("June 26 (UPI) -- Sergey Kislyak, Russia's ambassador");
        assert_eq!(d.text, "June 26 (UPI) --");
        assert_eq!(d.location, None);
        let date = d.date.unwrap();
        assert_eq!(
            (date.text, date.month, date.day, date.year),
            ("June 26", 6, 26, None)
        );
        assert_eq!(d.agency, Some(Agency::Upi));
        assert_eq!(rest, "Sergey Kislyak, Russia's ambassador");
    }

    #[test]
    fn upi_city_region_date() {
        let (d, _) = dl("PROVO, Utah, Dec. 23 (UPI) -- A man");
        let loc = d.location.unwrap();
        assert_eq!(
            (loc.text, loc.city, loc.region, loc.state),
            ("PROVO, Utah", "PROVO", Some("Utah"), Some("Utah"))
        );
        assert_eq!(d.date.unwrap().month, 12);
    }

    #[test]
    fn ap_dashes() {
        for s in [
            "AUSTIN, Texas (AP) — Gov.",
            "AUSTIN, Texas (AP) – Gov.",
            "AUSTIN, Texas (AP) -- Gov.",
            "AUSTIN, Texas (AP) - Gov.",
        ] {
            let (d, rest) = dl(s);
            assert_eq!(d.agency, Some(Agency::Ap));
            assert_eq!(d.location.unwrap().text, "AUSTIN, Texas");
            assert_eq!(rest, "Gov.");
        }
        let (d, rest) = dl("(AP) HONOLULU - Lava flows");
        assert_eq!(d.location.unwrap().city, "HONOLULU");
        assert_eq!(rest, "Lava flows");
    }

    #[test]
    fn ap_state_abbreviation() {
        let (d, _) = dl("PITTSBURG, Calif. (AP) — A fire");
        assert_eq!(d.location.unwrap().state, Some("California"));
        let (d, _) = dl("DEKALB, Ill. (AP) — A fire");
        assert_eq!(d.location.unwrap().state, Some("Illinois"));
    }

    #[test]
    fn reuters_forms() {
        let (d, _) = dl("SEATTLE/WASHINGTON (Reuters) - Boeing");
        assert_eq!(d.location.unwrap().text, "SEATTLE/WASHINGTON");
        let (d, _) = dl("HOUSTON, Jan 27 (Reuters) - Oil");
        assert_eq!(d.date.unwrap().text, "Jan 27");
        let (d, rest) = dl("NEW YORK, March 26 - Shares rose");
        assert_eq!(d.location.unwrap().text, "NEW YORK");
        assert_eq!(d.agency, None);
        assert_eq!(rest, "Shares rose");
    }

    #[test]
    fn press_release_wires() {
        let (d, _) = dl("AUSTIN, Texas, May 5, 2025 /PRNewswire/ -- Acme Corp.");
        assert_eq!(d.agency, Some(Agency::PrNewswire));
        assert_eq!(d.date.unwrap().year, Some(2025));
        let (d, rest) = dl("SAN JOSE, Calif.--(BUSINESS WIRE)--Acme Corp. today");
        assert_eq!(d.agency, Some(Agency::BusinessWire));
        assert_eq!(d.location.unwrap().text, "SAN JOSE, Calif.");
        assert_eq!(rest, "Acme Corp. today");
    }

    #[test]
    fn lead_ins_and_broadcasters() {
        let (d, rest) = dl("AP - The Senate voted");
        assert_eq!(d.agency, Some(Agency::Ap));
        assert_eq!(rest, "The Senate voted");
        let (d, _) = dl("(CNN) -- A storm");
        assert_eq!(d.agency, Some(Agency::Cnn));
    }

    #[test]
    fn desk_of_a_known_service() {
        let (d, rest) = dl("Hong Kong (CNN Business)Stocks fell on Monday.");
        assert_eq!(d.location.unwrap().text, "Hong Kong");
        assert_eq!(d.agency, Some(Agency::Cnn));
        assert_eq!(rest, "Stocks fell on Monday.");
        let (d, _) = dl("LONDON (Reuters Health) - Doctors said");
        assert_eq!(d.agency, Some(Agency::Reuters));
        // An unknown name before a mixed-case place stays no dateline.
        assert!(parse_dateline("Hong Kong (Daily Planet)Stocks fell on Monday.").is_none());
    }

    #[test]
    fn timestamp_label_is_no_place() {
        assert!(parse_dateline("Updated Nov 12 2012 - 6:04am \u{b7} Posted Nov 11").is_none());
    }

    #[test]
    fn prose_is_not_a_dateline() {
        assert!(parse_dateline("The state of Amapá (AP) — lies north").is_none());
        assert!(parse_dateline("He said - and then left").is_none());
    }
}
