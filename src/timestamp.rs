#![forbid(unsafe_code)]
//! The typed value of a publication timestamp: the date, and the time of day
//! and UTC offset when the text writes them, read from the shapes
//! [`crate::published`] finds (`Nov. 19, 2019, 8:41 AM UTC`, `23 July 2012`,
//! `2019-11-18T20:51:19Z`, `11/13/19 at 4:00 PM EST`, `0339 GMT`, ...).
//!
//! Nothing is guessed that the text does not write: a timestamp without a
//! year (`Nov 19, 6:51 AM`) or without a date (`8 hrs ago`, `Monday 5:30PM`)
//! has no typed value, and a zone name gives an offset only when it names one
//! zone (see [`zone_offset`]).

use std::fmt;

/// A publication time as written: a calendar date, and the time of day and
/// UTC offset when the text gives them. It prints (and serialises) as ISO 8601
/// at the precision written: `2019-11-19`, `2012-07-24T00:11`,
/// `2019-11-19T08:03-05:00`, `2019-11-18T20:51:19Z`.
///
/// ```
/// let at = newsparse::PublishedAt::read("Nov. 19, 2019, 8:03 AM EST").unwrap();
/// assert_eq!((at.year, at.month, at.day), (2019, 11, 19));
/// assert_eq!(at.utc_offset_minutes, Some(-300));
/// assert_eq!(at.to_string(), "2019-11-19T08:03-05:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublishedAt {
    /// The year, as written (a two-digit year `19` is read as 2019, `87` as 1987).
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31 (and a day the month has).
    pub day: u8,
    /// The time of day, when written.
    pub time: Option<TimeOfDay>,
    /// Minutes east of UTC (`-300` for EST), when a time is written with a
    /// numeric offset or a zone name that names one offset.
    pub utc_offset_minutes: Option<i16>,
}

/// A time of day on the 24-hour clock (`8:41 PM` is 20:41).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    /// Hour, 0 to 23.
    pub hour: u8,
    /// Minute, 0 to 59.
    pub minute: u8,
    /// Second, 0 to 59, when written.
    pub second: Option<u8>,
}

impl PublishedAt {
    /// Reads the typed value of a timestamp's text (as [`crate::Article::published`]
    /// holds it); `None` when it writes no full date (day, month and year).
    ///
    /// ```
    /// use newsparse::PublishedAt;
    /// assert_eq!(PublishedAt::read("23 July 2012").unwrap().to_string(), "2012-07-23");
    /// assert_eq!(PublishedAt::read("July 24, 2012 12:11 AM").unwrap().to_string(), "2012-07-24T00:11");
    /// assert_eq!(PublishedAt::read("8 hrs ago"), None);
    /// assert_eq!(PublishedAt::read("Nov 19, 6:51 AM"), None); // no year written
    /// ```
    pub fn read(text: &str) -> Option<PublishedAt> {
        let mut reading = Reading::default();
        let tokens = tokens(text);
        if tokens.overflowed() {
            return None;
        }
        let tokens = tokens.as_slice();
        for (i, token) in tokens.iter().enumerate() {
            reading.take(token, tokens.get(i + 1));
        }
        reading.finish()
    }
}

