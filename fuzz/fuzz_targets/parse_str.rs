//! Valid UTF-8 assembled from article fragments (bylines, datelines, agency
//! markers, related and credit lines, dashes, CR/LF), so the fuzzer reaches
//! the grammars instead of stopping at the UTF-8 check. Beyond the checks of
//! `parse`: determinism, trailing-newline and CRLF insensitivity, and JSON output.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

#[derive(Arbitrary, Debug)]
enum Piece<'a> {
    Fragment(u8),
    Text(&'a str),
}

fuzz_target!(|pieces: Vec<Piece<'_>>| {
    let mut text = String::new();
    for piece in &pieces {
        match piece {
            Piece::Fragment(i) => {
                text.push_str(common::FRAGMENTS[*i as usize % common::FRAGMENTS.len()])
            }
            Piece::Text(s) => text.push_str(s),
        }
    }
    common::check_text(&text);
    if let Ok(article) = newsparse::parse(&text) {
        let json = serde_json::to_string(&article).expect("an article serialises");
        serde_json::from_str::<serde_json::Value>(&json).expect("the JSON reads back");
    }
});
