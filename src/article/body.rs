//! The body and the tail: where the story ends (end markers, calls to
//! action, the closing rule, the last sentence), link lists, subheadings,
//! credits and sign-offs, and the roles and fields of every block from the
//! body's start on.

use super::*;

/// Whether a line under a list heading reads as a link title: a title-like line
/// that is not story prose. A long headline reads as prose unless it is seen not
/// to close a sentence (`Grace Millane ‘gave man ... list of fetishes’`) or is
/// set in headline case (`How Far Do You Go to Protect Your Privacy?`).
pub(super) fn is_list_entry(text: &str) -> bool {
    is_title_like(text) && (!is_prose(text) || !closes_sentence(text) || is_headline_case(text))
}

/// A bulleted line that reads as a link title rather than a point of the story.
pub(super) fn is_bulleted_title(text: &str) -> bool {
    text.starts_with("* ")
        && is_title_like(text)
        && !ends_sentence(text)
        && count_words(text, 4) >= 4
}

/// Longest run of bulleted lines read as one list of links.
pub(super) const LINK_RUN: usize = 12;

/// Whether the bulleted line at `i` stands in a run of two to [`LINK_RUN`]
/// bulleted titles all set in headline case: links to other stories, where a
/// list in the story is written in sentences or sentence case.
pub(super) fn in_headline_run(bs: &[Block<'_>], i: usize) -> bool {
    let bulleted = |j: usize| bs[j].text.starts_with("* ");
    let first = (i.saturating_sub(LINK_RUN)..=i)
        .rev()
        .take_while(|&j| bulleted(j))
        .last()
        .unwrap_or(i);
    let end = (i..bs.len().min(first + LINK_RUN + 1))
        .find(|&j| !bulleted(j))
        .unwrap_or(bs.len());
    let run = first..end;
    (2..=LINK_RUN).contains(&run.len())
        && (first == 0 || !bulleted(first - 1))
        && (end == bs.len() || !bulleted(end))
        && run
            .into_iter()
            .all(|j| is_bulleted_title(bs[j].text) && is_headline_case(link_title(bs[j].text)))
}

/// Most words of a heading inside the story.
pub(super) const SUBHEADING_WORDS: usize = 12;

/// A heading inside the story: a short line that closes no sentence (or asks
/// a short question), not a list item, with story prose straight under it.
pub(super) fn is_subheading(bs: &[Block<'_>], kinds: &[Kind<'_>], i: usize) -> bool {
    let text = bs[i].text;
    let words = count_words(text, SUBHEADING_WORDS + 1);
    // Set in capitals or numbered (`2. Avoid skipping meals`), never run on
    // from a sentence in lower case; a table's header row is spaced out.
    let opens_heading = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘'));
    let shape = words <= SUBHEADING_WORDS
        && opens_heading
        && (!ends_sentence(text) || text.ends_with('?'))
        && !text.ends_with([',', ';'])
        && !text.contains("  ");
    shape
        && bs.get(i + 1).is_some_and(|next| {
            matches!(kinds[i + 1], Kind::Text) && is_prose(next.text) && ends_sentence(next.text)
        })
}

/// An entry of a link list: its title is a related link, but one- and two-word
/// entries are section links and a short line in capitals is a teaser's kicker
/// (`RANDY ANDY`).
pub(super) fn push_list_entry<'a>(text: &'a str, article: &mut Article<'a>) -> Role {
    let title = link_title(text);
    if count_words(title, 3) >= 3 && !is_kicker(title) {
        article.related.push(title);
        Role::Related
    } else {
        article.boilerplate.push(text);
        Role::Boilerplate
    }
}

/// A teaser's kicker: a label of four words at most in capitals.
pub(super) fn is_kicker(text: &str) -> bool {
    count_words(text, 5) <= 4
        && text.chars().any(char::is_uppercase)
        && !text.chars().any(char::is_lowercase)
}

/// Most blocks of a link list set inside a story.
pub(super) const IN_STORY_LIST: usize = 40;