impl fmt::Display for PublishedAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        let Some(t) = self.time else {
            return Ok(());
        };
        write!(f, "T{:02}:{:02}", t.hour, t.minute)?;
        if let Some(s) = t.second {
            write!(f, ":{s:02}")?;
        }
        match self.utc_offset_minutes {
            None => Ok(()),
            Some(0) => f.write_str("Z"),
            Some(m) => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for PublishedAt {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The offset in minutes east of UTC of a zone name a page prints, in any
/// case; `None` for a name that is not a zone or names several (`IST` is
/// India's, Ireland's and Israel's; `BST` British and Bangladeshi; `AMT`
/// Amazon and Armenia). The North American names (`EST`, `CST`, `PT`, ...)
/// are read as the U.S. zones, which is what English-language pages mean.
pub fn zone_offset(name: &str) -> Option<i16> {
    const ZONES: [(&str, i16); 35] = [
        ("z", 0),
        ("utc", 0),
        ("gmt", 0),
        ("wet", 0),
        ("et", -300),
        ("est", -300),
        ("edt", -240),
        ("ct", -360),
        ("cst", -360),
        ("cdt", -300),
        ("mt", -420),
        ("mst", -420),
        ("mdt", -360),
        ("pt", -480),
        ("pst", -480),
        ("pdt", -420),
        ("akst", -540),
        ("akdt", -480),
        ("hst", -600),
        ("cet", 60),
        ("cest", 120),
        ("eet", 120),
        ("eest", 180),
        ("msk", 180),
        ("eat", 180),
        ("wat", 60),
        ("sast", 120),
        ("hkt", 480),
        ("sgt", 480),
        ("myt", 480),
        ("pht", 480),
        ("wib", 420),
        ("jst", 540),
        ("kst", 540),
        ("aest", 600),
    ];
    const MORE: [(&str, i16); 3] = [("aedt", 660), ("nzst", 720), ("nzdt", 780)];
    ZONES
        .iter()
        .chain(MORE.iter())
        .find(|(zone, _)| zone.eq_ignore_ascii_case(name))
        .map(|&(_, offset)| offset)
}

/// Whether a word is a time-zone name, whether or not it names one offset.
fn is_zone_word(word: &str) -> bool {
    const AMBIGUOUS: [&str; 3] = ["ist", "bst", "amt"];
    zone_offset(word).is_some() || AMBIGUOUS.iter().any(|z| z.eq_ignore_ascii_case(word))
}

/// One piece of a timestamp's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// A run of digits, with a `st`/`nd`/`rd`/`th` suffix or a stop dropped.
    Number(&'a str),
    /// A numeric date: the digit runs of `11/13/19`, `18.11.2019`, `2019-11-18`, and its separator.
    Date([&'a str; 3], u8),
    /// A clock time `8:02`, `19:09:33`: hour, minute, second.
    Clock(u8, u8, Option<u8>),
    /// `am` or `pm` (`a.m.`, `PM`), true for pm.
    Meridiem(bool),
    /// A word of letters.
    Word(&'a str),
    /// A numeric UTC offset (`+05:30`, `-0500`), in minutes.
    Offset(i16),
}

/// Most tokens read from one timestamp: a timestamp holds a dozen at most,
/// and the parser hands over none longer than a line of its header.
const MAX_TOKENS: usize = 48;

/// A timestamp's tokens, on the stack: reading one allocates nothing.
struct Tokens<'a> {
    items: [Token<'a>; MAX_TOKENS],
    len: usize,
}

impl<'a> Tokens<'a> {
    fn new() -> Self {
        Tokens {
            items: [Token::Offset(0); MAX_TOKENS],
            len: 0,
        }
    }

    /// Adds a token; past [`MAX_TOKENS`] the text is no timestamp, and
    /// [`Tokens::overflowed`] says so.
    fn push(&mut self, token: Token<'a>) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = token;
        }
        self.len += 1;
    }

    fn overflowed(&self) -> bool {
        self.len > MAX_TOKENS
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn last(&self) -> Option<&Token<'a>> {
        self.as_slice().last()
    }

    fn as_slice(&self) -> &[Token<'a>] {
        &self.items[..self.len.min(MAX_TOKENS)]
    }
}

/// Reads `text` into tokens, leaving out what parentheses enclose (a second
/// time in another zone: `0339 GMT (1139 HKT)`, `04:05 pm PT (07:05 pm ET)`).
fn tokens(text: &str) -> Tokens<'_> {
    let b = text.as_bytes();
    let mut out = Tokens::new();
    let mut at = 0;
    let mut depth = 0usize;
    while at < b.len() {
        let c = b[at];
        match c {
            b'(' => {
                depth += 1;
                at += 1;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            _ if depth > 0 => at += 1,
            b'0'..=b'9' => at = read_digits(text, at, &mut out),
            b'+' | b'-' if !out.is_empty() && b.get(at + 1).is_some_and(u8::is_ascii_digit) => {
                // A sign straight after a clock time opens an offset (`20:51:19-05:00`).
                if matches!(out.last(), Some(Token::Clock(..)))
                    && at > 0
                    && b[at - 1].is_ascii_digit()
                {
                    let (len, minutes) = offset_digits(&b[at + 1..]);
                    if len > 0 {
                        let sign = if c == b'-' { -1 } else { 1 };
                        out.push(Token::Offset(sign * minutes));
                        at += 1 + len;
                        continue;
                    }
                }
                at += 1;
            }
            b'a'..=b'z' | b'A'..=b'Z' => {
                let len = b[at..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
                let word = &text[at..at + len];
                at += len;
                // `a.m.` and `p.m.`: a letter, a stop, `m`, and perhaps a stop.
                if len == 1
                    && matches!(c.to_ascii_lowercase(), b'a' | b'p')
                    && b.get(at) == Some(&b'.')
                    && b.get(at + 1).is_some_and(|m| m.eq_ignore_ascii_case(&b'm'))
                {
                    out.push(Token::Meridiem(c.eq_ignore_ascii_case(&b'p')));
                    at += 2 + usize::from(b.get(at + 2) == Some(&b'.'));
                    continue;
                }
                // Compared in any case in place: no lower-cased copy per word.
                out.push(if word.eq_ignore_ascii_case("am") {
                    Token::Meridiem(false)
                } else if word.eq_ignore_ascii_case("pm") {
                    Token::Meridiem(true)
                } else {
                    Token::Word(word)
                });
            }
            _ => at += 1,
        }
    }
    out
}

/// The length and value in minutes of an offset's digits: `05:30`, `0530`, `05`.
fn offset_digits(b: &[u8]) -> (usize, i16) {
    let digit_run = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let n = digit_run(0);
    let value = |s: &[u8]| s.iter().fold(0i16, |v, d| v * 10 + i16::from(d - b'0'));
    match n {
        2 if b.get(2) == Some(&b':') && digit_run(3) == 2 => {
            (5, value(&b[..2]) * 60 + value(&b[3..5]))
        }
        4 => (4, value(&b[..2]) * 60 + value(&b[2..4])),
        2 => (2, value(&b[..2]) * 60),
        _ => (0, 0),
    }
}

/// Reads the digits opening `text[at..]` as a numeric date, a clock time or a
/// number, pushes the token and returns where it ends.
fn read_digits<'a>(text: &'a str, at: usize, out: &mut Tokens<'a>) -> usize {
    let b = text.as_bytes();
    let run = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let lead = run(at);
    let after = at + lead;
    // A numeric date: three digit runs joined by one separator, `/`, `.` or `-`.
    if let Some(&sep) = b.get(after).filter(|s| matches!(s, b'/' | b'.' | b'-')) {
        let second = run(after + 1);
        if second > 0 && b.get(after + 1 + second) == Some(&sep) {
            let third_at = after + 2 + second;
            let third = run(third_at);
            if third > 0 {
                out.push(Token::Date(
                    [
                        &text[at..after],
                        &text[after + 1..after + 1 + second],
                        &text[third_at..third_at + third],
                    ],
                    sep,
                ));
                let mut end = third_at + third;
                // ISO 8601: `T` and the time follow.
                if b.get(end) == Some(&b'T') {
                    end += 1;
                }
                return end;
            }
        }
    }
    // A clock time: one or two digits (or a four-digit year glued before them:
    // `20197:05` is `2019` and `7:05`), a colon, two digits.
    let hour_len = match lead {
        1 | 2 => Some(lead),
        5 | 6 => Some(lead - 4),
        _ => None,
    };
    if let Some(hour_len) = hour_len.filter(|_| b.get(after) == Some(&b':') && run(after + 1) == 2)
    {
        let hour_at = after - hour_len;
        if lead > 2 {
            out.push(Token::Number(&text[at..at + 4]));
        }
        let hour = number(&text[hour_at..after]);
        let minute = number(&text[after + 1..after + 3]);
        let mut end = after + 3;
        let mut second = None;
        if b.get(end) == Some(&b':') && run(end + 1) == 2 {
            second = Some(number(&text[end + 1..end + 3]));
            end += 3;
        }
        // A fraction of a second is read past.
        if b.get(end) == Some(&b'.') && run(end + 1) > 0 {
            end += 1 + run(end + 1);
        }
        out.push(Token::Clock(hour, minute, second));
        return end;
    }
    out.push(Token::Number(&text[at..after]));
    let mut end = after;
    let suffix = b.get(end..end + 2).is_some_and(|s| {
        let s = [s[0].to_ascii_lowercase(), s[1].to_ascii_lowercase()];
        matches!(&s, b"st" | b"nd" | b"rd" | b"th")
    });
    if suffix && !b.get(end + 2).is_some_and(u8::is_ascii_alphabetic) {
        end += 2;
    }
    end
}

/// The value of at most three ASCII digits (every caller's run is that short).
fn number(digits: &str) -> u8 {
    digits
        .bytes()
        .fold(0u16, |v, d| (v * 10 + u16::from(d - b'0')).min(255)) as u8
}

/// The value of a run of digits, saturating.
fn wide(digits: &str) -> u32 {
    digits.bytes().fold(0u32, |v, d| {
        v.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

/// A written year: four digits, or two (`19` is 2019, `87` 1987).
fn year_of(digits: &str) -> Option<u16> {
    let v = wide(digits);
    match digits.len() {
        4 if (1000..=9999).contains(&v) => Some(v as u16),
        2 if v < 70 => Some(2000 + v as u16),
        2 => Some(1900 + v as u16),
        _ => None,
    }
}

/// What has been read of a timestamp so far.
#[derive(Default)]
struct Reading {
    year: Option<u16>,
    month: Option<u8>,
    day: Option<u8>,
    time: Option<TimeOfDay>,
    /// The time's zone has been read (its offset is `offset`, if it names one).
    zoned: bool,
    offset: Option<i16>,
}

impl Reading {
    fn take(&mut self, token: &Token<'_>, next: Option<&Token<'_>>) {
        match *token {
            Token::Date(parts, sep) => self.take_date(parts, sep),
            Token::Clock(hour, minute, second) => {
                if self.time.is_none() && hour < 24 && minute < 60 && second.is_none_or(|s| s < 60)
                {
                    self.time = Some(TimeOfDay {
                        hour,
                        minute,
                        second,
                    });
                }
            }
            Token::Meridiem(pm) => {
                if let Some(t) = self.time.as_mut().filter(|_| !self.zoned) {
                    if (1..=12).contains(&t.hour) {
                        t.hour = t.hour % 12 + if pm { 12 } else { 0 };
                    }
                }
            }
            Token::Offset(minutes) => {
                if self.time.is_some() && !self.zoned {
                    self.zoned = true;
                    self.offset = Some(minutes);
                }
            }
            Token::Word(word) => {
                if let Some(month) = crate::published::month_number(word) {
                    // `Nov. November 18`: a later month before the day wins.
                    if self.month.is_none() || self.day.is_none() {
                        self.month = Some(month);
                    }
                } else if is_zone_word(word) && self.time.is_some() && !self.zoned {
                    self.zoned = true;
                    self.offset = zone_offset(word);
                }
            }
            Token::Number(digits) => self.take_number(digits, next),
        }
    }

    /// A lone number: a year, a day, or a four-digit military time before a
    /// zone (`0339 GMT`).
    fn take_number(&mut self, digits: &str, next: Option<&Token<'_>>) {
        let before_zone = matches!(next, Some(Token::Word(w)) if is_zone_word(w));
        if digits.len() == 4
            && before_zone
            && self.time.is_none()
            && (self.year.is_some() || self.day.is_none())
        {
            let (hour, minute) = (number(&digits[..2]), number(&digits[2..]));
            if hour < 24 && minute < 60 {
                self.time = Some(TimeOfDay {
                    hour,
                    minute,
                    second: None,
                });
                return;
            }
        }
        if digits.len() == 4 {
            if self.year.is_none() {
                self.year = year_of(digits);
            }
        } else if digits.len() <= 2 && self.day.is_none() {
            let day = number(digits);
            if (1..=31).contains(&day) {
                self.day = Some(day);
            }
        }
    }

    /// `2019-11-18` and `2021/09/19` (year first), `11/13/19` (month first,
    /// the U.S. order, unless the first part cannot be a month: `13/06/2014`),
    /// `18.11.2019` (day first, unless the second cannot be a month: `11.14.2019`).
    fn take_date(&mut self, parts: [&str; 3], sep: u8) {
        if self.year.is_some() || self.day.is_some() {
            return;
        }
        let [a, b, c] = parts;
        let (year, month, day) = if a.len() == 4 {
            (year_of(a), wide(b), wide(c))
        } else {
            let (x, y) = (wide(a), wide(b));
            let day_first = if sep == b'.' { y <= 12 } else { x > 12 };
            if day_first {
                (year_of(c), y, x)
            } else {
                (year_of(c), x, y)
            }
        };
        if let (Some(year), 1..=12, 1..=31) = (year, month, day) {
            self.year = Some(year);
            self.month = Some(month as u8);
            self.day = Some(day as u8);
        }
    }

    fn finish(self) -> Option<PublishedAt> {
        let (year, month, day) = (self.year?, self.month?, self.day?);
        if day > days_in_month(year, month) {
            return None;
        }
        Some(PublishedAt {
            year,
            month,
            day,
            time: self.time,
            utc_offset_minutes: self.time.and(self.offset),
        })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        PublishedAt::read(text).map(|t| t.to_string())
    }

    #[test]
    fn every_shape_the_timestamp_reader_finds() {
        let cases = [
            // Month name, day, year; a time with or without a zone.
            ("Nov. 19, 2019, 8:41 AM UTC", "2019-11-19T08:41Z"),
            ("July 24, 2012 12:11 AM", "2012-07-24T00:11"),
            ("August 8, 2012 at 12:56 pm", "2012-08-08T12:56"),
            ("Nov 13, 2019, 10:28am EST", "2019-11-13T10:28-05:00"),
            ("April 26, 2023 2:20pm EDT", "2023-04-26T14:20-04:00"),
            ("Nov 5, 2012 - 1:48PM PT", "2012-11-05T13:48-08:00"),
            ("November 8, 2023 at 4:56 p.m.", "2023-11-08T16:56"),
            (
                "Monday, November 18th, 2019 at 11:04 a.m.",
                "2019-11-18T11:04",
            ),
            ("December 29th 2019", "2019-12-29"),
            ("Nov. November 18, 2019 12:02 PM", "2019-11-18T12:02"),
            ("Oct 13, 2020 @ 4:48 pm", "2020-10-13T16:48"),
            ("Apr 16, 2026, 14:04 IST", "2026-04-16T14:04"),
            ("Friday, 22 Nov 2024 4:55 PM MYT", "2024-11-22T16:55+08:00"),
            ("November 20, 2019 - 11:28 AMT", "2019-11-20T11:28"),
            ("April 28, 2023 GMT", "2023-04-28"),
            // Day, month name, year.
            ("23 July 2012", "2012-07-23"),
            ("31. October, 2023", "2023-10-31"),
            ("13 November 2012 - 2:00pm", "2012-11-13T14:00"),
            ("20 Nov, 2019 05:47", "2019-11-20T05:47"),
            ("22:04, 22 Apr 2024", "2024-04-22T22:04"),
            ("Monday 28 September 2020 19:27", "2020-09-28T19:27"),
            // A time first.
            ("10:02 AM EST Nov 19, 2019", "2019-11-19T10:02-05:00"),
            (
                "11:26 pm EST, Tuesday, November 19, 2019",
                "2019-11-19T23:26-05:00",
            ),
            ("10:48, Tue, Nov 19, 2019", "2019-11-19T10:48"),
            // A second time in parentheses is another zone's reading of the first.
            (
                "Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)",
                "2019-11-18T16:05-08:00",
            ),
            (
                "November 18, 2019 -- 19:14 GMT (19:14 GMT)",
                "2019-11-18T19:14Z",
            ),
            // Military time before a zone, not a year.
            ("0339 GMT (1139 HKT) November 19, 2019", "2019-11-19T03:39Z"),
            ("2010 GMT (0410 HKT) March 14, 2021", "2021-03-14T20:10Z"),
            // A year glued to the time after it.
            ("Tue, Nov 19 20197:05 AM EST", "2019-11-19T07:05-05:00"),
            // Numeric dates.
            ("2019-11-18T20:51:19Z", "2019-11-18T20:51:19Z"),
            ("2019-11-18T20:51:19+05:30", "2019-11-18T20:51:19+05:30"),
            ("2022-04-26 21:21:50", "2022-04-26T21:21:50"),
            ("2021/09/19", "2021-09-19"),
            ("11/13/19 at 4:00 PM EST", "2019-11-13T16:00-05:00"),
            ("11/08/23 5:19pm", "2023-11-08T17:19"),
            ("13/06/2014", "2014-06-13"),
            ("30/04/2024 - 16:38", "2024-04-30T16:38"),
            ("11.14.2019 09:00 AM", "2019-11-14T09:00"),
            ("13.11.2019, 23:06", "2019-11-13T23:06"),
            ("21:17 18.11.2019", "2019-11-18T21:17"),
        ];
        for (text, want) in cases {
            assert_eq!(iso(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn no_value_without_a_written_year_or_date() {
        for text in [
            "Nov 19, 6:51 AM",
            "8 hrs ago",
            "1 day ago",
            "2 days",
            "Today 12:01 AM",
            "Monday 5:30PM",
            "November 2019",
            "Feb 30, 2020",
            "13/13/2020",
            "",
        ] {
            assert_eq!(iso(text), None, "{text}");
        }
    }

    #[test]
    fn leap_days_and_month_lengths() {
        assert_eq!(iso("Feb 29, 2020").as_deref(), Some("2020-02-29"));
        assert_eq!(iso("Feb 29, 2019"), None);
        assert_eq!(iso("Feb 29, 1900"), None);
        assert_eq!(iso("April 31, 2020"), None);
    }

    #[test]
    fn twelve_hour_clock() {
        assert_eq!(
            iso("May 1, 2020 12:00 AM").as_deref(),
            Some("2020-05-01T00:00")
        );
        assert_eq!(
            iso("May 1, 2020 12:30 PM").as_deref(),
            Some("2020-05-01T12:30")
        );
        // A 24-hour time with a meridiem keeps its hour.
        assert_eq!(
            iso("May 1, 2020 19:30 PM").as_deref(),
            Some("2020-05-01T19:30")
        );
    }

    #[test]
    fn zone_names() {
        assert_eq!(zone_offset("EST"), Some(-300));
        assert_eq!(zone_offset("pdt"), Some(-420));
        assert_eq!(zone_offset("ist"), None);
        assert_eq!(zone_offset("Monday"), None);
    }

    #[test]
    fn odd_input_gives_no_panic() {
        for text in [
            "99999999999:99",
            "1:1",
            "(((",
            "))) 2020",
            "+05:30",
            "2019-",
            "9/9/",
            "\u{e9}5:00",
        ] {
            let _ = PublishedAt::read(text);
        }
    }
}
