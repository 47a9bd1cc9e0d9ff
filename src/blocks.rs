#![forbid(unsafe_code)]
//! Blocks that are not story: photo captions, related-story links, credit
//! lines, sign-offs and site furniture. One classifier per kind.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case},
    character::complete::{char, space0},
    combinator::{opt, recognize},
    sequence::{pair, terminated},
};

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::{Agency, ascii::Cased};

/// A photo or video caption, with its credit when one is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Caption<'a> {
    /// The caption as written, credit included.
    pub text: &'a str,
    /// The credit: `Joel Kowsky/NASA` from `Photo by Joel Kowsky/NASA`.
    pub credit: Option<&'a str>,
}

/// `RELATED `, `Related:`, `Read more:`, `See also:`, `ALSO READ:` before a link title.
fn parse_related_marker(i: &str) -> IResult<&str, &str> {
    recognize(pair(
        alt((
            terminated(tag("RELATED"), opt(char(':'))),
            terminated(
                alt((
                    tag_no_case("related story"),
                    tag_no_case("related article"),
                    tag_no_case("related"),
                    tag_no_case("read more"),
                    tag_no_case("read also"),
                    tag_no_case("also read"),
                    tag_no_case("see also"),
                    tag_no_case("see more"),
                    tag_no_case("full story"),
                    tag_no_case("more"),
                    tag_no_case("watch"),
                    tag_no_case("read"),
                )),
                char(':'),
            ),
        )),
        space0,
    ))
    .parse(i)
}

/// The longest marker closed by a colon (`related article`).
const RELATED_MARKER: usize = 15;

/// The link title of a related-story line (`RELATED Kremlin cancels talks`).
pub(crate) fn related_item(text: &str) -> Option<&str> {
    if let Some(title) = on_site_item(text) {
        return Some(title);
    }
    // Every marker opens with one of these letters: skip the parser for the rest.
    if !matches!(
        text.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b'r' | b'm' | b'w' | b's' | b'a' | b'f')
    ) {
        return None;
    }
    // Apart from `RELATED`, a marker is a few words closed by a colon.
    let head = &text.as_bytes()[..text.len().min(RELATED_MARKER + 1)];
    if !text.starts_with("RELATED") && memchr::memchr(b':', head).is_none() {
        return None;
    }
    let (title, marker) = parse_related_marker(text).ok()?;
    let title = title.trim();
    let capital_after_marker = marker.len() > marker.trim_end().len() || marker.ends_with(':');
    // `More: http://...` points to a site, not a story.
    let address = title.starts_with("http") || title.starts_with("www.");
    (capital_after_marker
        && !address
        && !title.is_empty()
        && title.len() <= 200
        && !crate::ascii::has_line_break(title))
    .then(|| crate::shape::without_tag(title))
}

/// A link to a story on the paper's site, set between paragraphs:
/// `On HoustonChronicle.com: Car sales plunge in August`.
fn on_site_item(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("On ")
        .or_else(|| text.strip_prefix("ON "))?;
    let (site, title) = rest.split_once(": ")?;
    let domain = site.len() <= 40
        && !site.contains(' ')
        && site
            .rsplit_once('.')
            .is_some_and(|(name, tld)| !name.is_empty() && (2..=4).contains(&tld.len()));
    let title = title.trim();
    (domain && !title.is_empty() && title.len() <= 200).then(|| crate::shape::without_tag(title))
}

/// Whether a lower-cased line is a heading that opens a list of story links
/// (the list's titles are related links). A `match` compares a line with
/// the headings of its length only.
fn is_list_heading_text(lower: &str) -> bool {
    matches!(
        lower,
        "related"
            | "related posts"
            | "related stories"
            | "related articles"
            | "related content"
            | "related coverage"
            | "related news"
            | "related links"
            | "similar posts"
            | "you might also like"
            | "you may also like"
            | "more stories"
            | "more stories like this one"
            | "most popular"
            | "most read"
            | "most viewed"
            | "trending"
            | "trending now"
            | "latest news"
            | "latest stories"
            | "top stories"
            | "recommended"
            | "recommended stories"
            | "read more"
            | "more on this story"
            | "popular posts"
            | "recent posts"
            | "editor's picks"
            | "don't miss"
            | "what to read next"
            | "complete coverage"
            | "story timeline"
            | "previous posts"
            | "previous posts in the series"
            | "previous posts in this series"
            | "other posts in this series"
            | "more in this series"
            | "check out"
            | "more videos"
    )
}

/// Whether a lower-cased line holds one of the words that head a list of
/// links (`Related`, `Trending`) as a word of its own.
fn has_list_word(lower: &str) -> bool {
    let list_word = |w: &[u8]| matches!(w, b"related" | b"popular" | b"trending" | b"recommended");
    if lower.is_ascii() {
        // White space in ASCII is these bytes: the words are split without reading chars.
        (lower.as_bytes())
            .split(|&b| matches!(b, b'\t'..=b'\r' | b' '))
            .any(list_word)
    } else {
        lower.split_whitespace().any(|w| list_word(w.as_bytes()))
    }
}

/// ` in `, between a heading and the section it narrows to. Found by a
/// substring search, whose first byte, a space, would stop a search for it
/// at every word.
static IN: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" in "));

/// Whether a line is the heading of a list of story links (`Related Posts`, `More from CNN`).
pub(crate) fn is_list_heading(line: &Cased<'_, '_>) -> bool {
    let text = line.text;
    let t = crate::ascii::trim(text).trim_end_matches([':', '.', ' ']);
    // `Read the full story on Jane Roe:` over the link to the story it excerpts.
    if t.len() <= 80
        && text.trim_end().ends_with(':')
        && line.lower(t).starts_with("read the full story")
    {
        return true;
    }
    if t.len() > 40 {
        return false;
    }
    let lower = line.lower(t);
    let lower = lower.trim_start_matches(['*', '+', ' ']);
    let words = crate::ascii::count_all_words(t);
    // `Most read in world news`, `Trending in Entertainment`: a heading narrowed to a section.
    let section_list = IN
        .find(lower.as_bytes())
        .is_some_and(|at| is_list_heading_text(&lower[..at]) && words <= 6);
    is_list_heading_text(lower)
        || section_list
        || (lower.starts_with("more from ") && words <= 5)
        || (lower.starts_with("more in ") && words <= 5)
        // `More Q&As from our heroes:`, `More meatless ideas:`: a `More` line
        // announcing what follows with a colon heads a list of links.
        || (lower.starts_with("more ") && text.trim_end().ends_with(':') && words <= 6)
        || (lower.starts_with("more ")
            && (lower.ends_with(" stories") || lower.ends_with(" news"))
            && words <= 4)
        || (words <= 4 && has_list_word(lower))
}

/// Whether a lower-cased line is site furniture that is never story, matched
/// whole. A `match` compares a line with the entries of its length only.
fn is_furniture_text(lower: &str) -> bool {
    matches!(
        lower,
        "advertisement"
            | "continue reading the main story"
            | "supported by"
            | "latest headlines"
            | "follow us"
            | "share"
            | "share this"
            | "share this article"
            | "share this story"
            | "share on facebook"
            | "share on twitter"
            | "tweet"
            | "email"
            | "print"
            | "comments"
            | "comment"
            | "leave a comment"
            | "leave a reply"
            | "view comments"
            | "show comments"
            | "close"
            | "caption"
            | "video"
            | "image"
            | "photo"
            | "hide caption"
            | "toggle caption"
            | "enlarge this image"
            | "skip to main content"
            | "back to top"
            | "scroll to top"
            | "previous post"
            | "next post"
            | "read more"
            | "more"
            | "sharing is caring!"
            | "subscribe"
            | "sign up"
            | "search"
            | "menu"
            | "home"
            | "facebook"
            | "twitter"
            | "linkedin"
            | "pinterest"
            | "reddit"
            | "whatsapp"
            // Share menus list more networks than the big ones.
            | "google+"
            | "stumbleupon"
            | "telegram"
            | "tumblr"
            | "flipboard"
            | "blogger"
            | "opinion"
            | "newsletter"
            | "back to gallery"
            | "share permalink"
            | "facebook twitter pinterest email"
            | "registration"
            | "loading..."
            | "load more"
            | "replay"
    )
}

