//! The header: the roles of the blocks above the body (headline, dek,
//! byline, published time, kickers and furniture) and the fields they give.

use super::*;

/// The byline of an outlet credited alone: `Press Trust of India`; a wire
/// service with its place (`Reuters, Washington,`) credits the service.
pub(super) fn outlet_byline(text: &str) -> Byline<'_> {
    // `Tom Davies Associated Press`: a name before the outlet.
    if let Some((name, org)) = crate::byline::name_then_org(text) {
        return Byline {
            text,
            authors: vec![crate::Author { name }],
            affiliation: Some(org),
        };
    }
    let outlet = match text.split_once(',') {
        Some((service, _)) if Agency::known(service).is_some() => service,
        _ => text.trim_end_matches([',', ' ']),
    };
    Byline {
        text,
        authors: Vec::new(),
        affiliation: Some(outlet),
    }
}

/// A block's byline, moved out rather than cloned: each block is read once.
pub(super) fn take_byline<'a>(b: &mut BylineLine<'a>) -> Byline<'a> {
    let authors = std::mem::take(&mut b.byline.authors);
    Byline {
        authors,
        ..b.byline.clone()
    }
}

pub(super) fn read_header<'a>(
    text: &'a str,
    bs: &[Block<'a>],
    kinds: &mut [Kind<'a>],
    frame: &Frame<'a>,
    facts: &Facts<'_, 'a>,
    roles: &mut [Assigned],
    article: &mut Article<'a>,
) {
    // The date closing the headline's line is read once: it is cut from the
    // headline, and it may be the published time.
    let headline = frame.headline.map(|h| {
        let line = bs[h].text;
        let column = first_column(line);
        let title = without_comment_count(column);
        // A title as long as its column is that column, whose timestamp was
        // looked for when it was read as a headline.
        let date = if title.len() == column.len() {
            closing_date_found(title, || facts.column_timestamp(h))
        } else {
            closing_date(title)
        };
        (line, title, date)
    });
    article.headline = headline.map(|(_, title, date)| date.map_or(title, |(head, _)| head));
    article.byline = frame.byline.clone();
    let published = header_published(bs, kinds, frame, || {
        let (line, title, date) = headline?;
        // The title is a head of its line: as long, it is the line.
        let date = if title.len() == line.len() {
            date
        } else {
            closing_date(line)
        };
        date.map(|(_, ts)| ts)
    });
    article.published = published.map(|(at, ts)| with_time_below(text, bs, kinds, at, ts));
    // The clock time joined to the date from the line under it is part of the
    // timestamp, not furniture.
    let time_below = published
        .filter(|&(at, ts)| {
            article.published.is_some_and(|p| p.len() > ts.len()) && at + 1 < bs.len()
        })
        .map(|(at, _)| at + 1);
    let mut names_line = None;
    let header_has_byline = (0..frame.body_start).any(|i| matches!(kinds[i], Kind::Byline(_)));
    let byline_below = frame
        .headline
        .is_some_and(|h| (h + 1..frame.body_start).any(|i| matches!(kinds[i], Kind::Byline(_))));
    // A link list (`Most Popular`) may stand in the header, above the story.
    let mut in_link_list = false;
    for i in 0..frame.body_start {
        let text = bs[i].text;
        let mut decide = |role, why| roles[i].decide(role, why);
        if Some(i) == frame.headline {
            decide(Role::Headline, "frame.headline");
            continue;
        }
        if Some(text) == article.headline {
            decide(Role::Repeat, "header.headline_repeated");
            continue;
        }
        if Some(i) == names_line {
            decide(Role::Byline, "header.byline_names_under_label");
            continue;
        }
        // The line showing the published time is header, whatever else it
        // reads as: not a link, a dek or furniture.
        let shows_published = published.is_some_and(|(at, _)| at == i) || time_below == Some(i);
        if in_link_list && matches!(kinds[i], Kind::Text) && is_list_entry(text) {
            if shows_published {
                decide(Role::Published, "header.published");
            } else {
                decide(push_list_entry(text, article), "header.link_list_entry");
            }
            continue;
        }
        // Buttons and counters between the entries leave the list open.
        in_link_list = matches!(kinds[i], Kind::ListHeading)
            || in_link_list && matches!(kinds[i], Kind::Furniture | Kind::Rule);
        if article.byline.is_none() {
            // The names under a `By` label, unless that line is the headline.
            if let Some(b) = split_byline(bs, i).filter(|_| frame.headline != Some(i + 1)) {
                article.byline = Some(b.byline);
                names_line = Some(i + 1);
                decide(Role::Byline, "header.byline_label");
                continue;
            }
        }
        let before_headline = frame.headline.is_some_and(|h| i < h);
        let under_byline = i > 0 && matches!(kinds[i - 1], Kind::Byline(_));
        // Where a page credits an outlet instead of a byline: under the headline,
        // or over the published time (`Reuters, Washington,` then the date).
        let credit_place = frame.headline.is_some_and(|h| h + 1 == i)
            || published.is_some_and(|(at, _)| at == i + 1);
        match &mut kinds[i] {
            // Of several, the byline nearest the body: one above the headline
            // belongs to a menu or a teaser when another is under it.
            Kind::Byline(b) if article.byline.is_none() && (!before_headline || !byline_below) => {
                article.byline = Some(take_byline(b));
                decide(Role::Byline, "header.byline");
            }
            // The byline printed again (`by Regan September 15, 2014` then
            // `written by Regan`) is a repeat, as a repeated headline is: neither
            // story nor furniture.
            Kind::Byline(b)
                if article
                    .byline
                    .as_ref()
                    .is_some_and(|a| same_authors(a, &b.byline)) =>
            {
                decide(Role::Byline, "header.byline_repeated");
            }
            // So is the organisation of an organisation's byline printed again
            // (`By Staff Reports -`, then `Staff Reports`).
            Kind::Text
                if article.byline.as_ref().is_some_and(|b| {
                    b.authors.is_empty() && b.affiliation == Some(text.trim())
                }) =>
            {
                decide(Role::Byline, "header.byline_outlet_repeated");
            }
            // The line showing the published time is header, whatever else it reads as.
            Kind::Published(_) | Kind::Nav | Kind::Furniture
                if published.is_some_and(|(at, _)| at == i) =>
            {
                decide(Role::Published, "header.published");
            }
            Kind::Published(_) if time_below == Some(i) => {
                decide(Role::Published, "header.published_time_below");
            }
            Kind::Text if published.is_some_and(|(at, _)| at == i) && is_dated_line(text) => {
                decide(Role::Published, "header.published");
            }
            Kind::Caption(c) => {
                article.captions.push(*c);
                decide(Role::Caption, "kind.caption");
            }
            Kind::Related(t) => {
                article.related.push(t);
                decide(Role::Related, "kind.related");
            }
            // `Associated Press` under `By Greg Holt` completes the byline.
            Kind::SignOff(_) if under_byline => {
                if let Some(b) = article.byline.as_mut().filter(|b| b.affiliation.is_none()) {
                    b.affiliation = Some(text);
                }
                decide(Role::Byline, "header.agency_under_byline");
            }
            // A wire service named alone under the headline of a story without
            // a byline (`Press Trust of India`) credits the story to it.
            Kind::SignOff(_)
                if credit_place
                    && !header_has_byline
                    && !is_prose(text)
                    && text.starts_with(|c: char| c.is_alphabetic()) =>
            {
                article.byline = Some(outlet_byline(text));
                decide(Role::Byline, "header.agency_credited");
            }
            Kind::Credit(..) => decide(Role::Other, "header.credit_above_story"),
            Kind::SignOff(_) => decide(Role::Other, "header.agency_named"),
            Kind::Rule => decide(Role::Other, "kind.rule"),
            Kind::Text if before_headline && shows_published => {
                decide(Role::Published, "header.published");
            }
            Kind::Text if before_headline => {
                article.boilerplate.push(text);
                decide(Role::Boilerplate, "header.above_headline");
            }
            Kind::Text => {
                if let Some(b) = article.byline.as_mut() {
                    if b.affiliation.is_none()
                        && is_affiliation_line(text)
                        && i > 0
                        && matches!(kinds[i - 1], Kind::Byline(_))
                    {
                        b.affiliation = Some(text);
                        decide(Role::Byline, "header.affiliation_under_byline");
                        continue;
                    }
                }
                if article.byline.is_none() {
                    if let Some(b) = parse_bare_byline(text) {
                        article.byline = Some(b.byline);
                        decide(Role::Byline, "header.bare_byline");
                        continue;
                    }
                }
                // An outlet credited on the line under the headline (`CNN-IBN`).
                if credit_place
                    && !header_has_byline
                    && !is_prose(text)
                    && is_affiliation_line(text)
                    && !is_page_label(text)
                    && article.byline.is_none()
                {
                    article.byline = Some(outlet_byline(text));
                    decide(Role::Byline, "header.outlet_under_headline");
                    continue;
                }
                // Prose between headline and body is a dek: neither story nor furniture.
                // Short lines there are page furniture.
                if shows_published {
                    decide(Role::Published, "header.published");
                } else if is_prose(text) || is_title_like_sentence(text) {
                    decide(Role::Dek, "header.dek");
                } else if find_timestamp(text).is_some() {
                    decide(Role::Other, "header.dated_line");
                } else {
                    article.boilerplate.push(text);
                    decide(Role::Boilerplate, "header.short_line");
                }
            }
            _ if shows_published => decide(Role::Published, "header.published"),
            kind => {
                article.boilerplate.push(text);
                let why = match kind {
                    Kind::Furniture => "header.furniture",
                    Kind::Nav => "header.nav",
                    Kind::ListHeading => "header.list_heading",
                    Kind::Published(_) => "header.other_date",
                    _ => "header.other_byline",
                };
                decide(Role::Boilerplate, why);
            }
        }
    }
    // A timestamp set out over several lines (a date widget, a clock time
    // under the date) makes each of its lines the published time's.
    if let Some(p) = article.published {
        let span = offset_in(text, p);
        for (b, role) in bs.iter().zip(roles.iter_mut()) {
            let at = offset_in(text, b.text);
            let overlaps = at.start < span.end && span.start < at.end;
            if overlaps && !matches!(role.role, Role::Headline | Role::Byline | Role::Published) {
                role.decide(Role::Published, "header.published_over_lines");
            }
        }
    }
}

/// Where `part`, a slice of `text`, lies in it.
pub(super) fn offset_in(text: &str, part: &str) -> std::ops::Range<usize> {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    start..start + part.len()
}

/// Whether two bylines credit the same people, in the same order.
pub(super) fn same_authors(a: &Byline<'_>, b: &Byline<'_>) -> bool {
    !a.authors.is_empty()
        && a.authors.len() == b.authors.len()
        && a.authors
            .iter()
            .zip(&b.authors)
            .all(|(x, y)| x.name == y.name)
}

/// A date printed with its clock time on the next line (`November 6, 2012 |`
/// then `12:37 pm |`): one timestamp, the slice of the input across both lines.
pub(super) fn with_time_below<'a>(
    text: &'a str,
    bs: &[Block<'a>],
    kinds: &[Kind<'a>],
    at: usize,
    ts: &'a str,
) -> &'a str {
    let time = match (kinds.get(at + 1), bs.get(at + 1)) {
        (Some(Kind::Published(time)), Some(next)) if !next.after_blank => *time,
        _ => return ts,
    };
    let clock_only = !time.contains(|c: char| c.is_alphabetic() && !"apmAPM.".contains(c));
    if ts.contains(':') || !time.contains(':') || !clock_only {
        return ts;
    }
    let offset = |s: &str| s.as_ptr() as usize - text.as_ptr() as usize;
    let end = offset(time) + time.trim_end_matches([' ', '|', ',']).len();
    text.get(offset(ts)..end).unwrap_or(ts)
}

/// The publication time shown around the headline, and the block showing it:
/// the first one below the headline, else the nearest one above it.
/// `headline_date` gives the [`closing_date`] of the headline's line.
pub(super) fn header_published<'a>(
    bs: &[Block<'a>],
    kinds: &[Kind<'a>],
    frame: &Frame<'a>,
    headline_date: impl FnOnce() -> Option<&'a str>,
) -> Option<(usize, &'a str)> {
    let shown = |i: usize| -> Option<(usize, &'a str)> {
        let ts = match &kinds[i] {
            Kind::Published(ts) => Some(*ts),
            Kind::Byline(b) => b.published,
            Kind::Text | Kind::Furniture | Kind::Nav if !is_prose(first_column(bs[i].text)) => {
                let text = first_column(bs[i].text);
                // Every timestamp, a byline's too, holds a digit: a line
                // without one is not read as a byline to find none.
                crate::ascii::has_digit(text)
                    .then(|| parse_bare_byline(text).and_then(|b| b.published))
                    .flatten()
                    .or_else(|| find_timestamp(text))
            }
            _ => None,
        };
        ts.map(|ts| (i, ts))
    };
    let below = frame.headline.map_or(0, |h| h + 1);
    (below..frame.body_start)
        .find_map(shown)
        .or_else(|| (0..below.saturating_sub(1)).rev().find_map(shown))
        .or_else(|| {
            let h = frame.headline?;
            labelled_timestamp_at_end(bs[h].text)
                .or_else(headline_date)
                .map(|ts| (h, ts))
        })
}

/// A date printed on the title's line after the title's closing stop:
/// `Gone Snowboarding. Goodbye for now. 9 December, 2011` gives the title and
/// the date. A date inside a title (`Stuff Said On Scalability For October 19,
/// 2012`) follows no stop and stays in it.
pub(super) fn closing_date(text: &str) -> Option<(&str, &str)> {
    closing_date_found(text, || find_timestamp(text))
}

/// [`closing_date`], `found` giving the text's [`find_timestamp`], asked only
/// when the text holds a stop.
pub(super) fn closing_date_found<'t>(
    text: &'t str,
    found: impl FnOnce() -> Option<&'t str>,
) -> Option<(&'t str, &'t str)> {
    // A stop closes the title before the date: a line without one is searched no further.
    let stop = memchr::memchr3(b'.', b'!', b'?', text.as_bytes()).is_some() || text.contains('…');
    if !stop {
        return None;
    }
    let (before, ts) = closing_at_end(text, found()?)?;
    let head = before.trim_end();
    let closed = head.ends_with(['.', '!', '?', '…']) && count_words(head, 3) >= 3;
    closed.then_some((head, ts))
}

/// The text before the first timestamp of a line, and the timestamp, when it
/// closes the line.
pub(super) fn closing_timestamp(text: &str) -> Option<(&str, &str)> {
    closing_at_end(text, find_timestamp(text)?)
}

/// The text before `ts`, a timestamp found in `text`, and `ts`, when it closes the text.
pub(super) fn closing_at_end<'t>(text: &'t str, ts: &'t str) -> Option<(&'t str, &'t str)> {
    let at = ts.as_ptr() as usize - text.as_ptr() as usize;
    (at + ts.len() == text.len()).then(|| (&text[..at], ts))
}
