//! `newsparse --explain`: the JSON blocks, the readable table and the HTML
//! page, the page drawn by headless Chromium when it is installed.
#![cfg(feature = "cli")]

use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_newsparse");
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/upi-kislyak.txt"
);

fn stdout(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .output()
        .expect("run newsparse");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn explain_prints_the_library_blocks_as_json() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let out = stdout(&["--explain", SEED]);
    let rec: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(rec["path"], SEED);
    let blocks = rec["blocks"].as_array().unwrap();
    let want = newsparse::explain(&text).unwrap().blocks;
    assert_eq!(blocks.len(), want.len());
    for (got, want) in blocks.iter().zip(&want) {
        assert_eq!(got["start"], want.start);
        assert_eq!(got["end"], want.end);
        assert_eq!(got["role"], want.role.name());
        assert_eq!(got["why"], want.why);
        assert_eq!(got["kind"], want.kind);
    }
    assert_eq!(blocks[0]["role"], "headline");
}

#[test]
fn explain_reports_a_blank_file_as_an_error_record() {
    let dir = std::env::temp_dir().join(format!("newsparse-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, " \n").unwrap();
    let out = Command::new(BIN)
        .args(["--explain"])
        .arg(&blank)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rec: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec["error"]["kind"], "blank");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pretty_explain_gives_line_role_rule_and_text() {
    let out = stdout(&["--explain", "--pretty", SEED]);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows[0], format!("== {SEED}"));
    let first: Vec<&str> = rows[1].split_whitespace().collect();
    assert_eq!(&first[..3], ["1", "headline", "frame.headline"]);
    assert!(rows[1].ends_with("Russia's ambassador to leave post in U.S."));
    assert!(
        rows.iter()
            .any(|r| r.contains(" related ") && r.contains("RELATED Kremlin"))
    );
}

#[test]
fn html_needs_explain() {
    let out = Command::new(BIN).args(["--html", SEED]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The page of the seed: self-contained, one tinted span per block with its
/// rule on hover, and a legend of every role.
#[test]
fn html_page_is_self_contained_and_tints_every_block() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let blocks = newsparse::explain(&text).unwrap().blocks;
    let page = stdout(&["--explain", "--html", SEED]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!page.contains(external), "the page loads {external}");
    }
    assert_eq!(page.matches("<span class=\"blk ").count(), blocks.len());
    for role in newsparse::Role::ALL {
        assert!(
            page.contains(&format!(".r-{}{{", role.name())),
            "no tint for {role}"
        );
    }
    assert!(page.contains("title=\"headline: frame.headline (reads as text)\""));
    // The text is all there, escaped: the apostrophe of the headline.
    assert!(page.contains("Russia&#39;s ambassador"));
}

/// Headless Chromium opens the page and its script counts the blocks drawn
/// with a size. CI installs Chromium, and there its absence fails the test.
#[test]
fn chromium_draws_every_block_of_the_html_page() {
    let Some(browser) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium for this test"
        );
        eprintln!("no chromium: the page is not drawn");
        return;
    };
    let text = std::fs::read_to_string(SEED).unwrap();
    let blocks = newsparse::explain(&text).unwrap().blocks.len();
    let dir = std::env::temp_dir().join(format!("newsparse-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("explain.html");
    std::fs::write(&page, stdout(&["--explain", "--html", SEED])).unwrap();
    let out = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains(&format!("data-blocks=\"{blocks}\" data-drawn=\"{blocks}\"")),
        "chromium drew the page as: {}",
        dom.lines()
            .find(|l| l.contains("<body"))
            .unwrap_or("(no body)")
    );
    std::fs::remove_dir_all(&dir).ok();
}