/// Phrases that mark a line as furniture wherever they occur in it.
const FURNITURE_PHRASES: [&str; 28] = [
    "comments powered by",
    "newsletter",
    "sign up for",
    "subscribe to our",
    "follow us on",
    "click here",
    "this site uses akismet",
    "accepting comments",
    "comments are closed",
    "you must be logged in",
    "share this article",
    "share via",
    "download our app",
    "terms of use",
    "privacy policy",
    "letters to the editor",
    "on facebook, twitter",
    "push notifications",
    "click to share",
    "(opens in new window)",
    // `our`: the site speaking to its readers; a story reports `its community guidelines`.
    "our community guidelines",
    "story continues below",
    // Reader-service links and prompts under a story.
    "request reprint",
    "submit correction",
    "submit a correction",
    "have a news tip",
    // The publisher's disclaimer under an opinion or contributed piece.
    "do not necessarily reflect",
    "does not necessarily reflect",
];

/// Newsletter and share-menu wording that a story sentence can hold too
/// (`... pitches in your inbox on a regular basis?`): it marks only a line of
/// [`PROMPT_LINE`] bytes or fewer.
const PROMPT_PHRASES: [&str; 7] = [
    "your inbox",
    "breaking news alerts",
    "breaking news emails",
    "sharing options",
    "chat with us",
    "no comments yet",
    "tell us what you think",
];

/// Longest line a furniture phrase marks as furniture.
const PHRASE_LINE: usize = 250;

/// Longest line a follow prompt (`Follow us on Twitter`) is.
const SOCIAL_LINE: usize = 150;

/// Longest line a prompt phrase marks as furniture.
const PROMPT_LINE: usize = 120;
// A block of several lines is lower-cased in full only up to the longest line
// a prompt or follow phrase marks.
const _: () = assert!(PROMPT_LINE <= SOCIAL_LINE);

/// Rights wording of a copyright notice. A notice runs on past the length of
/// other furniture phrases' lines (`All images & content are copyright protected. Please do
/// not use our images without prior permission. If you want to republish ...`),
/// and a story sentence seldom asserts rights in these words, so they mark a
/// line of any length furniture has (up to [`FURNITURE_LINE`] bytes).
const RIGHTS_PHRASES: [&str; 2] = ["all rights reserved", "copyright protected"];

/// Longest line that may be furniture: a longer one is story or a list of links.
const FURNITURE_LINE: usize = 300;

/// The phrase lists, and the social networks a follow prompt names, found in
/// a line lower-cased once. Where a line is short enough for several lists to
/// mark it, any of them does: their union is one finder.
static PHRASE_OR_RIGHTS_FINDER: LazyLock<Literals> =
    LazyLock::new(|| lower_finder(&[&FURNITURE_PHRASES[..], &RIGHTS_PHRASES[..]].concat()));
/// The union of all three lists holds over 32 phrases, past which the SIMD
/// searcher takes a slower form (twice the buckets of candidates to check):
/// on the short lines it is searched in, finding the union by the bytes
/// around a space costs less.
static ANY_PHRASE: AnchoredPhrases =
    AnchoredPhrases::new(&[&FURNITURE_PHRASES, &RIGHTS_PHRASES, &PROMPT_PHRASES]);
static PROMPT_FINDER: LazyLock<Literals> = LazyLock::new(|| lower_finder(&PROMPT_PHRASES));
static RIGHTS_FINDER: LazyLock<Literals> = LazyLock::new(|| lower_finder(&RIGHTS_PHRASES));
const SOCIAL_NETWORKS: [&str; 3] = ["on twitter", "on facebook", "on instagram"];
static SOCIAL_FINDER: LazyLock<Literals> = LazyLock::new(|| lower_finder(&SOCIAL_NETWORKS));
static FOLLOW: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("follow"));

/// A finder of any of some literals. The SIMD literal searcher is called
/// directly: through an automaton's search its set-up outweighs the search on
/// lines of a hundred bytes. The automaton stands in where the CPU lacks SIMD.
pub(crate) struct Literals {
    packed: Option<aho_corasick::packed::Searcher>,
    automaton: AhoCorasick,
}

impl Literals {
    pub(crate) fn is_match(&self, hay: &str) -> bool {
        match &self.packed {
            Some(s) => s.find(hay).is_some(),
            None => self.automaton.is_match(hay),
        }
    }

    /// The literals (of the first eight, by index) found in `hay`. The search
    /// skips over each match: literals none of which overlaps another are
    /// all found.
    fn found(&self, hay: &str) -> u8 {
        let bit = |pattern: aho_corasick::PatternID| 1u8.checked_shl(pattern.as_u32()).unwrap_or(0);
        match &self.packed {
            Some(s) => s.find_iter(hay).fold(0, |ids, m| ids | bit(m.pattern())),
            None => (self.automaton.find_iter(hay)).fold(0, |ids, m| ids | bit(m.pattern())),
        }
    }
}

fn literal_finder<I: IntoIterator<Item = P>, P: AsRef<[u8]>>(patterns: I) -> Literals {
    let patterns: Vec<P> = patterns.into_iter().collect();
    Literals {
        packed: aho_corasick::packed::Searcher::new(patterns.iter()),
        automaton: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(&patterns)
            .expect("fixed literals build"),
    }
}

/// A finder of phrases in any case, to run over a text with ASCII lower-cased:
/// cheaper than a case-blind automaton, which steps over every byte.
fn lower_finder(patterns: &[&str]) -> Literals {
    literal_finder(patterns.iter().map(|p| p.to_ascii_lowercase()))
}

