#![forbid(unsafe_code)]
//! The article: its parts, and how a text is read into them.
//!
//! Reading goes top-down: the text is cut into blocks (lines, or hard-wrapped
//! paragraphs), each block is classified on its own (caption, related link,
//! byline, furniture, ...), then the story's frame is found: where the body
//! starts (a dateline, or the first prose after the headline and byline) and
//! what sits before it (kickers, headline, dek, byline, timestamp).
//!
//! This module holds the pipeline (`read_into`), the context-free `Kind` of a
//! block (`classify`), the facts counted once per block and the `Frame`; the
//! stages after it, read in order: `relabel` (kinds revised by neighbours),
//! `frame` (headline and body start), `header` (the blocks above the body)
//! and `body` (the story, its end and the page's tail).

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

mod body;
mod frame;
mod header;
mod relabel;

use body::*;
use frame::*;
use header::*;
use relabel::*;

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

/// Where the headline and the body start.
struct Frame<'a> {
    headline: Option<usize>,
    body_start: usize,
    dateline: Option<(Dateline<'a>, &'a str)>,
    /// A byline run into the dateline's paragraph (`By A and B NEW YORK (Reuters) - ...`).
    byline: Option<Byline<'a>>,
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
