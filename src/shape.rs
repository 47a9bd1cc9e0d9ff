#![forbid(unsafe_code)]
//! How a block reads, whatever its kind: story prose or a title, a closed
//! sentence, a note about the author, the opening of a page's tail, a link title.

use crate::ascii::count_words;

/// Whether a block reads as story prose rather than a title or a label.
pub(crate) fn is_prose(text: &str) -> bool {
    // Counting stops at the largest number compared against: a paragraph is not read to its end.
    prose_of(text, count_words(text, 25))
}

/// Whether a block of `words` words, counted up to 25 at least, reads as
/// prose ([`is_prose`]) and whether it is unmistakably story prose,
/// [`LONG_PROSE`] words or more: its words are counted once for both.
pub(crate) fn prose_shape(text: &str, words: usize) -> (bool, bool) {
    (prose_of(text, words.min(25)), words >= LONG_PROSE)
}

/// [`is_prose`] of a text of `words` words, counted up to 25.
fn prose_of(text: &str, words: usize) -> bool {
    let ends_sentence = || text.ends_with(['.', '!', '?', '"', '”', '’', ')', ':']);
    // An ASCII lower-case letter is looked for first, with a byte test.
    let has_lower = || {
        text.bytes().any(|b| b.is_ascii_lowercase()) || text.contains(|c: char| c.is_lowercase())
    };
    words >= 25 || (words >= 10 && ends_sentence() && has_lower() && !is_title_case(text))
}

/// Short words title case leaves in lower case.
const MINOR_WORDS: [&str; 20] = [
    "a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at", "to", "by", "with",
    "from", "as", "is", "vs", "via",
];

/// Whether a line is set in title case, as headlines are (`Will Manny Machado Be
/// The Next Mike Trout?`, `Deploy a Server Farm in 6 Simple Steps`): besides
/// minor words, at most one word in ten opens in lower case. A sentence naming
/// people and places still has several (`Hollywood star Tom Hanks was in ...`).
fn is_title_case(text: &str) -> bool {
    // An ASCII text is cut into words at its bytes rather than by decoding
    // its characters: its white space is the same to both, but for the
    // vertical tab, which only `split_whitespace` cuts at.
    if text.is_ascii() && memchr::memchr(0x0B, text.as_bytes()).is_none() {
        title_case_words(text.split_ascii_whitespace())
    } else {
        title_case_words(text.split_whitespace())
    }
}

/// [`is_title_case`] of a text's words.
fn title_case_words<'t>(text_words: impl Iterator<Item = &'t str>) -> bool {
    const READ: usize = 25;
    let (mut words, mut lower) = (0, 0);
    for w in text_words.take(READ) {
        let Some(c) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        words += 1;
        if c.is_lowercase() {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            lower += usize::from(!MINOR_WORDS.contains(&bare));
            // More lower-case words than a tenth of all that are read: a
            // sentence, however it goes on.
            if lower * 10 > READ {
                return false;
            }
        }
    }
    words >= 4 && lower * 10 <= words
}

pub(crate) fn ends_sentence(text: &str) -> bool {
    match text.as_bytes().last() {
        // A printable ASCII byte is no white space, nor part of a char: it is
        // the last char, read without decoding one.
        Some(&b) if b.is_ascii_graphic() => matches!(b, b'.' | b'!' | b'?' | b'"' | b')' | b':'),
        _ => text
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', '’', ')', ':', '…']),
    }
}

/// Whether a text closes a sentence with a stop (or a colon), inside closing
/// quotes or not: `... he said.`, `... "we will."`, but not a headline's
/// `... list of fetishes’`, a title's `... (dates and stream)` or a title cut
/// short by an ellipsis (`... as it looks — and...`).
pub(crate) fn closes_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['"', '”', '’', '\'']);
    t.ends_with(['.', '!', '?', ':']) && !t.ends_with("...")
}

