//! Parsed articles as Apache Arrow columns (feature `arrow`): one row per
//! input, the schema of the CLI's `--format parquet` and of the C library's
//! `newsparse_parse_arrow`, defined here once so that they cannot drift apart.
//!
//! ```
//! use newsparse::arrow::ArticleColumns;
//!
//! let mut columns = ArticleColumns::new();
//! let article = newsparse::parse("Storm closes schools\n\nSchools closed on Monday.\n")?;
//! columns.push_article("storm.txt", &article);
//! columns.push_parse_error("empty.txt", &newsparse::Error::Empty);
//! let batch = columns.finish().expect("the columns agree");
//! assert_eq!(batch.num_rows(), 2);
//! assert_eq!(batch.schema(), newsparse::arrow::schema());
//! # Ok::<(), newsparse::Error>(())
//! ```
//!
//! | column | type |
//! |---|---|
//! | `path` | `string`, never null |
//! | `headline`, `published`, `published_at` | `string` |
//! | `byline` | `struct<text: string, authors: list<string>, affiliation: string>` |
//! | `dateline` | `struct<text, location, city, region, state: string, date: struct<text: string, month: uint8, day: uint8, year: uint16>, agency: string>` |
//! | `agency` | `string` |
//! | `paragraphs`, `subheadings` | `list<string>` |
//! | `captions` | `list<struct<text: string, credit: string>>` |
//! | `related` | `list<string>` |
//! | `credits` | `string` |
//! | `boilerplate` | `list<string>` |
//! | `error` | `struct<kind: string, message: string, offset: uint64>` |
//!
//! The article columns are null in a row whose input failed, and `error` is
//! null in a row that parsed; an article's empty list is an empty list.

use std::{borrow::Cow, sync::Arc};

use arrow_array::{
    ArrayRef, ListArray, RecordBatch, StructArray,
    builder::{
        ArrayBuilder, ListBuilder, StringBuilder, UInt8Builder, UInt16Builder, UInt64Builder,
    },
};
use arrow_buffer::{NullBufferBuilder, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, Field, Fields, Schema, SchemaRef};

use crate::{Article, Byline, Dateline};

/// Why an input gave no article, as the `error` column holds it.
#[derive(Debug, Clone, Copy)]
pub struct RowError<'e> {
    /// A short machine-readable name: a parse error's [`Error::kind`](crate::Error::kind),
    /// or the caller's own (the CLI writes `io` for a file it cannot read).
    pub kind: &'e str,
    /// What went wrong, for people.
    pub message: &'e str,
    /// The byte offset of the problem in the input (0 when it has none).
    pub offset: u64,
}

/// What one row holds besides its path.
#[derive(Clone, Copy)]
enum Row<'r, 'a> {
    Article(&'r Article<'a>),
    Error(RowError<'r>),
}

impl<'r, 'a> Row<'r, 'a> {
    fn article(self) -> Option<&'r Article<'a>> {
        match self {
            Row::Article(a) => Some(a),
            Row::Error(_) => None,
        }
    }
}

/// The columns of some rows, as they are being built; [`finish`](Self::finish)
/// turns them into a [`RecordBatch`] of the [`schema`].
pub struct ArticleColumns {
    columns: Vec<(&'static str, Box<dyn Column>)>,
    rows: usize,
}

impl Default for ArticleColumns {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for ArticleColumns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArticleColumns")
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

impl ArticleColumns {
    /// No rows yet. The list below is the schema, in column order: a new
    /// nullable text field of `Article` is one more `text` line.
    pub fn new() -> Self {
        let columns: Vec<(&'static str, Box<dyn Column>)> = vec![
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
        ];
        ArticleColumns { columns, rows: 0 }
    }

    /// Adds the row of an input that parsed.
    pub fn push_article(&mut self, path: &str, article: &Article<'_>) {
        self.push(path, Row::Article(article));
    }

    /// Adds the row of an input that gave no article.
    pub fn push_error(&mut self, path: &str, error: RowError<'_>) {
        self.push(path, Row::Error(error));
    }

    /// Adds the row of an input that failed to parse (its kind, message and offset).
    pub fn push_parse_error(&mut self, path: &str, error: &crate::Error) {
        let message = error.to_string();
        self.push_error(
            path,
            RowError {
                kind: error.kind(),
                message: &message,
                offset: error.offset() as u64,
            },
        );
    }

