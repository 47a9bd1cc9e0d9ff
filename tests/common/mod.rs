//! Helpers shared by the robustness tests and the fuzz targets: a walk over
//! every borrowed text of an [`Article`], and the checks built on it.
#![allow(dead_code)]

use newsparse::{Agency, Article, Role};

/// Calls `f` with a field path and the text for every `&str` an article borrows
/// from its input, in a fixed order.
pub fn for_each_str<'a>(article: &Article<'a>, f: &mut dyn FnMut(&'static str, &'a str)) {
    if let Some(h) = article.headline {
        f("headline", h);
    }
    if let Some(p) = article.published {
        f("published", p);
    }
    if let Some(b) = &article.byline {
        f("byline.text", b.text);
        for a in &b.authors {
            f("byline.authors.name", a.name);
        }
        if let Some(aff) = b.affiliation {
            f("byline.affiliation", aff);
        }
    }
    if let Some(d) = &article.dateline {
        f("dateline.text", d.text);
        if let Some(l) = &d.location {
            f("dateline.location.text", l.text);
            f("dateline.location.city", l.city);
            if let Some(r) = l.region {
                f("dateline.location.region", r);
            }
        }
        if let Some(date) = &d.date {
            f("dateline.date.text", date.text);
        }
        if let Some(Agency::Other(name)) = d.agency {
            f("dateline.agency", name);
        }
    }
    if let Some(Agency::Other(name)) = article.agency {
        f("agency", name);
    }
    for p in &article.paragraphs {
        f("paragraphs", p);
    }
    for h in &article.subheadings {
        f("subheadings", h);
    }
    for c in &article.captions {
        f("captions.text", c.text);
        if let Some(credit) = c.credit {
            f("captions.credit", credit);
        }
    }
    for r in &article.related {
        f("related", r);
    }
    if let Some(c) = article.credits {
        f("credits", c);
    }
    for b in &article.boilerplate {
        f("boilerplate", b);
    }
}

/// Byte range of `part` inside `whole`, or `None` when `part` does not point into it.
pub fn span_in(whole: &str, part: &str) -> Option<(usize, usize)> {
    let base = whole.as_ptr() as usize;
    let start = (part.as_ptr() as usize).checked_sub(base)?;
    let end = start.checked_add(part.len())?;
    (end <= whole.len()).then_some((start, end))
}

/// Panics unless every text of `article` is a slice of `input` on char
/// boundaries, and its paragraphs come in input order without overlapping.
pub fn assert_borrows_from(input: &str, article: &Article<'_>) {
    for_each_str(article, &mut |field, s| {
        let Some((start, end)) = span_in(input, s) else {
            panic!("{field} {s:?} is not a slice of the input");
        };
        assert!(
            input.is_char_boundary(start) && input.is_char_boundary(end),
            "{field} at {start}..{end} is not on char boundaries"
        );
    });
    let mut prev_end = 0;
    for p in &article.paragraphs {
        let (start, end) = span_in(input, p).expect("paragraph inside input");
        assert!(
            start >= prev_end,
            "paragraph at {start}..{end} overlaps or precedes the one ending at {prev_end}"
        );
        prev_end = end;
    }
}

/// Every field of an article as owned text, carriage returns removed, with
/// the non-text fields (date numbers, state, agency) spelled out: what two
/// articles must share to count as "the same fields" across line-end styles.
pub fn normalised_fields(article: &Article<'_>) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for_each_str(article, &mut |field, s| {
        out.push((field, s.replace('\r', "")))
    });
    if let Some(d) = &article.dateline {
        if let Some(l) = &d.location {
            out.push(("dateline.location.state", format!("{:?}", l.state)));
        }
        if let Some(date) = &d.date {
            let numbers = format!("{}-{}-{:?}", date.month, date.day, date.year);
            out.push(("dateline.date", numbers));
        }
        out.push((
            "dateline.agency",
            format!("{:?}", d.agency.map(|a| a.name())),
        ));
    }
    out.push(("agency", format!("{:?}", article.agency.map(|a| a.name()))));
    out
}

