#![forbid(unsafe_code)]
//! The article: its parts, and how a text is read into them.
//!
//! Reading goes top-down: the text is cut into blocks (lines, or hard-wrapped
//! paragraphs), each block is classified on its own (caption, related link,
//! byline, furniture, ...), then the story's frame is found: where the body
//! starts (a dateline, or the first prose after the headline and byline) and
//! what sits before it (kickers, headline, dek, byline, timestamp).

use std::cell::Cell;

use crate::{
    Agency, Byline, Dateline, Error,
    ascii::{Cased, count_words},
    blocks::{
        ClosingWords, caption, credit_line, is_breadcrumb, is_furniture, is_list_heading,
        is_nav_item, is_rule, related_item, sign_off, trailing_credit, wire_initials,
    },
    byline::{BylineLine, is_affiliation_line, parse_bare_byline, parse_byline},
    dateline::{floor_boundary, parse_dateline},
    line_ends::LfForm,
    lines::{Block, blocks},
    published::{
        LONGEST_TIMESTAMP, MAX_TIMESTAMP_LINE, find_timestamp, is_dated_line, parse_published,
    },
    role::{Assigned, Role},
    scratch::{recycle, shrink_into},
    shape::{
        TITLE_WORDS, closes_sentence, ends_sentence, first_column, is_author_note,
        is_cookie_notice, is_headline_case, is_page_label, is_promotion, is_prose, is_title_like,
        is_title_like_counted, is_title_like_sentence, link_title, opens_tail, prose_shape,
        without_comment_count,
    },
};

pub use crate::blocks::Caption;

/// A news article read from plain text. Every text field borrows from the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Article<'a> {
    /// The story's headline (its first occurrence).
    pub headline: Option<&'a str>,
    /// The publication timestamp shown outside the body, without a label word.
    pub published: Option<&'a str>,
    /// The typed value of `published`, when it writes a full date (see
    /// [`PublishedAt::read`](crate::PublishedAt::read)); JSON gives it as ISO 8601 at the precision written.
    pub published_at: Option<crate::PublishedAt>,
    /// The byline.
    pub byline: Option<Byline<'a>>,
    /// The dateline that opens the body.
    pub dateline: Option<Dateline<'a>>,
    /// The wire service credited by the dateline, a lead-in or a sign-off.
    pub agency: Option<Agency<'a>>,
    /// Body paragraphs in order; the first without its dateline.
    pub paragraphs: Vec<&'a str>,
    /// Headings inside the story, in order (not among the paragraphs).
    pub subheadings: Vec<&'a str>,
    /// Photo and video captions.
    pub captions: Vec<Caption<'a>>,
    /// Titles of related-story links, without their markers.
    pub related: Vec<&'a str>,
    /// The credit line closing the story (`Reporting by …; Editing by …`).
    pub credits: Option<&'a str>,
    /// Site furniture: share prompts, navigation, copyright notices, kickers.
    pub boilerplate: Vec<&'a str>,
}

/// Parses the text of one article.
///
/// Errors only for input with nothing to read (empty or white space alone);
/// any part that cannot be found is `None` or empty.
///
/// ```
/// let a = newsparse::parse("Headline here\n\nWASHINGTON (Reuters) - Officials said on Monday.\n")?;
/// assert_eq!(a.headline, Some("Headline here"));
/// assert_eq!(a.dateline.unwrap().location.unwrap().text, "WASHINGTON");
/// assert_eq!(a.paragraphs, ["Officials said on Monday."]);
/// # Ok::<(), newsparse::Error>(())
/// ```
pub fn parse(text: &str) -> Result<Article<'_>, Error> {
    Ok(read_article(readable(text)?))
}

/// The text to read: `text` without its byte-order mark, when it holds
/// anything to read.
pub(crate) fn readable(text: &str) -> Result<&str, Error> {
    if text.is_empty() {
        return Err(Error::Empty);
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim().is_empty() {
        return Err(Error::Blank { len: text.len() });
    }
    Ok(body)
}

/// Reads `body` (from [`readable`]) and hands each block's text and role to `seen`.
pub(crate) fn read_explained<'a>(
    body: &'a str,
    seen: impl FnOnce(&mut dyn Iterator<Item = (&'a str, Assigned)>),
) -> Article<'a> {
    match LfForm::of(body) {
        None => read_lf_text(body, |bs, roles| {
            seen(&mut bs.iter().zip(roles).map(|(b, r)| (b.text, *r)))
        }),
        Some(lf) => {
            let article = read_lf_text(&lf.text, |bs, roles| {
                seen(
                    &mut bs
                        .iter()
                        .zip(roles)
                        .map(|(b, r)| (lf.back(body, b.text), *r)),
                )
            });
            lf.article_back(body, article)
        }
    }
}

/// Parses an article from bytes that must be UTF-8.
///
/// ```
/// let err = newsparse::parse_bytes(b"Head\n\xc3\x28").unwrap_err();
/// assert_eq!(err, newsparse::Error::InvalidUtf8 { offset: 5 });
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Article<'_>, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => Err(Error::InvalidUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

/// What a block is, judged on its own.
#[derive(Debug, Clone)]
pub(crate) enum Kind<'a> {
    Text,
    /// A typographic rule or section break: layout only.
    Rule,
    Furniture,
    Nav,
    ListHeading,
    Related(&'a str),
    Caption(Caption<'a>),
    Credit(&'a str, Option<Agency<'static>>),
    SignOff(Agency<'static>),
    Byline(BylineLine<'a>),
    Published(&'a str),
}

impl Kind<'_> {
    /// The kind's name, as the explain view shows a block's context-free kind.
    pub(crate) const fn name(&self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Rule => "rule",
            Kind::Furniture => "furniture",
            Kind::Nav => "nav",
            Kind::ListHeading => "list_heading",
            Kind::Related(_) => "related",
            Kind::Caption(_) => "caption",
            Kind::Credit(..) => "credit",
            Kind::SignOff(_) => "signoff",
            Kind::Byline(_) => "byline",
            Kind::Published(_) => "published",
        }
    }
}

/// `lower` is a buffer for the block's lower-cased copy, which the
/// classifiers reading words in any case share.
pub(crate) fn classify<'a>(text: &'a str, lower: &mut String) -> Kind<'a> {
    if is_rule(text) {
        return Kind::Rule;
    }
    if let Some(title) = related_item(text) {
        return Kind::Related(title);
    }
    let cased = Cased::new(text, lower);
    if is_list_heading(&cased) {
        return Kind::ListHeading;
    }
    let words = ClosingWords::of(&cased);
    if let Some(credit) = credit_line(&cased, words) {
        return Kind::Credit(credit, sign_off(&cased, credit, words));
    }
    if let Some(agency) = sign_off(&cased, text, words) {
        return Kind::SignOff(agency);
    }
    if is_furniture(&cased) {
        return Kind::Furniture;
    }
    if let Some(c) = caption(text) {
        return Kind::Caption(c);
    }
    if let Some(ts) = parse_published(text) {
        return Kind::Published(ts);
    }
    if let Some(b) = parse_byline(text) {
        return Kind::Byline(b);
    }
    if is_nav_item(text) || is_breadcrumb(text) {
        return Kind::Nav;
    }
    Kind::Text
}

/// Whether a block marks the end of the story: a link-list heading, a credit
/// line, a late byline, or the opening of a comment section, tags or a reprint note.
fn is_end_marker(text: &str, kind: &Kind<'_>) -> bool {
    if matches!(kind, Kind::ListHeading | Kind::Credit(..) | Kind::Byline(_)) {
        return true;
    }
    opens_tail(text)
}

/// Reads `text`, in its `\n` form when it has `\r\n` line ends (see
/// [`crate::line_ends`]): no rule ever sees a `\r` before a line feed.
fn read_article(text: &str) -> Article<'_> {
    match LfForm::of(text) {
        None => read_lf_text(text, |_, _| ()),
        Some(lf) => lf.article_back(text, read_lf_text(&lf.text, |_, _| ())),
    }
}