/// Up to 64 phrases in lower-case ASCII, each found by one byte inside it
/// (its anchor: its first space, or in a phrase of one word its first `w`)
/// and the bytes either side of that. In running text those three bytes
/// tell nearly every space from the phrases': a line is scanned for the
/// anchor bytes eight at a time, and only the phrases its neighbours name
/// are compared.
struct AnchoredPhrases {
    /// Each phrase with the offset of its anchor in it.
    phrases: [(&'static str, usize); 64],
    /// By the [`neighbours`] of an anchor, the phrases (by bit) that may stand around it.
    by_neighbours: [u64; 1024],
}

/// The anchor bytes, the first preferred.
const ANCHORS: [u8; 2] = [b' ', b'w'];

/// The bytes either side of an anchor, five bits of each: a letter's bits
/// tell it from every other letter.
const fn neighbours(before: u8, after: u8) -> usize {
    ((before as usize & 31) << 5) | (after as usize & 31)
}

/// Where a phrase's anchor is; a compile error for a phrase without one
/// inside it (an anchor at an end has no byte on that side).
const fn anchor(phrase: &str) -> usize {
    let bytes = phrase.as_bytes();
    let mut a = 0;
    while a < ANCHORS.len() {
        let mut at = 1;
        while at + 1 < bytes.len() {
            if bytes[at] == ANCHORS[a] {
                return at;
            }
            at += 1;
        }
        a += 1;
    }
    panic!("a phrase needs a space or a `w` inside it");
}

const fn has_capital(text: &str) -> bool {
    let mut i = 0;
    while i < text.len() {
        if text.as_bytes()[i].is_ascii_uppercase() {
            return true;
        }
        i += 1;
    }
    false
}

impl AnchoredPhrases {
    const fn new(lists: &[&[&'static str]]) -> Self {
        let mut phrases = [("", 0); 64];
        let mut by_neighbours = [0u64; 1024];
        let mut n = 0;
        let mut list = 0;
        while list < lists.len() {
            let mut i = 0;
            while i < lists[list].len() {
                let phrase = lists[list][i];
                assert!(n < 64, "a phrase is one bit of a u64");
                assert!(
                    !has_capital(phrase),
                    "the phrases are found in lower-cased text"
                );
                let at = anchor(phrase);
                let b = phrase.as_bytes();
                phrases[n] = (phrase, at);
                by_neighbours[neighbours(b[at - 1], b[at + 1])] |= 1 << n;
                n += 1;
                i += 1;
            }
            list += 1;
        }
        AnchoredPhrases {
            phrases,
            by_neighbours,
        }
    }

    /// Whether the lower-cased `lower` holds one of the phrases.
    fn found_in(&self, lower: &str) -> bool {
        let hay = lower.as_bytes();
        let word = |at: usize| u64::from_le_bytes(hay[at..at + 8].try_into().expect("eight bytes"));
        // An anchor stands inside its phrase: from the line's second byte to
        // its last but one, eight at a time while there are bytes after them.
        let mut at = 1;
        while at + 9 <= hay.len() {
            let x = word(at);
            let mut lanes = ANCHORS
                .iter()
                .fold(0, |l, &a| l | crate::ascii::lanes_of(x, a));
            if lanes != 0 {
                let (before, after) = (word(at - 1), word(at + 1));
                while lanes != 0 {
                    // A lane's top bit less seven is its first bit.
                    let shift = lanes.trailing_zeros() - 7;
                    let key = neighbours((before >> shift) as u8, (after >> shift) as u8);
                    if self.held_at(hay, at + shift as usize / 8, key) {
                        return true;
                    }
                    lanes &= lanes - 1;
                }
            }
            at += 8;
        }
        (at..hay.len().saturating_sub(1)).any(|at| {
            ANCHORS.contains(&hay[at])
                && self.held_at(hay, at, neighbours(hay[at - 1], hay[at + 1]))
        })
    }

    /// Whether a phrase stands around the anchor at `at`, whose neighbours are `key`.
    fn held_at(&self, hay: &[u8], at: usize, key: usize) -> bool {
        let mut candidates = self.by_neighbours[key];
        while candidates != 0 {
            let (phrase, offset) = self.phrases[candidates.trailing_zeros() as usize];
            if at >= offset && hay[at - offset..].starts_with(phrase.as_bytes()) {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    }
}

/// Longest whole-line furniture entry, label or counter that is matched exactly.
const SHORT_LINE: usize = 48;

/// Whether a line is site furniture: share buttons, prompts, navigation, copyright.
pub(crate) fn is_furniture(line: &Cased<'_, '_>) -> bool {
    let text = line.text;
    let t = crate::ascii::trim(text);
    if t.is_empty() || t.len() > FURNITURE_LINE {
        return false;
    }
    // Bullets and counters left by rendered buttons: `*`, `+`, `|`, `6`, `0 shares`, `2 comments`.
    // (Most lines open with a letter or digit, which settles it.)
    let opens_alphanumeric = t.as_bytes()[0].is_ascii_alphanumeric();
    if !opens_alphanumeric && t.chars().all(|c| !c.is_alphanumeric()) {
        return !is_rule(t);
    }
    // Whole-line entries, labels and copyright openers are read from the line's start.
    let head = &t[..crate::dateline::floor_boundary(t, SHORT_LINE)];
    // The phrase lists are searched in short lines and single lines: a longer
    // block of several lines needs only its head lower-cased.
    let single = !crate::ascii::has_line_break(t);
    let searched = single || t.len() <= SOCIAL_LINE;
    let lower_line = line.lower(if searched { t } else { head });
    // Lower-casing ASCII keeps every byte where it was.
    let lower = &lower_line[..head.len()];
    let unbulleted = if opens_alphanumeric {
        lower
    } else {
        lower.trim_start_matches(['*', '+', '-', '•', ' '])
    };
    let whole = head.len() == t.len();
    // A share button names its one network: `Share on linkedin`, `Share on email`.
    let share_button = unbulleted
        .strip_prefix("share on ")
        .is_some_and(|n| !n.is_empty() && !n.contains(' '));
    if whole
        && (is_furniture_text(unbulleted.trim_end_matches(':'))
            || share_button
            || is_share_bar(unbulleted)
            || is_loading(unbulleted)
            || is_counter(unbulleted)
            || is_gallery_counter(unbulleted))
    {
        return true;
    }
    // A comment count opens with its number: the call is skipped for other lines.
    if t.starts_with(|c: char| c.is_ascii_digit()) && crate::shape::opens_comments(t) {
        return true;
    }
    // A blog post's footer: `Permalink 34 Comments ...`, `Posted in News | Permalink | 1 Comment`;
    // a gallery's link: `VIEW GALLERY`, `View galleryBoko Haram`.
    let footer = unbulleted.starts_with("permalink")
        || unbulleted.starts_with("posted in ") && lower.contains("| permalink")
        || unbulleted.starts_with("view gallery");
    if footer {
        return true;
    }
    let labels = ["categories", "tags:", "filed under", "topics:"];
    if labels.iter().any(|l| unbulleted.starts_with(l))
        || is_tag_list(t, unbulleted)
        || is_glued_links(t)
    {
        return true;
    }
    if lower.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c)") {
        return true;
    }
    if !searched {
        return false;
    }
    // `>> Follow Jane Roe (@janeroe) on Twitter`
    let lower_line: &str = &lower_line;
    // `follow` is the rarer mark, and found with a substring search: looked for first.
    if t.len() <= SOCIAL_LINE
        && FOLLOW.find(lower_line.as_bytes()).is_some()
        && SOCIAL_FINDER.is_match(lower_line)
    {
        return true;
    }
    // Phrases only mark short single lines: in a story paragraph they are
    // story. Each length searches the lists that can mark it, in one search.
    let finder = match (single, t.len()) {
        (true, ..=PROMPT_LINE) => return ANY_PHRASE.found_in(lower_line),
        (true, ..=PHRASE_LINE) => &PHRASE_OR_RIGHTS_FINDER,
        (true, _) => &RIGHTS_FINDER,
        (false, ..=PROMPT_LINE) => &PROMPT_FINDER,
        (false, _) => return false,
    };
    finder.is_match(lower_line)
}

/// Whether a line is a typographic rule or section break (`___`, `***`, `– –`):
/// layout, neither story nor furniture.
pub(crate) fn is_rule(text: &str) -> bool {
    let t = crate::ascii::trim(text);
    // Most lines open with a letter or digit, which no rule holds.
    if t.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    // The test for letters stops at the first one; counting reads the whole line.
    t.chars().all(|c| !c.is_alphanumeric()) && t.chars().count() > 1
        || matches!(t, "-" | "—" | "–" | "_")
        || is_invisible(t)
}

/// A line of format characters alone (zero-width space, joiner, soft hyphen,
/// byte-order mark): blank to a reader.
fn is_invisible(t: &str) -> bool {
    !t.is_empty()
        && t.chars().all(|c| {
            matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
        })
}

/// Whether a byte may be part of a count: `1,200`, `1.2k`.
fn counting(b: u8) -> bool {
    b.is_ascii_digit() || b == b',' || b == b'.' || b == b'k'
}

/// `6`, `0 shares`, `1 comment`, `858 shares`.
fn is_counter(lower: &str) -> bool {
    // Told from most lines by the first byte: a counter opens with its
    // number or a bracket, perhaps after white space (a byte outside the
    // printable ASCII).
    let opening = |b: u8| counting(b) || b == b'(' || !b.is_ascii_graphic();
    if !lower.as_bytes().first().is_some_and(|&b| opening(b)) {
        return false;
    }
    // A playlist's count in brackets: `(16 Videos)`.
    let lower = lower
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .unwrap_or(lower);
    // A counter opens with its number: other lines are not split into words.
    if !lower.trim_start().bytes().next().is_some_and(counting) {
        return false;
    }
    let mut words = lower.split_whitespace();
    let Some(n) = words.next() else { return false };
    if !n.bytes().all(counting) {
        return false;
    }
    match (words.next(), words.next()) {
        (None, _) => true,
        (Some(w), None) => matches!(
            w,
            "shares"
                | "share"
                | "comments"
                | "comment"
                | "views"
                | "likes"
                | "reactions"
                | "responses"
                | "videos"
                | "photos"
        ),
        _ => false,
    }
}

/// A row of share buttons rendered as their names: `Facebook Twitter Email
/// LinkedIn`, `Facebook-f Linkedin-in Twitter` (icon names), `Tweet on Twitter`.
fn is_share_bar(lower: &str) -> bool {
    const NETWORKS: [&str; 16] = [
        "facebook",
        "twitter",
        "email",
        "linkedin",
        "reddit",
        "pinterest",
        "whatsapp",
        "print",
        "share",
        "tumblr",
        "flipboard",
        "pocket",
        "tweet",
        "messenger",
        "telegram",
        "instagram",
    ];
    const INITIALS: [bool; 256] = crate::ascii::initials(&NETWORKS);
    // Told from most lines by the first byte: a bar opens with a network's
    // name or `on`, or with a separator (those outside ASCII among them).
    let opening = |b: u8| INITIALS[usize::from(b)] || b"o|/".contains(&b) || !b.is_ascii_graphic();
    if !lower.as_bytes().first().is_some_and(|&b| opening(b)) {
        return false;
    }
    let mut named = 0;
    let mut button = |w: &[u8]| {
        // An icon's name may carry a short suffix: `facebook-f`, `linkedin-in`.
        let name = match memchr::memrchr(b'-', w) {
            Some(at) if w.len() - at - 1 <= 2 => &w[..at],
            _ => w,
        };
        let network = NETWORKS.iter().any(|n| n.as_bytes() == name);
        named += usize::from(network);
        network || w == b"on"
    };
    let all_buttons = if lower.is_ascii() {
        // The separators in ASCII text are bytes: split without reading chars.
        (lower.as_bytes())
            .split(|&b| matches!(b, b'\t'..=b'\r' | b' ' | b'|' | b'/'))
            .filter(|w| !w.is_empty())
            .all(button)
    } else {
        lower
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '•' | '·'))
            .filter(|w| !w.is_empty())
            .all(|w| button(w.as_bytes()))
    };
    all_buttons && named >= 2
}

/// A placeholder left where a script loads content: `Loading comments...`, `Loading content …`.
fn is_loading(lower: &str) -> bool {
    lower.strip_prefix("loading").is_some_and(|rest| {
        let rest = rest.trim_end_matches(['.', '…', ' ']);
        rest.len() < lower.len() - "loading".len() && rest.split_whitespace().count() <= 2
    })
}

/// A tag list without a colon: `Tags`, `Topics`, `Tags Kristi Noem South Dakota`.
/// A sentence opening with the word (`Tags are sold ...`) ends like one or runs long.
fn is_tag_list(t: &str, lower: &str) -> bool {
    let rest = ["tags", "topics"]
        .iter()
        .find_map(|w| lower.strip_prefix(w));
    match rest {
        Some("") => true,
        Some(r) if r.starts_with(' ') => {
            !crate::shape::ends_sentence(t) && crate::ascii::count_words(t, 13) <= 12
        }
        _ => false,
    }
}

/// Tag or category links rendered without the spaces between them: `Commercial
/// Blue OriginCeres RoboticsLunar landerSpaceX`. A word that runs into a
/// capital after a small letter happens in a brand (`YouTube`) now and
/// then; three such joins, one for every two words or fewer, in a short line
/// that closes no sentence are links.
fn is_glued_links(t: &str) -> bool {
    if t.len() > 200 || crate::shape::ends_sentence(t) {
        return false;
    }
    // Counted before the searches below: most lines join no words, and the
    // count is one loop without a branch.
    let joins = crate::ascii::count_case_joins(t);
    // Addresses and handles (`pic.twitter.com/6ICNigFaPT`) join cases too.
    if joins < 3
        || memchr::memchr2(b'/', b'@', t.as_bytes()).is_some()
        || crate::ascii::find(t, "www.").is_some()
    {
        return false;
    }
    // Glued links join every other word or so; brands are one word among many.
    joins * 2 >= t.split_whitespace().count()
}

/// A gallery's position counter: `1 of 6`, `Image 1 of 13`, `1 / 4`, `Image 1 of / 4`.
fn is_gallery_counter(lower: &str) -> bool {
    const WORDS: [&str; 4] = ["image ", "photo ", "slide ", "picture "];
    const INITIALS: [bool; 256] = crate::ascii::initials(&WORDS);
    // Told from most lines by the first byte: a counter opens with its
    // number or one of the words, perhaps after white space (a byte outside
    // the printable ASCII).
    let opening = |b: u8| b.is_ascii_digit() || INITIALS[usize::from(b)] || !b.is_ascii_graphic();
    if !lower.as_bytes().first().is_some_and(|&b| opening(b)) {
        return false;
    }
    let rest = WORDS
        .iter()
        .find_map(|w| lower.strip_prefix(w))
        .unwrap_or(lower);
    // Every counter opens with its number: other lines are not split into words.
    if !rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let mut words = rest.split_whitespace();
    let mut w = [""; 5];
    let n = w.iter_mut().zip(&mut words).map(|(s, x)| *s = x).count();
    match w[..n] {
        [a, "of" | "/", b] | [a, "of", "/", b] => number(a) && number(b),
        _ => false,
    }
}

/// Whether a line is a bulleted navigation item (`* Politics`, `+ Contact Us`).
pub(crate) fn is_nav_item(text: &str) -> bool {
    let t = crate::ascii::trim(text);
    let Some(rest) = t.strip_prefix("* ").or_else(|| t.strip_prefix("+ ")) else {
        return false;
    };
    rest.split_whitespace().count() <= 4 && !rest.ends_with('.')
}

/// Separators of a breadcrumb trail, each with a space either side.
const BREADCRUMB_SEPARATORS: [&str; 2] = [" > ", " » "];

/// Fewest separators of a breadcrumb trail: one `>` can stand in a title.
const BREADCRUMB_STEPS: usize = 2;

/// Whether a line is a breadcrumb trail, the page's place in the site's
/// sections: `Home » Ornamentals » Vines`, `BLOG > Nutrition > Meal Plans`
/// (plantcaretoday.com, beachbodyondemand.com, redtri.com).
pub(crate) fn is_breadcrumb(text: &str) -> bool {
    // Most lines hold neither `>` nor the last byte of `»`: told by one
    // SIMD search before any separator is counted.
    text.len() <= 200
        && memchr::memchr2(b'>', 0xBB, text.as_bytes()).is_some()
        && !crate::ascii::has_line_break(text)
        && BREADCRUMB_SEPARATORS.iter().any(|sep| {
            memchr::memmem::find_iter(text.as_bytes(), sep)
                .nth(BREADCRUMB_STEPS - 1)
                .is_some()
        })
}

/// Credit phrases that open a photo credit at the end of a caption.
const CREDIT_OPENERS: [&str; 19] = [
    "Photo by ",
    "Photo via ",
    "Image via ",
    "Image courtesy of ",
    "image courtesy of ",
    "Courtesy of ",
    "Photo: ",
    "Photograph: ",
    "Photo credit: ",
    "Image: ",
    "Credit: ",
    "Credit... ",
    "Picture: ",
    "Image credit: ",
    "Photo courtesy of ",
    "Photo source: ",
    "Photo Source: ",
    "Image source: ",
    "Image Source: ",
];

/// Placements that mark a caption without credit: it places people in the picture.
const PLACEMENTS: [&str; 7] = [
    ", left,",
    ", right,",
    ", center,",
    ", from left,",
    "(L)",
    "(R)",
    ", pictured",
];

/// Agency photo credits written into a caption: `REUTERS/Lucy Nicholson`.
const AGENCY_CREDITS: [&str; 5] = ["REUTERS/", "AFP/", "AFP PHOTO", "AP Photo/", "EPA/"];

/// Credit openers and agency credits, found in one pass: a line holding none
/// of them (most story lines) skips the searches for each.
static CAPTION_MARKS: LazyLock<Literals> =
    LazyLock::new(|| literal_finder(CREDIT_OPENERS.iter().chain(&AGENCY_CREDITS)));

/// What may credit a caption closing a sentence: a credit after an opener
/// other than a courtesy one must not end with a stop, and an agency credit
/// counts in the tail only. `esy of ` stands for every `courtesy of ` opener,
/// and `AFP` for both of its credits.
static SENTENCE_CREDIT_MARKS: LazyLock<Literals> =
    LazyLock::new(|| literal_finder(["esy of ", "REUTERS/", "AFP", "AP Photo/", "EPA/"]));

/// Whether `t` holds one of the [`PLACEMENTS`], found from its commas and
/// brackets: the placements open with `, ` as a good part of any prose does,
/// which would make the literal searcher stop and check at every comma.
fn has_placement(t: &str) -> bool {
    memchr::memchr2_iter(b',', b'(', t.as_bytes()).any(|at| {
        PLACEMENTS
            .iter()
            .any(|p| t.as_bytes()[at..].starts_with(p.as_bytes()))
    })
}

/// Longest caption read as one by its placements alone (`, left,`).
const PLACED_CAPTION: usize = 400;

/// How far from its end a caption's credit may open: the longest opener plus the
/// longest credit accepted.
const CREDIT_WINDOW: usize = 20 + 80;

/// Trailing agency photo credits: `(Matt Sayles/AP Photo)`, `REUTERS/Lucy Nicholson`.
fn trailing_paren_credit(t: &str) -> Option<&str> {
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let credit = &inner[open + 1..];
    let mut buf = [0u8; 512];
    let lower = crate::ascii::lower(credit, &mut buf);
    let photo_word = [
        "photo",
        "getty",
        "images",
        "reuters",
        "afp",
        "ap",
        "shutterstock",
        "file",
        "courtesy",
        "epa",
        "pool",
    ]
    .iter()
    .any(|w| {
        lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|x| x == *w)
    });
    let photo = photo_word
        && (credit.contains('/')
            || lower.contains("photo")
            || lower.contains("getty")
            || lower.contains("images"));
    // After a closing sentence, an agency alone (`... 2019. (AP)`) or a slashed
    // credit (`(NASA/JPL/Space Science Institute)`) is a photo credit too.
    // A headline can end in an abbreviation and `(AP)` too (`... Sent to Calif. (AP)`):
    // an agency alone credits a caption only after a sentence of some length.
    let before = inner[..open].trim_end();
    let after_sentence = before.ends_with('.');
    let long = before.split_whitespace().count() >= 10;
    let credited = credit.contains('/') || long && Agency::known(credit).is_some();
    (credit.len() <= 80 && (photo || after_sentence && credited)).then_some(credit)
}

/// Longest photographer-and-service credit (`J. Scott Applewhite / AP file`).
const SLASH_CREDIT: usize = 60;

/// A photographer and a service closing a caption after its last sentence:
/// `... on July 25, 2019. J. Scott Applewhite / AP file`, `... Jaafar ASHTIYEH / AFP`.
fn trailing_slash_credit(t: &str) -> Option<&str> {
    // The credit ends the line and holds the slash: a line without one in its
    // last bytes has none, and is not searched for its last sentence.
    let last = &t.as_bytes()[t.len().saturating_sub(SLASH_CREDIT)..];
    memchr::memchr(b'/', last)?;
    let at = crate::ascii::rfind(t, ". ")?;
    let credit = t[at + 2..].trim();
    let (name, service) = credit.split_once('/')?;
    let names = name.split_whitespace();
    let named = (1..=4).contains(&names.clone().count())
        && names.clone().all(|w| w.starts_with(char::is_uppercase));
    let service = service.trim();
    let service = ["file", "File", "photo", "Photo"]
        .iter()
        .find_map(|w| service.strip_suffix(w))
        .map_or(service, str::trim_end);
    let photo_service = Agency::known(service).is_some() || service == "Getty Images";
    (credit.len() <= SLASH_CREDIT && named && photo_service).then_some(credit)
}

/// The caption a line holds, with its credit; `None` for a line that is not a caption.
pub(crate) fn caption(text: &str) -> Option<Caption<'_>> {
    let t = crate::ascii::trim(text);
    if t.len() > 1200 || crate::ascii::has_line_break(t) {
        return None;
    }
    // A credit closes the caption: only its last bytes are searched.
    let tail_at = t.len().saturating_sub(CREDIT_WINDOW);
    let tail_at = (tail_at..t.len())
        .find(|&i| t.is_char_boundary(i))
        .unwrap_or(t.len());
    let tail = &t[tail_at..];
    // Openers and agency credits count only in the tail: they are looked for there.
    // After a line closing a sentence, as most story lines do, only a
    // courtesy opener or an agency credit can credit it (see below): a
    // search for those alone, by bytes that running text seldom holds, does.
    let closes_sentence = t.ends_with(['.', '!', '?']) && !t.ends_with(".com");
    let marked = if closes_sentence {
        SENTENCE_CREDIT_MARKS.is_match(tail)
    } else {
        CAPTION_MARKS.is_match(tail)
    };
    for opener in CREDIT_OPENERS.iter().filter(|_| marked) {
        if let Some(at) = crate::ascii::rfind(tail, opener).map(|a| a + tail_at) {
            let credit = t[at + opener.len()..].trim();
            let courtesy = crate::ascii::contains_case_blind(opener, "courtesy", 0);
            if !credit.is_empty()
                && credit.len() <= 80
                && (courtesy || !credit.ends_with(['.', '!', '?']))
                || credit.ends_with(".com")
            {
                return Some(Caption {
                    text: t,
                    credit: Some(credit),
                });
            }
        }
    }
    // A credit word closing the line: `... Submitted photo`, `... YouTube Screenshot`, `... Getty`.
    for word in [
        "Submitted photo",
        "Screenshot",
        "screenshot",
        "screengrab",
        "File photo",
        "Getty",
    ] {
        if let Some(head) = t.strip_suffix(word) {
            if head.ends_with(' ') && head.len() > 3 {
                return Some(Caption {
                    text: t,
                    credit: Some(t[head.trim_end().len()..].trim_start()),
                });
            }
        }
    }
    // A caption without credit that places people in the picture.
    if t.len() <= PLACED_CAPTION && has_placement(t) {
        return Some(Caption {
            text: t,
            credit: None,
        });
    }
    if let Some(credit) = trailing_slash_credit(t) {
        return Some(Caption {
            text: t,
            credit: Some(credit),
        });
    }
    if let Some(credit) = trailing_paren_credit(t) {
        return Some(Caption {
            text: t,
            credit: Some(credit),
        });
    }
    // `[Photo via screengrab]`, `REUTERS/Lucy Nicholson`, `Getty Images`.
    if t.starts_with("[Photo") || t.starts_with("[Image") {
        return Some(Caption {
            text: t,
            credit: Some(t.trim_matches(['[', ']'])),
        });
    }
    for agency_credit in AGENCY_CREDITS.iter().filter(|_| marked) {
        if let Some(at) = crate::ascii::rfind(t, agency_credit) {
            let credit = &t[at..];
            if credit.len() <= 80 {
                return Some(Caption {
                    text: t,
                    credit: Some(credit.trim_end_matches('.')),
                });
            }
        }
    }
    if t.ends_with("Getty Images") || t.ends_with("/Getty Images") {
        let credit = t.rsplit(['.', '(']).next().unwrap_or(t).trim();
        return Some(Caption {
            text: t,
            credit: Some(credit),
        });
    }
    None
}