/// Whether a line is set in headline case: three or more of its longer words
/// (four letters or more), and nearly all of them, open with a capital.
pub(crate) fn is_headline_case(text: &str) -> bool {
    let (mut long, mut capital) = (0usize, 0usize);
    for w in text.split_whitespace().take(40) {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().take_while(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        long += 1;
        capital += usize::from(w.starts_with(char::is_uppercase));
    }
    long >= 3 && capital * 4 >= long * 3
}

/// Openings of lines that mark the end of a story on a page.
const END_MARKERS: [&str; 21] = [
    "comments",
    "loading comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "join the conversation",
    "share your thoughts",
    "comments are subject to",
    "tags:",
    "tags ",
    "filed under",
    "about the author",
    "this article originally appeared",
    "this article has been adapted",
    "this story originally appeared",
    "this article first appeared",
    "this story was originally published",
    "originally published",
    "disclosure",
    "written by",
    "you may also like",
];

/// For each first byte, the set of [`END_MARKERS`] opening with it (bit `i`
/// for marker `i`): a line is compared only with the markers sharing its
/// first letter, and most lines share none.
const END_MARKERS_BY_FIRST: [u32; 256] = {
    let mut by_first = [0u32; 256];
    let mut i = 0;
    while i < END_MARKERS.len() {
        by_first[END_MARKERS[i].as_bytes()[0] as usize] |= 1 << i;
        i += 1;
    }
    by_first
};

/// The first four bytes of each of [`END_MARKERS`] (all are longer) as one
/// number: a line's opening is compared with a marker's in one test, and most
/// lines sharing a marker's first letter (`The`, `This year`) fail it.
const END_MARKER_HEADS: [u32; END_MARKERS.len()] = {
    let mut heads = [0; END_MARKERS.len()];
    let mut i = 0;
    while i < END_MARKERS.len() {
        let m = END_MARKERS[i].as_bytes();
        assert!(m.len() > 4);
        heads[i] = u32::from_le_bytes([m[0], m[1], m[2], m[3]]);
        i += 1;
    }
    heads
};

/// The heading of a comment section that counts its comments:
/// `34 responses to “Title”`, `12 thoughts on “Title”`.
pub(crate) fn opens_comments(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text.as_bytes()[digits..];
    digits > 0
        && [
            " responses to ",
            " thoughts on ",
            " comments on ",
            " replies to ",
        ]
        .iter()
        .any(|w| {
            crate::ascii::opens_case_blind(rest, w)
                && text[digits + w.len()..].starts_with(['"', '“', '‘', '\''])
        })
}

/// Whether a line opens the page's tail: comments, tags, a reprint note, an author box.
pub(crate) fn opens_tail(text: &str) -> bool {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return opens_comments(text);
    }
    let head = &text.as_bytes()[..crate::dateline::floor_boundary(text, 40)];
    // Compared in place rather than lower-cased first, from the first letter:
    // this runs on every block of the body.
    let Some(&[a, b, c, d]) = head.get(..4) else {
        return false;
    };
    let opening = u32::from_le_bytes([a, b, c, d].map(|b| b.to_ascii_lowercase()));
    let mut markers = END_MARKERS_BY_FIRST[usize::from(a.to_ascii_lowercase())];
    while markers != 0 {
        let i = markers.trailing_zeros() as usize;
        let m = END_MARKERS[i].as_bytes();
        if END_MARKER_HEADS[i] == opening
            && head
                .get(..m.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(m))
        {
            return true;
        }
        markers &= markers - 1;
    }
    false
}

/// Verbs that open a page's call to action under a story (`Get the day's big
/// stories ...`, `Subscribe to 9to5Mac on YouTube`, `Sign up for ...`), each
/// opening such a line on three sites or more of dev and extra and at most
/// one story paragraph per site (tools/phrase_support.py lists them).
const PROMOTION_OPENERS: [&str; 9] = [
    "Get ",
    "Subscribe ",
    "Sign up ",
    "Follow ",
    "Join ",
    "Click ",
    "Learn ",
    "Read ",
    "Contact ",
];