/// Reads `text`, which has no `\r\n`, and hands its blocks and their roles
/// to `seen` before the buffers go back to the scratch.
fn read_lf_text<'a>(text: &'a str, seen: impl FnOnce(&[Block<'a>], &[Assigned])) -> Article<'a> {
    crate::scratch::with_scratch(|s| {
        let [p, r, b] = &mut s.strs;
        let mut bs = recycle(std::mem::take(&mut s.blocks));
        let mut kinds = recycle(std::mem::take(&mut s.kinds));
        let mut facts = std::mem::take(&mut s.facts);
        let mut lower = std::mem::take(&mut s.lower);
        let mut roles = std::mem::take(&mut s.roles);
        let mut article = Article {
            paragraphs: recycle(std::mem::take(p)),
            related: recycle(std::mem::take(r)),
            boilerplate: recycle(std::mem::take(b)),
            captions: recycle(std::mem::take(&mut s.captions)),
            ..Article::default()
        };
        read_into(
            text,
            &mut bs,
            &mut kinds,
            &mut facts,
            &mut lower,
            &mut roles,
            &mut article,
        );
        seen(&bs, &roles);
        roles.clear();
        s.roles = roles;
        shrink_into(&mut article.paragraphs, p);
        shrink_into(&mut article.related, r);
        shrink_into(&mut article.boilerplate, b);
        shrink_into(&mut article.captions, &mut s.captions);
        s.blocks = recycle(bs);
        s.kinds = recycle(kinds);
        facts.clear();
        s.facts = facts;
        s.lower = lower;
        article
    })
}

fn read_into<'a>(
    text: &'a str,
    bs: &mut Vec<Block<'a>>,
    kinds: &mut Vec<Kind<'a>>,
    facts: &mut Vec<Cell<u16>>,
    lower: &mut String,
    roles: &mut Vec<Assigned>,
    article: &mut Article<'a>,
) {
    blocks(text, bs);
    kinds.extend(bs.iter().map(|b| classify(b.text, lower)));
    roles.extend(
        kinds
            .iter()
            .map(|k| Assigned::new(k.name(), Role::Other, "undecided")),
    );
    facts.resize(bs.len(), Cell::new(0));
    let facts = Facts::new(bs, facts);
    let (bs, kinds, roles, article) = (&bs[..], &mut kinds[..], &mut roles[..], article);
    caption_lines_above_credits(bs, kinds);
    tags_under_labels(bs, kinds);
    let header_end = header_end(&facts);
    bulleted_bylines(bs, kinds, header_end);
    date_widgets(text, bs, kinds, header_end);
    let frame = find_frame(bs, kinds, &facts);
    teasers_above_more_buttons(bs, kinds, frame.body_start);
    read_header(text, bs, kinds, &frame, &facts, roles, article);
    read_body(bs, kinds, &frame, roles, article);
    if article.agency.is_none() {
        article.agency = article.dateline.as_ref().and_then(|d| d.agency);
    }
    article.published_at = article.published.and_then(crate::PublishedAt::read);
}

/// Longest text a credit-only line holds besides its credit (`Photo: `, `Image credit: `).
const CREDIT_LABEL: usize = 16;

/// Galleries print a caption's lines and then its credit alone on the next line
/// (`Photo: John Locher, AP`): the lines run straight into such a credit (no blank
/// line between, at most three of them) are captions too. So is a line repeated
/// at the start of the credited caption below it.
fn caption_lines_above_credits<'a>(bs: &[Block<'a>], kinds: &mut [Kind<'a>]) {
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
fn header_end(facts: &Facts<'_, '_>) -> usize {
    (0..facts.bs.len())
        .position(|i| facts.long_prose(i))
        .unwrap_or(facts.bs.len())
}

/// A bare `Tags` or `Topics` label heads the tag links printed on the line
/// under it (`Tags` then `WeWork`): a short line that closes no sentence there is
/// furniture with its label.
fn tags_under_labels<'a>(bs: &[Block<'a>], kinds: &mut [Kind<'a>]) {
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
fn bulleted_bylines<'a>(bs: &[Block<'a>], kinds: &mut [Kind<'a>], header_end: usize) {
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
fn date_widgets<'a>(text: &'a str, bs: &[Block<'a>], kinds: &mut [Kind<'a>], header_end: usize) {
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
const BLURB_WORDS: usize = 30;

/// A teaser set in the story closes with a `Read more` / `MORE` button: over the
/// button, the nearest title of the three blocks above links to another story
/// and the short blurb lines between title and button are furniture.
fn teasers_above_more_buttons<'a>(bs: &[Block<'a>], kinds: &mut [Kind<'a>], body_start: usize) {
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

/// Most words of a block the frame counts: all the prose test compares
/// with. A title's test counts further when the count reaches it.
const COUNTED_WORDS: usize = 25;

/// What a block's text reads as, each found at most once per block: the
/// frame's searches ask the same blocks the same questions again and again.
/// Facts of the text alone, so they hold whatever the block's kind becomes.
struct Facts<'m, 'a> {
    bs: &'m [Block<'a>],
    /// Per block, two bits per [`Fact`]: whether it is known, and its value;
    /// above them its words counted up to [`COUNTED_WORDS`], plus one (none
    /// when not counted yet).
    memo: &'m [Cell<u16>],
    /// The block whose [`headline_shape`] was last read up to its timestamp
    /// search, and the [`find_timestamp`] of its first column: the headline's
    /// closing date is that timestamp, and it is the dearest search made.
    column_timestamp: Cell<Option<(usize, Option<&'a str>)>>,
}

#[derive(Clone, Copy)]
enum Fact {
    /// Whether it reads as prose, and (under the next bit pair) as long prose:
    /// found together, from one count of its words.
    Prose,
    LongProse,
    /// Could open the story: see [`opens_story`].
    OpensStory,
    /// Could be a headline: see [`headline_shape`].
    HeadlineShape,
}

impl<'m, 'a> Facts<'m, 'a> {
    fn new(bs: &'m [Block<'a>], memo: &'m [Cell<u16>]) -> Self {
        Facts {
            bs,
            memo,
            column_timestamp: Cell::new(None),
        }
    }

    const fn known(fact: Fact) -> u16 {
        1 << (2 * fact as u16)
    }

    const fn yes(fact: Fact) -> u16 {
        Self::known(fact) << 1
    }

    fn get(&self, i: usize, fact: Fact, find: impl FnOnce(&'a str) -> bool) -> bool {
        let m = self.memo[i].get();
        if m & Self::known(fact) != 0 {
            return m & Self::yes(fact) != 0;
        }
        let value = find(self.bs[i].text);
        self.memo[i].set(m | Self::known(fact) | if value { Self::yes(fact) } else { 0 });
        value
    }

    /// Where the word count stands in a block's memo.
    const WORDS_AT: u32 = 8;

    /// The words of block `i`, counted up to [`COUNTED_WORDS`]: the prose
    /// and title tests and the frame's searches all count them.
    fn words(&self, i: usize) -> usize {
        let m = self.memo[i].get();
        if m >> Self::WORDS_AT != 0 {
            return usize::from(m >> Self::WORDS_AT) - 1;
        }
        let words = count_words(self.bs[i].text, COUNTED_WORDS);
        // At most 25: the count fits above the fact bits.
        self.memo[i].set(m | ((words as u16 + 1) << Self::WORDS_AT));
        words
    }

    #[inline]
    fn prose_shape(&self, i: usize) -> u16 {
        let m = self.memo[i].get();
        if m & Self::known(Fact::Prose) != 0 {
            return m;
        }
        let (prose, long) = prose_shape(self.bs[i].text, self.words(i));
        let m = self.memo[i].get()
            | Self::known(Fact::Prose)
            | Self::known(Fact::LongProse)
            | if prose { Self::yes(Fact::Prose) } else { 0 }
            | if long { Self::yes(Fact::LongProse) } else { 0 };
        self.memo[i].set(m);
        m
    }

    #[inline]
    fn prose(&self, i: usize) -> bool {
        self.prose_shape(i) & Self::yes(Fact::Prose) != 0
    }

    #[inline]
    fn long_prose(&self, i: usize) -> bool {
        self.prose_shape(i) & Self::yes(Fact::LongProse) != 0
    }

    fn opens_story(&self, i: usize) -> bool {
        self.get(i, Fact::OpensStory, opens_story)
    }

    fn headline_shape(&self, i: usize) -> bool {
        self.get(i, Fact::HeadlineShape, |text| {
            let mut found = None;
            let value = headline_shape(text, || self.words(i), &mut found);
            if let Some(ts) = found {
                self.column_timestamp.set(Some((i, ts)));
            }
            value
        })
    }

    /// `find_timestamp(first_column(text))` of block `i`: kept from its
    /// headline shape when that was the last one read that far.
    fn column_timestamp(&self, i: usize) -> Option<&'a str> {
        match self.column_timestamp.get() {
            Some((at, ts)) if at == i => ts,
            _ => find_timestamp(first_column(self.bs[i].text)),
        }
    }
}

