//! Every text field of an article is a slice of the input: its bytes lie inside
//! the input's byte range. Checked over the seed article and every style fixture.

use newsparse::{Agency, Article};

/// Records `what` when `field` does not point into `input`.
fn inside(input: &[u8], field: &str, what: &str, outside: &mut Vec<String>) {
    let start = input.as_ptr() as usize;
    let end = start + input.len();
    let at = field.as_ptr() as usize;
    if at < start || at + field.len() > end {
        outside.push(format!("{what} {field:?}"));
    }
}

/// The fields of `a` that do not borrow from `input`.
fn fields_outside(input: &[u8], a: &Article<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, what: &str| inside(input, field, what, &mut out);
    if let Some(h) = a.headline {
        check(h, "headline");
    }
    if let Some(p) = a.published {
        check(p, "published");
    }
    if let Some(b) = &a.byline {
        check(b.text, "byline.text");
        for author in &b.authors {
            check(author.name, "byline.authors[].name");
        }
        if let Some(aff) = b.affiliation {
            check(aff, "byline.affiliation");
        }
    }
    if let Some(d) = &a.dateline {
        check(d.text, "dateline.text");
        if let Some(l) = &d.location {
            check(l.text, "dateline.location.text");
            check(l.city, "dateline.location.city");
            if let Some(r) = l.region {
                check(r, "dateline.location.region");
            }
        }
        if let Some(date) = &d.date {
            check(date.text, "dateline.date.text");
        }
        if let Some(Agency::Other(name)) = d.agency {
            check(name, "dateline.agency");
        }
    }
    if let Some(Agency::Other(name)) = a.agency {
        check(name, "agency");
    }
    for p in &a.paragraphs {
        check(p, "paragraphs[]");
    }
    for c in &a.captions {
        check(c.text, "captions[].text");
        if let Some(credit) = c.credit {
            check(credit, "captions[].credit");
        }
    }
    for r in &a.related {
        check(r, "related[]");
    }
    if let Some(c) = a.credits {
        check(c, "credits");
    }
    for b in &a.boilerplate {
        check(b, "boilerplate[]");
    }
    out
}

/// The seed article and every style fixture, with their names.
fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut files = vec![format!("{root}/upi-kislyak.txt")];
    let mut styles: Vec<String> = std::fs::read_dir(format!("{root}/styles"))
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    styles.sort();
    files.extend(styles);
    files
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap();
            (f, bytes)
        })
        .collect()
}

#[test]
fn every_text_field_borrows_from_the_input() {
    let inputs = inputs();
    assert!(inputs.len() > 20, "fixtures missing: {}", inputs.len());
    let mut failures = Vec::new();
    let mut others = 0;
    for (name, bytes) in &inputs {
        let article = newsparse::parse_bytes(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        others += usize::from(matches!(article.agency, Some(Agency::Other(_))));
        for field in fields_outside(bytes, &article) {
            failures.push(format!("{name}: {field}"));
        }
    }
    assert!(
        failures.is_empty(),
        "fields not borrowed from the input:\n  {}",
        failures.join("\n  ")
    );
    // The `Agency::Other` branch above must have been exercised by some fixture.
    assert!(others > 0, "no fixture credits an unknown service");
}

/// The check itself catches a field that points elsewhere.
#[test]
fn a_copied_field_is_caught() {
    let text = b"Headline here\n\nWASHINGTON (Reuters) - Officials said on Monday.\n";
    let mut article = newsparse::parse_bytes(text).unwrap();
    assert!(fields_outside(text, &article).is_empty());
    let copy = String::from("Officials said on Monday.");
    article.paragraphs[0] = &copy;
    assert_eq!(
        fields_outside(text, &article),
        ["paragraphs[] \"Officials said on Monday.\""]
    );
}