/// Parses `bytes` and checks everything that must hold for any input: a
/// result or the right error, and a result that borrows soundly from the input.
pub fn check_bytes(bytes: &[u8]) {
    match (newsparse::parse_bytes(bytes), std::str::from_utf8(bytes)) {
        (Ok(article), Ok(text)) => assert_borrows_from(text, &article),
        (Err(newsparse::Error::InvalidUtf8 { offset }), Err(e)) => {
            assert_eq!(offset, e.valid_up_to())
        }
        (Err(newsparse::Error::Empty), Ok(text)) => assert!(text.is_empty()),
        (Err(newsparse::Error::Blank { len }), Ok(text)) => {
            assert_eq!(len, text.len());
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            assert!(body.trim().is_empty());
        }
        (result, utf8) => panic!("parse_bytes gave {result:?} for input with UTF-8 check {utf8:?}"),
    }
}

/// Parses `text` and checks, beyond [`check_bytes`]: the same answer for a
/// copy elsewhere in memory, for the text with one more newline, and (after
/// removing carriage returns from the fields) for its CRLF form.
pub fn check_text(text: &str) {
    check_bytes(text.as_bytes());
    let first = newsparse::parse(text);
    let copy = text.to_owned();
    assert_eq!(
        first,
        newsparse::parse(&copy),
        "parsing is not deterministic"
    );

    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !body.trim().is_empty() {
        let longer = format!("{text}\n");
        assert_eq!(
            first,
            newsparse::parse(&longer),
            "a trailing newline changes the result"
        );
    }

    let lf: String = text.chars().filter(|&c| c != '\r').collect();
    let crlf = lf.replace('\n', "\r\n");
    let fields = |t: &str| {
        newsparse::parse(t)
            .map(|a| normalised_fields(&a))
            .map_err(|e| e.kind())
    };
    assert_eq!(fields(&lf), fields(&crlf), "LF and CRLF forms differ");
    check_explain(text);
}

/// The roles a field of the article may stand in: a paragraph in a `body`
/// block, a caption in a `caption` block, and so on. A byline or dateline
/// run into the first paragraph stands in its `body` block, a byline run into
/// a dateline line in its `dateline` block; a published time
/// may close the headline's or the byline's line; a credit may close the last
/// paragraph.
pub fn roles_of_field(field: &str) -> &'static [Role] {
    match field {
        "headline" => &[Role::Headline],
        "published" => &[Role::Published, Role::Headline, Role::Byline],
        f if f.starts_with("byline.") => &[Role::Byline, Role::Body, Role::Dateline],
        f if f.starts_with("dateline.") => &[Role::Dateline, Role::Body],
        "paragraphs" => &[Role::Body],
        "subheadings" => &[Role::Subheading],
        f if f.starts_with("captions.") => &[Role::Caption],
        "related" => &[Role::Related],
        "credits" => &[Role::Credits, Role::Body],
        "boilerplate" => &[Role::Boilerplate],
        // The agency's name as written comes from a dateline, a sign-off or a credit.
        "agency" => &[
            Role::Dateline,
            Role::Body,
            Role::Signoff,
            Role::Credits,
            Role::Boilerplate,
        ],
        other => panic!("no roles listed for field {other}"),
    }
}

