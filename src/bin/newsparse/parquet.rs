//! `--format parquet`: one row per input file, written through Arrow in row
//! groups so that memory stays flat over any number of files.
//!
//! The columns are the table in [`Columns::new`]; the README documents them.

use std::{
    borrow::Cow,
    io::{self, Write},
    sync::Arc,
};

use arrow_array::{
    ArrayRef, ListArray, RecordBatch, StructArray,
    builder::{
        ArrayBuilder, ListBuilder, StringBuilder, UInt8Builder, UInt16Builder, UInt64Builder,
    },
};
use arrow_buffer::{NullBufferBuilder, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, Field, Fields};
use newsparse::{Article, Byline, Dateline};
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
    type Chunk = Columns;

    fn chunk(&self) -> Columns {
        Columns::new()
    }

    fn push(&self, chunk: &mut Columns, record: &Record<'_>) -> io::Result<()> {
        let article = match &record.outcome {
            Outcome::Article(a) => Some(a),
            // `args` refuses --explain with parquet; the view's article is the same.
            Outcome::Explained(_, ex) => Some(&ex.article),
            Outcome::Error(_) => None,
        };
        for (_, column) in &mut chunk.0 {
            column.push(record, article);
        }
        Ok(())
    }
}

/// Writes the chunks' batches to a Parquet file (Snappy-compressed).
pub struct ParquetSink<W: Write + Send> {
    writer: Option<ArrowWriter<W>>,
}

