//! The frame: where the headline stands and where the body starts (a
//! dateline, or the first prose after the header, past a dek and the page's
//! meta), and the shapes of a headline.

use super::*;

/// Whether a text block may open the story: bulleted lines near the top are
/// teasers and captions, a line closed by a labelled timestamp is the header,
/// a cookie notice is furniture.
pub(super) fn opens_story(text: &str) -> bool {
    !text.starts_with("* ") && labelled_timestamp_at_end(text).is_none() && !is_cookie_notice(text)
}

pub(super) fn find_frame<'a>(
    bs: &[Block<'a>],
    kinds: &[Kind<'a>],
    facts: &Facts<'_, 'a>,
) -> Frame<'a> {
    let is_text = |i: usize| matches!(kinds[i], Kind::Text) && facts.opens_story(i);
    // The shape of a block is tested before `is_text`, which looks for a timestamp.
    let first_prose = (0..bs.len())
        .find(|&i| (facts.prose(i) && i + 1 < bs.len() || facts.long_prose(i)) && is_text(i));

    // A dateline opens the body wherever it comes before the first prose, and
    // may only open a paragraph up to the third long one.
    let mut long_above = 0;
    for i in 0..bs.len() {
        if long_above == 3 {
            break;
        }
        long_above += usize::from(facts.long_prose(i) && is_text(i));
        if !matches!(kinds[i], Kind::Text | Kind::Published(_) | Kind::Byline(_)) {
            continue;
        }
        // A line opening with its byline (`Posted By Stephen M. Walt Thursday,
        // August 9, 2012 - ...`) opens with names, not a place.
        let opens_with_byline =
            matches!(&kinds[i], Kind::Byline(b) if bs[i].text.starts_with(b.byline.text));
        if let Some(found) = parse_dateline(bs[i].text).filter(|_| !opens_with_byline) {
            if i == 0 || i + 1 < bs.len() || !found.1.is_empty() {
                let headline = headline_before(bs, kinds, facts, i);
                return Frame {
                    headline,
                    body_start: i,
                    dateline: Some(found),
                    byline: None,
                };
            }
        }
        if let Some((byline, found)) = byline_then_dateline(bs[i].text) {
            return Frame {
                headline: headline_before(bs, kinds, facts, i),
                body_start: i,
                dateline: Some(found),
                byline: Some(byline),
            };
        }
    }
    let Some(mut start) = first_prose else {
        // No prose: a title and short lines. The title is the headline, the rest body.
        let headline = headline_before(bs, kinds, facts, bs.len());
        let body_start = headline.map_or(0, |h| h + 1);
        return Frame {
            headline,
            body_start,
            dateline: None,
            byline: None,
        };
    };
    // A dek (standfirst) under the headline reads as prose; a byline below it
    // shows the body only starts after the byline.
    let byline_after = (start + 1..bs.len().min(start + 8))
        .find(|&j| matches!(kinds[j], Kind::Byline(_)) || split_byline(bs, j).is_some());
    if let Some(j) = byline_after {
        if let Some(next) = (j + 1..bs.len()).find(|&k| facts.prose(k) && is_text(k)) {
            let between_is_header = (start + 1..j).all(|k| !facts.prose(k) || !is_text(k));
            if between_is_header {
                start = next;
            }
        }
    }
    // A dek set over the page's meta (the time, a name, a share bar): the
    // story opens under the meta.
    if let Some(next) = story_under_meta(bs, kinds, facts, start, &is_text) {
        start = next;
    }
    // A labelled summary (`Summary: ...`, `TL;DR: ...`) over the story is a dek:
    // the story opens with the next paragraph.
    if is_summary(bs[start].text) {
        if let Some(next) = (start + 1..bs.len()).find(|&k| facts.prose(k) && is_text(k)) {
            start = next;
        }
    }
    // A letter's salutation (`Dear Diary,`) right above the first paragraph opens it.
    if start > 0 && is_text(start - 1) && is_salutation(bs[start - 1].text) {
        start -= 1;
    }
    let headline = headline_before(bs, kinds, facts, start);
    Frame {
        headline,
        body_start: start,
        dateline: None,
        byline: None,
    }
}