/// The explain view of `text`: the same article as `parse`, blocks in order,
/// covering every byte that is not white space exactly once, every field of
/// the article inside a block of its role, and the same roles for the LF and
/// CRLF forms of the text.
pub fn check_explain(text: &str) {
    let Ok(ex) = newsparse::explain(text) else {
        assert!(
            newsparse::parse(text).is_err(),
            "explain fails where parse does not"
        );
        return;
    };
    assert_eq!(
        Ok(&ex.article),
        newsparse::parse(text).as_ref(),
        "explain gives another article"
    );
    let mut at = 0;
    for b in &ex.blocks {
        assert!(
            b.start >= at && b.start < b.end,
            "blocks out of order or empty: {b:?}"
        );
        assert!(
            text[at..b.start].chars().all(char::is_whitespace),
            "bytes {at}..{} in no block",
            b.start
        );
        assert_eq!(&text[b.start..b.end], b.text);
        assert!(
            !b.why.is_empty() && b.why != "undecided",
            "a block without a deciding rule: {b:?}"
        );
        at = b.end;
    }
    assert!(
        text[at..].chars().all(char::is_whitespace),
        "bytes after {at} in no block"
    );
    for_each_str(&ex.article, &mut |field, s| {
        let (start, end) = span_in(text, s).expect("a field outside the input");
        if start == end {
            return;
        }
        let Some(first) = ex.block_at(start) else {
            panic!("{field} {s:?} at {start} lies in no block");
        };
        // A field set out over several lines (a date widget) lies in each.
        let at = ex.blocks.iter().position(|b| b == first).unwrap();
        let spanned: Vec<_> = ex.blocks[at..]
            .iter()
            .take_while(|b| b.start < end)
            .collect();
        assert!(
            end <= spanned.last().unwrap().end,
            "{field} {s:?} runs past its blocks"
        );
        for b in spanned {
            assert!(
                roles_of_field(field).contains(&b.role),
                "{field} {s:?} lies in a {} block ({})",
                b.role,
                b.why
            );
        }
    });
    let lf: String = text.chars().filter(|&c| c != '\r').collect();
    let crlf = lf.replace('\n', "\r\n");
    let roles = |t: &str| {
        newsparse::explain(t)
            .map(|e| e.blocks.iter().map(|b| (b.role, b.why)).collect::<Vec<_>>())
            .map_err(|e| e.kind())
    };
    assert_eq!(
        roles(&lf),
        roles(&crlf),
        "LF and CRLF forms give other roles"
    );
}

/// Pieces of news copy that steer generated input into the parser's grammars.
pub const FRAGMENTS: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "    ",
    "\t",
    "\u{feff}",
    "\0",
    "Storm closes schools across the state",
    "Officials said on Monday that the plan would go ahead.",
    "By ",
    "By Jane Roe",
    "BY ALLEN CONE",
    "By Jane Roe and John Doe, UPI Staff Writer",
    "By Jill Disis, CNN Business",
    " and ",
    ", ",
    "Posted by: Admin on Aug 09, 2012",
    "Steve Peoples, AP National Political Writer",
    "WASHINGTON",
    "PROVO, Utah, Dec. 23 (UPI) -- ",
    "SEATTLE/WASHINGTON (Reuters) - ",
    "(AP) HONOLULU - ",
    "NEW YORK, March 26 - ",
    "AUSTIN, Texas, May 5, 2025 /PRNewswire/ -- ",
    "CITY, St.--(BUSINESS WIRE)--",
    "BEIJING, June 26 (Xinhua) -- ",
    "AP - ",
    "(AP)",
    "(UPI)",
    " -- ",
    " - ",
    "\u{2014}",
    "\u{2013}",
    "-----",
    "June 26",
    "Dec. 23, 2016",
    "Monday, June 26, 2017 10:32 a.m. EDT",
    "Published: ",
    "Updated on ",
    "RELATED ",
    "RELATED Kremlin cancels Friday talks",
    "Related: ",
    "Read more: ",
    "Related stories",
    "Photo by Joel Kowsky/NASA",
    "Photo: ",
    "Credit: ",
    "Reporting by Jane Roe; Editing by John Doe",
    "Reuter",
    "Share this",
    "Advertisement",
    "All rights reserved",
    "Copyright 2017 The Associated Press.",
    "* ",
    "\u{2022} ",
    "\"",
    "\u{201c}",
    ".",
    "\u{e9}",
    "\u{65e5}\u{672c}",
    "\u{1f600}",
];
