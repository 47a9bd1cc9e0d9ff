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
    /// The text read and its explain view; rendered by the explain modes alone.
    #[serde(skip)]
    Explained(&'a str, newsparse::Explanation<'a>),
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

/// `--explain`: one JSON line a file, `{"path": ..., "blocks": [...]}`, or its error record.
pub struct ExplainJson;

#[derive(Serialize)]
struct BlocksRecord<'r, 'a> {
    path: &'r str,
    blocks: &'r [newsparse::ExplainedBlock<'a>],
}

impl Render for ExplainJson {
    type Chunk = Vec<u8>;

    fn chunk(&self) -> Vec<u8> {
        Vec::new()
    }

    fn push(&self, chunk: &mut Vec<u8>, record: &Record<'_>) -> io::Result<()> {
        match &record.outcome {
            Outcome::Explained(_, ex) => serde_json::to_writer(
                &mut *chunk,
                &BlocksRecord {
                    path: record.path,
                    blocks: &ex.blocks,
                },
            )?,
            _ => serde_json::to_writer(&mut *chunk, record)?,
        }
        chunk.push(b'\n');
        Ok(())
    }
}

/// `--explain --pretty`: a table for people, a file after a `== PATH` line.
pub struct ExplainTable;

impl Render for ExplainTable {
    type Chunk = Vec<u8>;

    fn chunk(&self) -> Vec<u8> {
        Vec::new()
    }

    fn push(&self, chunk: &mut Vec<u8>, record: &Record<'_>) -> io::Result<()> {
        match &record.outcome {
            Outcome::Explained(text, ex) => {
                writeln!(chunk, "== {}", record.path)?;
                newsparse::view::write_pretty(chunk, text, ex)
            }
            Outcome::Error(e) => writeln!(chunk, "== {}: {}", record.path, e.message),
            Outcome::Article(_) => Ok(()),
        }
    }
}

/// `--explain --html`: each file a section of one page ([`HtmlPage`] opens and closes it).
pub struct ExplainHtml;

impl Render for ExplainHtml {
    type Chunk = Vec<u8>;

    fn chunk(&self) -> Vec<u8> {
        Vec::new()
    }

    fn push(&self, chunk: &mut Vec<u8>, record: &Record<'_>) -> io::Result<()> {
        match &record.outcome {
            Outcome::Explained(text, ex) => {
                newsparse::view::write_html_article(chunk, record.path, text, ex)
            }
            Outcome::Error(e) => {
                writeln!(
                    chunk,
                    "<article><h2>{}: {}</h2></article>",
                    escape(record.path),
                    escape(&e.message)
                )
            }
            Outcome::Article(_) => Ok(()),
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The HTML page around [`ExplainHtml`]'s sections.
pub struct HtmlPage<W: Write>(Bytes<W>);

impl<W: Write> HtmlPage<W> {
    /// Opens the page on `out`.
    pub fn new(mut out: W) -> io::Result<Self> {
        newsparse::view::write_html_start(&mut out)?;
        Ok(HtmlPage(Bytes(out)))
    }
}

impl<W: Write> Sink<Vec<u8>> for HtmlPage<W> {
    fn write(&mut self, chunk: Vec<u8>) -> io::Result<()> {
        self.0.write(chunk)
    }

    fn finish(&mut self) -> io::Result<()> {
        newsparse::view::write_html_end(&mut self.0.0)?;
        self.0.finish()
    }
}