    fn push(&mut self, path: &str, row: Row<'_, '_>) {
        for (_, column) in &mut self.columns {
            column.push(path, row);
        }
        self.rows += 1;
    }

    /// The number of rows pushed since the last [`finish`](Self::finish).
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row was pushed since the last [`finish`](Self::finish).
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The rows pushed so far as one batch; the columns start afresh. An error
    /// here is a bug (the columns disagree in length), never bad input.
    pub fn finish(&mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<(&str, ArrayRef)> = self
            .columns
            .iter_mut()
            .map(|(name, column)| Ok((*name, column.finish()?)))
            .collect::<Result<_, ArrowError>>()?;
        self.rows = 0;
        // Only `path` is never null.
        let fields: Vec<Field> = columns
            .iter()
            .map(|(name, array)| Field::new(*name, array.data_type().clone(), *name != "path"))
            .collect();
        let arrays = columns.into_iter().map(|(_, a)| a).collect();
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
    }
}

/// The schema of every batch [`ArticleColumns::finish`] gives.
pub fn schema() -> SchemaRef {
    ArticleColumns::new()
        .finish()
        .map(|batch| batch.schema())
        // An empty batch has columns of one length (0): nothing can disagree.
        .unwrap_or_else(|_| Arc::new(Schema::empty()))
}

/// One column: a value per row, null where the row has none.
trait Column: Send {
    fn push(&mut self, path: &str, row: Row<'_, '_>);
    fn finish(&mut self) -> Result<ArrayRef, ArrowError>;
}

#[derive(Default)]
struct Path(StringBuilder);

impl Column for Path {
    fn push(&mut self, path: &str, _: Row<'_, '_>) {
        self.0.append_value(path);
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
    fn push(&mut self, _: &str, row: Row<'_, '_>) {
        self.values
            .append_option(row.article().and_then(self.field).as_deref());
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
    fn push(&mut self, _: &str, row: Row<'_, '_>) {
        let texts = row.article().map(|a| (self.field)(a).iter().copied());
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
    fn push(&mut self, _: &str, row: Row<'_, '_>) {
        let byline: Option<&Byline<'_>> = row.article().and_then(|a| a.byline.as_ref());
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
    fn push(&mut self, _: &str, row: Row<'_, '_>) {
        let dateline: Option<&Dateline<'_>> = row.article().and_then(|a| a.dateline.as_ref());
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
    fn push(&mut self, _: &str, row: Row<'_, '_>) {
        let article = row.article();
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

/// `error`: struct of `kind`, `message`, `offset`; null for a parsed input.
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
    fn push(&mut self, _: &str, row: Row<'_, '_>) {
        let error = match row {
            Row::Error(e) => Some(e),
            Row::Article(_) => None,
        };
        self.valid.append(error.is_some());
        self.kind.append_option(error.map(|e| e.kind));
        self.message.append_option(error.map(|e| e.message));
        self.offset.append_option(error.map(|e| e.offset));
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

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Array, StringArray};

    #[test]
    fn rows_hold_articles_and_errors_in_order() {
        let mut columns = ArticleColumns::new();
        let article = crate::parse("Storm closes schools\n\nBy Jane Roe\n\nSchools closed.\n")
            .expect("parses");
        columns.push_article("a.txt", &article);
        columns.push_parse_error("b.txt", &crate::Error::Blank { len: 3 });
        assert_eq!(columns.len(), 2);
        let batch = columns.finish().expect("columns agree");
        assert!(columns.is_empty());
        assert_eq!(batch.schema(), schema());
        let strings = |name: &str| -> StringArray {
            batch
                .column_by_name(name)
                .expect("column")
                .as_any()
                .downcast_ref::<StringArray>()
                .expect("strings")
                .clone()
        };
        assert_eq!(strings("path").value(1), "b.txt");
        assert_eq!(strings("headline").value(0), "Storm closes schools");
        assert!(strings("headline").is_null(1));
        let error = batch.column_by_name("error").expect("error");
        assert!(error.is_null(0) && error.is_valid(1));
        let error = error
            .as_any()
            .downcast_ref::<StructArray>()
            .expect("struct");
        let kind = error.column(0).as_any().downcast_ref::<StringArray>();
        assert_eq!(kind.map(|k| k.value(1)), Some("blank"));
        // A second batch starts from no rows.
        assert_eq!(columns.finish().expect("empty").num_rows(), 0);
    }
}