/// Longest promotion, in bytes: a longer paragraph is story.
const PROMOTION_LEN: usize = 300;

/// Whether a paragraph is a call to action (see [`PROMOTION_OPENERS`]): an
/// imperative that no news story closes on.
pub(crate) fn is_promotion(text: &str) -> bool {
    let text = text.trim_start_matches(['*', ' ']);
    text.len() <= PROMOTION_LEN && PROMOTION_OPENERS.iter().any(|o| text.starts_with(o))
}

/// Longest note about the author or contact line, in bytes.
const NOTE_LEN: usize = 400;

/// Whether a paragraph is a note about the author or a tip line rather than
/// story: `Jane Roe covers mobile for ...`, `Send news tips to x@y.com.`
pub(crate) fn is_author_note(text: &str) -> bool {
    // Both a contact line and a note are short: a longer paragraph is not read.
    if text.len() >= NOTE_LEN {
        return false;
    }
    // The subject's verb is the second, third or fourth word: the first four
    // are all that is read.
    let mut first = [""; 4];
    let n = crate::ascii::first_words(text, &mut first);
    let words = &first[..n];
    // A contact line is short: a story paragraph may give an address too.
    let has_email = memchr::memchr(b'@', text.as_bytes()).is_some()
        && text.split_whitespace().any(|w| {
            let at = w.find('@');
            at.is_some_and(|a| a > 0 && w[a..].contains('.'))
        });
    // `Regan is a ... native`, `Julius is an LA Entertainment Reporter for Fox News.`
    let verb_at = words.iter().position(|w| {
        matches!(
            *w,
            "is" | "covers" | "writes" | "reports" | "lives" | "teaches"
        )
    });
    let named_subject = verb_at.is_some_and(|v| {
        (1..=3).contains(&v)
            && words[..v]
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
    });
    if has_email || !named_subject {
        return has_email;
    }
    let mut buf = [0u8; 512];
    let lower = crate::ascii::lower(text, &mut buf);
    [
        "reporter",
        "writer",
        "editor",
        "author",
        "journalist",
        "correspondent",
        "contributor",
        "columnist",
        "blogger",
        "native",
        "covers",
        "freelance",
        "ceo",
        "founder",
        // A syndicated column's note: `Dear Abby is written by Abigail Van Buren ...`.
        "written by",
    ]
    .iter()
    .any(|r| lower.contains(r))
}

/// Whether a short line reads as a sentence (a dek or a caption without credit)
/// rather than a label: several words, lower-case words among them.
pub(crate) fn is_title_like_sentence(text: &str) -> bool {
    count_words(text, 6) >= 6
        && text
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_lowercase))
            .count()
            >= 2
}

/// A link title without its list marker, number or time: `* 3. 14:48 Title` gives `Title`.
pub(crate) fn link_title(text: &str) -> &str {
    let mut t = text.trim_start_matches(['*', '+', '-', '•', ' ']);
    // A number (`3.`, `3)`) or a clock time (`14:48`) before the title.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let rest = &t[digits..];
        let after = if let Some(r) = rest.strip_prefix(':') {
            let mins = r.bytes().take_while(u8::is_ascii_digit).count();
            (mins == 2).then(|| &r[2..])
        } else {
            rest.strip_prefix(['.', ')'])
        };
        if let Some(after) = after.filter(|a| a.starts_with(' ')) {
            t = after.trim_start();
        }
    }
    without_tag(t)
}

/// A link title without the tag in capitals that closes it and the bar
/// separating it from the next: `Title [VIDEO]`, `Title [INSIGHT]|`.
pub(crate) fn without_tag(title: &str) -> &str {
    let t = title.trim_end_matches(['|', ' ']);
    let Some(open) = t.strip_suffix(']').and_then(|s| s.rfind('[')) else {
        return t;
    };
    let tag = &t[open + 1..t.len() - 1];
    let is_tag = tag.len() >= 3 && tag.bytes().all(|b| b.is_ascii_uppercase() || b == b' ');
    if is_tag && open > 0 {
        t[..open].trim_end()
    } else {
        t
    }
}