/// Whether a text block may open the story: bulleted lines near the top are
/// teasers and captions, a line closed by a labelled timestamp is the header,
/// a cookie notice is furniture.
fn opens_story(text: &str) -> bool {
    !text.starts_with("* ") && labelled_timestamp_at_end(text).is_none() && !is_cookie_notice(text)
}

/// Where the headline and the body start.
struct Frame<'a> {
    headline: Option<usize>,
    body_start: usize,
    dateline: Option<(Dateline<'a>, &'a str)>,
    /// A byline run into the dateline's paragraph (`By A and B NEW YORK (Reuters) - ...`).
    byline: Option<Byline<'a>>,
}

fn find_frame<'a>(bs: &[Block<'a>], kinds: &[Kind<'a>], facts: &Facts<'_, 'a>) -> Frame<'a> {
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
const META_GAP: usize = 30;

/// Furniture blocks in a row that make a share bar or a menu, not an ad slot.
const META_FURNITURE_RUN: usize = 2;

/// The story's first block when the prose at `first` is a dek: pages set the
/// standfirst under the headline, then the article's meta (a timestamp, a
/// byline, a share bar of [`META_FURNITURE_RUN`] blocks or more) and only then
/// the story. Within a story no timestamp, byline or share bar stands between
/// its first paragraphs.
fn story_under_meta(
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
fn opens_with_timestamp(text: &str) -> bool {
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
const SUMMARY_LABELS: [&str; 6] = [
    "Summary:",
    "SUMMARY:",
    "TL;DR:",
    "TL;DR ",
    "In brief:",
    "Synopsis:",
];

/// Whether a paragraph is a labelled summary of the story under it.
fn is_summary(text: &str) -> bool {
    SUMMARY_LABELS.iter().any(|l| text.starts_with(l))
}

/// The headline among the blocks before the body: the title-like line nearest
/// above the byline when the header has one
/// (lines further up are kickers and navigation, prose between them a dek);
/// otherwise the first title-like line of four words or more, or of two.
fn headline_before(
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
const HEADER_RUN: usize = 4;

/// Fewest words of a headline preferred over shorter title-shaped lines: page
/// furniture over the story (`Skip Navigation`, `Sign In`, `BBC Account`) is
/// one to three words, a news headline seldom is. A sentence (prose, or a
/// line closed by a stop) is not preferred so: a short story's first line is.
const TITLE_MIN_WORDS: usize = 4;

/// The headline of the header run that ends at the title-like line `h` nearest
/// the byline. Headline, dek, timestamp and photo caption stand together above
/// the byline: when `h` reads as a dek or caption (a sentence), a label (no
/// lower case, or one word), a timestamp or a bare name, the topmost title of
/// four words or more in that run (three over a one-word label) is the
/// headline. The run passes over timestamps, captions and photo credits and
/// stops at navigation, furniture and bulleted lines.
fn top_of_header(bs: &[Block<'_>], kinds: &[Kind<'_>], facts: &Facts<'_, '_>, h: usize) -> usize {
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
const DEK_LONGER_BY: usize = 4;

/// Whether the title-like line `h` is a dek: right under a shorter title of
/// four words or more, no timestamp (`Web analytics are leaking into
/// meatspace` over `A Stallman-esque short story about the future of offline
/// tracking ...`).
fn is_dek_under_title(
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
fn headline_kind(kind: &Kind<'_>) -> bool {
    matches!(kind, Kind::Text | Kind::Credit(..))
}

/// Whether a block's text could be a headline, of a kind that may be one;
/// `words` counts the text's words (see [`is_title_like_counted`]). When the
/// timestamp of its first column is looked for, it is put in `found`.
fn headline_shape<'t>(
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
fn is_bar_separated(text: &str) -> bool {
    memchr::memchr(b'|', text.as_bytes()).is_some()
        && memchr::memmem::find_iter(text.as_bytes(), " | ")
            .nth(1)
            .is_some()
}

/// Whether a line is a letter's salutation: `Dear Diary,`, `Dear Mr. Lee,`.
fn is_salutation(text: &str) -> bool {
    text.starts_with("Dear ") && text.ends_with(',') && count_words(text, 6) <= 5
}

/// Whether a line names a place and nothing else, a venue or the city of a
/// dateline: `Stade de France, Paris`.
fn is_place_line(text: &str) -> bool {
    crate::dateline::parse_location(text).is_some_and(|l| l.region.is_some())
}

/// Whether a line holds more than one sentence written as prose (`Get alerts
/// by email. The news that matters, every morning.`): a promo or a dek. A
/// headline of two sentences is set in title case (`Stock Falls. Why You
/// Shouldn't Worry.`).
fn is_two_sentences(text: &str) -> bool {
    text.ends_with('.')
        && is_title_like_sentence(text)
        && text
            .match_indices(". ")
            .any(|(at, _)| text[at + 2..].starts_with(char::is_uppercase))
}

/// A paragraph opening with a byline that runs into the dateline:
/// `By Ann Lee and Bo Chan BEIJING/SEOUL, Oct 9 (Reuters) - North Korea ...`.
fn byline_then_dateline(text: &str) -> Option<(Byline<'_>, (Dateline<'_>, &str))> {
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
fn split_byline<'a>(bs: &[Block<'a>], i: usize) -> Option<BylineLine<'a>> {
    if !bs[i].text.eq_ignore_ascii_case("by") {
        return None;
    }
    bs.get(i + 1).and_then(|next| parse_bare_byline(next.text))
}

/// The timestamp closing a line after a label word: a headline printed with its
/// date, `Mayor quits Politics news, Updated Nov 06, 2012 at 10:16pm IST`.
/// Story sentences end with a stop, not with a labelled date.
fn labelled_timestamp_at_end(text: &str) -> Option<&str> {
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
const TIMESTAMP_LABELS: [(&str, usize); 3] = [("updated", 1), ("posted", 0), ("published", 0)];

/// Bytes in the longest of [`TIMESTAMP_LABELS`].
const LONGEST_LABEL: usize = "published".len();

/// Whether a line is mostly a timestamp (`Posted on September 28th, 2012 • 18 Comments`),
/// given its [`find_timestamp`].
fn is_timestamp_line(text: &str, found: Option<&str>) -> bool {
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

/// The byline of an outlet credited alone: `Press Trust of India`; a wire
/// service with its place (`Reuters, Washington,`) credits the service.
fn outlet_byline(text: &str) -> Byline<'_> {
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
fn take_byline<'a>(b: &mut BylineLine<'a>) -> Byline<'a> {
    let authors = std::mem::take(&mut b.byline.authors);
    Byline {
        authors,
        ..b.byline.clone()
    }
}

fn read_header<'a>(
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
fn offset_in(text: &str, part: &str) -> std::ops::Range<usize> {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    start..start + part.len()
}

/// Whether two bylines credit the same people, in the same order.
fn same_authors(a: &Byline<'_>, b: &Byline<'_>) -> bool {
    !a.authors.is_empty()
        && a.authors.len() == b.authors.len()
        && a.authors
            .iter()
            .zip(&b.authors)
            .all(|(x, y)| x.name == y.name)
}

/// A date printed with its clock time on the next line (`November 6, 2012 |`
/// then `12:37 pm |`): one timestamp, the slice of the input across both lines.
fn with_time_below<'a>(
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
fn header_published<'a>(
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
fn closing_date(text: &str) -> Option<(&str, &str)> {
    closing_date_found(text, || find_timestamp(text))
}

/// [`closing_date`], `found` giving the text's [`find_timestamp`], asked only
/// when the text holds a stop.
fn closing_date_found<'t>(
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
fn closing_timestamp(text: &str) -> Option<(&str, &str)> {
    closing_at_end(text, find_timestamp(text)?)
}

/// The text before `ts`, a timestamp found in `text`, and `ts`, when it closes the text.
fn closing_at_end<'t>(text: &'t str, ts: &'t str) -> Option<(&'t str, &'t str)> {
    let at = ts.as_ptr() as usize - text.as_ptr() as usize;
    (at + ts.len() == text.len()).then(|| (&text[..at], ts))
}

/// Whether a line under a list heading reads as a link title: a title-like line
/// that is not story prose. A long headline reads as prose unless it is seen not
/// to close a sentence (`Grace Millane ‘gave man ... list of fetishes’`) or is
/// set in headline case (`How Far Do You Go to Protect Your Privacy?`).
fn is_list_entry(text: &str) -> bool {
    is_title_like(text) && (!is_prose(text) || !closes_sentence(text) || is_headline_case(text))
}

/// A bulleted line that reads as a link title rather than a point of the story.
fn is_bulleted_title(text: &str) -> bool {
    text.starts_with("* ")
        && is_title_like(text)
        && !ends_sentence(text)
        && count_words(text, 4) >= 4
}

/// Longest run of bulleted lines read as one list of links.
const LINK_RUN: usize = 12;

/// Whether the bulleted line at `i` stands in a run of two to [`LINK_RUN`]
/// bulleted titles all set in headline case: links to other stories, where a
/// list in the story is written in sentences or sentence case.
fn in_headline_run(bs: &[Block<'_>], i: usize) -> bool {
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
const SUBHEADING_WORDS: usize = 12;

/// A heading inside the story: a short line that closes no sentence (or asks
/// a short question), not a list item, with story prose straight under it.
fn is_subheading(bs: &[Block<'_>], kinds: &[Kind<'_>], i: usize) -> bool {
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
fn push_list_entry<'a>(text: &'a str, article: &mut Article<'a>) -> Role {
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
fn is_kicker(text: &str) -> bool {
    count_words(text, 5) <= 4
        && text.chars().any(char::is_uppercase)
        && !text.chars().any(char::is_lowercase)
}

/// Most blocks of a link list set inside a story.
const IN_STORY_LIST: usize = 40;

/// Whether the link list (or credit line) at `heading` sits inside the story: after its
/// short entries the story's prose goes on, three paragraphs of it among the
/// next four blocks, closed by a full stop (link titles, however long, seldom end in one; an
/// author's note and a disclaimer under a closing list make two).
fn list_inside_story(bs: &[Block<'_>], kinds: &[Kind<'_>], heading: usize) -> bool {
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
const AFTER_PROMOTION: usize = 40;

/// Whether block `i` is a call to action ([`is_promotion`]) with no long
/// story paragraph after it: the page's tail opens there (a newsletter
/// pitch and its form, `Subscribe to ...` over the comments). One set
/// between paragraphs has the story go on under it.
fn promotion_closing_story(bs: &[Block<'_>], kinds: &[Kind<'_>], i: usize) -> bool {
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
fn closing_rule(
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
const STORY_BREAK: usize = 2;

/// The story's last paragraph, `body_end` at the latest: the story runs on
/// past its last long paragraph only until page furniture breaks it off
/// ([`STORY_BREAK`] blocks of furniture, navigation, link-list headings or links);
/// short sentences after such a break are promotions (`Subscribe to ...`,
/// `Like Loading...`, `Enjoyed this story? Support ...`), not story.
fn story_end_before_break(
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
const LONG_STORY_WORDS: usize = 20;

fn read_body<'a>(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dek_over_the_page_meta_is_no_body() {
        let text = "Storm closes schools across the county\n\nSchools stayed shut on Monday as a storm brought snow and ice to the valley overnight.\n\nNov 13, 2019 4:26 pm\n\nShare\n\nTweet\n\nPROVO officials said on Monday that buses would run again on Wednesday if the roads were cleared in time for the morning.\n\nThe county said crews worked through the night on the main roads and would turn to side streets next.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, Some("Storm closes schools across the county"));
        assert_eq!(a.published, Some("Nov 13, 2019 4:26 pm"));
        assert!(
            a.paragraphs[0].starts_with("PROVO officials"),
            "{:?}",
            a.paragraphs
        );
        // Without meta between them, the first paragraph stays the body's.
        let plain = "Storm closes schools across the county\n\nSchools stayed shut on Monday as a storm brought snow and ice to the valley overnight.\n\nPROVO officials said on Monday that buses would run again on Wednesday if the roads were cleared in time for the morning.\n";
        assert!(parse(plain).unwrap().paragraphs[0].starts_with("Schools stayed shut"));
    }

    #[test]
    fn a_longer_dek_under_its_headline_is_no_headline() {
        let text = "Web analytics are leaking into meatspace\n\nA Stallman-esque short story about the future of offline tracking and the right to buy\n\n11 Jan 2019\n\nThe supermarket knew her name before she reached the door, and it knew what she had bought there every week for the past three years.\n";
        assert_eq!(
            parse(text).unwrap().headline,
            Some("Web analytics are leaking into meatspace")
        );
    }

    #[test]
    fn a_note_under_the_closing_underscore_rule_is_no_story() {
        let story = "Storm closes schools\n\nPROVO, Utah (AP) - Schools closed on Monday as a storm moved through.\n\n___\n\nWHAT COMES NEXT\n\nBuses will run again on Wednesday, the county said.\n\n___\n\n";
        let text = format!("{story}Follow our storm coverage on the weekly weather podcast.\n");
        let a = parse(&text).unwrap();
        assert_eq!(
            a.paragraphs.last(),
            Some(&"Buses will run again on Wednesday, the county said.")
        );
        assert_eq!(
            a.boilerplate,
            ["Follow our storm coverage on the weekly weather podcast."]
        );
        // A link note closes no sentence, and page lines may follow it.
        let text = format!(
            "{story}More storm coverage: https://example.com/storms\nSchool closings map\n"
        );
        let a = parse(&text).unwrap();
        assert_eq!(
            a.paragraphs.last(),
            Some(&"Buses will run again on Wednesday, the county said.")
        );
        assert_eq!(
            a.boilerplate.first(),
            Some(&"More storm coverage: https://example.com/storms")
        );
        // A section of story under a rule, with its own heading, stays story.
        let a = parse(story).unwrap();
        assert_eq!(
            a.paragraphs.last(),
            Some(&"Buses will run again on Wednesday, the county said.")
        );
        assert!(a.boilerplate.is_empty());
    }

    #[test]
    fn empty_and_blank_inputs_are_errors() {
        assert_eq!(parse(""), Err(Error::Empty));
        assert_eq!(parse(" \n\t\r\n"), Err(Error::Blank { len: 5 }));
        assert_eq!(parse("\u{feff}\n"), Err(Error::Blank { len: 4 }));
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        assert_eq!(parse_bytes(b"\xff"), Err(Error::InvalidUtf8 { offset: 0 }));
        assert_eq!(
            parse_bytes(b"abc\xe2\x82"),
            Err(Error::InvalidUtf8 { offset: 3 })
        );
    }

    #[test]
    fn caption_lines_run_into_a_credit_line() {
        let text = "Storm closes schools\n\nSnow covers a street in Provo on Monday.\nPhoto: Jane Roe, AP\n\nSchools across the county closed on Monday as a winter storm moved through the region.\n";
        let a = parse(text).unwrap();
        let captions: Vec<_> = a.captions.iter().map(|c| (c.text, c.credit)).collect();
        assert_eq!(
            captions,
            [
                ("Snow covers a street in Provo on Monday.", None),
                ("Photo: Jane Roe, AP", Some("Jane Roe, AP"))
            ]
        );
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn page_banners_and_promos_are_not_headlines() {
        let text = "BREAKING NEWS\n\nGet our alerts by email. The stories that matter, delivered every morning.\n\nBy Ann Lee\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, None);
        let text = "Council closes old bridge\n\nNew, 4 comments\n\nBy Ann Lee\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n";
        assert_eq!(
            parse(text).unwrap().headline,
            Some("Council closes old bridge")
        );
    }

    #[test]
    fn a_labelled_timestamp_is_found_across_a_wide_gap() {
        let ts = "Mar 04, 2013 at 09:15am IST";
        for gap in [
            " ",
            ": ",
            " on ",
            &" ".repeat(120),
            &format!(" on{}", " ".repeat(90)),
        ] {
            let line = format!("Mayor quits over budget row City news, Updated{gap}{ts}");
            assert_eq!(labelled_timestamp_at_end(&line), Some(ts), "{line:?}");
        }
        let far = format!("Updated by the desk {} {ts}", "x".repeat(90));
        assert_eq!(labelled_timestamp_at_end(&far), None);
    }

    #[test]
    fn headline_printed_with_its_date_is_header() {
        let text = "Mayor quits over budget row City news, Updated Mar 04, 2013 at 09:15am IST\nPress Trust of India\n\nPune: The mayor resigned on Monday after the council rejected his budget for the second time this year.\n\nHe will stay in office until the council elects a successor.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.published, Some("Mar 04, 2013 at 09:15am IST"));
        assert!(a.paragraphs[0].starts_with("Pune: The mayor"));
        let b = a.byline.unwrap();
        assert_eq!(
            (b.authors.len(), b.affiliation),
            (0, Some("Press Trust of India"))
        );
        assert_eq!(a.agency, None);
    }

    #[test]
    fn dek_and_caption_over_the_byline_leave_the_headline_on_top() {
        let body = "\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let dek = format!(
            "Council closes old bridge for a year\n\nDrivers will have to take the ring road until the work is done\n\nBy Ann Lee{body}"
        );
        assert_eq!(
            parse(&dek).unwrap().headline,
            Some("Council closes old bridge for a year")
        );
        let caption = format!(
            "Council closes old bridge for a year\n\nUpdated Nov 19, 6:55 AM\n\nThe old bridge seen from the river.\n\nBy Ann Lee{body}"
        );
        assert_eq!(
            parse(&caption).unwrap().headline,
            Some("Council closes old bridge for a year")
        );
        // A short title under the site's name and tagline stays the headline.
        let blog = format!(
            "The Endgame\n\nNotes from a working engineer\n\nShorter builds\n\nby Ann on July 22, 2012{body}"
        );
        assert_eq!(parse(&blog).unwrap().headline, Some("Shorter builds"));
    }

    #[test]
    fn date_and_time_on_consecutive_lines_are_one_timestamp() {
        let text = "Council closes old bridge\n\nBy Ann Lee\nMarch 4, 2021 |\n9:05 am |\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.published, Some("March 4, 2021 |\n9:05 am"));
        // The time line belongs to the timestamp, so it is not furniture either.
        assert!(a.boilerplate.is_empty(), "{:?}", a.boilerplate);
    }

    #[test]
    fn the_line_under_a_tags_label_is_furniture() {
        let text = "Council closes old bridge\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n\nTopics\n\nTransport Riverside\n";
        let a = parse(text).unwrap();
        assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
        assert_eq!(a.boilerplate, ["Topics", "Transport Riverside"]);
    }

    #[test]
    fn a_labelled_summary_is_a_dek() {
        let text = "Council closes old bridge\n\nTL;DR: The old bridge shuts for a year of repairs, and buses take a long detour through the town centre.\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let paragraphs = parse(text).unwrap().paragraphs;
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(paragraphs[0].starts_with("The city council voted"));
    }

    #[test]
    fn a_repeated_byline_is_not_furniture() {
        let text = "Council closes old bridge\n\nby Ann Lee March 4, 2021\nwritten by Ann Lee\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.byline.map(|b| b.authors.len()), Some(1));
        assert!(a.boilerplate.is_empty(), "{:?}", a.boilerplate);
        let newsroom = text.replace(
            "by Ann Lee March 4, 2021\nwritten by Ann Lee",
            "By Metro Desk -\nMetro Desk",
        );
        let b = parse(&newsroom).unwrap();
        assert_eq!(b.byline.and_then(|b| b.affiliation), Some("Metro Desk"));
        assert!(b.boilerplate.is_empty(), "{:?}", b.boilerplate);
    }

    #[test]
    fn dates_are_furniture_only_in_link_lists() {
        let text = "Storm closes schools\n\nSchools across the county closed on Monday as a winter storm moved through the region.\n\nMarch 3, 2019\n\nRelated Posts\n\nCouncil votes to repair the old bridge\n\nMarch 1, 2019\n";
        let a = parse(text).unwrap();
        assert_eq!(a.related, ["Council votes to repair the old bridge"]);
        assert_eq!(a.boilerplate, ["Related Posts", "March 1, 2019"]);
    }

    #[test]
    fn bulleted_name_over_bulleted_date_is_the_byline() {
        let text = "STORM WARNING\n\nCouncil closes old bridge as river rises\n\n* Ann Lee\n* 4 Mar 2021, 09:05\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, Some("Council closes old bridge as river rises"));
        assert_eq!(a.byline.unwrap().authors[0].name, "Ann Lee");
        assert_eq!(a.published, Some("4 Mar 2021, 09:05"));
        assert_eq!(a.boilerplate, ["STORM WARNING"]);
    }

    #[test]
    fn without_byline_the_timestamp_anchors_the_headline() {
        let text = "Previous Next\n\nWorld\n\nCouncil closes old bridge as river rises\n\nMarch 4, 2021\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n\nRelated\n\nCouncil closes old bridge as river rises\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, Some("Council closes old bridge as river rises"));
        assert_eq!(a.related, ["Council closes old bridge as river rises"]);
    }

    #[test]
    fn header_nearest_the_body_wins_over_menus() {
        let text = "* Home\n* By Any Means\n* Opinion\n\nBridge Closure Anger\n\n\u{a9} REUTERS / POOL\n\nColumnists\n\nby Ann Lee\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, Some("Bridge Closure Anger"));
        assert_eq!(a.byline.unwrap().authors[0].name, "Ann Lee");
    }

    #[test]
    fn outlet_over_the_published_time_is_the_byline() {
        let text = "Council closes old bridge as river rises\n\nShare permalink\n\nAFP, Paris,\n* Mar 4 2021, 9:05am ist\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        let b = a.byline.unwrap();
        assert_eq!((b.text, b.affiliation), ("AFP, Paris,", Some("AFP")));
        assert!(b.authors.is_empty());
        assert_eq!(a.published, Some("Mar 4 2021, 9:05am ist"));
    }

    #[test]
    fn header_set_out_in_columns() {
        let gap = " ".repeat(30);
        let text = format!(
            "Weather in Town\n\nRates and Markets\n\nCouncil closes old bridge as river rises{gap}Home\nAll news\nMarch 4, 2021 - 09:05 CET{gap}Overview: World.\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n"
        );
        let a = parse(&text).unwrap();
        assert_eq!(a.headline, Some("Council closes old bridge as river rises"));
        assert_eq!(a.published, Some("March 4, 2021 - 09:05 CET"));
        assert!(a.byline.is_none());
    }

    /// A headline and two paragraphs, `{}` between them.
    const STORY: &str = "Storm closes bridge\n\nThe council met on Monday to discuss the bridge and its repairs over the coming year.\n\n{}\n\nThe work will start in the spring, the council said in a statement on Monday.\n";

    #[test]
    fn a_link_list_inside_the_story_does_not_end_it() {
        let para =
            "The council met on Monday to discuss the bridge and its repairs over the coming year.";
        let text = format!(
            "Storm closes bridge\n\n{para}\n\nMost read in local news\n\nMayor opens the new library on Main Street\n\n{para}\n\n{para}\n\nThe work will start in the spring, the council said in a statement.\n"
        );
        let a = parse(&text).unwrap();
        assert_eq!(a.related, ["Mayor opens the new library on Main Street"]);
        assert_eq!(a.paragraphs.len(), 4);
        // A closing list with an author's note and a disclaimer under it still ends the story.
        let text = format!(
            "Storm closes bridge\n\n{para}\n\nRelated:\n\nMayor opens the new library on Main Street\n\nJane Roe writes about towns and the people who run them for several papers.\n\nNote: The views expressed in this article are those of the author alone.\n"
        );
        assert_eq!(parse(&text).unwrap().paragraphs.len(), 1);
    }

    #[test]
    fn long_link_titles_that_close_no_sentence() {
        let text = "Storm closes bridge\n\nThe council met on Monday to discuss the bridge and its repairs over the coming year.\n\nRelated articles:\n\nMother of three ‘told council about the cracks in the old bridge years before it shut’\n\nBand plays two shows at the old mill on the river this week (dates and stream)\n";
        let a = parse(text).unwrap();
        assert_eq!(a.related.len(), 2);
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn a_link_list_above_the_story() {
        let text = "Storm closes bridge\n\nMost Popular\n\n* Mayor opens the new library on Main Street\n\n* Council votes to repair the old bridge\n\nThe council met on Monday to discuss the bridge and its repairs over the coming year.\n\nThe work will start in the spring, the council said in a statement on Monday.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.related[1], "Council votes to repair the old bridge");
        assert_eq!((a.related.len(), a.paragraphs.len()), (2, 2));
    }

    #[test]
    fn a_run_of_bulleted_titles_in_headline_case_links_out() {
        let para =
            "The council met on Monday to discuss the bridge and its repairs over the coming year.";
        let links = "* Mayor Opens the New Library on Main Street\n* Photos: The Old Bridge Through the Years\n";
        let points = "* The bridge will close for two months\n* Buses will run every ten minutes\n";
        let with_links = format!("Storm closes bridge\n\n{para}\n{links}{para}\n");
        assert_eq!(parse(&with_links).unwrap().related.len(), 2);
        let with_points = format!("Storm closes bridge\n\n{para}\n{points}{para}\n");
        assert!(parse(&with_points).unwrap().related.is_empty());
    }

    #[test]
    fn labels_among_bulleted_entries_are_furniture() {
        let list = "Related Posts\n\n* Mayor opens the new library on Main Street\n\nMust Read This Week\n\n* Council votes to repair the old bridge";
        let text = STORY.replace("{}", list);
        let a = parse(&text).unwrap();
        assert_eq!(a.related.len(), 2);
        assert_eq!(a.boilerplate, ["Related Posts", "Must Read This Week"]);
    }

    #[test]
    fn a_story_resumed_under_a_list_may_hold_a_subheading() {
        let para =
            "The council met on Monday to discuss the bridge and its repairs over the coming year.";
        let list = format!(
            "Most Popular\n\nMayor opens the new library on Main Street\n\n{para}\n\n{para}\n\nWhat happens next?\n\n{para}"
        );
        let text = STORY.replace("{}", &list);
        let a = parse(&text).unwrap();
        assert_eq!(a.related.len(), 1);
        assert_eq!(a.paragraphs.len(), 5);
        assert_eq!(a.subheadings, ["What happens next?"]);
    }

    #[test]
    fn a_lone_bulleted_title_after_the_story_is_no_link() {
        let para =
            "The council met on Monday to discuss the bridge and its repairs over the coming year.";
        let inside = format!(
            "Storm closes bridge\n\n{para}\n\n* Mayor opens the new library on Main Street\n\n{para}\n"
        );
        assert_eq!(parse(&inside).unwrap().related.len(), 1);
        let after = format!(
            "Storm closes bridge\n\n{para}\n\n{para}\n\nWorld Cup Video\n\n* Mayor opens the new library on Main Street\n"
        );
        assert!(parse(&after).unwrap().related.is_empty());
    }

    #[test]
    fn a_credit_with_the_story_going_on_under_it_is_no_closing_credit() {
        let para =
            "The council met on Monday to discuss the bridge and its repairs over the coming year.";
        let middle = format!("Source: County council, March 4\n\n{para}\n\n{para}\n\n{para}");
        let text = STORY.replace("{}", &middle);
        let a = parse(&text).unwrap();
        assert_eq!((a.credits, a.paragraphs.len()), (None, 5));
        let closing = STORY.replace("{}", "Source: County council, March 4");
        assert_eq!(
            parse(&closing).unwrap().credits,
            Some("Source: County council, March 4")
        );
    }

    #[test]
    fn kickers_in_link_lists_are_furniture() {
        let text = "Storm closes bridge\n\nThe council met on Monday to discuss the bridge and its repairs over the coming year.\n\nMost Popular\n\n‘OUT OF TIME’\n\nMayor opens the new library on Main Street\n\nFLOOD WATCH 2019\n\nRIVER RISES TO RECORD AS TOWNS WAIT FOR HELP\n";
        let a = parse(text).unwrap();
        assert_eq!(
            a.related,
            [
                "Mayor opens the new library on Main Street",
                "RIVER RISES TO RECORD AS TOWNS WAIT FOR HELP"
            ]
        );
        assert_eq!(
            a.boilerplate,
            ["Most Popular", "‘OUT OF TIME’", "FLOOD WATCH 2019"]
        );
    }

    #[test]
    fn date_widget_of_three_lines_is_one_timestamp() {
        let text = "\n04\nMarch\n2021\nCouncil closes old bridge as river rises\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.published, Some("04\nMarch\n2021"));
        assert_eq!(a.headline, Some("Council closes old bridge as river rises"));
        assert!(a.boilerplate.is_empty());
    }

    #[test]
    fn byline_opening_the_page_sits_over_the_title() {
        let text = "4 March 2021 \u{2014} Posted by Ann Lee\n\nShorter builds at last\n\nToday I am happy to announce that the build now takes half the time it took last year.\n\nHere is how.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, Some("Shorter builds at last"));
        assert_eq!(a.byline.unwrap().authors[0].name, "Ann Lee");
    }

    #[test]
    fn a_run_of_short_capitals_closing_the_page_is_no_sign_off() {
        let body = "Storm closes schools\n\nSchools across the county closed on Monday as a winter storm moved through the region.\n\nThey reopen on Wednesday.\n\n";
        assert_eq!(
            parse(&format!("{body}UPI\n")).unwrap().agency,
            Some(Agency::Upi)
        );
        assert_eq!(
            parse(&format!("{body}XS\nSM\nMD\nLG\n")).unwrap().agency,
            None
        );
    }

    #[test]
    fn long_title_case_question_is_the_headline() {
        let text = "Will The Rookie Be The Next Big Star Of The League?\n\nThe team signed him on Monday after a season in which he scored more than anyone.\n\nHe starts on Friday.\n";
        let a = parse(text).unwrap();
        assert_eq!(
            a.headline,
            Some("Will The Rookie Be The Next Big Star Of The League?")
        );
        assert!(a.paragraphs[0].starts_with("The team signed him"));
    }

    #[test]
    fn dated_line_over_the_headline_is_neither_headline_nor_furniture() {
        let text = "4 March 2021 Last updated at 09:05 ET\n\nCouncil closes old bridge as river rises\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, Some("Council closes old bridge as river rises"));
        assert_eq!(a.published, Some("4 March 2021"));
        assert!(a.boilerplate.is_empty());
    }

    #[test]
    fn section_and_date_line_is_no_headline() {
        let text = "\nTown Hall | 4 March 2021\nCouncil closes old bridge as river rises\nAnn Lee\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, Some("Council closes old bridge as river rises"));
        assert_eq!(a.published, Some("4 March 2021"));
    }

    #[test]
    fn a_caption_set_twice_counts_twice() {
        let text = "Storm closes schools\n\nSchools across the county closed on Monday as a storm moved through.\n\nSnow covers a street in Provo\nSnow covers a street in Provo Submitted photo\n\nBuses will run again on Wednesday, the county said in a statement.\n";
        let a = parse(text).unwrap();
        assert_eq!((a.captions.len(), a.paragraphs.len()), (2, 2));
    }

    #[test]
    fn the_page_tail_closes_a_link_list() {
        let text = "Storm closes bridge\n\nThe council met on Monday to discuss the bridge and its repairs over the coming year.\n\nRecommended Stories\n\nMayor opens the new library on Main Street\n\nAbout the author\n\nSenior editor at the Daily Planet\n";
        let a = parse(text).unwrap();
        assert_eq!(a.related, ["Mayor opens the new library on Main Street"]);
    }

    #[test]
    fn byline_with_a_dated_dash_is_no_dateline() {
        let text = "Council closes old bridge\n\nPosted By Ann B. Lee Thursday, March 4, 2021 - 10:40 AM Share\n\nThe city council voted on Monday to close the old bridge for repairs next spring.\n\nWork starts in April.\n";
        let a = parse(text).unwrap();
        assert!(a.dateline.is_none());
        assert_eq!(a.byline.unwrap().authors[0].name, "Ann B. Lee");
        assert_eq!(a.published, Some("Thursday, March 4, 2021 - 10:40 AM"));
        assert!(a.paragraphs[0].starts_with("The city council"));
    }

    #[test]
    fn a_letter_opens_with_its_salutation() {
        let text = "Notes from the lake\n\nDear Diary,\n\nIt was a quiet week at the lake, with rain on most days and no visitors at all until Friday.\n\nMore soon.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.paragraphs[0], "Dear Diary,");
        assert!(a.byline.is_none());
    }

    #[test]
    fn a_teaser_closed_by_a_more_button() {
        let teaser =
            "THE OLD BRIDGE THROUGH THE YEARS\nBridge gallery\nA look back at the bridge.\nMORE";
        let text = STORY.replace("{}", teaser);
        let a = parse(&text).unwrap();
        assert_eq!(a.related, ["THE OLD BRIDGE THROUGH THE YEARS"]);
        assert_eq!((a.paragraphs.len(), a.boilerplate.len()), (2, 3));
    }

    #[test]
    fn a_copyright_notice_is_furniture_and_a_sign_off() {
        let text = "Storm closes bridge\n\nThe council met on Monday to discuss the bridge and its repairs over the coming year.\n\n© Reuters\n";
        let a = parse(text).unwrap();
        assert_eq!(a.boilerplate, ["© Reuters"]);
        assert_eq!(a.agency, Some(Agency::Reuters));
    }

    #[test]
    fn date_after_the_title_stop_is_the_published_time() {
        let text = "Gone fishing. Back next week. 4 March, 2021\n\nAs you have noticed the blog has been quiet for a while, and there is a good reason for it.\n\nMore soon.\n";
        let a = parse(text).unwrap();
        assert_eq!(a.headline, Some("Gone fishing. Back next week."));
        assert_eq!(a.published, Some("4 March, 2021"));
        let text = "Notes From The Council For March 4, 2021\n\nThe council met on Monday and agreed to close the old bridge for repairs next spring.\n\nMore soon.\n";
        assert_eq!(
            parse(text).unwrap().headline,
            Some("Notes From The Council For March 4, 2021")
        );
    }

    #[test]
    fn headline_then_body() {
        let a = parse("Europe blames US over weak dollar\n\nEuropean leaders have openly blamed the US for the rise.\n\nBut analysts said it would pass.\n").unwrap();
        assert_eq!(a.headline, Some("Europe blames US over weak dollar"));
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.dateline.is_none() && a.byline.is_none() && a.agency.is_none());
    }
}

#[cfg(test)]
mod dump {
    /// `NEWSPARSE_DUMP=file cargo test dump_blocks -- --ignored --nocapture` shows how a file is read.
    #[test]
    #[ignore]
    fn dump_blocks() {
        let path = std::env::var("NEWSPARSE_DUMP").expect("NEWSPARSE_DUMP=file");
        let text = std::fs::read_to_string(path).unwrap();
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut bs = Vec::new();
        crate::lines::blocks(text, &mut bs);
        let mut lower = String::new();
        let kinds: Vec<_> = bs
            .iter()
            .map(|b| super::classify(b.text, &mut lower))
            .collect();
        let memo = vec![std::cell::Cell::new(0); bs.len()];
        let facts = super::Facts::new(&bs, &memo);
        let frame = super::find_frame(&bs, &kinds, &facts);
        eprintln!(
            "headline {:?} body_start {}",
            frame.headline, frame.body_start
        );
        for (i, (b, k)) in bs.iter().zip(&kinds).enumerate() {
            let kind = format!("{k:?}");
            let end = b
                .text
                .char_indices()
                .nth(70)
                .map_or(b.text.len(), |(i, _)| i);
            eprintln!(
                "{i:3} {:40} {:?}",
                &kind[..kind.len().min(40)],
                &b.text[..end]
            );
        }
    }
}
