//! Output modes. A mode renders records into a chunk on whichever thread
//! parsed them ([`Render`]), and writes whole chunks in input order ([`Sink`]).
//! A new mode is a `Render` (and, unless it writes bytes, a `Sink`) and one
//! arm in `main::run`.

use std::io::{self, Write};

use serde::Serialize;

/// An error as the records show it.
#[derive(Serialize)]
pub struct ErrorRecord<'a> {
    pub kind: &'a str,
    pub message: String,
    pub offset: usize,
}

/// What became of one input.
// One record exists at a time, so the size gap between the variants costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome<'a> {
    Article(newsparse::Article<'a>),
    Error(ErrorRecord<'a>),
}

/// One input's record: `{"path": ..., "article": {...}}` or `{"path": ..., "error": {...}}`.
#[derive(Serialize)]
pub struct Record<'a> {
    pub path: &'a str,
    #[serde(flatten)]
    pub outcome: Outcome<'a>,
}

/// Renders records into chunks; shared by the parsing threads.
pub trait Render: Sync {
    /// Rendered records, handed to the [`Sink`] whole.
    type Chunk: Send;
    /// An empty chunk.
    fn chunk(&self) -> Self::Chunk;
    /// Adds one record to a chunk.
    fn push(&self, chunk: &mut Self::Chunk, record: &Record<'_>) -> io::Result<()>;
}

/// Writes chunks, in input order, on one thread.
pub trait Sink<C> {
    /// Writes one chunk.
    fn write(&mut self, chunk: C) -> io::Result<()>;
    /// Ends the output (flushes it, closes a file format's footer).
    fn finish(&mut self) -> io::Result<()>;
}

/// One JSON record a line, or indented with `pretty`.
pub struct JsonLines {
    pub pretty: bool,
}

impl Render for JsonLines {
    type Chunk = Vec<u8>;

    fn chunk(&self) -> Vec<u8> {
        Vec::new()
    }

    fn push(&self, chunk: &mut Vec<u8>, record: &Record<'_>) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut *chunk, record)?;
        } else {
            serde_json::to_writer(&mut *chunk, record)?;
        }
        chunk.push(b'\n');
        Ok(())
    }
}

/// A sink for modes that render bytes.
pub struct Bytes<W: Write>(pub W);

impl<W: Write> Sink<Vec<u8>> for Bytes<W> {
    fn write(&mut self, chunk: Vec<u8>) -> io::Result<()> {
        self.0.write_all(&chunk)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}
