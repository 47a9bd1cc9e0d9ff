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

/// Lines of standard error.
fn stderr_lines(out: &Output) -> Vec<&str> {
    std::str::from_utf8(&out.stderr).unwrap().lines().collect()
}

/// A tree of 400 articles in nested folders (several chunks of the pipeline),
/// every seventh one empty (a failure).
fn many_files(name: &str) -> PathBuf {
    let dir = scratch(name);
    let seed = std::fs::read_to_string(SEED).unwrap();
    for i in 0..400 {
        let sub = dir.join(format!("d{}", i % 5)).join(format!("e{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        let text = if i % 7 == 0 {
            String::new()
        } else {
            // Each file differs, so an order mix-up shows in the output.
            format!("Headline number {i}\n\n{seed}")
        };
        std::fs::write(sub.join(format!("{i:03}.txt")), text).unwrap();
    }
    dir
}

#[test]
fn threads_keep_the_output_byte_identical_and_in_walk_order() {
    let dir = many_files("threads");
    let dir = dir.to_str().unwrap();
    let one = run(&["-j", "1", dir]);
    assert_eq!(one.status.code(), Some(1), "{one:?}");
    let recs = records(&one);
    assert_eq!(recs.len(), 400);
    let paths: Vec<&str> = recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "a walk is in sorted order");
    for threads in ["2", "4", "7"] {
        let many = run(&["-q", "--threads", threads, dir, dir]);
        assert_eq!(many.status.code(), Some(1));
        assert_eq!(many.stdout, [&one.stdout[..], &one.stdout[..]].concat());
    }
    // The failure lines come in the same order as the records.
    let four = run(&["-j4", dir]);
    assert_eq!(four.stdout, one.stdout);
    let failures = |out: &Output| -> Vec<String> {
        let lines = stderr_lines(out);
        lines[..lines.len() - 1]
            .iter()
            .map(|l| l.to_string())
            .collect()
    };
    assert_eq!(failures(&four), failures(&one));
    assert_eq!(failures(&one).len(), 58);
}

#[test]
fn a_dash_reads_standard_input_among_files() {
    let out = run_stdin(
        &[SEED, "-", SEED],
        b"Stdin headline\n\nAP - The Senate voted.\n",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let recs = records(&out);
    let paths: Vec<&str> = recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [SEED, "-", SEED]);
    assert_eq!(recs[1]["article"]["headline"], "Stdin headline");
    assert_eq!(recs[2]["article"], seed_article());
}