/// `t` without the dashes and spaces that may lead a credit or sign-off
/// (`-- The Associated Press`), looked at only when one leads it.
fn without_leading_dashes(t: &str) -> &str {
    const DASHES: [char; 4] = ['-', '—', '–', ' '];
    if t.starts_with(DASHES) {
        t.trim_start_matches(DASHES)
    } else {
        t
    }
}

/// Openers of a credit line closing the story.
const CREDIT_LINE_OPENERS: [&str; 12] = [
    "Reporting by ",
    "Additional reporting by ",
    "Editing by ",
    "Writing by ",
    "Compiled by ",
    "Source: ",
    "Sources: ",
    "Via ",
    "Via: ",
    "via ",
    // A recipe post credits the recipe's origin under it.
    "Recipe Source: ",
    "Recipe source: ",
];

const CREDIT_OPENER_INITIALS: [bool; 256] = crate::ascii::initials(&CREDIT_LINE_OPENERS);

/// The credit line a block holds, without surrounding parentheses or brackets:
/// `Reporting by Kane Wu; Editing by Jacqueline Wong`, `… contributed to this report.`
pub(crate) fn credit_line<'t>(line: &Cased<'t, '_>, words: ClosingWords) -> Option<&'t str> {
    let t = without_leading_dashes(crate::ascii::trim(line.text));
    if t.len() > 400 {
        return None;
    }
    let inner = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|s| s.strip_suffix(']')))
        .unwrap_or(t);
    let inner = crate::ascii::trim(inner);
    if crate::ascii::opens_with_any(inner, &CREDIT_OPENER_INITIALS)
        && CREDIT_LINE_OPENERS.iter().any(|o| inner.starts_with(o))
        && !(is_bare_via(inner)
            && (crate::ascii::has_line_break(inner)
                || crate::ascii::count_words(inner, VIA_WORDS + 1) > VIA_WORDS))
    {
        return Some(inner);
    }
    // Every closing form below names the contributors: a line without the word is none.
    if !words.may_hold(ClosingWords::CONTRIBUTED) {
        return None;
    }
    let lower = line.lower(inner);
    CONTRIBUTED.find(lower.as_bytes())?;
    let contributed = lower.ends_with("contributed to this report.")
        || lower.ends_with("contributed to this report")
        || lower.ends_with("contributed reporting.")
        || lower.contains(" contributed reporting from ")
        || lower.ends_with("contributed to this story.")
        || lower.ends_with(" contributed.");
    contributed.then_some(inner)
}