/// Banners and widgets a page prints as a line of their own, read whole and
/// case-blind: they look like short titles but never name a story.
const PAGE_LABELS: [&str; 10] = [
    "breaking news",
    "breaking news emails",
    "all news",
    "more news",
    "latest news",
    "accessibility links",
    "skip to content",
    "top stories",
    "most popular",
    "trending now",
];

/// Whether a short line is a page label rather than a story's title: a banner
/// (`BREAKING NEWS`), a search box (`SEARCH example.com`), a comment count
/// (`New, 6 comments`).
pub(crate) fn is_page_label(text: &str) -> bool {
    let t = text.trim();
    if t.len() > 40 {
        return false;
    }
    // Compared in any case in place, not lower-cased into a buffer first:
    // this runs on every headline candidate.
    if PAGE_LABELS.iter().any(|l| t.eq_ignore_ascii_case(l)) {
        return true;
    }
    let opens = |head: &str| crate::ascii::opens_case_blind(t.as_bytes(), head);
    // A search box with its placeholder: `Search`, `SEARCH example.com`.
    if (t.eq_ignore_ascii_case("search") || opens("search ")) && count_words(t, 4) <= 3 {
        return true;
    }
    let count = if opens("new,") { &t[4..] } else { t }.trim_start();
    let digits = count.bytes().take_while(u8::is_ascii_digit).count();
    let word = count[digits..].trim();
    digits > 0 && (word.eq_ignore_ascii_case("comment") || word.eq_ignore_ascii_case("comments"))
}

/// A title without the comment count a page glued to its end:
/// `A $50,000 Bribe: Is Today The Day? 153 Comments` gives the title.
pub(crate) fn without_comment_count(text: &str) -> &str {
    let Some(head) = text
        .strip_suffix(" Comments")
        .or_else(|| text.strip_suffix(" Comment"))
    else {
        return text;
    };
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let title = head[..head.len() - digits].trim_end_matches([' ', '•', '·', '|']);
    if digits == 0 || !head[..head.len() - digits].ends_with(' ') || count_words(title, 3) < 3 {
        return text;
    }
    title
}

/// Wordings of a site's cookie consent notice.
const COOKIE_NOTICE: [&str; 5] = [
    "we use cookies",
    "uses cookies",
    "use of cookies",
    "cookie policy",
    "accept cookies",
];

/// Whether a paragraph is a cookie consent notice (`Our website uses cookies to
/// improve ...`): page furniture that reads as prose.
pub(crate) fn is_cookie_notice(text: &str) -> bool {
    let head = &text[..crate::dateline::floor_boundary(text, 200)];
    // Found from its rare `k` before any lower-casing.
    if !crate::ascii::contains_case_blind(head, "cookie", 3) {
        return false;
    }
    let mut buf = [0u8; 200];
    let lower = crate::ascii::lower(head, &mut buf);
    COOKIE_NOTICE.iter().any(|c| lower.contains(c))
}

/// A run of spaces wider than running text ever holds: a gap between columns
/// of a page rendered to text.
const COLUMN_GAP: &str = "          ";

/// A line's first column: pages rendered to text set side boxes on the same
/// line after a wide gap of spaces (`November 20, 2019 - 11:28 AMT <40 spaces>
/// Overview: World`).
pub(crate) fn first_column(text: &str) -> &str {
    // Headlines and dates are short: the gap is only looked for near the start.
    let head = &text.as_bytes()[..crate::dateline::floor_boundary(text, 300)];
    match column_gap(head) {
        Some(at) if at > 0 => text[..at].trim_end(),
        _ => text,
    }
}

