//! The feature vector of a block, from language-generic signals: its length
//! in words and bytes, stopword density, sentence punctuation, letter case,
//! digits and timestamps, link-title shape, leading symbols, its position
//! against the story's prose, the context-free kind the rules give it, and
//! the same for the two blocks on either side.
//!
//! Every feature is written through a [`Sink`] under its name, so the names
//! the training script reads and the values inference multiplies come from
//! one piece of code and cannot drift apart.

use std::collections::HashSet;

use super::stopwords::is_stopword;
use crate::{
    article::Kind,
    ascii::{count_words, has_line_break},
    lines::Block,
    published::{find_timestamp, is_dated_line},
    shape::{is_headline_case, is_prose, is_title_like, link_title},
};

/// Receives the features of a block in order, each under a group (which
/// block it describes) and a name.
pub(crate) trait Sink {
    /// Takes the next feature.
    fn put(&mut self, group: &'static str, name: &'static str, value: f32);
}

impl Sink for Vec<f32> {
    #[inline]
    fn put(&mut self, _: &'static str, _: &'static str, value: f32) {
        self.push(value);
    }
}

/// Collects the feature names, `group.name`.
struct Names(Vec<String>);

impl Sink for Names {
    fn put(&mut self, group: &'static str, name: &'static str, _: f32) {
        self.0.push(format!("{group}.{name}"));
    }
}

/// The names of the features, in the order of a block's vector.
pub(crate) fn names() -> Vec<String> {
    let shapes = [Shape::default()];
    let frame = Frame::of(&shapes);
    let mut names = Names(Vec::new());
    row(&shapes, &frame, 0, &mut names);
    names.0
}

/// Words of a block read for the ratios: enough to tell prose from a title.
const SAMPLED_WORDS: usize = 64;

/// Words counted at most.
const COUNTED_WORDS: usize = 200;

/// A block of at least this many words, reading as prose, anchors the story.
const STORY_WORDS: u32 = 20;

/// Longest block looked for among the blocks above: what pages repeat
/// (headlines, captions, furniture) is short, and long blocks are not hashed.
const REPEATED_BYTES: usize = 250;

/// Blocks around a block whose prose is counted.
const WINDOW: usize = 3;

/// What is read of one block on its own.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    words: u32,
    bytes: u32,
    /// Over the sampled words: alphabetic, stopwords, title-cased, all-caps,
    /// holding a digit, closing a sentence inside the block, ending in a comma.
    sampled: u32,
    alpha: u32,
    stop: u32,
    title: u32,
    caps: u32,
    digit_words: u32,
    inner_stops: u32,
    commas: u32,
    /// Bytes that are ASCII digits, and ASCII punctuation.
    digit_bytes: u32,
    symbol_bytes: u32,
    last: char,
    first: char,
    opens_by: bool,
    has_url: bool,
    has_at: bool,
    has_copyright: bool,
    has_pipe: bool,
    timestamp: bool,
    dated: bool,
    title_like: bool,
    headline_case: bool,
    prose: bool,
    link_marked: bool,
    multi_line: bool,
    after_blank: bool,
    indented: bool,
    seen_before: bool,
    kind: u8,
}

impl Shape {
    fn of(block: &Block<'_>, kind: &Kind<'_>, seen_before: bool) -> Shape {
        let text = block.text;
        let mut s = Shape {
            words: count_words(text, COUNTED_WORDS) as u32,
            bytes: text.len() as u32,
            first: text.chars().next().unwrap_or(' '),
            last: text.chars().next_back().unwrap_or(' '),
            after_blank: block.after_blank,
            indented: block.indented,
            seen_before,
            kind: kind_index(kind),
            ..Shape::default()
        };
        let mut words = text.split_whitespace().take(SAMPLED_WORDS).peekable();
        while let Some(w) = words.next() {
            s.sampled += 1;
            s.commas += u32::from(w.ends_with(','));
            s.inner_stops +=
                u32::from(words.peek().is_some() && w.ends_with(['.', '?', '!', ':', ';']));
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            s.stop += u32::from(is_stopword(core));
            s.digit_words += u32::from(core.bytes().any(|b| b.is_ascii_digit()));
            if let Some(c) = core.chars().next().filter(|c| c.is_alphabetic()) {
                s.alpha += 1;
                // A word in capitals opens with one: only then is the rest read.
                if c.is_uppercase() {
                    s.title += 1;
                    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
                    s.caps += u32::from(letters >= 2 && !core.chars().any(char::is_lowercase));
                }
            }
        }
        for &b in text.as_bytes() {
            s.digit_bytes += u32::from(b.is_ascii_digit());
            s.symbol_bytes += u32::from(b.is_ascii_punctuation());
        }
        let b = text.as_bytes();
        s.opens_by = b.len() > 3
            && b[..2].eq_ignore_ascii_case(b"by")
            && (b[2] == b' ' || text[2..].starts_with('\u{a0}'));
        s.has_url = memchr::memmem::find(b, b"http").is_some()
            || memchr::memmem::find(b, b"www.").is_some()
            || memchr::memmem::find(b, b".com").is_some();
        s.has_at = memchr::memchr(b'@', b).is_some();
        s.has_copyright = text.contains('©');
        s.has_pipe = memchr::memchr(b'|', b).is_some();
        s.timestamp = find_timestamp(text).is_some();
        s.dated = is_dated_line(text);
        s.title_like = is_title_like(text);
        s.headline_case = is_headline_case(text);
        s.prose = is_prose(text);
        s.link_marked = link_title(text).len() != text.len();
        s.multi_line = has_line_break(text);
        s
    }

