//! Replays every input the fuzzers or property tests ever found a bug with,
//! kept in `tests/fuzz-artifacts/`, through the checks the fuzz targets make.
//! Files are the raw input bytes; see the folder's README for naming.

mod common;

use std::path::Path;

#[test]
fn every_found_input_is_handled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-artifacts");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz-artifacts exists") {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| {
            common::check_bytes(&bytes);
            if let Ok(text) = std::str::from_utf8(&bytes) {
                common::check_text(text);
            }
        });
        assert!(result.is_ok(), "{} fails again", path.display());
        replayed += 1;
    }
    eprintln!("replayed {replayed} inputs");
}