/// Whether the link list (or credit line) at `heading` sits inside the story: after its
/// short entries the story's prose goes on, three paragraphs of it among the
/// next four blocks, closed by a full stop (link titles, however long, seldom end in one; an
/// author's note and a disclaimer under a closing list make two).
pub(super) fn list_inside_story(bs: &[Block<'_>], kinds: &[Kind<'_>], heading: usize) -> bool {
    if !matches!(kinds[heading], Kind::ListHeading | Kind::Credit(..)) {
        return false;
    }
    let prose = |i: usize| {
        matches!(kinds[i], Kind::Text) && is_prose(bs[i].text) && closes_sentence(bs[i].text)
    };
    // Only a list of some length sits inside a story; the bound keeps a page of
    // many headings from being searched to its end from each of them.
    let entries = heading + 1..bs.len().min(heading + 1 + IN_STORY_LIST);
    let Some(after) = entries.into_iter().find(|&i| prose(i)) else {
        return false;
    };
    // A subheading may stand among them: three of the next four blocks.
    let next = after..bs.len().min(after + 4);
    let ends = next.clone().any(|i| is_end_marker(bs[i].text, &kinds[i]));
    !ends && next.filter(|&i| prose(i)).count() >= 3
}

/// Blocks after a call to action searched for more of the story.
pub(super) const AFTER_PROMOTION: usize = 40;

/// Whether block `i` is a call to action ([`is_promotion`]) with no long
/// story paragraph after it: the page's tail opens there (a newsletter
/// pitch and its form, `Subscribe to ...` over the comments). One set
/// between paragraphs has the story go on under it.
pub(super) fn promotion_closing_story(bs: &[Block<'_>], kinds: &[Kind<'_>], i: usize) -> bool {
    matches!(kinds[i], Kind::Text)
        && is_promotion(bs[i].text)
        && !(i + 1..bs.len().min(i + 1 + AFTER_PROMOTION)).any(|j| {
            matches!(kinds[j], Kind::Text)
                && ends_sentence(bs[j].text)
                && count_words(bs[j].text, LONG_STORY_WORDS) >= LONG_STORY_WORDS
        })
}