#[test]
fn files_from_a_list_or_standard_input() {
    let dir = scratch("files-from");
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::copy(SEED, dir.join("sub/one.txt")).unwrap();
    std::fs::copy(SEED, dir.join("sub/two.txt")).unwrap();
    let list = dir.join("list");
    let sub = dir.join("sub");
    // CRLF ends, a blank line, a directory and a file.
    std::fs::write(
        &list,
        format!("{}\r\n\n{}\n", sub.join("two.txt").display(), sub.display()),
    )
    .unwrap();
    let expected = [
        sub.join("two.txt"),
        sub.join("one.txt"),
        sub.join("two.txt"),
    ]
    .map(|p| p.to_string_lossy().into_owned());
    let paths = |out: &Output| -> Vec<String> {
        records(out)
            .iter()
            .map(|r| r["path"].as_str().unwrap().to_owned())
            .collect()
    };

    let out = run(&["--files-from", list.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(paths(&out), expected);

    let listed = std::fs::read(&list).unwrap();
    let out = run_stdin(&[SEED, "--files-from=-"], &listed);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let mut with_seed = vec![SEED.to_owned()];
    with_seed.extend(expected);
    assert_eq!(paths(&out), with_seed);

    let missing = dir.join("no-list");
    let out = run(&["--files-from", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(records(&out)[0]["error"]["kind"], "io");
}

#[test]
fn a_walk_takes_txt_in_any_case_only() {
    let dir = scratch("case");
    for name in ["a.TXT", "b.Txt", "c.txt", "d.text", "e.txt.bak", "txt"] {
        std::fs::copy(SEED, dir.join(name)).unwrap();
    }
    let out = run(&[dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let names: Vec<String> = records(&out)
        .iter()
        .map(|r| {
            let path = Path::new(r["path"].as_str().unwrap());
            path.file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    assert_eq!(names, ["a.TXT", "b.Txt", "c.txt"]);
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_skipped_or_followed_without_looping() {
    use std::os::unix::fs::symlink;
    let dir = scratch("links");
    let outside = scratch("links-outside");
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::copy(SEED, dir.join("sub/a.txt")).unwrap();
    std::fs::copy(SEED, outside.join("b.txt")).unwrap();
    symlink(&dir, dir.join("sub/loop")).unwrap();
    symlink(&outside, dir.join("sub/more")).unwrap();
    symlink(dir.join("sub/a.txt"), dir.join("z.txt")).unwrap();
    let names = |out: &Output| -> Vec<String> {
        records(out)
            .iter()
            .map(|r| {
                let path = Path::new(r["path"].as_str().unwrap());
                let rel = path.strip_prefix(&dir).unwrap();
                rel.to_string_lossy().into_owned()
            })
            .collect()
    };

    let skip = run(&[dir.to_str().unwrap()]);
    assert_eq!(skip.status.code(), Some(0), "{skip:?}");
    assert_eq!(names(&skip), ["sub/a.txt"]);

    let follow = run(&["--follow", dir.to_str().unwrap()]);
    assert_eq!(follow.status.code(), Some(0), "{follow:?}");
    assert_eq!(names(&follow), ["sub/a.txt", "sub/more/b.txt", "z.txt"]);
    let stderr = stderr_lines(&follow);
    assert_eq!(stderr.len(), 2, "{stderr:?}");
    assert!(
        stderr[0].starts_with(&format!("newsparse: {}", dir.join("sub/loop").display()))
            && stderr[0].contains("skipped"),
        "{stderr:?}"
    );
}

#[test]
fn a_failure_is_also_one_line_on_standard_error() {
    let dir = scratch("stderr");
    let missing = dir.join("nope.txt");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = run(&[missing.to_str().unwrap(), SEED, empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(records(&out).len(), 3);
    let stderr = stderr_lines(&out);
    assert_eq!(stderr.len(), 3, "{stderr:?}");
    assert!(
        stderr[0].starts_with(&format!("newsparse: {}: ", missing.display())),
        "{stderr:?}"
    );
    assert!(stderr[0].contains("No such file"), "{stderr:?}");
    assert_eq!(
        stderr[1],
        format!("newsparse: {}: input is empty", empty.display())
    );
}

#[test]
fn a_summary_closes_standard_error_unless_quiet() {
    let dir = scratch("summary");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let size = std::fs::metadata(SEED).unwrap().len();
    let out = run(&[SEED, empty.to_str().unwrap(), SEED]);
    let stderr = stderr_lines(&out);
    let summary = stderr.last().unwrap();
    let expected = format!(
        "newsparse: 3 files, 2 parsed, 1 failed, {} bytes (",
        2 * size
    );
    assert!(summary.starts_with(&expected), "{summary}");
    assert!(summary.ends_with(" s"), "{summary}");
    // A pipe never gets a progress bar's control characters.
    assert!(!out.stderr.iter().any(|&b| b == b'\r' || b == 0x1b));

    let quiet = run(&["-q", SEED]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty(), "{quiet:?}");
    assert_eq!(records(&quiet).len(), 1);
}

#[test]
fn version_prints_the_crate_version() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("newsparse {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn output_goes_to_a_file() {
    let dir = scratch("output");
    let path = dir.join("out.jsonl");
    let out = run(&["-q", "--output", path.to_str().unwrap(), SEED]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), run(&["-q", SEED]).stdout);

    let unwritable = dir.join("no-such-dir/out.jsonl");
    let out = run(&["-o", unwritable.to_str().unwrap(), SEED]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("out.jsonl"), "{stderr}");
}

#[test]
fn bad_option_values_exit_2() {
    for args in [
        &["-j", "0", SEED][..],
        &["--threads"],
        &["--format", "xml", SEED],
        &["--format", "parquet", SEED],
        &["--files-from", "-", "-"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    }
}