/// Most words of a `Via X` credit (`via Boston Globe.`): a longer line, or
/// one running on over a line break, is a sentence opening with the word
/// (`Via sole manager Drexel, Holiday Inns is selling 900 mln ...`).
const VIA_WORDS: usize = 6;

/// Whether a credit line opens with `Via` and a space, no colon.
fn is_bare_via(inner: &str) -> bool {
    inner.starts_with("Via ") || inner.starts_with("via ")
}

static CONTRIBUTED: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("contributed"));

/// A credit closing a one-paragraph story inside parentheses:
/// `... said on Monday. (Additional reporting by Jane Roe; Editing by Bo Chan)`.
pub(crate) fn trailing_credit(paragraph: &str) -> Option<&str> {
    let inner = paragraph.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let credit = inner[open + 1..].trim();
    CREDIT_LINE_OPENERS[..5]
        .iter()
        .any(|o| credit.starts_with(o))
        .then_some(credit)
}

/// The words that credit lines and sign-offs turn on, as a block may hold
/// them: found in one search of its lower-cased copy, since most blocks hold
/// none and are then spared a search for each.
#[derive(Clone, Copy)]
pub(crate) struct ClosingWords(u8);

impl ClosingWords {
    const WORDS: [&str; 3] = ["contributed", "associated press", "originally appeared "];
    const CONTRIBUTED: usize = 0;
    const ASSOCIATED_PRESS: usize = 1;
    const ORIGINALLY_APPEARED: usize = 2;

