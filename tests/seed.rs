//! The seed article (a UPI story scraped from its web page): every field of the
//! parse, and the whole article as JSON against a golden file.

const SEED: &str = include_str!("fixtures/upi-kislyak.txt");

#[test]
fn seed_fields() {
    let a = newsparse::parse(SEED).unwrap();

    // The headline is repeated under the byline; only its first occurrence counts.
    assert_eq!(
        a.headline,
        Some("Russia's ambassador to leave post in U.S.")
    );
    assert_eq!(a.published, None);

    let byline = a.byline.as_ref().expect("byline");
    assert_eq!(byline.text, "By Allen Cone");
    let authors: Vec<&str> = byline.authors.iter().map(|x| x.name).collect();
    assert_eq!(authors, ["Allen Cone"]);
    assert_eq!(byline.affiliation, None);

    let dateline = a.dateline.as_ref().expect("dateline");
    assert_eq!(dateline.text, "June 26 (UPI) --");
    assert_eq!(dateline.location, None);
    let date = dateline.date.as_ref().expect("dateline date");
    assert_eq!(
        (date.text, date.month, date.day, date.year),
        ("June 26", 6, 26, None)
    );
    assert_eq!(dateline.agency.map(|x| x.name()), Some("UPI"));
    assert_eq!(a.agency.map(|x| x.name()), Some("UPI"));

    let starts: Vec<&str> = a
        .paragraphs
        .iter()
        .map(|p| &p[..p.char_indices().nth(40).map_or(p.len(), |(i, _)| i)])
        .collect();
    assert_eq!(
        starts,
        [
            "Sergey Kislyak, Russia's ambassador to t",
            "The Russian Foreign Ministry said the de",
            "Kislyak's replacement in Washington will",
            "BuzzFeed reported three sources said Kis",
            "Kislyak had several meetings with member",
            "National Security Adviser Michael Flynn ",
            "The ambassador also met with then-Sen. J",
            "Senior adviser Jared Kushner, the son-in",
            "Congressional committees and Department ",
            "In March, CNN reported that the United S",
            "Kislyak, who was trained as an engineer,",
            "He became the U.S. ambassador shortly be",
            "Russian Foreign Ministry spokeswoman Mar",
        ]
    );
    // Whole paragraphs: the first without its dateline, the last up to its closing quote.
    assert_eq!(
        a.paragraphs[0],
        "Sergey Kislyak, Russia's ambassador to the United States and a key figure in the alleged meddling of the U.S. president election, is leaving his post and returning to Moscow, the nation's Foreign Ministry said Monday."
    );
    assert_eq!(
        a.paragraphs[12],
        "Russian Foreign Ministry spokeswoman Maria Zakharova on Monday said Kislyak, \"who has worked in the U.S. for nine years, will go down in the history of bilateral relations as a man who made everything possible for their development, even in the most difficult moments.\""
    );
    // Each paragraph after the first is one whole line of the text.
    for p in &a.paragraphs[1..] {
        assert!(SEED.lines().any(|line| line == *p), "not a whole line: {p}");
    }

    assert_eq!(a.captions.len(), 1);
    let caption = &a.captions[0];
    assert!(
        caption.text.starts_with(
            "Russian Ambassador Sergey Kislyak poses for a picture after NASA astronaut"
        )
    );
    assert!(
        caption
            .text
            .ends_with("after serving in the post for nine years. Photo by Joel Kowsky/NASA")
    );
    assert_eq!(caption.credit, Some("Joel Kowsky/NASA"));

    assert_eq!(
        a.related,
        [
            "Kremlin cancels Friday talks with U.S. over new sanctions",
            "Poll: 81% believe Trump should not stop Russian investigation",
            "Trump hosts Ukrainian president, extends sanctions on Russia",
            "Reports: Trump under investigation for possible obstruction",
            "AG Sessions: Accusations of Russia collusion 'appalling'",
        ]
    );
    assert_eq!(a.credits, None);
    assert_eq!(a.boilerplate, ["Latest Headlines", "Follow Us"]);
}

/// The whole article as JSON, as the CLI prints it, against `upi-kislyak.json`.
#[cfg(feature = "serde")]
#[test]
fn seed_golden_json() {
    let article = newsparse::parse(SEED).unwrap();
    let got = serde_json::to_value(&article).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/upi-kislyak.json")).unwrap();
    assert_eq!(
        got,
        want,
        "article JSON differs from tests/fixtures/upi-kislyak.json:\n{}",
        serde_json::to_string_pretty(&got).unwrap()
    );
}

/// The gold labels of the corpus agree with the parse, when the corpus is present.
#[cfg(feature = "serde")]
#[test]
fn seed_matches_corpus_gold() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/seed/upi-kislyak.gold.json"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&text).unwrap();
    let a = newsparse::parse(SEED).unwrap();
    let s = |v: Option<&str>| v.map_or(serde_json::Value::Null, Into::into);
    let byline = a.byline.as_ref();
    let dateline = a.dateline.as_ref();
    let authors: Vec<&str> =
        byline.map_or(Vec::new(), |b| b.authors.iter().map(|x| x.name).collect());
    let head40 = |p: Option<&&str>| {
        p.map(|p| p.chars().take(40).collect::<String>())
            .unwrap_or_default()
    };
    assert_eq!(gold["headline"], s(a.headline));
    assert_eq!(gold["published"], s(a.published));
    assert_eq!(gold["authors"], serde_json::json!(authors));
    assert_eq!(
        gold["byline_affiliation"],
        s(byline.and_then(|b| b.affiliation))
    );
    assert_eq!(
        gold["dateline_location"],
        s(dateline.and_then(|d| d.location.as_ref()).map(|l| l.text))
    );
    assert_eq!(
        gold["dateline_date"],
        s(dateline.and_then(|d| d.date.as_ref()).map(|x| x.text))
    );
    assert_eq!(gold["agency"], s(a.agency.map(|x| x.name())));
    assert_eq!(gold["body_first"], head40(a.paragraphs.first()).as_str());
    assert_eq!(gold["body_last"], head40(a.paragraphs.last()).as_str());
    assert_eq!(gold["related"], serde_json::json!(a.related));
    assert_eq!(gold["captions"], a.captions.len());
    assert_eq!(gold["tail_credits"], s(a.credits));
    assert_eq!(gold["boilerplate"], serde_json::json!(a.boilerplate));
}
