#![forbid(unsafe_code)]
//! The one error type of the crate: what went wrong, and at which byte offset.

/// Why an input could not be parsed.
///
/// Parsing is best-effort: once the input is non-empty UTF-8 text, a part
/// the parser cannot find is `None` in the [`Article`](crate::Article), never
/// an error. Every variant carries the byte offset where the problem lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no bytes at all.
    #[error("input is empty")]
    Empty,
    /// The input holds only white space (and perhaps a byte-order mark).
    #[error("input holds only white space ({len} bytes)")]
    Blank {
        /// Length of the input in bytes.
        len: usize,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not part of a valid UTF-8 sequence.
        offset: usize,
    },
    /// The encoding named for decoding the input is not one the library knows
    /// (see [`decode`](crate::decode); offset 0).
    #[error("unknown encoding label")]
    UnknownEncoding,
}

impl Error {
    /// The byte offset in the input where the problem lies.
    ///
    /// ```
    /// let err = newsparse::parse_bytes(b"ok\xffno").unwrap_err();
    /// assert_eq!(err.offset(), 2);
    /// ```
    pub fn offset(&self) -> usize {
        match *self {
            Error::Empty => 0,
            Error::Blank { len } => len,
            Error::InvalidUtf8 { offset } => offset,
            Error::UnknownEncoding => 0,
        }
    }

    /// A short machine-readable name of the error kind: `empty`, `blank`,
    /// `invalid_utf8`, `unknown_encoding`.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Empty => "empty",
            Error::Blank { .. } => "blank",
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::UnknownEncoding => "unknown_encoding",
        }
    }
}
