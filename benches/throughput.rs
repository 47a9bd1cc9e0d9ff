//! Parse throughput against the line-scan floor, on the same inputs side by side.
//!
//! `cargo bench` runs one group, `newsparse`, with `floor/*` (a single pass
//! that finds lines and blank-line paragraph breaks), `wording/*` (the floor
//! plus one lower-cased phrase search per line: what reading a line's words
//! costs at the least), `parse/*` and
//! `json/*` (serde JSON of the parsed articles) on: the seed article, the
//! mixed corpus (the committed fixtures, plus `../shared/corpus/dev` and
//! `../shared/corpus/bulk` when present) and one large article of about
//! 1 MB of body text. With `--features ffi`, `ffi/*` is the C ABI path:
//! `newsparse_parse`, every field read through its accessor, then
//! `newsparse_article_free`. Throughput is in input bytes; the `articles`
//! group gives the same parse runs in articles per second.

use std::{hint::black_box, path::Path, time::Duration};

use criterion::{
    BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime,
};

mod common;

/// The named inputs: each a list of article texts.
fn inputs() -> Vec<(&'static str, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(root.join("tests/fixtures/upi-kislyak.txt"))
        .expect("the seed fixture is committed");
    let mut dirs = vec![root.join("tests/fixtures")];
    for d in ["dev", "bulk"] {
        let p = root.join("../shared/corpus").join(d);
        if p.is_dir() {
            dirs.push(p);
        }
    }
    let mixed = common::load_texts(&dirs);
    vec![
        ("seed", vec![seed.clone()]),
        ("mixed", mixed),
        ("large", vec![large_article(&seed)]),
    ]
}

/// One article of about 1 MB: the seed, then its body paragraphs over and over.
fn large_article(seed: &str) -> String {
    let article = newsparse::parse(seed).expect("the seed parses");
    let mut text = seed.to_string();
    while text.len() < 1 << 20 {
        for p in &article.paragraphs {
            text.push_str("\n\n");
            text.push_str(p);
        }
    }
    text.push('\n');
    text
}

fn bench_input(g: &mut BenchmarkGroup<'_, WallTime>, name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("floor/{name}"), |b| {
        b.iter(|| {
            for t in texts {
                black_box(common::line_scan(black_box(t)));
            }
        })
    });
    let mut wording = common::WordingScan::new();
    g.bench_function(format!("wording/{name}"), |b| {
        b.iter(|| {
            for t in texts {
                black_box(wording.scan(black_box(t)));
            }
        })
    });
    g.bench_function(format!("parse/{name}"), |b| {
        b.iter(|| {
            for t in texts {
                let _ = black_box(newsparse::parse(black_box(t)));
            }
        })
    });
    #[cfg(feature = "ffi")]
    g.bench_function(format!("ffi/{name}"), |b| {
        b.iter(|| {
            for t in texts {
                black_box(c_abi::parse_and_read(black_box(t)));
            }
        })
    });
    let articles: Vec<_> = texts
        .iter()
        .filter_map(|t| newsparse::parse(t).ok())
        .collect();
    let mut out = Vec::with_capacity(bytes * 2);
    g.bench_function(format!("json/{name}"), |b| {
        b.iter(|| {
            out.clear();
            for a in &articles {
                serde_json::to_writer(&mut out, a).expect("writing to a Vec never fails");
                out.push(b'\n');
            }
            black_box(&out);
        })
    });
}

/// The C ABI path, called from Rust as a C caller would call it.
#[cfg(feature = "ffi")]
mod c_abi {
    use std::ptr::{null, null_mut};

    use newsparse::ffi::{newsparse_result::NEWSPARSE_OK, *};

    type Article = *const newsparse_article;
    type Getter = extern "C" fn(Article, *mut newsparse_str, *mut usize) -> newsparse_result;
    type Count = extern "C" fn(Article) -> usize;
    type ItemGetter =
        extern "C" fn(Article, usize, *mut newsparse_str, *mut usize) -> newsparse_result;

    const FIELDS: [Getter; 13] = [
        newsparse_article_headline,
        newsparse_article_published,
        newsparse_article_byline_text,
        newsparse_article_byline_affiliation,
        newsparse_article_dateline_text,
        newsparse_article_dateline_location,
        newsparse_article_dateline_city,
        newsparse_article_dateline_region,
        newsparse_article_dateline_state,
        newsparse_article_dateline_date,
        newsparse_article_dateline_agency,
        newsparse_article_agency,
        newsparse_article_credits,
    ];

    const LISTS: [(Count, ItemGetter); 6] = [
        (
            newsparse_article_byline_author_count,
            newsparse_article_byline_author,
        ),
        (
            newsparse_article_paragraph_count,
            newsparse_article_paragraph,
        ),
        (newsparse_article_caption_count, newsparse_article_caption),
        (
            newsparse_article_caption_count,
            newsparse_article_caption_credit,
        ),
        (newsparse_article_related_count, newsparse_article_related),
        (
            newsparse_article_boilerplate_count,
            newsparse_article_boilerplate,
        ),
    ];

    /// Parses `text` and reads every field; returns the bytes of text read.
    pub fn parse_and_read(text: &str) -> usize {
        let mut article = null_mut();
        if newsparse_parse(text.as_ptr(), text.len(), &mut article) != NEWSPARSE_OK {
            return 0;
        }
        let a = article.cast_const();
        let mut s = newsparse_str {
            ptr: null(),
            len: 0,
        };
        let mut offset = 0usize;
        let mut total = 0;
        for get in FIELDS {
            if get(a, &mut s, &mut offset) == NEWSPARSE_OK {
                total += s.len;
            }
        }
        let mut date = newsparse_date {
            month: 0,
            day: 0,
            year: 0,
            has_year: false,
        };
        if newsparse_article_dateline_date_parts(a, &mut date) == NEWSPARSE_OK {
            total += usize::from(date.day);
        }
        for (count, get) in LISTS {
            for i in 0..count(a) {
                if get(a, i, &mut s, &mut offset) == NEWSPARSE_OK {
                    total += s.len;
                }
            }
        }
        newsparse_article_free(article);
        total
    }
}

fn throughput(c: &mut Criterion) {
    let inputs = inputs();
    let mut g = c.benchmark_group("newsparse");
    // The mixed corpus takes a good fraction of a second per pass.
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for (name, texts) in &inputs {
        bench_input(&mut g, name, texts);
    }
    g.finish();

    let mut g = c.benchmark_group("articles");
    g.sample_size(10).warm_up_time(Duration::from_secs(1));
    for (name, texts) in inputs.iter().filter(|(n, _)| *n != "large") {
        g.throughput(Throughput::Elements(texts.len() as u64));
        g.bench_function(format!("parse/{name}"), |b| {
            b.iter(|| {
                for t in texts {
                    let _ = black_box(newsparse::parse(black_box(t)));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