    /// Whether the block is story prose beyond doubt: long and prose-shaped.
    fn is_story(&self) -> bool {
        self.prose && self.words >= STORY_WORDS
    }

    fn ratio(part: u32, whole: u32) -> f32 {
        if whole == 0 {
            0.0
        } else {
            part as f32 / whole as f32
        }
    }

    fn stop_ratio(&self) -> f32 {
        Self::ratio(self.stop, self.sampled)
    }

    fn title_share(&self) -> f32 {
        Self::ratio(self.title, self.alpha)
    }

    /// The length classes in words, one-hot.
    fn put_length(&self, group: &'static str, sink: &mut impl Sink) {
        let w = self.words;
        sink.put(group, "words_1", f(w == 1));
        sink.put(group, "words_2_3", f((2..=3).contains(&w)));
        sink.put(group, "words_4_7", f((4..=7).contains(&w)));
        sink.put(group, "words_8_15", f((8..=15).contains(&w)));
        sink.put(group, "words_16_30", f((16..=30).contains(&w)));
        sink.put(group, "words_31_60", f((31..=60).contains(&w)));
        sink.put(group, "words_61_up", f(w > 60));
    }

    /// The rules' context-free kind, one-hot.
    fn put_kind(&self, group: &'static str, sink: &mut impl Sink) {
        for (i, name) in KIND_NAMES.iter().enumerate() {
            sink.put(group, name, f(usize::from(self.kind) == i));
        }
    }
}

/// The names of [`Kind`]'s variants, in the order [`kind_index`] gives them.
const KIND_NAMES: [&str; 11] = [
    "kind_text",
    "kind_rule",
    "kind_furniture",
    "kind_nav",
    "kind_list_heading",
    "kind_related",
    "kind_caption",
    "kind_credit",
    "kind_signoff",
    "kind_byline",
    "kind_published",
];

fn kind_index(kind: &Kind<'_>) -> u8 {
    match kind {
        Kind::Text => 0,
        Kind::Rule => 1,
        Kind::Furniture => 2,
        Kind::Nav => 3,
        Kind::ListHeading => 4,
        Kind::Related(_) => 5,
        Kind::Caption(_) => 6,
        Kind::Credit(..) => 7,
        Kind::SignOff(_) => 8,
        Kind::Byline(_) => 9,
        Kind::Published(_) => 10,
    }
}

