//! # newsparse
//!
//! A zero-copy parser that turns the plain text of a news article (wire copy,
//! press releases, whole news pages rendered to text) into structured data:
//! headline, byline and authors, dateline, body paragraphs, photo captions,
//! related-story links, credit lines and site boilerplate.
//!
//! Every text field of the result is a `&str` slice of the caller's input:
//! nothing is copied.
//!
//! ```
//! let text = "Storm closes schools\n\nBy Jane Roe\n\nPROVO, Utah, Dec. 23 (UPI) -- Schools closed on Monday.\n";
//! let article = newsparse::parse(text)?;
//! assert_eq!(article.headline, Some("Storm closes schools"));
//! assert_eq!(article.byline.as_ref().unwrap().authors[0].name, "Jane Roe");
//! let dateline = article.dateline.as_ref().unwrap();
//! assert_eq!(dateline.location.as_ref().unwrap().text, "PROVO, Utah");
//! assert_eq!(dateline.date.as_ref().unwrap().text, "Dec. 23");
//! assert_eq!(article.agency.map(|a| a.name()), Some("UPI"));
//! assert_eq!(article.paragraphs, ["Schools closed on Monday."]);
//! # Ok::<(), newsparse::Error>(())
//! ```
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod agency;
#[cfg(feature = "arrow")]
pub mod arrow;
mod article;
mod ascii;
mod blocks;
mod byline;
mod dateline;
#[cfg(feature = "encoding")]
mod encoding;
mod error;
mod explain;
#[cfg(feature = "ffi")]
pub mod ffi;
// The learned block-role labeller: under site-grouped cross-validation it
// labels no more lines right than the rules (README, "Learned roles") at about
// five times a parse, so parse() does not call it; the training feature and the
// tests build it.
#[cfg(any(test, feature = "training"))]
mod learned;
mod line_ends;
mod lines;
mod published;
mod role;
mod scratch;
mod shape;
mod timestamp;
#[cfg(feature = "training")]
#[doc(hidden)]
pub mod training;

pub use agency::Agency;
pub use article::{Article, Caption, parse, parse_bytes};
pub use byline::{Author, Byline};
pub use dateline::{Dateline, DatelineDate, Location};
#[cfg(feature = "encoding")]
pub use encoding::decode;
pub use error::Error;
pub use explain::{ExplainedBlock, Explanation, explain, explain_bytes, view};
pub use role::Role;
pub use timestamp::{PublishedAt, TimeOfDay, zone_offset};

// The README's Rust examples are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
