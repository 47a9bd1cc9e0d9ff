//! The `newsparse` binary: JSON lines for files, directories and standard
//! input, `--pretty`, error records, and its exit status.
#![cfg(feature = "cli")]

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::{Command, Output, Stdio},
};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_newsparse");
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/upi-kislyak.txt"
);

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("run newsparse")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsparse");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// One JSON value per output line.
fn records(out: &Output) -> Vec<Value> {
    let stdout = std::str::from_utf8(&out.stdout).expect("UTF-8 output");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// A fresh, empty directory for one test under cargo's scratch space.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn seed_article() -> Value {
    let text = std::fs::read_to_string(SEED).unwrap();
    serde_json::to_value(newsparse::parse(&text).unwrap()).unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

#[test]
fn a_file_prints_one_line_with_path_and_article() {
    let out = run(&[SEED]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(keys(&recs[0]), ["article", "path"]);
    assert_eq!(recs[0]["path"], SEED);
    assert_eq!(recs[0]["article"], seed_article());
    assert_eq!(
        recs[0]["article"]["headline"],
        "Russia's ambassador to leave post in U.S."
    );
}

#[test]
fn a_directory_is_walked_for_txt_files() {
    let dir = scratch("walk");
    std::fs::create_dir(dir.join("sub")).unwrap();
    let seed = std::fs::read(SEED).unwrap();
    std::fs::write(dir.join("b.txt"), &seed).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Short headline\n\nAP - The Senate voted on Monday.\n",
    )
    .unwrap();
    std::fs::write(dir.join("sub/c.txt"), &seed).unwrap();
    std::fs::write(dir.join("notes.md"), "# not an article\n").unwrap();
    std::fs::write(dir.join("data.json"), "{}").unwrap();

    let out = run(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let recs = records(&out);
    let paths: Vec<&str> = recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    let expected: Vec<String> = ["a.txt", "b.txt", "sub/c.txt"]
        .iter()
        .map(|f| dir.join(f).to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, expected);
    assert_eq!(recs[0]["article"]["agency"], "AP");
    assert_eq!(recs[1]["article"], seed_article());
    assert_eq!(recs[2]["article"], seed_article());
}

#[test]
fn standard_input_without_arguments() {
    let out = run_stdin(&[], &std::fs::read(SEED).unwrap());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["path"], "-");
    assert_eq!(recs[0]["article"], seed_article());
}

#[test]
fn pretty_output_is_the_same_record_over_several_lines() {
    let plain = run(&[SEED]);
    let pretty = run(&["--pretty", SEED]);
    assert_eq!(pretty.status.code(), Some(0), "{pretty:?}");
    let text = std::str::from_utf8(&pretty.stdout).unwrap();
    assert!(text.lines().count() > 10, "not pretty-printed:\n{text}");
    assert!(text.starts_with("{\n  \"path\""), "{text}");
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(value, records(&plain)[0]);
}

#[test]
fn bad_usage_exits_2() {
    let out = run(&["--no-such-option", SEED]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--no-such-option"), "{stderr}");
    assert!(stderr.contains("usage"), "{stderr}");
}

#[test]
fn failing_files_print_error_records_and_the_run_goes_on() {
    let dir = scratch("errors");
    std::fs::write(dir.join("1-empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("2-bad-utf8.txt"),
        b"Headline\n\nBody \xc3\x28 text.\n",
    )
    .unwrap();
    std::fs::write(dir.join("3-blank.txt"), " \n\t\n").unwrap();
    std::fs::copy(SEED, dir.join("4-good.txt")).unwrap();

    let out = run(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let recs = records(&out);
    assert_eq!(recs.len(), 4, "{recs:?}");
    let path = |f: &str| dir.join(f).to_string_lossy().into_owned();

    assert_eq!(
        recs[0],
        json!({"path": path("1-empty.txt"),
               "error": {"kind": "empty", "message": "input is empty", "offset": 0}})
    );
    assert_eq!(
        recs[1],
        json!({"path": path("2-bad-utf8.txt"),
               "error": {"kind": "invalid_utf8", "message": "invalid UTF-8 at byte offset 15", "offset": 15}})
    );
    assert_eq!(keys(&recs[2]), ["error", "path"]);
    assert_eq!(recs[2]["error"]["kind"], "blank");
    assert_eq!(recs[2]["error"]["offset"], 4);
    assert_eq!(recs[3]["path"], path("4-good.txt"));
    assert_eq!(recs[3]["article"], seed_article());
}

#[test]
fn invalid_utf8_on_standard_input() {
    let out = run_stdin(&[], b"\xff\xfe");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        records(&out),
        [json!({"path": "-", "error": {"kind": "invalid_utf8",
                "message": "invalid UTF-8 at byte offset 0", "offset": 0}})]
    );
}

#[test]
fn a_missing_file_is_an_error_record_and_later_files_still_run() {
    let dir = scratch("missing");
    let missing = dir.join("nope.txt");
    let missing = missing.to_str().unwrap();
    let out = run(&[missing, SEED]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["path"], missing);
    assert_eq!(recs[0]["error"]["kind"], "io");
    assert_eq!(recs[1]["article"], seed_article());
}

#[test]
fn encoding_decodes_input_that_is_not_utf8() {
    let latin1 = b"Caf\xe9 owner wins\n\nPARIS (Reuters) - The caf\xe9 won on Monday.\n";
    let strict = run_stdin(&[], latin1);
    assert_eq!(records(&strict)[0]["error"]["kind"], "invalid_utf8");
    for label in ["windows-1252", "latin1", "auto"] {
        let out = run_stdin(&["--encoding", label], latin1);
        assert!(out.status.success(), "{label}");
        let article = &records(&out)[0]["article"];
        assert_eq!(article["headline"], "Café owner wins");
        assert_eq!(article["paragraphs"][0], "The café won on Monday.");
    }
    let unknown = run(&["--encoding", "klingon", "-"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(run(&["--encoding"]).status.code(), Some(2));
}