/// Most blocks of page meta between a dek and the story under it.
pub(super) const META_GAP: usize = 30;

/// Furniture blocks in a row that make a share bar or a menu, not an ad slot.
pub(super) const META_FURNITURE_RUN: usize = 2;

/// The story's first block when the prose at `first` is a dek: pages set the
/// standfirst under the headline, then the article's meta (a timestamp, a
/// byline, a share bar of [`META_FURNITURE_RUN`] blocks or more) and only then
/// the story. Within a story no timestamp, byline or share bar stands between
/// its first paragraphs.
pub(super) fn story_under_meta(
    bs: &[Block<'_>],
    kinds: &[Kind<'_>],
    facts: &Facts<'_, '_>,
    first: usize,
    is_text: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let next =
        (first + 1..bs.len().min(first + META_GAP + 2)).find(|&k| facts.prose(k) && is_text(k))?;
    let mut run = 0;
    let mut meta = false;
    for k in first + 1..next {
        // Bulleted items (navigation) may be a list in the story.
        let furniture = matches!(kinds[k], Kind::Furniture);
        run = if furniture { run + 1 } else { 0 };
        // A name alone is no evidence: a heading in the story reads as one.
        meta |= run >= META_FURNITURE_RUN
            || matches!(kinds[k], Kind::Published(_) | Kind::Byline(_))
            || opens_with_timestamp(bs[k].text);
    }
    meta.then_some(next)
}

/// Whether a line is a timestamp, bulleted or not, with at most a name after
/// it (`* Published 18 November 2019`, `November 20, 2019 Emiliano Bellini`);
/// a schedule in the story (`November 17th to 18th, 2012: Launch and Main
/// Event in ...`) has more.
pub(super) fn opens_with_timestamp(text: &str) -> bool {
    let text = text.trim_start_matches(['*', '+', '•', ' ']);
    if text.len() > MAX_TIMESTAMP_LINE || !crate::ascii::has_digit(text) {
        return false;
    }
    let value = crate::published::strip_label(text);
    crate::published::leading_timestamp(value).is_some_and(|ts| {
        let rest = &value[ts.len()..];
        !rest.contains(':') && count_words(rest, 4) <= 3
    })
}

/// Labels of a summary printed over a story.
pub(super) const SUMMARY_LABELS: [&str; 6] = [
    "Summary:",
    "SUMMARY:",
    "TL;DR:",
    "TL;DR ",
    "In brief:",
    "Synopsis:",
];

/// Whether a paragraph is a labelled summary of the story under it.
pub(super) fn is_summary(text: &str) -> bool {
    SUMMARY_LABELS.iter().any(|l| text.starts_with(l))
}

/// The headline among the blocks before the body: the title-like line nearest
/// above the byline when the header has one
/// (lines further up are kickers and navigation, prose between them a dek);
/// otherwise the first title-like line of four words or more, or of two.
pub(super) fn headline_before(
    bs: &[Block<'_>],
    kinds: &[Kind<'_>],
    facts: &Facts<'_, '_>,
    end: usize,
) -> Option<usize> {
    let byline = (0..end)
        .rev()
        .find(|&i| matches!(kinds[i], Kind::Byline(_)) || split_byline(bs, i).is_some());
    let candidate = |i: &usize| headline_kind(&kinds[*i]) && facts.headline_shape(*i);
    let found = match byline {
        Some(b) => (0..b)
            .rev()
            .find(|i| candidate(i) && !facts.prose(*i))
            .map(|h| top_of_header(bs, kinds, facts, h))
            .or_else(|| {
                (0..b)
                    .rev()
                    .find(|i| candidate(i) && !is_two_sentences(bs[*i].text))
            })
            // A byline opening the page (`9 August 2012 — Posted by X`) sits
            // over the title: the first title line under it.
            .or_else(|| {
                (b + 1..end)
                    .take(2)
                    .find(|i| candidate(i) && !facts.prose(*i) && facts.words(*i) >= 3)
            }),
        // Without a byline, the header's timestamp anchors it: a title of four
        // words or more in the three lines above the first timestamp (one that
        // heads no link list) is the headline; names, outlets, places and
        // sentences between them are credits, venues and deks.
        None => (0..end)
            .take_while(|&i| !matches!(kinds[i], Kind::ListHeading | Kind::Related(_)))
            .find(|&i| match &kinds[i] {
                Kind::Published(_) => true,
                // A date in the first column of a line set out in columns.
                Kind::Text => {
                    let column = first_column(bs[i].text);
                    column.len() < bs[i].text.len() && parse_published(column).is_some()
                }
                _ => false,
            })
            .and_then(|p| {
                (p.saturating_sub(3)..p).rev().find(|&i| {
                    let t = first_column(bs[i].text);
                    candidate(&i)
                        && !is_prose(t)
                        && !t.ends_with('.')
                        && count_words(t, 4) >= 4
                        && parse_bare_byline(t).is_none()
                        && !is_affiliation_line(t)
                        && !is_place_line(t)
                })
            })
            .or_else(|| {
                (0..end).filter(candidate).find(|&i| {
                    facts.words(i) >= TITLE_MIN_WORDS
                        && !facts.prose(i)
                        && !bs[i].text.ends_with('.')
                })
            })
            .or_else(|| (0..end).filter(candidate).find(|&i| facts.words(i) >= 2))
            .or_else(|| (0..end).find(candidate)),
    };
    // Found nearest the byline or timestamp, a dek stands under its headline.
    found.map(|h| {
        if is_dek_under_title(bs, kinds, facts, h) {
            h - 1
        } else {
            h
        }
    })
}

/// How far above the line nearest the byline the headline may stand.
pub(super) const HEADER_RUN: usize = 4;

/// Fewest words of a headline preferred over shorter title-shaped lines: page
/// furniture over the story (`Skip Navigation`, `Sign In`, `BBC Account`) is
/// one to three words, a news headline seldom is. A sentence (prose, or a
/// line closed by a stop) is not preferred so: a short story's first line is.
pub(super) const TITLE_MIN_WORDS: usize = 4;

/// The headline of the header run that ends at the title-like line `h` nearest
/// the byline. Headline, dek, timestamp and photo caption stand together above
/// the byline: when `h` reads as a dek or caption (a sentence), a label (no
/// lower case, or one word), a timestamp or a bare name, the topmost title of
/// four words or more in that run (three over a one-word label) is the
/// headline. The run passes over timestamps, captions and photo credits and
/// stops at navigation, furniture and bulleted lines.
pub(super) fn top_of_header(
    bs: &[Block<'_>],
    kinds: &[Kind<'_>],
    facts: &Facts<'_, '_>,
    h: usize,
) -> usize {
    let near = bs[h].text;
    // The cheapest tests first, the byline's last.
    let not_a_title = facts.words(h) < 2
        || near.ends_with('.')
        || !near.contains(char::is_lowercase)
        || is_title_like_sentence(near)
        || find_timestamp(near).is_some()
        || parse_bare_byline(near).is_some();
    if !not_a_title {
        return h;
    }
    let min_words = if facts.words(h) < 2 { 3 } else { 4 };
    let mut best = h;
    for j in (h.saturating_sub(HEADER_RUN)..h).rev() {
        let text = bs[j].text;
        let in_run = matches!(
            kinds[j],
            Kind::Text
                | Kind::Published(_)
                | Kind::Caption(_)
                | Kind::SignOff(_)
                | Kind::Credit(..)
        ) && !text.starts_with(['*', '+', '•']);
        if !in_run {
            break;
        }
        // A title of four words, or of three over a one-word label; a kicker is
        // shorter or in capitals.
        if headline_kind(&kinds[j])
            && facts.headline_shape(j)
            && !facts.prose(j)
            && facts.words(j) >= min_words
            && text.contains(char::is_lowercase)
            && find_timestamp(text).is_none()
        {
            best = j;
        }
    }
    best
}

/// Words a dek has beyond the title right above it: a standfirst runs longer
/// than its headline.
pub(super) const DEK_LONGER_BY: usize = 4;

/// Whether the title-like line `h` is a dek: right under a shorter title of
/// four words or more, no timestamp (`Web analytics are leaking into
/// meatspace` over `A Stallman-esque short story about the future of offline
/// tracking ...`).
pub(super) fn is_dek_under_title(
    bs: &[Block<'_>],
    kinds: &[Kind<'_>],
    facts: &Facts<'_, '_>,
    h: usize,
) -> bool {
    h > 0
        && matches!(kinds[h - 1], Kind::Text)
        && facts.words(h - 1) >= TITLE_MIN_WORDS
        && facts.words(h) >= facts.words(h - 1) + DEK_LONGER_BY
        && facts.headline_shape(h - 1)
        && !facts.prose(h - 1)
        && bs[h - 1].text.contains(char::is_lowercase)
        && find_timestamp(bs[h - 1].text).is_none()
}

/// Whether a block of this kind could be a headline: `Source: Dolphins, Bears
/// on Verge of Deal` reads as a credit line, but above the story it is a title.
pub(super) fn headline_kind(kind: &Kind<'_>) -> bool {
    matches!(kind, Kind::Text | Kind::Credit(..))
}

/// Whether a block's text could be a headline, of a kind that may be one;
/// `words` counts the text's words (see [`is_title_like_counted`]). When the
/// timestamp of its first column is looked for, it is put in `found`.
pub(super) fn headline_shape<'t>(
    text: &'t str,
    words: impl FnOnce() -> usize,
    found: &mut Option<Option<&'t str>>,
) -> bool {
    let column = first_column(text);
    let column_words = || match words() {
        few if column.len() == text.len() && few < COUNTED_WORDS => few,
        _ => count_words(column, TITLE_WORDS + 1),
    };
    let text = column;
    // The timestamp search costs most: it comes last.
    is_title_like_counted(text, column_words)
        && !text.ends_with(':')
        && !text.starts_with(['*', '+', '•'])
        && !is_page_label(text)
        && !is_bar_separated(text)
        && !is_timestamp_line(text, *found.insert(find_timestamp(text)))
}

/// Whether a line has three parts or more set off by ` | `: a page's title
/// (`WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale`) or a menu,
/// never a headline (nine such lines on eight sites of dev and extra are
/// furniture, none a headline).
pub(super) fn is_bar_separated(text: &str) -> bool {
    memchr::memchr(b'|', text.as_bytes()).is_some()
        && memchr::memmem::find_iter(text.as_bytes(), " | ")
            .nth(1)
            .is_some()
}

/// Whether a line is a letter's salutation: `Dear Diary,`, `Dear Mr. Lee,`.
pub(super) fn is_salutation(text: &str) -> bool {
    text.starts_with("Dear ") && text.ends_with(',') && count_words(text, 6) <= 5
}

/// Whether a line names a place and nothing else, a venue or the city of a
/// dateline: `Stade de France, Paris`.
pub(super) fn is_place_line(text: &str) -> bool {
    crate::dateline::parse_location(text).is_some_and(|l| l.region.is_some())
}

/// Whether a line holds more than one sentence written as prose (`Get alerts
/// by email. The news that matters, every morning.`): a promo or a dek. A
/// headline of two sentences is set in title case (`Stock Falls. Why You
/// Shouldn't Worry.`).
pub(super) fn is_two_sentences(text: &str) -> bool {
    text.ends_with('.')
        && is_title_like_sentence(text)
        && text
            .match_indices(". ")
            .any(|(at, _)| text[at + 2..].starts_with(char::is_uppercase))
}

/// A paragraph opening with a byline that runs into the dateline:
/// `By Ann Lee and Bo Chan BEIJING/SEOUL, Oct 9 (Reuters) - North Korea ...`.
pub(super) fn byline_then_dateline(text: &str) -> Option<(Byline<'_>, (Dateline<'_>, &str))> {
    if !text.starts_with("By ") && !text.starts_with("BY ") {
        return None;
    }
    let window = &text[..crate::dateline::floor_boundary(text, 120)];
    window.match_indices(' ').skip(2).find_map(|(at, _)| {
        let found = parse_dateline(&text[at + 1..])?;
        // The dateline's place is in capitals: that is where the names stop.
        let place = found.0.location.as_ref()?.city;
        if place.chars().any(char::is_lowercase) {
            return None;
        }
        let byline = parse_byline(&text[..at])?.byline;
        (!byline.authors.is_empty()).then_some((byline, found))
    })
}

/// A byline split over two lines, `By` alone and then the names.
pub(super) fn split_byline<'a>(bs: &[Block<'a>], i: usize) -> Option<BylineLine<'a>> {
    if !bs[i].text.eq_ignore_ascii_case("by") {
        return None;
    }
    bs.get(i + 1).and_then(|next| parse_bare_byline(next.text))
}

/// The timestamp closing a line after a label word: a headline printed with its
/// date, `Mayor quits Politics news, Updated Nov 06, 2012 at 10:16pm IST`.
/// Story sentences end with a stop, not with a labelled date.
pub(super) fn labelled_timestamp_at_end(text: &str) -> Option<&str> {
    let text = text.trim_end();
    // Most lines are too long for a timestamp line or name none of the label
    // words: they are read no further.
    if text.len() > MAX_TIMESTAMP_LINE {
        return None;
    }
    // The timestamp closes the line, and is no longer than the longest one
    // found: its digit (every timestamp holds one) is among the line's last
    // bytes, and its label word ends right above them, past the spaces and
    // colons (and an `on`) between label and timestamp. A digit is looked for
    // faster than the label words.
    let ts_from = text.len().saturating_sub(LONGEST_TIMESTAMP);
    if !crate::ascii::has_digit(&text[floor_boundary(text, ts_from)..]) {
        return None;
    }
    let gap = text.as_bytes()[..ts_from]
        .iter()
        .rev()
        .take_while(|&&b| b == b' ' || b == b':')
        .count();
    let label_from = (ts_from - gap).saturating_sub(" on".len() + LONGEST_LABEL);
    let label_window = &text[floor_boundary(text, label_from)..];
    if !crate::ascii::contains_any_case_blind(label_window, &TIMESTAMP_LABELS) {
        return None;
    }
    let (before, ts) = closing_timestamp(text)?;
    let label = before.trim_end_matches([' ', ':']);
    let label = label.strip_suffix(" on").unwrap_or(label);
    let word = label.rsplit(' ').next().unwrap_or("");
    TIMESTAMP_LABELS
        .iter()
        .any(|(l, _)| word.eq_ignore_ascii_case(l))
        .then_some(ts)
}

/// The words that label a timestamp closing a line, each with the index of the
/// `p` they all hold, for [`crate::ascii::contains_any_case_blind`].
pub(super) const TIMESTAMP_LABELS: [(&str, usize); 3] =
    [("updated", 1), ("posted", 0), ("published", 0)];

/// Bytes in the longest of [`TIMESTAMP_LABELS`].
pub(super) const LONGEST_LABEL: usize = "published".len();

/// Whether a line is mostly a timestamp (`Posted on September 28th, 2012 • 18 Comments`),
/// given its [`find_timestamp`].
pub(super) fn is_timestamp_line(text: &str, found: Option<&str>) -> bool {
    let labelled = || {
        ["posted", "published", "updated", "date"].iter().any(|l| {
            text.len() > l.len()
                && text.is_char_boundary(l.len())
                && text[..l.len()].eq_ignore_ascii_case(l)
        })
    };
    // `HyperDrive | 20 July 2012`: a section name, then the date. The bar is
    // looked for before the substring search is set up.
    let dated_section = || {
        memchr::memchr(b'|', text.as_bytes()).is_some()
            && text
                .rsplit_once(" | ")
                .is_some_and(|(_, date)| parse_published(date.trim()).is_some())
    };
    found.is_some_and(|ts| ts.len() * 2 >= text.len() || labelled())
        || is_dated_line(text)
        || dated_section()
}
