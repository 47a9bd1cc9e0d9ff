//! Arbitrary bytes through `parse_bytes`: an article or the right error, and
//! an article whose every text is a slice of the input on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check_bytes(data);
});