impl<W: Write + Send> ParquetSink<W> {
    /// Starts the file: the schema is that of an empty chunk.
    pub fn new(out: W) -> io::Result<Self> {
        let schema = Columns::new().finish().map_err(io::Error::other)?.schema();
        let props = WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_2_0)
            .set_compression(Compression::SNAPPY)
            .set_dictionary_enabled(false)
            .set_statistics_enabled(EnabledStatistics::Chunk)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .build();
        let writer = ArrowWriter::try_new(out, schema, Some(props)).map_err(io::Error::other)?;
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

impl<W: Write + Send> Sink<Columns> for ParquetSink<W> {
    fn write(&mut self, chunk: Columns) -> io::Result<()> {
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

/// The columns of some rows, as they are being built.
pub struct Columns(Vec<(&'static str, Box<dyn Column>)>);

impl Columns {
    /// The schema, in column order. A new nullable text field of `Article` is
    /// one more `text` line.
    fn new() -> Self {
        Columns(vec![
            ("path", Box::new(Path::default())),
            ("headline", text(|a| a.headline.map(Cow::from))),
            ("published", text(|a| a.published.map(Cow::from))),
            (
                "published_at",
                text(|a| a.published_at.map(|t| t.to_string().into())),
            ),
            ("byline", Box::new(BylineColumn::default())),
            ("dateline", Box::new(DatelineColumn::default())),
            ("agency", text(|a| a.agency.map(|g| g.name().into()))),
            ("paragraphs", text_list(|a| &a.paragraphs)),
            ("subheadings", text_list(|a| &a.subheadings)),
            ("captions", Box::new(Captions::default())),
            ("related", text_list(|a| &a.related)),
            ("credits", text(|a| a.credits.map(Cow::from))),
            ("boilerplate", text_list(|a| &a.boilerplate)),
            ("error", Box::new(ErrorColumn::default())),
        ])
    }

    /// The rows pushed so far as one batch; the builders start afresh.
    fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<(&str, ArrayRef)> = self
            .0
            .iter_mut()
            .map(|(name, column)| Ok((*name, column.finish()?)))
            .collect::<Result<_, ArrowError>>()?;
        // Only `path` is never null.
        let fields: Vec<Field> = columns
            .iter()
            .map(|(name, array)| Field::new(*name, array.data_type().clone(), *name != "path"))
            .collect();
        let arrays = columns.into_iter().map(|(_, a)| a).collect();
        RecordBatch::try_new(Arc::new(arrow_schema::Schema::new(fields)), arrays)
    }
}

/// One column: a value per record, null where the record has none.
trait Column: Send {
    fn push(&mut self, record: &Record<'_>, article: Option<&Article<'_>>);
    fn finish(&mut self) -> Result<ArrayRef, ArrowError>;
}

#[derive(Default)]
struct Path(StringBuilder);

impl Column for Path {
    fn push(&mut self, record: &Record<'_>, _: Option<&Article<'_>>) {
        self.0.append_value(record.path);
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        Ok(Arc::new(self.0.finish()))
    }
}

/// A text field of the article, borrowed, or written out for a typed one
/// (`|a| a.published_at.map(|t| t.to_string().into())`).
struct Text {
    field: TextField,
    values: StringBuilder,
}

type TextField = for<'r> fn(&'r Article<'_>) -> Option<Cow<'r, str>>;

fn text(field: TextField) -> Box<dyn Column> {
    Box::new(Text {
        field,
        values: StringBuilder::new(),
    })
}

impl Column for Text {
    fn push(&mut self, _: &Record<'_>, article: Option<&Article<'_>>) {
        self.values
            .append_option(article.and_then(self.field).as_deref());
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        Ok(Arc::new(self.values.finish()))
    }
}

/// A list of texts of the article: empty when it has none, null for an error.
struct TextList {
    field: for<'r> fn(&'r Article<'_>) -> &'r [&'r str],
    values: ListBuilder<StringBuilder>,
}

fn text_list(field: for<'r> fn(&'r Article<'_>) -> &'r [&'r str]) -> Box<dyn Column> {
    Box::new(TextList {
        field,
        values: ListBuilder::new(StringBuilder::new()),
    })
}

/// Appends a list of texts, or a null list.
fn append_texts<'t>(
    list: &mut ListBuilder<StringBuilder>,
    texts: Option<impl IntoIterator<Item = &'t str>>,
) {
    match texts {
        Some(texts) => {
            for t in texts {
                list.values().append_value(t);
            }
            list.append(true);
        }
        None => list.append_null(),
    }
}

impl Column for TextList {
    fn push(&mut self, _: &Record<'_>, article: Option<&Article<'_>>) {
        let texts = article.map(|a| (self.field)(a).iter().copied());
        append_texts(&mut self.values, texts);
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        Ok(Arc::new(self.values.finish()))
    }
}

/// A struct array of named children, null where `valid` says so.
fn structure(
    children: Vec<(&str, ArrayRef)>,
    valid: &mut NullBufferBuilder,
) -> Result<ArrayRef, ArrowError> {
    let fields: Fields = children
        .iter()
        .map(|(name, a)| Field::new(*name, a.data_type().clone(), true))
        .collect();
    let arrays = children.into_iter().map(|(_, a)| a).collect();
    Ok(Arc::new(StructArray::try_new(
        fields,
        arrays,
        valid.finish(),
    )?))
}

fn valid() -> NullBufferBuilder {
    NullBufferBuilder::new(0)
}

/// `byline`: struct of `text`, `authors` (list of names), `affiliation`.
struct BylineColumn {
    valid: NullBufferBuilder,
    text: StringBuilder,
    authors: ListBuilder<StringBuilder>,
    affiliation: StringBuilder,
}

impl Default for BylineColumn {
    fn default() -> Self {
        BylineColumn {
            valid: valid(),
            text: StringBuilder::new(),
            authors: ListBuilder::new(StringBuilder::new()),
            affiliation: StringBuilder::new(),
        }
    }
}

impl Column for BylineColumn {
    fn push(&mut self, _: &Record<'_>, article: Option<&Article<'_>>) {
        let byline: Option<&Byline<'_>> = article.and_then(|a| a.byline.as_ref());
        self.valid.append(byline.is_some());
        self.text.append_option(byline.map(|b| b.text));
        let names = byline.map(|b| b.authors.iter().map(|a| a.name));
        append_texts(&mut self.authors, names);
        self.affiliation
            .append_option(byline.and_then(|b| b.affiliation));
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        structure(
            vec![
                ("text", Arc::new(self.text.finish())),
                ("authors", Arc::new(self.authors.finish())),
                ("affiliation", Arc::new(self.affiliation.finish())),
            ],
            &mut self.valid,
        )
    }
}

/// `dateline`: struct of `text`, `location`, `city`, `region`, `state`,
/// `date` (struct of `text`, `month`, `day`, `year`) and `agency`.
struct DatelineColumn {
    valid: NullBufferBuilder,
    text: StringBuilder,
    location: StringBuilder,
    city: StringBuilder,
    region: StringBuilder,
    state: StringBuilder,
    date_valid: NullBufferBuilder,
    date_text: StringBuilder,
    month: UInt8Builder,
    day: UInt8Builder,
    year: UInt16Builder,
    agency: StringBuilder,
}

impl Default for DatelineColumn {
    fn default() -> Self {
        DatelineColumn {
            valid: valid(),
            text: StringBuilder::new(),
            location: StringBuilder::new(),
            city: StringBuilder::new(),
            region: StringBuilder::new(),
            state: StringBuilder::new(),
            date_valid: valid(),
            date_text: StringBuilder::new(),
            month: UInt8Builder::new(),
            day: UInt8Builder::new(),
            year: UInt16Builder::new(),
            agency: StringBuilder::new(),
        }
    }
}

impl Column for DatelineColumn {
    fn push(&mut self, _: &Record<'_>, article: Option<&Article<'_>>) {
        let dateline: Option<&Dateline<'_>> = article.and_then(|a| a.dateline.as_ref());
        let place = dateline.and_then(|d| d.location.as_ref());
        let date = dateline.and_then(|d| d.date.as_ref());
        self.valid.append(dateline.is_some());
        self.text.append_option(dateline.map(|d| d.text));
        self.location.append_option(place.map(|p| p.text));
        self.city.append_option(place.map(|p| p.city));
        self.region.append_option(place.and_then(|p| p.region));
        self.state.append_option(place.and_then(|p| p.state));
        self.date_valid.append(date.is_some());
        self.date_text.append_option(date.map(|d| d.text));
        self.month.append_option(date.map(|d| d.month));
        self.day.append_option(date.map(|d| d.day));
        self.year.append_option(date.and_then(|d| d.year));
        self.agency
            .append_option(dateline.and_then(|d| d.agency).map(|g| g.name()));
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        let date = structure(
            vec![
                ("text", Arc::new(self.date_text.finish())),
                ("month", Arc::new(self.month.finish())),
                ("day", Arc::new(self.day.finish())),
                ("year", Arc::new(self.year.finish())),
            ],
            &mut self.date_valid,
        )?;
        structure(
            vec![
                ("text", Arc::new(self.text.finish())),
                ("location", Arc::new(self.location.finish())),
                ("city", Arc::new(self.city.finish())),
                ("region", Arc::new(self.region.finish())),
                ("state", Arc::new(self.state.finish())),
                ("date", date),
                ("agency", Arc::new(self.agency.finish())),
            ],
            &mut self.valid,
        )
    }
}

/// `captions`: list of structs of `text` and `credit`.
struct Captions {
    valid: NullBufferBuilder,
    /// Where each row's captions end, after a leading 0.
    offsets: Vec<i32>,
    text: StringBuilder,
    credit: StringBuilder,
}

impl Default for Captions {
    fn default() -> Self {
        Captions {
            valid: valid(),
            offsets: vec![0],
            text: StringBuilder::new(),
            credit: StringBuilder::new(),
        }
    }
}

impl Column for Captions {
    fn push(&mut self, _: &Record<'_>, article: Option<&Article<'_>>) {
        let captions = article.map_or(&[][..], |a| &a.captions);
        for c in captions {
            self.text.append_value(c.text);
            self.credit.append_option(c.credit);
        }
        self.valid.append(article.is_some());
        self.offsets.push(self.text.len() as i32);
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        let items = structure(
            vec![
                ("text", Arc::new(self.text.finish())),
                ("credit", Arc::new(self.credit.finish())),
            ],
            &mut valid(),
        )?;
        let item = Arc::new(Field::new("item", items.data_type().clone(), true));
        let offsets = std::mem::replace(&mut self.offsets, vec![0]);
        let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
        Ok(Arc::new(ListArray::try_new(
            item,
            offsets,
            items,
            self.valid.finish(),
        )?))
    }
}

/// `error`: struct of `kind`, `message`, `offset`; null for a parsed file.
struct ErrorColumn {
    valid: NullBufferBuilder,
    kind: StringBuilder,
    message: StringBuilder,
    offset: UInt64Builder,
}

impl Default for ErrorColumn {
    fn default() -> Self {
        ErrorColumn {
            valid: valid(),
            kind: StringBuilder::new(),
            message: StringBuilder::new(),
            offset: UInt64Builder::new(),
        }
    }
}

impl Column for ErrorColumn {
    fn push(&mut self, record: &Record<'_>, _: Option<&Article<'_>>) {
        let error = match &record.outcome {
            Outcome::Error(e) => Some(e),
            Outcome::Article(_) | Outcome::Explained(..) => None,
        };
        self.valid.append(error.is_some());
        self.kind.append_option(error.map(|e| e.kind));
        self.message
            .append_option(error.map(|e| e.message.as_str()));
        self.offset.append_option(error.map(|e| e.offset as u64));
    }

    fn finish(&mut self) -> Result<ArrayRef, ArrowError> {
        structure(
            vec![
                ("kind", Arc::new(self.kind.finish())),
                ("message", Arc::new(self.message.finish())),
                ("offset", Arc::new(self.offset.finish())),
            ],
            &mut self.valid,
        )
    }
}