/// AP closes a story with a rule of underscores and its end notes under it
/// (`___` then `Catch up on the campaign with our weekly podcast.`, `More AP
/// NBA: https://...`): the paragraph right under the last such rule, with a
/// sentence of story above the rule and none below the note, is the site's
/// note, not story. Gives the rule's index.
pub(super) fn closing_rule(
    bs: &[Block<'_>],
    kinds: &[Kind<'_>],
    body_start: usize,
    tail_start: usize,
) -> Option<usize> {
    let underscores = |t: &str| t.len() >= 3 && t.bytes().all(|b| b == b'_');
    let rule = (body_start + 1..tail_start.saturating_sub(1))
        .rev()
        .find(|&r| matches!(kinds[r], Kind::Rule) && underscores(bs[r].text.trim()))?;
    let story = |i: usize| matches!(kinds[i], Kind::Text) && ends_sentence(bs[i].text);
    (matches!(kinds[rule + 1], Kind::Text) && story(rule - 1) && !(rule + 2..tail_start).any(story))
        .then_some(rule)
}

/// Page furniture blocks in a row that break the story off: two, since an
/// ad slot (`Advertisement`) alone often stands between paragraphs. One would
/// cut four more promotions on dev and extra, and the closing sentences set
/// under such slots with them.
pub(super) const STORY_BREAK: usize = 2;

/// The story's last paragraph, `body_end` at the latest: the story runs on
/// past its last long paragraph only until page furniture breaks it off
/// ([`STORY_BREAK`] blocks of furniture, navigation, link-list headings or links);
/// short sentences after such a break are promotions (`Subscribe to ...`,
/// `Like Loading...`, `Enjoyed this story? Support ...`), not story.
pub(super) fn story_end_before_break(
    bs: &[Block<'_>],
    kinds: &[Kind<'_>],
    body_start: usize,
    body_end: usize,
) -> usize {
    if body_end >= bs.len() {
        return body_end;
    }
    let story = |i: usize| matches!(kinds[i], Kind::Text) && ends_sentence(bs[i].text);
    let long = |i: usize| story(i) && count_words(bs[i].text, LONG_STORY_WORDS) >= LONG_STORY_WORDS;
    let Some(last_long) = (body_start..=body_end).rev().find(|&i| long(i)) else {
        return body_end;
    };
    let mut run = 0;
    for (i, kind) in kinds
        .iter()
        .enumerate()
        .take(body_end + 1)
        .skip(last_long + 1)
    {
        let furniture = matches!(
            kind,
            Kind::Furniture | Kind::Nav | Kind::ListHeading | Kind::Related(_)
        );
        run = if furniture { run + 1 } else { 0 };
        if run == STORY_BREAK {
            // The story ends at its last sentence above the break.
            return (body_start..i)
                .rev()
                .find(|&j| story(j))
                .unwrap_or(body_end);
        }
    }
    body_end
}

/// Words of a paragraph that is surely story.
pub(super) const LONG_STORY_WORDS: usize = 20;

pub(super) fn read_body<'a>(
    bs: &[Block<'a>],
    kinds: &mut [Kind<'a>],
    frame: &Frame<'a>,
    roles: &mut [Assigned],
    article: &mut Article<'a>,
) {
    let mut in_link_list = false;
    // The block of the credit line kept so far: a later one replaces it.
    let mut credit_at = None;
    // Whether the current link list's entries carry bullets.
    let mut bulleted_list = false;
    let mut sign_off_agency = None;
    // The story ends at its last paragraph that ends a sentence and is not a note
    // about the author; short lines after it are page furniture.
    // Comment sections, link lists, tags and reprint notes close the story.
    let marked_tail = (frame.body_start + 1..bs.len())
        .find(|&i| is_end_marker(bs[i].text, &kinds[i]) && !list_inside_story(bs, kinds, i))
        .unwrap_or(bs.len());
    let closing_rule = closing_rule(bs, kinds, frame.body_start, marked_tail);
    let tail_start = (frame.body_start + 1..marked_tail)
        .find(|&i| promotion_closing_story(bs, kinds, i))
        .unwrap_or(marked_tail);
    let end_note = closing_rule.map(|r| r + 1);
    let body_end = (frame.body_start..closing_rule.unwrap_or(tail_start))
        .rev()
        .find(|&i| {
            matches!(kinds[i], Kind::Text)
                && ends_sentence(bs[i].text)
                && !is_author_note(bs[i].text)
                && !is_promotion(bs[i].text)
        })
        .unwrap_or(bs.len());
    let body_end = story_end_before_break(bs, kinds, frame.body_start, body_end);
    for i in frame.body_start..bs.len() {
        let text = bs[i].text;
        let mut decide = |role, why| roles[i].decide(role, why);
        if Some(i) == end_note {
            article.boilerplate.push(text);
            decide(Role::Boilerplate, "body.note_under_closing_rule");
            continue;
        }
        if i == frame.body_start {
            if let Some((dateline, rest)) = &frame.dateline {
                article.dateline = Some(dateline.clone());
                if rest.is_empty() {
                    decide(Role::Dateline, "frame.dateline_alone");
                } else {
                    article.paragraphs.push(rest);
                    decide(Role::Body, "frame.dateline_opens_body");
                }
                continue;
            }
        }
        // The headline repeated on the page is neither headline nor body; in a
        // link list it is a link to the story like the others.
        if Some(text) == article.headline && !in_link_list && !matches!(kinds[i], Kind::Related(_))
        {
            decide(Role::Repeat, "body.headline_repeated");
            continue;
        }
        match &mut kinds[i] {
            Kind::Related(t) => {
                article.related.push(t);
                decide(Role::Related, "kind.related");
            }
            Kind::ListHeading => {
                article.boilerplate.push(text);
                in_link_list = true;
                bulleted_list = false;
                decide(Role::Boilerplate, "body.list_heading");
            }
            Kind::Furniture => {
                article.boilerplate.push(text);
                decide(Role::Boilerplate, "body.furniture");
            }
            Kind::Nav => {
                article.boilerplate.push(text);
                decide(Role::Boilerplate, "body.nav");
            }
            // A date under a teaser belongs to the link list's furniture; a date
            // standing in the story or its comments is neither story nor furniture.
            Kind::Published(_) => {
                if in_link_list {
                    article.boilerplate.push(text);
                    decide(Role::Boilerplate, "body.date_in_link_list");
                } else {
                    decide(Role::Other, "body.stray_date");
                }
            }
            Kind::Caption(c) => {
                article.captions.push(*c);
                decide(Role::Caption, "kind.caption");
            }
            // A credit with the story going on under it (`Source: ...` under a
            // quoted statement) credits a part of the story, not the whole.
            Kind::Credit(c, agency) => {
                if i >= tail_start {
                    article.credits = Some(c);
                    if let Some(earlier) = credit_at.replace(i) {
                        roles[earlier].decide(Role::Other, "body.credit_replaced_by_later");
                    }
                    roles[i].decide(Role::Credits, "body.tail_credit");
                } else {
                    roles[i].decide(Role::Other, "body.credit_within_story");
                }
                if sign_off_agency.is_none() {
                    sign_off_agency = *agency;
                }
            }
            Kind::SignOff(a) => {
                if sign_off_agency.is_none() {
                    sign_off_agency = Some(*a);
                }
                // A sign-off sentence (`Copyright 2014 The Associated Press...`) or
                // notice (`© Reuters`) is also furniture; a bare service name
                // (`Reuter`) is not.
                if Agency::known(text).is_none()
                    && (count_words(text, 4) > 3 || text.starts_with('©'))
                {
                    article.boilerplate.push(text);
                    decide(Role::Boilerplate, "body.signoff_notice");
                } else {
                    decide(Role::Signoff, "body.signoff");
                }
            }
            Kind::Rule => decide(Role::Other, "kind.rule"),
            Kind::Byline(b) => {
                if article.byline.is_none() {
                    article.byline = Some(take_byline(b));
                    decide(Role::Byline, "body.first_byline");
                } else if i <= body_end {
                    article.paragraphs.push(text);
                    decide(Role::Body, "body.byline_in_story");
                } else {
                    decide(Role::Other, "body.byline_after_story");
                }
            }
            Kind::Text => {
                if in_link_list
                    && (is_end_marker(text, &Kind::Text)
                        || count_words(text, 4) <= 3 && parse_bare_byline(text).is_some())
                {
                    // An author under a teaser, or the opening of the page's tail,
                    // which closes the list (`About the author`).
                    article.boilerplate.push(text);
                    in_link_list = !is_end_marker(text, &Kind::Text);
                    decide(Role::Boilerplate, "body.link_list_closer");
                    continue;
                }
                if in_link_list && is_list_entry(text) {
                    // Once a list's entries are bulleted, a line without a bullet
                    // is a label among them (`Site Information`, `Must Read`).
                    let bulleted = text.starts_with(['*', '+', '•']);
                    if bulleted_list && !bulleted {
                        article.boilerplate.push(text);
                        decide(Role::Boilerplate, "body.link_list_label");
                    } else {
                        decide(push_list_entry(text, article), "body.link_list_entry");
                    }
                    bulleted_list |= bulleted;
                    continue;
                }
                in_link_list = false;
                // A bulleted title set alone between paragraphs links to another
                // story; a run of bullets is a list in the story, unless every
                // one of them is a title in headline case.
                let bulleted = |j: usize| bs.get(j).is_some_and(|b| b.text.starts_with("* "));
                let alone = !bulleted(i + 1) && (i == 0 || !bulleted(i - 1));
                if is_bulleted_title(text) && (alone && i < body_end || in_headline_run(bs, i)) {
                    article.related.push(link_title(text));
                    decide(Role::Related, "body.bulleted_title");
                    continue;
                }
                if i > frame.body_start && i < body_end && is_subheading(bs, kinds, i) {
                    article.subheadings.push(text);
                    decide(Role::Subheading, "body.subheading");
                    continue;
                }
                // After the story's end, unmatched lines are neither story nor known furniture.
                if i <= body_end {
                    article.paragraphs.push(text);
                    decide(Role::Body, "body.story");
                } else {
                    decide(Role::Other, "body.after_story_end");
                }
            }
        }
    }
    if article.credits.is_none() {
        article.credits = article.paragraphs.last().and_then(|p| trailing_credit(p));
    }
    if article.agency.is_none() {
        // Initials closing the text sign it off, unless the line above is more of
        // them: a run of short capitals (`XS` `SM` `MD` `LG`) is a menu.
        let in_run = |i: usize| i > 0 && wire_initials(bs[i - 1].text).is_some();
        let closing_initials = bs
            .last()
            .filter(|_| matches!(kinds.last(), Some(Kind::Text)) && bs.len() > frame.body_start + 1)
            .filter(|_| !in_run(bs.len() - 1))
            // A line that went to the headline's repeat, a caption or a link
            // is no sign-off.
            .filter(|_| {
                matches!(
                    roles[bs.len() - 1].role,
                    Role::Other | Role::Body | Role::Boilerplate
                )
            })
            .and_then(|b| wire_initials(b.text));
        article.agency = article
            .dateline
            .as_ref()
            .and_then(|d| d.agency)
            .or(sign_off_agency);
        if article.agency.is_none() && closing_initials.is_some() {
            article.agency = closing_initials;
            // Initials the story's last paragraph ends with stay in its body
            // block, and initials read into a field (a link list's
            // boilerplate) in that field's block: only a line of no field is
            // the sign-off's.
            let last = &mut roles[bs.len() - 1];
            if last.role == Role::Other {
                last.decide(Role::Signoff, "body.closing_initials");
            }
        }
    }
}
