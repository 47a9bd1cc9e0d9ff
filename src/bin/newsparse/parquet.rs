//! `--format parquet`: one row per input file, written through Arrow in row
//! groups so that memory stays flat over any number of files.
//!
//! The columns are those of [`newsparse::arrow`], shared with the C library's
//! `newsparse_parse_arrow`; the README documents them.

use std::io::{self, Write};

use newsparse::arrow::{ArticleColumns, RowError};
use parquet::{
    arrow::ArrowWriter,
    basic::Compression,
    file::properties::{EnabledStatistics, WriterProperties, WriterVersion},
};

use crate::output::{Outcome, Record, Render, Sink};

/// Rows per row group at most; a group also closes at [`ROW_GROUP_BYTES`].
const ROW_GROUP_ROWS: usize = 64 * 1024;

/// Encoded bytes a row group may hold in memory before it is written out.
const ROW_GROUP_BYTES: usize = 64 << 20;

/// Renders records into Arrow columns, on the parsing threads.
pub struct Rows;

impl Render for Rows {
    type Chunk = ArticleColumns;

    fn chunk(&self) -> ArticleColumns {
        ArticleColumns::new()
    }

    fn push(&self, chunk: &mut ArticleColumns, record: &Record<'_>) -> io::Result<()> {
        match &record.outcome {
            Outcome::Article(a) => chunk.push_article(record.path, a),
            // `args` refuses --explain with parquet; the view's article is the same.
            Outcome::Explained(_, ex) => chunk.push_article(record.path, &ex.article),
            Outcome::Error(e) => chunk.push_error(
                record.path,
                RowError {
                    kind: e.kind,
                    message: &e.message,
                    offset: e.offset as u64,
                },
            ),
        }
        Ok(())
    }
}

/// Writes the chunks' batches to a Parquet file (Snappy-compressed).
pub struct ParquetSink<W: Write + Send> {
    writer: Option<ArrowWriter<W>>,
}

impl<W: Write + Send> ParquetSink<W> {
    /// Starts the file with the schema of [`newsparse::arrow`].
    pub fn new(out: W) -> io::Result<Self> {
        let props = WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_2_0)
            .set_compression(Compression::SNAPPY)
            .set_dictionary_enabled(false)
            .set_statistics_enabled(EnabledStatistics::Chunk)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .build();
        let writer = ArrowWriter::try_new(out, newsparse::arrow::schema(), Some(props))
            .map_err(io::Error::other)?;
        Ok(ParquetSink {
            writer: Some(writer),
        })
    }

    fn writer(&mut self) -> io::Result<&mut ArrowWriter<W>> {
        self.writer
            .as_mut()
            .ok_or_else(|| io::Error::other("the Parquet file is already closed"))
    }
}

impl<W: Write + Send> Sink<ArticleColumns> for ParquetSink<W> {
    fn write(&mut self, mut chunk: ArticleColumns) -> io::Result<()> {
        let batch = chunk.finish().map_err(io::Error::other)?;
        self.writer()?.write(&batch).map_err(io::Error::other)
    }

    fn finish(&mut self) -> io::Result<()> {
        let writer = self.writer.take();
        let writer =
            writer.ok_or_else(|| io::Error::other("the Parquet file is already closed"))?;
        writer.into_inner().map_err(io::Error::other)?.flush()
    }
}
