//! Snapshot guard: the JSON of every committed fixture against its committed
//! snapshot in `tests/snapshots/fixtures/`, so a refactor proves itself
//! byte-identical and a behaviour change shows which fixtures it moves.
//!
//! After an intended change, rewrite the snapshots with
//! `NEWSPARSE_BLESS=1 cargo test --test snapshots` and say in the commit why they moved.

use std::path::{Path, PathBuf};

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            fixtures(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// What the snapshot holds for one fixture: the article as the CLI prints it,
/// then the role of each block as `--explain` gives it.
fn render(bytes: &[u8]) -> String {
    let json = match newsparse::explain_bytes(bytes) {
        Ok(ex) => serde_json::to_string_pretty(&serde_json::json!({
            "article": ex.article,
            "blocks": ex.blocks,
        }))
        .unwrap(),
        Err(e) => format!("error: {e}"),
    };
    json + "\n"
}

#[test]
fn fixtures_match_their_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    fixtures(&root.join("tests/fixtures"), &mut files);
    assert!(files.len() > 30, "fixtures not found");
    let bless = std::env::var_os("NEWSPARSE_BLESS").is_some();
    let mut moved = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(root.join("tests/fixtures")).unwrap();
        let snap = root
            .join("tests/snapshots/fixtures")
            .join(rel)
            .with_extension("json");
        let got = render(&std::fs::read(file).unwrap());
        if bless {
            std::fs::create_dir_all(snap.parent().unwrap()).unwrap();
            std::fs::write(&snap, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&snap) {
            Ok(want) if want == got => {}
            Ok(_) => moved.push(format!("moved: {}", rel.display())),
            Err(_) => moved.push(format!("no snapshot: {}", rel.display())),
        }
    }
    assert!(
        moved.is_empty(),
        "{}\nif intended: NEWSPARSE_BLESS=1 cargo test --test snapshots",
        moved.join("\n")
    );
}