/// Where the first run of [`COLUMN_GAP`] spaces starts: any such run covers
/// one of every `COLUMN_GAP.len()` bytes, so only those bytes are looked at
/// until one is a space (a search from each space would stop at every word).
fn column_gap(head: &[u8]) -> Option<usize> {
    let gap = COLUMN_GAP.len();
    let mut probe = gap - 1;
    while probe < head.len() {
        if head[probe] == b' ' {
            let start = head[..probe]
                .iter()
                .rposition(|&b| b != b' ')
                .map_or(0, |p| p + 1);
            let end = head[probe..]
                .iter()
                .position(|&b| b != b' ')
                .map_or(head.len(), |p| probe + p);
            if end - start >= gap {
                return Some(start);
            }
            // The next run starts after this one ends.
            probe = end + gap;
        } else {
            probe += gap;
        }
    }
    None
}

/// Fewest words of a block that is unmistakably story prose (long prose).
const LONG_PROSE: usize = 20;

/// Most words of a title.
pub(crate) const TITLE_WORDS: usize = 30;

/// Whether a block could be a headline.
pub(crate) fn is_title_like(text: &str) -> bool {
    is_title_like_counted(text, || count_words(text, TITLE_WORDS + 1))
}

/// [`is_title_like`], `words` counting the text's words up to one more than
/// [`TITLE_WORDS`] at least.
pub(crate) fn is_title_like_counted(text: &str, words: impl FnOnce() -> usize) -> bool {
    text.len() <= 250 && (1..=TITLE_WORDS).contains(&words()) && !crate::ascii::has_line_break(text)
}

#[cfg(test)]
mod tests {

    #[test]
    fn calls_to_action_open_with_an_imperative() {
        assert!(is_promotion(
            "Subscribe to 9to5Mac on YouTube for more Apple news:"
        ));
        assert!(is_promotion(
            "* Get the latest updates from the 2024 campaign trail."
        ));
        assert!(!is_promotion("Getting there took the crew three days."));
        assert!(!is_promotion(
            "The senator said she would follow the vote closely."
        ));
    }
    use super::*;

    /// `is_page_label` as it read a label lower-cased into a buffer.
    fn is_page_label_lowered(text: &str) -> bool {
        let t = text.trim();
        if t.len() > 40 {
            return false;
        }
        let lower = t.to_ascii_lowercase();
        let lower = lower.as_str();
        if PAGE_LABELS.contains(&lower) {
            return true;
        }
        if (lower == "search" || lower.starts_with("search ")) && count_words(t, 4) <= 3 {
            return true;
        }
        let count = lower.strip_prefix("new,").unwrap_or(lower).trim_start();
        let digits = count.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(count[digits..].trim(), "comment" | "comments")
    }