    /// The words `line` holds; all of them, as far as the caller knows, for a
    /// block too long to have a lower-cased copy.
    pub(crate) fn of(line: &Cased<'_, '_>) -> Self {
        static FINDER: LazyLock<Literals> = LazyLock::new(|| literal_finder(ClosingWords::WORDS));
        ClosingWords(line.copy().map_or(u8::MAX, |lower| FINDER.found(lower)))
    }

    /// Whether the block may hold the word: `false` when it does not.
    fn may_hold(self, word: usize) -> bool {
        self.0 & (1 << word) != 0
    }
}

/// Words without one of which a longer line names no service in a sign-off,
/// all found in one pass.
static TELLING: LazyLock<Literals> =
    LazyLock::new(|| literal_finder(["ress", "RESS", "opyright", "OPYRIGHT", "©", "appeared"]));

static ASSOCIATED_PRESS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("associated press"));
static ORIGINALLY_APPEARED: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("originally appeared "));

/// The agency a sign-off line names: `Reuter`, `-- The Associated Press`,
/// `Copyright 2014 The Associated Press`, `The Associated Press contributed to this report.`
/// `text` is the block of `line` or a part of it (a credit line's credit).
pub(crate) fn sign_off(
    line: &Cased<'_, '_>,
    text: &str,
    words: ClosingWords,
) -> Option<Agency<'static>> {
    let t = without_leading_dashes(crate::ascii::trim(text));
    let t = if t.ends_with('.') {
        t.trim_end_matches('.')
    } else {
        t
    };
    if t.len() > 300 {
        return None;
    }
    // Service names are short; the longer sign-offs name a press agency, a
    // copyright or a reprint: a line naming none of them is read no further.
    if t.len() <= 40 {
        if let Some(a) = Agency::known(t) {
            return Some(a);
        }
    }
    // Each sign-off below names the Associated Press, opens with a copyright
    // or says where it originally appeared: a line doing none of these is
    // turned away before the search for the telling words.
    // Most lines hold neither word and open with no copyright: they are
    // turned away before their lower-cased slice is taken.
    let copyright = crate::ascii::opens_case_blind(t.as_bytes(), "copyright") || t.starts_with('©');
    let may_name = copyright
        || words.may_hold(ClosingWords::ASSOCIATED_PRESS)
        || words.may_hold(ClosingWords::ORIGINALLY_APPEARED);
    if !may_name {
        return None;
    }
    let lower = line.lower(t);
    let named = words.may_hold(ClosingWords::ASSOCIATED_PRESS)
        && ASSOCIATED_PRESS.find(lower.as_bytes()).is_some()
        || copyright
        || words.may_hold(ClosingWords::ORIGINALLY_APPEARED)
            && ORIGINALLY_APPEARED.find(lower.as_bytes()).is_some();
    if !named || !TELLING.is_match(t) {
        return None;
    }
    if lower.contains("associated press")
        && (lower.contains("copyright")
            || lower.contains("contributed")
            || lower.starts_with("the associated press") && t.split_whitespace().count() <= 4)
    {
        return Some(Agency::Ap);
    }
    if (lower.starts_with("copyright") || lower.starts_with('©')) && lower.contains("reuters") {
        return Some(Agency::Reuters);
    }
    // `This article originally appeared at Reuters.`
    for lead in [
        "originally appeared at ",
        "originally appeared on ",
        "originally appeared in ",
    ] {
        if let Some(at) = crate::ascii::find(&lower, lead) {
            let rest = &t[at + lead.len()..];
            let name = rest.split(['.', ',', ';']).next().unwrap_or("");
            if let Some(a) = Agency::known(name) {
                return Some(a);
            }
        }
    }
    None
}