fn f(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

/// Where the story's prose lies among the blocks.
struct Frame {
    /// The first and last story blocks ([`Shape::is_story`]).
    first_story: Option<usize>,
    last_story: Option<usize>,
    /// Story blocks among the first `i` blocks, for each `i`.
    stories_before: Vec<u32>,
}

impl Frame {
    fn of(shapes: &[Shape]) -> Frame {
        let mut stories_before = Vec::with_capacity(shapes.len() + 1);
        let mut count = 0;
        stories_before.push(0);
        for s in shapes {
            count += u32::from(s.is_story());
            stories_before.push(count);
        }
        Frame {
            first_story: shapes.iter().position(Shape::is_story),
            last_story: shapes.iter().rposition(Shape::is_story),
            stories_before,
        }
    }

    /// The share of story blocks among blocks `from..to` (clamped), of `WINDOW`.
    fn story_share(&self, from: usize, to: usize) -> f32 {
        let n = self.stories_before.len() - 1;
        let (from, to) = (from.min(n), to.min(n));
        (self.stories_before[to] - self.stories_before[from]) as f32 / WINDOW as f32
    }
}

/// Writes the features of every block, a row of `names().len()` values per
/// block, into `out`. `kinds` are the rules' context-free kinds of `bs`, as
/// `classify` gives them, before any reading in context revises them.
pub(crate) fn features(bs: &[Block<'_>], kinds: &[Kind<'_>], out: &mut Vec<f32>) {
    debug_assert_eq!(bs.len(), kinds.len());
    let mut seen = HashSet::with_capacity(bs.len());
    let shapes: Vec<Shape> = bs
        .iter()
        .zip(kinds)
        .map(|(b, k)| {
            let seen_before = b.text.len() <= REPEATED_BYTES && !seen.insert(b.text);
            Shape::of(b, k, seen_before)
        })
        .collect();
    let frame = Frame::of(&shapes);
    for i in 0..shapes.len() {
        row(&shapes, &frame, i, out);
    }
}

/// The features of block `i`: its own, its position, then its neighbours'.
fn row(shapes: &[Shape], frame: &Frame, i: usize, sink: &mut impl Sink) {
    own(&shapes[i], sink);
    position(shapes.len(), frame, i, sink);
    for (group, offset) in [("prev2", -2), ("prev1", -1), ("next1", 1), ("next2", 2)] {
        let at = i.checked_add_signed(offset).filter(|&j| j < shapes.len());
        neighbour(at.map(|j| &shapes[j]), group, sink);
    }
}

/// A block's features read from itself.
fn own(s: &Shape, sink: &mut impl Sink) {
    const G: &str = "self";
    sink.put(G, "bias", 1.0);
    s.put_length(G, sink);
    sink.put(G, "log_bytes", (1.0 + s.bytes as f32).ln() / 8.0);
    sink.put(G, "stop_ratio", s.stop_ratio());
    sink.put(G, "stop_dense", f(s.stop_ratio() >= 0.3 && s.words >= 8));
    sink.put(G, "title_share", s.title_share());
    sink.put(G, "caps_share", Shape::ratio(s.caps, s.alpha));
    sink.put(G, "all_caps", f(s.alpha >= 1 && s.caps == s.alpha));
    sink.put(
        G,
        "digit_word_share",
        Shape::ratio(s.digit_words, s.sampled),
    );
    sink.put(G, "digit_byte_share", Shape::ratio(s.digit_bytes, s.bytes));
    sink.put(
        G,
        "symbol_byte_share",
        Shape::ratio(s.symbol_bytes, s.bytes),
    );
    sink.put(G, "inner_stops", s.inner_stops.min(4) as f32 / 4.0);
    sink.put(G, "comma_rate", Shape::ratio(s.commas, s.sampled));
    let last = s.last;
    sink.put(G, "ends_period", f(last == '.'));
    sink.put(G, "ends_question_exclaim", f(matches!(last, '?' | '!')));
    sink.put(G, "ends_quote", f(matches!(last, '"' | '”' | '’' | '\'')));
    sink.put(G, "ends_colon", f(last == ':'));
    sink.put(G, "ends_bracket", f(matches!(last, ')' | ']')));
    sink.put(G, "ends_alphanumeric", f(last.is_alphanumeric()));
    let first = s.first;
    sink.put(G, "opens_upper", f(first.is_uppercase()));
    sink.put(G, "opens_lower", f(first.is_lowercase()));
    sink.put(G, "opens_digit", f(first.is_ascii_digit()));
    sink.put(
        G,
        "opens_bullet",
        f(matches!(
            first,
            '*' | '•' | '-' | '–' | '—' | '·' | '>' | '▪' | '►' | '■' | '+' | '|' | '»'
        )),
    );
    sink.put(G, "opens_quote", f(matches!(first, '"' | '“' | '‘' | '\'')));
    sink.put(G, "opens_bracket", f(matches!(first, '(' | '[')));
    sink.put(G, "opens_by", f(s.opens_by));
    sink.put(G, "has_url", f(s.has_url));
    sink.put(G, "has_at", f(s.has_at));
    sink.put(G, "has_copyright", f(s.has_copyright));
    sink.put(G, "has_pipe", f(s.has_pipe));
    sink.put(G, "timestamp", f(s.timestamp));
    sink.put(G, "dated_line", f(s.dated));
    sink.put(G, "title_like", f(s.title_like));
    sink.put(G, "headline_case", f(s.headline_case));
    sink.put(G, "prose", f(s.prose));
    sink.put(G, "story", f(s.is_story()));
    sink.put(G, "link_marked", f(s.link_marked));
    sink.put(G, "multi_line", f(s.multi_line));
    sink.put(G, "after_blank", f(s.after_blank));
    sink.put(G, "indented", f(s.indented));
    sink.put(G, "seen_before", f(s.seen_before));
    s.put_kind(G, sink);
}

/// Where block `i` of `n` stands: in the page, and against the story's prose.
fn position(n: usize, frame: &Frame, i: usize, sink: &mut impl Sink) {
    const G: &str = "pos";
    let rel = if n > 1 {
        i as f32 / (n - 1) as f32
    } else {
        0.0
    };
    sink.put(G, "relative", rel);
    sink.put(G, "first", f(i == 0));
    sink.put(G, "last", f(i + 1 == n));
    sink.put(G, "log_blocks", (1.0 + n as f32).ln() / 6.0);
    sink.put(G, "no_story", f(frame.first_story.is_none()));
    let (first, last) = (frame.first_story, frame.last_story);
    sink.put(G, "before_story", f(first.is_some_and(|p| i < p)));
    sink.put(G, "first_story", f(first == Some(i)));
    sink.put(G, "last_story", f(last == Some(i)));
    sink.put(G, "after_story", f(last.is_some_and(|q| i > q)));
    let distance = |d: usize| (d.min(10) as f32) / 10.0;
    sink.put(
        G,
        "blocks_to_story",
        first.filter(|&p| i < p).map_or(0.0, |p| distance(p - i)),
    );
    sink.put(
        G,
        "blocks_after_story",
        last.filter(|&q| i > q).map_or(0.0, |q| distance(i - q)),
    );
    sink.put(
        G,
        "story_before",
        frame.story_share(i.saturating_sub(WINDOW), i),
    );
    sink.put(G, "story_after", frame.story_share(i + 1, i + 1 + WINDOW));
}

/// The features of a neighbouring block, all zero (but `missing`) past the
/// page's ends.
fn neighbour(s: Option<&Shape>, group: &'static str, sink: &mut impl Sink) {
    sink.put(group, "missing", f(s.is_none()));
    let shape = s.copied().unwrap_or_default();
    shape.put_length(group, sink);
    sink.put(group, "stop_ratio", shape.stop_ratio());
    sink.put(group, "title_share", shape.title_share());
    sink.put(group, "ends_period", f(shape.last == '.'));
    sink.put(group, "ends_alphanumeric", f(shape.last.is_alphanumeric()));
    sink.put(group, "timestamp", f(shape.timestamp));
    sink.put(group, "title_like", f(shape.title_like));
    sink.put(group, "prose", f(shape.prose));
    sink.put(group, "story", f(shape.is_story()));
    sink.put(group, "opens_by", f(shape.opens_by));
    sink.put(group, "after_blank", f(shape.after_blank));
    sink.put(group, "seen_before", f(shape.seen_before));
    match s {
        Some(s) => s.put_kind(group, sink),
        // Past the ends there is no kind: every one-hot slot stays zero.
        None => KIND_NAMES
            .iter()
            .for_each(|name| sink.put(group, name, 0.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features of `text`'s blocks, by name.
    fn read(text: &str) -> Vec<std::collections::HashMap<String, f32>> {
        let (bs, kinds) = super::super::blocks_and_kinds(text);
        let mut x = Vec::new();
        features(&bs, &kinds, &mut x);
        let names = names();
        assert_eq!(x.len(), names.len() * bs.len());
        x.chunks_exact(names.len())
            .map(|row| names.iter().cloned().zip(row.iter().copied()).collect())
            .collect()
    }

    #[test]
    fn names_are_unique() {
        let names = names();
        let unique: HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn a_page_reads_as_headline_byline_story_and_furniture() {
        let text = "Storm Closes Schools Across the State\nBy Jane Roe\n\
            Schools across the state were closed on Monday as the storm that had been \
            building over the weekend brought heavy snow, and officials said they would \
            decide later in the day whether to reopen them.\n\
            Share this\nStorm Closes Schools Across the State\n";
        let rows = read(text);
        assert_eq!(rows.len(), 5);
        let [head, by, story, share, repeat] = &rows[..] else {
            unreachable!()
        };
        assert_eq!(head["self.title_like"], 1.0);
        // Six words, all but the minor `the` capitalised.
        assert_eq!(head["self.title_share"], 5.0 / 6.0);
        assert_eq!(head["pos.before_story"], 1.0);
        assert_eq!(head["pos.blocks_to_story"], 0.2);
        assert_eq!(head["prev1.missing"], 1.0);
        assert_eq!(head["next1.opens_by"], 1.0);
        assert_eq!(by["self.opens_by"], 1.0);
        assert_eq!(by["self.kind_byline"], 1.0);
        assert_eq!(story["self.story"], 1.0);
        assert_eq!(story["self.words_31_60"], 1.0);
        assert_eq!(story["self.ends_period"], 1.0);
        assert!(story["self.stop_ratio"] > 0.3 && story["self.stop_dense"] == 1.0);
        assert_eq!(story["pos.first_story"], 1.0);
        assert_eq!(share["pos.after_story"], 1.0);
        assert_eq!(share["prev1.story"], 1.0);
        assert_eq!(repeat["self.seen_before"], 1.0);
        assert_eq!(head["self.seen_before"], 0.0);
        assert_eq!(repeat["next1.missing"], 1.0);
        assert_eq!(repeat["next1.kind_text"], 0.0);
    }
}