    #[test]
    fn page_labels_are_told_in_place_as_lowered() {
        let pieces = [
            "",
            " ",
            "New,",
            "nEW, ",
            "12",
            " Comments",
            "comment",
            "SEARCH",
            "search ",
            "x.com",
            "é",
            "Breaking News",
            "TOP stories",
            "\t",
            "É",
        ];
        for text in crate::ascii::texts_of_three(&pieces) {
            assert_eq!(
                is_page_label(&text),
                is_page_label_lowered(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn end_markers_are_lower_case_and_short() {
        for m in END_MARKERS {
            assert!(
                m.len() <= 40 && !m.bytes().any(|b| b.is_ascii_uppercase()),
                "{m}"
            );
        }
        // One bit each in END_MARKERS_BY_FIRST.
        assert!(END_MARKERS.len() <= 32);
    }

    #[test]
    fn link_titles_lose_markers_numbers_and_times() {
        assert_eq!(
            link_title("* 14:48 Iran Interested in S-400s"),
            "Iran Interested in S-400s"
        );
        assert_eq!(link_title("3. Storm hits coast"), "Storm hits coast");
        assert_eq!(link_title("+ 2020 Sentra launched"), "2020 Sentra launched");
        assert_eq!(link_title("10:30am update"), "10:30am update");
        assert_eq!(link_title("Storm hits coast [VIDEO]"), "Storm hits coast");
        assert_eq!(
            link_title("Storm hits coast [INSIGHT]|"),
            "Storm hits coast"
        );
        assert_eq!(link_title("Storm hits [part 2]"), "Storm hits [part 2]");
    }

    #[test]
    fn prose_titles_and_notes() {
        assert!(is_prose(
            "The council voted on Monday to close the old bridge for repairs."
        ));
        assert!(!is_prose("Council closes bridge"));
        // A long title-case headline ending in a question is a title, not prose.
        assert!(!is_prose(
            "Scouting Report: Will The Rookie Be The Next Big Star Of The League?"
        ));
        assert!(is_prose(
            "Will the rookie be the next big star of the league, the coach asked?"
        ));
        assert!(is_title_like("Council closes bridge"));
        assert!(is_author_note(
            "Jane Roe is a reporter for the Daily Planet."
        ));
        assert!(is_author_note("Send news tips to tips@example.com."));
        assert!(is_author_note(
            "Ask Amy is written by Amy Roe and edited by Bo Chan."
        ));
        let long = format!(
            "{} Send pictures to ops@example.org.",
            "Masters are to report any incident at once to the centre. ".repeat(8)
        );
        assert!(!is_author_note(&long));
        assert!(!is_author_note("Jane Roe said the bridge would close."));
        assert!(closes_sentence("He said: \"We will.\""));
        assert!(!closes_sentence("Mother ‘gave up on the list’"));
        assert!(!closes_sentence("Band plays two shows (dates and stream)"));
        assert!(!closes_sentence(
            "Economy might not be as hot as it looks — and..."
        ));
        assert!(is_headline_case(
            "How Far Do You Go to Protect Your Privacy on Facebook?"
        ));
        assert!(!is_headline_case(
            "How far would you go to protect your privacy on Facebook?"
        ));
        assert!(opens_tail("Leave a Comment"));
        assert!(opens_tail("34 Responses to “Storm closes bridge”"));
        assert!(!opens_tail("34 responses to the survey came in."));
        assert!(is_page_label("BREAKING NEWS"));
        assert_eq!(
            without_comment_count("Is Today The Day You Finally Start? 153 Comments"),
            "Is Today The Day You Finally Start?"
        );
        assert_eq!(
            without_comment_count("Readers Share 5 Comments"),
            "Readers Share 5 Comments"
        );
        assert_eq!(without_comment_count("Top 10 Comments"), "Top 10 Comments");
        assert_eq!(
            first_column("March 4, 2021            Weather: Sunny"),
            "March 4, 2021"
        );
        assert_eq!(first_column("Jan  1987   12   14"), "Jan  1987   12   14");
        assert!(is_cookie_notice(
            "Our site uses cookies to improve your experience. By continuing you agree."
        ));
        assert!(!is_cookie_notice("She baked pumpkin cookies for the fair."));
        assert!(is_page_label("New, 12 comments"));
        assert!(is_page_label("SEARCH example.com"));
        assert!(!is_page_label("Search for survivors ends after storm"));
        assert!(!is_page_label("Breaking news rules for reporters"));
        assert!(!opens_tail("Leaving home was hard."));
    }

    #[test]
    fn ends_sentence_reads_the_last_char_past_white_space() {
        let pieces = [
            "", "a", ".", "!", "?", "\"", "”", "’", ")", ":", "…", " ", "\t", "\u{a0}", "\u{2003}",
            "é", "x.", ";", "~",
        ];
        for t in crate::ascii::texts_of_three(&pieces) {
            let closing = t
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '’', ')', ':', '…']);
            assert_eq!(ends_sentence(&t), closing, "{t:?}");
        }
    }
}
