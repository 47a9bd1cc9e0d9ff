//! The C library of newsparse: `libnewsparse.so` (SONAME `libnewsparse.so.0`)
//! and `libnewsparse.a`, whose functions are those of `newsparse::ffi`,
//! declared in `include/newsparse.h`.
//!
//! A crate of its own, as regex-capi and rustls-ffi do it, so that the C
//! library is the only artifact named `libnewsparse.so`: the core crate is an
//! rlib alone, and no build of it with other features can replace the C
//! library with one that lacks the C API. The functions stay in the core
//! crate's `ffi` module, where the Rust tests, benchmarks and fuzz target call
//! them; re-exporting them links them in, and a cdylib exports every
//! `#[no_mangle]` function it links.
#![forbid(unsafe_code)]

pub use newsparse_core::ffi::*;