/// The service a closing line of wire initials names (`AAP`, `MCT, Reuters`): the first.
pub(crate) fn wire_initials(text: &str) -> Option<Agency<'_>> {
    let t = crate::ascii::trim(text).trim_end_matches('.');
    if t.len() > 40 {
        return None;
    }
    let mut names = t.split(',').map(str::trim);
    let all_wire = t.split(',').map(str::trim).all(|n| {
        Agency::known(n).is_some()
            || (2..=5).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_uppercase())
    });
    let first = names.next()?;
    all_wire.then(|| Agency::known(first).unwrap_or(Agency::Other(first)))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_via_credit_is_short_and_on_one_line() {
        let credit = |t: &str| {
            let mut lower = String::new();
            let cased = Cased::new(t, &mut lower);
            super::credit_line(&cased, ClosingWords::of(&cased)).is_some()
        };
        assert!(credit("via Boston Globe."));
        assert!(credit("Via: RMAuctions"));
        // Found by the wire-story property: a story's only sentence.
        assert!(!credit("Via a a a a a a."));
        assert!(!credit(
            "Via sole manager Drexel, Holiday Inns is selling 900 mln\ndlrs of notes."
        ));
    }

    #[test]
    fn breadcrumbs_take_two_separators() {
        assert!(is_breadcrumb("Home » Ornamentals » Vines » Bougainvilleas"));
        assert!(is_breadcrumb("BLOG > Nutrition > Meal Plans"));
        assert!(!is_breadcrumb("Profits > forecasts at Acme"));
        assert!(!is_breadcrumb("Home > News\n> World"));
        assert!(!is_breadcrumb("Home>News>World"));
    }
    use super::*;

    /// The classifiers as the tests ask them, of a text alone.
    fn is_furniture(t: &str) -> bool {
        super::is_furniture(&Cased::new(t, &mut String::new()))
    }

    fn is_list_heading(t: &str) -> bool {
        super::is_list_heading(&Cased::new(t, &mut String::new()))
    }

    fn credit_line(t: &str) -> Option<&str> {
        let mut buf = String::new();
        let line = Cased::new(t, &mut buf);
        super::credit_line(&line, ClosingWords::of(&line))
    }

    fn sign_off(t: &str) -> Option<Agency<'static>> {
        let mut buf = String::new();
        let line = Cased::new(t, &mut buf);
        super::sign_off(&line, t, ClosingWords::of(&line))
    }

    #[test]
    fn closing_words_are_all_found_in_one_search() {
        let words = |t: &str| ClosingWords::of(&Cased::new(t, &mut String::new())).0;
        assert_eq!(words("The mayor said so on Monday."), 0);
        assert_eq!(words("Jane Roe CONTRIBUTED."), 0b001);
        assert_eq!(
            words("It originally appeared at Reuters; The Associated Press contributed."),
            0b111
        );
        // A block too long for a lower-cased copy may hold any of them.
        assert_eq!(words(&"word ".repeat(100)), u8::MAX);
        // The automaton standing in for the SIMD searcher finds the same.
        let automaton = Literals {
            packed: None,
            ..literal_finder(ClosingWords::WORDS)
        };
        assert_eq!(automaton.found("associated press and contributed"), 0b011);
    }

    #[test]
    fn anchored_phrases_are_found_where_str_contains_finds_them() {
        let lists: [&[&str]; 3] = [&FURNITURE_PHRASES, &RIGHTS_PHRASES, &PROMPT_PHRASES];
        let all = lists.concat();
        let contains = |t: &str| all.iter().any(|p| t.contains(p));
        // Every phrase at every offset in a chunk of eight and at the line's
        // ends, beside words, spaces and multi-byte chars.
        let mut texts = vec![String::new(), "w".into(), " w ".into(), "a w".into()];
        for p in &all {
            for pad in ["", "x", "é", " ", "ab cd e", "\u{2003}"] {
                for lead in 0..9 {
                    let before = pad.repeat(lead);
                    texts.push(format!("{before}{p}"));
                    texts.push(format!("{before}{p}{pad}"));
                    texts.push(format!("{p}{before}"));
                    // Cut short by a byte: not found.
                    texts.push(format!("{before}{}", &p[..p.len() - 1]));
                    texts.push(format!("{before}{}{pad}", &p[1..]));
                }
            }
        }
        for t in &texts {
            assert_eq!(ANY_PHRASE.found_in(t), contains(t), "{t:?}");
        }
        // Lines of words around the phrases' anchors, found in none.
        for t in [
            "the comments on closed roads were newsworthy",
            "story lines continue below the fold, new windows",
            "news letters; sign up, for what",
        ] {
            assert!(!ANY_PHRASE.found_in(t) && !contains(t), "{t:?}");
        }
    }

    #[test]
    fn list_words_are_split_whitespace_words() {
        let pieces = [
            "",
            "related",
            "popular",
            "trending",
            "recommended",
            "relate",
            "x",
            " ",
            "\t",
            "\u{b}",
            "\u{a0}",
            "\u{2003}",
            "é",
            "d",
        ];
        for t in crate::ascii::texts_of_three(&pieces) {
            let words = t
                .split_whitespace()
                .any(|x| matches!(x, "related" | "popular" | "trending" | "recommended"));
            assert_eq!(has_list_word(&t), words, "{t:?}");
        }
    }

    #[test]
    fn list_headings() {
        for t in [
            "Related Posts",
            "More from CNN",
            "Most read in world news",
            "Trending in Entertainment",
            "Previous posts in the series",
            "Check out:",
            "More Business News",
            "More Videos ...",
            "More interviews with the finalists:",
            "Read the full story on our reporter's trip to Lagos:",
        ] {
            assert!(is_list_heading(t), "{t}");
        }
        // Without the colon announcing a link, such lines are story.
        assert!(!is_list_heading("More interviews are planned"));
        assert!(!is_list_heading("Read the full story in the paper."));
        assert!(!is_list_heading(
            "Most read in the evening papers, the column"
        ));
    }

    #[test]
    fn related_markers() {
        assert_eq!(
            related_item("RELATED Kremlin cancels Friday talks"),
            Some("Kremlin cancels Friday talks")
        );
        assert_eq!(related_item("Related: A story"), Some("A story"));
        assert_eq!(related_item("READ MORE: Another"), Some("Another"));
        assert_eq!(
            related_item("SEE MORE: Storm hits coast [VIDEO]"),
            Some("Storm hits coast")
        );
        assert_eq!(
            related_item("READ: Storm hits coast"),
            Some("Storm hits coast")
        );
        assert_eq!(related_item("More: http://example.com"), None);
        assert_eq!(
            related_item("On Example.com: Storm hits coast"),
            Some("Storm hits coast")
        );
        assert_eq!(related_item("On Monday: the vote"), None);
        assert_eq!(
            related_item("Full Story: Streetcar: Good Project"),
            Some("Streetcar: Good Project")
        );
        assert_eq!(related_item("Relatedly, the market fell."), None);
        assert_eq!(related_item("Read more about it"), None);
    }

    #[test]
    fn sentence_credit_marks_cover_courtesy_openers_and_agency_credits() {
        let courtesy = CREDIT_OPENERS
            .iter()
            .filter(|o| crate::ascii::contains_case_blind(o, "courtesy", 0));
        for mark in courtesy.chain(&AGENCY_CREDITS) {
            assert!(SENTENCE_CREDIT_MARKS.is_match(mark), "{mark}");
        }
    }

    #[test]
    fn captions_and_credits() {
        let c = caption("Ambassador poses for a picture. Photo by Joel Kowsky/NASA").unwrap();
        assert_eq!(c.credit, Some("Joel Kowsky/NASA"));
        let c = caption("Stars arrive at the show. (Matt Sayles/AP Photo)").unwrap();
        assert_eq!(c.credit, Some("Matt Sayles/AP Photo"));
        assert!(caption("[Photo via screengrab]").is_some());
        assert!(caption("Photo Source: Wikipedia, Examiner.com").is_some());
        let c = caption("The senator speaks at the Capitol on July 25, 2019. Jane Roe / AP file")
            .unwrap();
        assert_eq!(c.credit, Some("Jane Roe / AP file"));
        assert!(caption("Officials met on Monday. Prices rose 3/4 percent").is_none());
        // The longest slashed credit read as one is 60 bytes.
        let longest = "Bartholomew Featherstonehaugh-Worthington Abernath / AP file";
        assert_eq!(longest.len(), SLASH_CREDIT);
        let line = format!("The senator speaks. {longest}");
        assert_eq!(caption(&line).unwrap().credit, Some(longest));
        let longer = longest.replacen("Abernath", "Abernathy", 1);
        assert!(caption(&format!("The senator speaks. {longer}")).is_none());
        assert!(caption("He said the photo was taken in Paris.").is_none());
    }

    #[test]
    fn furniture() {
        for t in [
            "Latest Headlines",
            "Follow Us",
            "*",
            "+",
            "Advertisement",
            "0 shares",
            "6",
            "© 2019 Hearst",
            "* Facebook",
            "Image 1 of 13",
            "1 / 4",
            "Image 1 of / 4",
            "2 of 6",
            "Receive the latest local updates in your inbox",
            "Breaking News Emails",
            "Tags",
            "Share this:",
            "Loading comments...",
            "Scroll to top",
            "Facebook-f Linkedin-in Twitter",
            "Tweet on Twitter",
            "Posted in News | Permalink | 1 Comment",
            "VIEW GALLERY",
            "(16 Videos)",
            "Story continues below advertisement",
            "Loading content …",
            "34 responses to “Storm closes bridge”",
            "Comments are subject to our community guidelines, which can be viewed here.",
            "Share on linkedin",
            "* Click to share on Twitter (Opens in new window)",
            "Topics Bridges County council",
            "Share All sharing options for: Council closes bridge",
            "Chat with us on WhatsApp for the day's top stories.",
            // Counters and share bars behind a bullet and white space.
            "*\t6 shares",
            "*\u{2003}1 of 4",
            "*\u{a0}Facebook Twitter",
            "* | Email | Print",
            "Facebook • Twitter | Email",
            "Request reprint permission | Submit a correction | Contact the editors",
            "Have a news tip? Write to the newsroom at the address below and we will look into it.",
            "No comments yet. Be the first to comment",
            "The opinions in this column are the writer's and do not necessarily reflect the paper's.",
            "StumbleUpon",
            "Local NewsCity HallTransportationBridges",
            "Tell us what you think of our new app in a short survey.",
            "* Tumblr",
        ] {
            assert!(is_furniture(t), "{t}");
        }
        assert!(!is_furniture("Share prices fell on Monday."));
        assert!(!is_furniture("1 of 6 killed"));
        assert!(!is_furniture("\u{200b}") && is_rule("\u{200b}"));
        assert!(!is_furniture("Share on the rise"));
        // Brands joining cases in a headline are not glued links.
        assert!(!is_furniture(
            "YouTube and PlayStation fans wait for the new iPhone"
        ));
        assert!(!is_furniture("Watch pic.twitter.com/AbCdEfGhIj"));
        assert!(!is_furniture("Twitter to Facebook"));
        assert!(!is_furniture("Loading the trucks took all night."));
        assert!(!is_furniture("34 responses to the survey came in."));
        assert!(!is_furniture("Tags are sold at the county office."));
        assert!(!is_furniture(
            "YouTube said the video broke its community guidelines."
        ));
        assert!(!is_furniture(
            "Put yourself in a popular blogger's shoes for a second. What would you do if you received hundreds of pitches in your inbox every week?"
        ));
    }

    #[test]
    fn long_copyright_notices() {
        let notice = "All photos and recipes on this blog are copyright protected. \
            Please ask before you use any of our pictures elsewhere, and if you want to \
            share a recipe, write it out in your own words or simply link back to the \
            post where you found it. Thanks so much for reading and cooking with us!";
        assert!(notice.len() > 250 && is_furniture(notice));
        let rights =
            format!("{notice} All rights reserved.").replace("copyright protected", "ours");
        assert!(is_furniture(&rights));
        // A story sentence about rights reads differently.
        assert!(!is_furniture(
            "The museum said the rights to the photographs were never reserved by the family, \
             which had lent them for the show, and that the copyright question will be settled \
             in court next year after a long dispute between the heirs and the city council, \
             which owns the building where the pictures hung for decades."
        ));
    }

    #[test]
    fn credit_lines() {
        assert_eq!(
            credit_line("(Reporting by Kane Wu in Hong Kong; Editing by Jacqueline Wong)"),
            Some("Reporting by Kane Wu in Hong Kong; Editing by Jacqueline Wong")
        );
        assert!(credit_line("CNN's Jeff Greene contributed to this report.").is_some());
        assert!(credit_line("Via Macrumors").is_some());
        assert!(credit_line("Recipe source: Grandma's Kitchen, 1978").is_some());
        assert!(credit_line("The report was widely read.").is_none());
    }

    #[test]
    fn sign_offs() {
        assert_eq!(sign_off("Reuter"), Some(Agency::Reuters));
        assert_eq!(
            sign_off("Copyright 2014 The Associated Press. All rights reserved."),
            Some(Agency::Ap)
        );
        assert_eq!(sign_off("The end"), None);
    }
}
