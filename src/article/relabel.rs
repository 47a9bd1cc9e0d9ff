//! Relabel passes: kinds revised by their neighbours before the frame is
//! found (caption lines over a credit, tags under a label, bulleted bylines,
//! date widgets, teasers over a More button). `read_into` runs them in order.

use super::*;

/// Longest text a credit-only line holds besides its credit (`Photo: `, `Image credit: `).
pub(super) const CREDIT_LABEL: usize = 16;

/// Galleries print a caption's lines and then its credit alone on the next line
/// (`Photo: John Locher, AP`): the lines run straight into such a credit (no blank
/// line between, at most three of them) are captions too. So is a line repeated
/// at the start of the credited caption below it.
pub(super) fn caption_lines_above_credits<'a>(bs: &[Block<'a>], kinds: &mut [Kind<'a>]) {
    for i in 1..bs.len() {
        // An image's text set twice, the second time with its credit:
        // `Protesters march` over `Protesters march YouTube Screenshot`.
        let above = bs[i - 1].text;
        if matches!(kinds[i], Kind::Caption(_))
            && matches!(kinds[i - 1], Kind::Text)
            && above.len() >= 20
            && bs[i].text.len() > above.len()
            && bs[i].text.starts_with(above)
        {
            kinds[i - 1] = Kind::Caption(Caption {
                text: above,
                credit: None,
            });
        }
        let credit_only = matches!(&kinds[i], Kind::Caption(c)
            if c.credit.is_some_and(|cr| bs[i].text.len() - cr.len() <= CREDIT_LABEL));
        if !credit_only {
            continue;
        }
        let mut j = i;
        while j > 0 && i - j < 3 && !bs[j].after_blank && matches!(kinds[j - 1], Kind::Text) {
            j -= 1;
            kinds[j] = Kind::Caption(Caption {
                text: bs[j].text,
                credit: None,
            });
        }
    }
}

/// Where the header ends at the latest: at the first long paragraph, which is
/// story. Meta widgets (bylines in lists, dates on three lines) are read above it.
pub(super) fn header_end(facts: &Facts<'_, '_>) -> usize {
    (0..facts.bs.len())
        .position(|i| facts.long_prose(i))
        .unwrap_or(facts.bs.len())
}

/// A bare `Tags` or `Topics` label heads the tag links printed on the line
/// under it (`Tags` then `WeWork`): a short line that closes no sentence there is
/// furniture with its label.
pub(super) fn tags_under_labels<'a>(bs: &[Block<'a>], kinds: &mut [Kind<'a>]) {
    for i in 1..bs.len() {
        let tags = bs[i].text;
        // The line under the label is tested first: it is cheaper to rule out.
        if !matches!(kinds[i], Kind::Text) || tags.len() > 60 {
            continue;
        }
        let label = bs[i - 1].text.trim().trim_end_matches(':');
        let bare_label = ["Tags", "TAGS", "Topics", "TOPICS"].contains(&label);
        if bare_label && !crate::shape::ends_sentence(tags) {
            kinds[i] = Kind::Furniture;
        }
    }
}

/// Article meta printed as a list above the story: `* Debbie White` and then
/// `* 18 Nov 2019, 19:09`. A bulleted name with a bulleted timestamp right
/// under it is the byline (a name alone in a list is a menu or a teaser).
pub(super) fn bulleted_bylines<'a>(bs: &[Block<'a>], kinds: &mut [Kind<'a>], header_end: usize) {
    for i in 0..header_end.min(bs.len().saturating_sub(1)) {
        let (line, next) = (bs[i].text, bs[i + 1].text);
        if !line.starts_with("* ") || !next.starts_with("* ") {
            continue;
        }
        if !matches!(kinds[i], Kind::Text | Kind::Nav) || find_timestamp(next).is_none() {
            continue;
        }
        if let Some(b) = parse_bare_byline(line).filter(|b| b.published.is_none()) {
            kinds[i] = Kind::Byline(b);
            return;
        }
    }
}

/// A date printed as a widget, its day, month and year on lines of their own
/// (`24` / `July` / `2012`): one timestamp, the input's slice across the three
/// lines; the month and year lines are layout. Only read above the story.
pub(super) fn date_widgets<'a>(
    text: &'a str,
    bs: &[Block<'a>],
    kinds: &mut [Kind<'a>],
    header_end: usize,
) {
    let is_number = |s: &str, digits: std::ops::RangeInclusive<usize>| {
        digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    for i in 0..header_end.min(bs.len().saturating_sub(2)) {
        let [day, month, year] = [&bs[i], &bs[i + 1], &bs[i + 2]];
        let widget = is_number(day.text, 1..=2)
            && crate::published::month_number(month.text.trim_end_matches('.')).is_some()
            && is_number(year.text, 4..=4)
            && !month.after_blank
            && !year.after_blank;
        if widget {
            let offset = |s: &str| s.as_ptr() as usize - text.as_ptr() as usize;
            let span = &text[offset(day.text)..offset(year.text) + year.text.len()];
            kinds[i] = Kind::Published(span);
            kinds[i + 1] = Kind::Rule;
            kinds[i + 2] = Kind::Rule;
            return;
        }
    }
}

/// Most words of a teaser's blurb; a story paragraph runs longer.
pub(super) const BLURB_WORDS: usize = 30;

/// A teaser set in the story closes with a `Read more` / `MORE` button: over the
/// button, the nearest title of the three blocks above links to another story
/// and the short blurb lines between title and button are furniture.
pub(super) fn teasers_above_more_buttons<'a>(
    bs: &[Block<'a>],
    kinds: &mut [Kind<'a>],
    body_start: usize,
) {
    for i in body_start + 1..bs.len() {
        if !matches!(kinds[i], Kind::Furniture | Kind::ListHeading) {
            continue;
        }
        let button = bs[i].text.trim_end_matches(['»', '›', '.', ' ']);
        if !(button.eq_ignore_ascii_case("read more") || button.eq_ignore_ascii_case("more")) {
            continue;
        }
        let window = i.saturating_sub(3).max(body_start + 1)..i;
        let Some(title) = window.clone().find(|&j| {
            matches!(kinds[j], Kind::Text)
                && is_title_like(bs[j].text)
                && !is_prose(bs[j].text)
                && count_words(bs[j].text, 3) >= 3
        }) else {
            continue;
        };
        kinds[title] = Kind::Related(link_title(bs[title].text));
        // The button closes the teaser: no list of links opens under it.
        kinds[i] = Kind::Furniture;
        for j in title + 1..i {
            if matches!(kinds[j], Kind::Text) && count_words(bs[j].text, BLURB_WORDS) < BLURB_WORDS
            {
                kinds[j] = Kind::Furniture;
            }
        }
    }
}
