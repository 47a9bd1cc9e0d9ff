//! The C ABI (feature `ffi`), described for C by `include/newsparse.h`.
//!
//! The header is generated from this file by cbindgen, so every doc comment
//! here is what a C programmer reads: each says what the caller keeps alive,
//! what it frees and what may be NULL.
//!
//! Rules shared by every function:
//! - No function crashes on a bad argument: a NULL pointer gives
//!   `NEWSPARSE_NULL_ARGUMENT`, a list index past the end
//!   `NEWSPARSE_INDEX_OUT_OF_RANGE`, and a panic inside the library is caught
//!   and reported as `NEWSPARSE_PANIC`.
//! - Parsing is zero-copy: a `newsparse_article` views the caller's input
//!   buffer, and every `newsparse_str` it gives out points into that buffer
//!   (or, for canonical names such as `UPI` or `California`, into static
//!   memory of the library). The caller keeps the input buffer alive and
//!   unchanged until `newsparse_article_free`.
//! - Strings are not NUL-terminated: print them with `"%.*s", (int)s.len, s.ptr`.
//! - A present value always has a non-NULL `ptr`, even when empty; a missing
//!   one is `{NULL, 0}` and its accessor returns `NEWSPARSE_NOT_FOUND`.
//! - A failing call records its code, message and byte offset as the calling
//!   thread's last error (`newsparse_last_error_*`); `NEWSPARSE_OK` and
//!   `NEWSPARSE_NOT_FOUND` do not touch it.
#![allow(unsafe_code)]
// C naming: the names below are the names in the header.
#![allow(non_camel_case_types)]
// Every exported function is a safe `extern "C" fn` that checks its pointers for
// NULL; the remaining contract (pointers valid, input alive) is the C caller's,
// as documented on each function.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

use std::cell::RefCell;
use std::ffi::{CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

#[cfg(feature = "arrow")]
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};

use crate::{Agency, Article, Error};

/// Major version of the library this header belongs to.
pub const NEWSPARSE_VERSION_MAJOR: u32 = 0;
/// Minor version of the library this header belongs to.
pub const NEWSPARSE_VERSION_MINOR: u32 = 1;
/// Patch version of the library this header belongs to.
pub const NEWSPARSE_VERSION_PATCH: u32 = 0;
/// Version of the library this header belongs to, as `MAJOR.MINOR.PATCH`.
// cbindgen skips string constants: cbindgen.toml builds the macro from the numbers.
pub const NEWSPARSE_VERSION: &str = "0.1.0";

/// The offset given for a string that is not part of the input (a canonical
/// name such as `UPI` or `California`) or for an error without a position.
// cbindgen cannot write `usize::MAX`: cbindgen.toml defines it as `SIZE_MAX`.
pub const NEWSPARSE_NO_OFFSET: usize = usize::MAX;

/// The outcome of a call.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum newsparse_result {
    /// Success.
    NEWSPARSE_OK = 0,
    /// The article has no such part; the out value is `{NULL, 0}`. Not a failure.
    NEWSPARSE_NOT_FOUND = 1,
    /// A pointer argument that must not be NULL was NULL.
    NEWSPARSE_NULL_ARGUMENT = 2,
    /// The input holds no bytes (`len == 0`).
    NEWSPARSE_EMPTY_INPUT = 3,
    /// The input holds only white space (and perhaps a byte-order mark).
    NEWSPARSE_BLANK_INPUT = 4,
    /// The input is not valid UTF-8; the last error's offset is the first bad byte.
    NEWSPARSE_INVALID_UTF8 = 5,
    /// A list index at or past the list's count.
    NEWSPARSE_INDEX_OUT_OF_RANGE = 6,
    /// An argument no valid call can have (a length larger than `PTRDIFF_MAX`).
    NEWSPARSE_INVALID_ARGUMENT = 7,
    /// A bug: the library panicked. The panic was caught; no state was changed.
    NEWSPARSE_PANIC = 8,
    /// The encoding label given to `newsparse_parse_encoded` names no encoding.
    NEWSPARSE_UNKNOWN_ENCODING = 9,
    /// A file could not be read (`newsparse_parse_files`).
    NEWSPARSE_IO_ERROR = 10,
}

use newsparse_result::*;

impl newsparse_result {
    fn name(self) -> &'static str {
        match self {
            NEWSPARSE_OK => "NEWSPARSE_OK\0",
            NEWSPARSE_NOT_FOUND => "NEWSPARSE_NOT_FOUND\0",
            NEWSPARSE_NULL_ARGUMENT => "NEWSPARSE_NULL_ARGUMENT\0",
            NEWSPARSE_EMPTY_INPUT => "NEWSPARSE_EMPTY_INPUT\0",
            NEWSPARSE_BLANK_INPUT => "NEWSPARSE_BLANK_INPUT\0",
            NEWSPARSE_INVALID_UTF8 => "NEWSPARSE_INVALID_UTF8\0",
            NEWSPARSE_INDEX_OUT_OF_RANGE => "NEWSPARSE_INDEX_OUT_OF_RANGE\0",
            NEWSPARSE_INVALID_ARGUMENT => "NEWSPARSE_INVALID_ARGUMENT\0",
            NEWSPARSE_PANIC => "NEWSPARSE_PANIC\0",
            NEWSPARSE_UNKNOWN_ENCODING => "NEWSPARSE_UNKNOWN_ENCODING\0",
            NEWSPARSE_IO_ERROR => "NEWSPARSE_IO_ERROR\0",
        }
    }
}

/// A parsed article. Opaque: create it with `newsparse_parse`, read it with
/// the `newsparse_article_*` accessors, release it with `newsparse_article_free`.
///
/// It views the input buffer given to `newsparse_parse`, which must stay alive
/// and unchanged until the article is freed. An article is immutable: several
/// threads may read the same article at once.
pub struct newsparse_article {
    _private: [u8; 0],
}

/// A string view: `len` bytes of UTF-8 at `ptr`, not NUL-terminated.
///
/// `ptr` points into the caller's input buffer (or into static memory of the
/// library for canonical names) and is valid as long as both the article and
/// the input buffer are. `ptr` is NULL only for a missing value.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct newsparse_str {
    /// First byte; NULL when the value is missing.
    pub ptr: *const c_char,
    /// Length in bytes.
    pub len: usize,
}

impl newsparse_str {
    const MISSING: newsparse_str = newsparse_str {
        ptr: std::ptr::null(),
        len: 0,
    };
}

/// The numeric parts of a dateline's date.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct newsparse_date {
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
    /// The year when `has_year`, else 0.
    pub year: u16,
    /// Whether the dateline writes the year.
    pub has_year: bool,
}

/// What the handle behind a `newsparse_article` pointer holds.
struct Handle {
    /// Address and length of the caller's input, to turn slices into offsets.
    base: usize,
    len: usize,
    /// Borrows the caller's buffer, or `owned`: `'static` stands for "until
    /// `newsparse_article_free`", the lifetime the caller promises.
    article: Article<'static>,
    /// Every block of the text with its role (the explain view).
    blocks: Vec<crate::ExplainedBlock<'static>>,
    /// The decoded text the article views, for input that was not UTF-8
    /// (`newsparse_parse_encoded`). Declared after `article`, so dropped after it.
    owned: Option<Box<str>>,
}

impl Handle {
    fn offset_of(&self, s: &str) -> usize {
        let p = s.as_ptr() as usize;
        if p >= self.base && p - self.base + s.len() <= self.len {
            p - self.base
        } else {
            NEWSPARSE_NO_OFFSET
        }
    }
}

struct LastError {
    code: newsparse_result,
    message: String,
    offset: usize,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

fn set_last_error(error: Option<LastError>) {
    // During thread teardown the slot may be gone; the error is then dropped.
    let _ = LAST_ERROR.try_with(|slot| *slot.borrow_mut() = error);
}

/// Records a failure as this thread's last error and returns its code.
fn fail(code: newsparse_result, message: String, offset: usize) -> newsparse_result {
    set_last_error(Some(LastError {
        code,
        message,
        offset,
    }));
    code
}

/// The code of a parse error.
fn error_code(e: &Error) -> newsparse_result {
    match e {
        Error::Empty => NEWSPARSE_EMPTY_INPUT,
        Error::Blank { .. } => NEWSPARSE_BLANK_INPUT,
        Error::InvalidUtf8 { .. } => NEWSPARSE_INVALID_UTF8,
        Error::UnknownEncoding => NEWSPARSE_UNKNOWN_ENCODING,
    }
}

/// Parses bytes the caller keeps alive (the `'static` of the C contract) into a handle.
fn parse_handle(bytes: &'static [u8]) -> Result<Box<Handle>, Error> {
    let crate::Explanation { article, blocks } = crate::explain_bytes(bytes)?;
    Ok(Box::new(Handle {
        base: bytes.as_ptr() as usize,
        len: bytes.len(),
        article,
        blocks,
        owned: None,
    }))
}

fn null_argument(name: &str) -> newsparse_result {
    fail(
        NEWSPARSE_NULL_ARGUMENT,
        format!("argument `{name}` is NULL"),
        NEWSPARSE_NO_OFFSET,
    )
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("unknown cause");
    format!("newsparse panicked: {what}")
}

/// Runs an exported body, turning a panic into `fallback` and a
/// `NEWSPARSE_PANIC` last error: unwinding into C is undefined behaviour.
fn guard_or<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(payload) => {
            fail(
                NEWSPARSE_PANIC,
                panic_message(payload.as_ref()),
                NEWSPARSE_NO_OFFSET,
            );
            fallback
        }
    }
}

fn guard(body: impl FnOnce() -> newsparse_result) -> newsparse_result {
    guard_or(NEWSPARSE_PANIC, body)
}

/// The handle behind a non-NULL article pointer.
fn handle<'h>(article: *const newsparse_article) -> Option<&'h Handle> {
    // SAFETY: a non-NULL pointer came from `newsparse_parse` and has not been
    // freed (the caller's contract); it points to a live, immutable `Handle`.
    unsafe { article.cast::<Handle>().as_ref() }
}

/// Writes `value` (or `{NULL, 0}` and `NEWSPARSE_NO_OFFSET` when missing) to the
/// out pointers and returns `NEWSPARSE_OK` or `NEWSPARSE_NOT_FOUND`.
fn put_str(
    h: &Handle,
    value: Option<&str>,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    let (view, off, code) = match value {
        Some(s) => (
            newsparse_str {
                ptr: s.as_ptr().cast(),
                len: s.len(),
            },
            h.offset_of(s),
            NEWSPARSE_OK,
        ),
        None => (
            newsparse_str::MISSING,
            NEWSPARSE_NO_OFFSET,
            NEWSPARSE_NOT_FOUND,
        ),
    };
    // SAFETY: `out` was checked non-NULL by the caller of `put_str`; `offset`
    // is optional and written only when non-NULL. Both point to writable
    // memory by the exported function's contract.
    unsafe {
        out.write(view);
        if !offset.is_null() {
            offset.write(off);
        }
    }
    code
}

/// Sets the out values of a failed call to "missing", as for `NEWSPARSE_NOT_FOUND`.
fn clear(out: *mut newsparse_str, offset: *mut usize) {
    // SAFETY: `out` was checked non-NULL by the caller of `clear`; `offset` is
    // optional. Both point to writable memory by the exported function's contract.
    unsafe {
        out.write(newsparse_str::MISSING);
        if !offset.is_null() {
            offset.write(NEWSPARSE_NO_OFFSET);
        }
    }
}

/// The dateline's place, which four accessors read parts of.
fn location<'a>(a: &'a Article<'static>) -> Option<&'a crate::Location<'static>> {
    a.dateline.as_ref().and_then(|d| d.location.as_ref())
}

/// Shared body of the accessors of one optional string.
fn get_str(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
    field: impl FnOnce(&Article<'static>) -> Option<&'static str>,
) -> newsparse_result {
    guard(|| {
        if out.is_null() {
            return null_argument("out");
        }
        clear(out, offset);
        let Some(h) = handle(article) else {
            return null_argument("article");
        };
        put_str(h, field(&h.article), out, offset)
    })
}

/// Shared body of the accessors of one item of a list.
fn get_item<T>(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_str,
    offset: *mut usize,
    list_name: &str,
    list: impl for<'h> FnOnce(&'h Article<'static>) -> &'h [T],
    field: impl FnOnce(&T) -> Option<&'static str>,
) -> newsparse_result {
    guard(|| {
        if out.is_null() {
            return null_argument("out");
        }
        clear(out, offset);
        let Some(h) = handle(article) else {
            return null_argument("article");
        };
        let items = list(&h.article);
        match items.get(index) {
            Some(item) => put_str(h, field(item), out, offset),
            None => fail(
                NEWSPARSE_INDEX_OUT_OF_RANGE,
                format!(
                    "index {index} is past the end of {list_name} ({} items)",
                    items.len()
                ),
                NEWSPARSE_NO_OFFSET,
            ),
        }
    })
}

/// Shared body of the list counts.
fn count<T>(
    article: *const newsparse_article,
    list: impl for<'h> FnOnce(&'h Article<'static>) -> &'h [T],
) -> usize {
    guard_or(0, || match handle(article) {
        Some(h) => list(&h.article).len(),
        None => {
            null_argument("article");
            0
        }
    })
}

fn agency_name(agency: &Option<Agency<'static>>) -> Option<&'static str> {
    agency.as_ref().map(Agency::name)
}

/// Parses the article in `text[0..len]`, which must be UTF-8.
///
/// On `NEWSPARSE_OK`, `*out` receives a new article that the caller frees with
/// `newsparse_article_free`. The article views `text` without copying it: the
/// caller keeps the `len` bytes at `text` alive and unchanged until then.
/// On any other code `*out` is set to NULL (when `out` is not NULL) and the
/// failure is this thread's last error.
///
/// - `out` NULL: `NEWSPARSE_NULL_ARGUMENT`.
/// - `text` NULL: `NEWSPARSE_EMPTY_INPUT` when `len` is 0, else `NEWSPARSE_NULL_ARGUMENT`.
/// - `len` 0: `NEWSPARSE_EMPTY_INPUT`; white space only: `NEWSPARSE_BLANK_INPUT`.
/// - Not UTF-8: `NEWSPARSE_INVALID_UTF8`, the last error's offset is the first bad byte.
///
/// NUL bytes are ordinary characters. Clears this thread's last error first.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_parse(
    text: *const u8,
    len: usize,
    out: *mut *mut newsparse_article,
) -> newsparse_result {
    // `'static` stands for the caller's promise: the bytes stay alive and
    // unchanged until `newsparse_article_free`.
    parse_call(text, len, out, |bytes| {
        parse_handle(bytes).map_err(|e| fail(error_code(&e), e.to_string(), e.offset()))
    })
}

/// Frees an article made by `newsparse_parse`. NULL is accepted and ignored.
///
/// Afterwards the article and every `newsparse_str` taken from it are invalid;
/// the input buffer may then be released. Freeing an article twice is undefined.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_free(article: *mut newsparse_article) {
    guard_or((), || {
        if !article.is_null() {
            // SAFETY: a non-NULL pointer came from `Box::into_raw` in
            // `newsparse_parse` and, by contract, is freed only once.
            drop(unsafe { Box::from_raw(article.cast::<Handle>()) });
        }
    })
}

/// The code of this thread's last failure, or `NEWSPARSE_OK` when there is none
/// (no failure since the last `newsparse_parse` on this thread).
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_last_error_code() -> newsparse_result {
    guard(|| {
        LAST_ERROR
            .try_with(|slot| slot.borrow().as_ref().map_or(NEWSPARSE_OK, |e| e.code))
            .unwrap_or(NEWSPARSE_OK)
    })
}

/// The byte offset in the input where this thread's last failure lies (the first
/// invalid byte for `NEWSPARSE_INVALID_UTF8`, the length for
/// `NEWSPARSE_BLANK_INPUT`), or `NEWSPARSE_NO_OFFSET` when it has none.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_last_error_offset() -> usize {
    guard_or(NEWSPARSE_NO_OFFSET, || {
        LAST_ERROR
            .try_with(|slot| {
                slot.borrow()
                    .as_ref()
                    .map_or(NEWSPARSE_NO_OFFSET, |e| e.offset)
            })
            .unwrap_or(NEWSPARSE_NO_OFFSET)
    })
}

/// Copies the message of this thread's last failure into `buf`, like `snprintf`:
/// at most `cap - 1` bytes and a terminating NUL, nothing when `cap` is 0
/// (`buf` may then be NULL). Returns the message's full length in bytes without
/// the NUL, so a return value `>= cap` means the copy was cut short.
/// The message is empty when there is no last error.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_last_error_message(buf: *mut c_char, cap: usize) -> usize {
    guard_or(0, || {
        LAST_ERROR
            .try_with(|slot| {
                let slot = slot.borrow();
                let message = slot.as_ref().map_or("", |e| e.message.as_str());
                if cap > 0 && !buf.is_null() {
                    let n = message.len().min(cap - 1);
                    // SAFETY: `buf` is non-NULL and, by contract, has room for
                    // `cap` bytes; `n + 1 <= cap`.
                    unsafe {
                        std::ptr::copy_nonoverlapping(message.as_ptr(), buf.cast::<u8>(), n);
                        buf.add(n).write(0);
                    }
                }
                message.len()
            })
            .unwrap_or(0)
    })
}

/// The name of a result code as a static NUL-terminated string
/// (`"NEWSPARSE_INVALID_UTF8"`), or `"NEWSPARSE_UNKNOWN"` for a value that is
/// not a code. The caller must not free it.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_result_name(code: u32) -> *const c_char {
    const CODES: [newsparse_result; 11] = [
        NEWSPARSE_OK,
        NEWSPARSE_NOT_FOUND,
        NEWSPARSE_NULL_ARGUMENT,
        NEWSPARSE_EMPTY_INPUT,
        NEWSPARSE_BLANK_INPUT,
        NEWSPARSE_INVALID_UTF8,
        NEWSPARSE_INDEX_OUT_OF_RANGE,
        NEWSPARSE_INVALID_ARGUMENT,
        NEWSPARSE_PANIC,
        NEWSPARSE_UNKNOWN_ENCODING,
        NEWSPARSE_IO_ERROR,
    ];
    let name = CODES
        .iter()
        .find(|c| **c as u32 == code)
        .map_or("NEWSPARSE_UNKNOWN\0", |c| c.name());
    name.as_ptr().cast()
}

/// The library's version, `"MAJOR.MINOR.PATCH"`, as a static NUL-terminated
/// string; compare it with `NEWSPARSE_VERSION` to detect a header/library
/// mismatch. The caller must not free it.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The headline. Writes it to `*out` and its byte offset in the input to
/// `*offset`; `offset` may be NULL, `article` and `out` must not be
/// (`NEWSPARSE_NULL_ARGUMENT`). Returns `NEWSPARSE_NOT_FOUND` when there is
/// none. Whenever the result is not `NEWSPARSE_OK`, a non-NULL `out` receives
/// `{NULL, 0}` and `offset` `NEWSPARSE_NO_OFFSET`. The string views the input
/// buffer: it is valid while both the article and the buffer are.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_headline(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| a.headline)
}

/// The publication timestamp shown outside the body, as written (`Nov. 19, 2019,
/// 8:41 AM UTC`). Out values, `NEWSPARSE_NOT_FOUND` and lifetime as for
/// `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_published(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| a.published)
}

/// The byline as written (`By Allen Cone, UPI Staff Writer`). Out values,
/// `NEWSPARSE_NOT_FOUND` and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_byline_text(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| a.byline.as_ref().map(|b| b.text))
}

/// What the byline says besides the names (`UPI Staff Writer`). Out values,
/// `NEWSPARSE_NOT_FOUND` and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_byline_affiliation(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| {
        a.byline.as_ref().and_then(|b| b.affiliation)
    })
}

/// The number of authors the byline credits; 0 without a byline, and 0 with
/// a `NEWSPARSE_NULL_ARGUMENT` last error when `article` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_byline_author_count(
    article: *const newsparse_article,
) -> usize {
    count(article, |a| {
        a.byline.as_ref().map_or(&[][..], |b| &b.authors)
    })
}

/// The name of author `index` (from 0) as written. Returns
/// `NEWSPARSE_INDEX_OUT_OF_RANGE` when `index >= newsparse_article_byline_author_count`.
/// Out values and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_byline_author(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_item(
        article,
        index,
        out,
        offset,
        "authors",
        |a| a.byline.as_ref().map_or(&[][..], |b| &b.authors),
        |author| Some(author.name),
    )
}

/// The whole dateline as written, up to its closing dash
/// (`WASHINGTON, June 26 (UPI) --`). Out values, `NEWSPARSE_NOT_FOUND` and
/// lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_dateline_text(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| {
        a.dateline.as_ref().map(|d| d.text)
    })
}

/// The dateline's place as written (`PITTSBURG, Calif.`). Out values,
/// `NEWSPARSE_NOT_FOUND` and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_dateline_location(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| location(a).map(|l| l.text))
}

/// The city part of the dateline's place (`PITTSBURG`). Out values,
/// `NEWSPARSE_NOT_FOUND` and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_dateline_city(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| location(a).map(|l| l.city))
}

/// The region part of the dateline's place as written (`Calif.`). Out values,
/// `NEWSPARSE_NOT_FOUND` and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_dateline_region(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| location(a).and_then(|l| l.region))
}

/// The U.S. state the region names, spelt out (`California`). This string is
/// static library memory, not part of the input: `*offset` is
/// `NEWSPARSE_NO_OFFSET`. `NEWSPARSE_NOT_FOUND` as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_dateline_state(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| location(a).and_then(|l| l.state))
}

/// The dateline's date as written (`June 26`). Out values,
/// `NEWSPARSE_NOT_FOUND` and lifetime as for `newsparse_article_headline`;
/// `newsparse_article_dateline_date_parts` gives its numbers.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_dateline_date(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| {
        a.dateline
            .as_ref()
            .and_then(|d| d.date.as_ref())
            .map(|d| d.text)
    })
}

/// The month, day and year (when written) of the dateline's date, written to
/// `*out` (a zeroed value when there is no date: `NEWSPARSE_NOT_FOUND`).
/// `article` and `out` must not be NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_dateline_date_parts(
    article: *const newsparse_article,
    out: *mut newsparse_date,
) -> newsparse_result {
    guard(|| {
        if out.is_null() {
            return null_argument("out");
        }
        let none = newsparse_date {
            month: 0,
            day: 0,
            year: 0,
            has_year: false,
        };
        let Some(h) = handle(article) else {
            // SAFETY: `out` is non-NULL and writable by contract.
            unsafe { out.write(none) };
            return null_argument("article");
        };
        let date = h.article.dateline.as_ref().and_then(|d| d.date.as_ref());
        let (value, code) = match date {
            Some(d) => (
                newsparse_date {
                    month: d.month,
                    day: d.day,
                    year: d.year.unwrap_or(0),
                    has_year: d.year.is_some(),
                },
                NEWSPARSE_OK,
            ),
            None => (none, NEWSPARSE_NOT_FOUND),
        };
        // SAFETY: `out` is non-NULL and writable by contract.
        unsafe { out.write(value) };
        code
    })
}

/// The service named by the dateline's marker (`UPI` from `(UPI)`), by its
/// canonical name. A known service's name is static library memory
/// (`*offset` is `NEWSPARSE_NO_OFFSET`); any other is a view of the input.
/// `NEWSPARSE_NOT_FOUND` and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_dateline_agency(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| {
        a.dateline.as_ref().and_then(|d| agency_name(&d.agency))
    })
}

/// The wire service credited by the dateline, a lead-in or a sign-off, by its
/// canonical name. Out values as for `newsparse_article_dateline_agency`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_agency(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| agency_name(&a.agency))
}

/// The number of body paragraphs; 0 with a `NEWSPARSE_NULL_ARGUMENT` last
/// error when `article` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_paragraph_count(article: *const newsparse_article) -> usize {
    count(article, |a| &a.paragraphs)
}

/// Body paragraph `index` (from 0; the first without its dateline). Returns
/// `NEWSPARSE_INDEX_OUT_OF_RANGE` when `index >= newsparse_article_paragraph_count`.
/// Out values and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_paragraph(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_item(
        article,
        index,
        out,
        offset,
        "paragraphs",
        |a| &a.paragraphs,
        |p| Some(*p),
    )
}

/// The number of headings inside the story; 0 with a `NEWSPARSE_NULL_ARGUMENT`
/// last error when `article` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_subheading_count(article: *const newsparse_article) -> usize {
    count(article, |a| &a.subheadings)
}

/// Heading `index` inside the story (from 0). Returns
/// `NEWSPARSE_INDEX_OUT_OF_RANGE` when `index >= newsparse_article_subheading_count`.
/// Out values and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_subheading(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_item(
        article,
        index,
        out,
        offset,
        "subheadings",
        |a| &a.subheadings,
        |p| Some(*p),
    )
}

/// One block of the text and the role the parser gave it (the explain view).
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct newsparse_block {
    /// Byte offset of the block's first byte in the text the article views.
    pub start: usize,
    /// Byte offset just past its last byte.
    pub end: usize,
    /// Its role: a code of `newsparse_role_name` (0 headline ... 13 other).
    pub role: u32,
    /// The name of the rule that decided the role (static, not NUL-terminated).
    pub why: newsparse_str,
    /// What the block reads as on its own (static, not NUL-terminated).
    pub kind: newsparse_str,
}

/// The number of blocks of the text (every non-white-space byte lies in one);
/// 0 with a `NEWSPARSE_NULL_ARGUMENT` last error when `article` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_block_count(article: *const newsparse_article) -> usize {
    guard_or(0, || match handle(article) {
        Some(h) => h.blocks.len(),
        None => {
            null_argument("article");
            0
        }
    })
}

/// Block `index` (from 0, in text order) written to `out`. Returns
/// `NEWSPARSE_INDEX_OUT_OF_RANGE` when `index >= newsparse_article_block_count`,
/// `NEWSPARSE_NULL_ARGUMENT` for a NULL `article` or `out`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_block(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_block,
) -> newsparse_result {
    guard_or(NEWSPARSE_PANIC, || {
        let Some(h) = handle(article) else {
            return null_argument("article");
        };
        if out.is_null() {
            return null_argument("out");
        }
        let Some(b) = h.blocks.get(index) else {
            return fail(
                NEWSPARSE_INDEX_OUT_OF_RANGE,
                format!("block {index} of {}", h.blocks.len()),
                NEWSPARSE_NO_OFFSET,
            );
        };
        let view = |s: &'static str| newsparse_str {
            ptr: s.as_ptr().cast(),
            len: s.len(),
        };
        // SAFETY: `out` is non-NULL and, by contract, points to a block.
        unsafe {
            out.write(newsparse_block {
                start: b.start,
                end: b.end,
                role: b.role as u32,
                why: view(b.why),
                kind: view(b.kind),
            });
        }
        NEWSPARSE_OK
    })
}

/// The name of role `code` (`headline`, `body`, ... `other`) as a static
/// NUL-terminated string, or NULL for a code no role has.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_role_name(code: u32) -> *const c_char {
    const NAMES: [&std::ffi::CStr; 14] = [
        c"headline",
        c"repeat",
        c"dek",
        c"published",
        c"byline",
        c"dateline",
        c"body",
        c"subheading",
        c"caption",
        c"related",
        c"credits",
        c"signoff",
        c"boilerplate",
        c"other",
    ];
    NAMES
        .get(code as usize)
        .map_or(std::ptr::null(), |n| n.as_ptr())
}

/// The number of photo and video captions; 0 with a `NEWSPARSE_NULL_ARGUMENT`
/// last error when `article` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_caption_count(article: *const newsparse_article) -> usize {
    count(article, |a| &a.captions)
}

/// Caption `index` as written, credit included. Returns
/// `NEWSPARSE_INDEX_OUT_OF_RANGE` when `index >= newsparse_article_caption_count`.
/// Out values and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_caption(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_item(
        article,
        index,
        out,
        offset,
        "captions",
        |a| &a.captions,
        |c| Some(c.text),
    )
}

/// The credit of caption `index` (`Joel Kowsky/NASA`). Returns
/// `NEWSPARSE_INDEX_OUT_OF_RANGE` for an index past the end and
/// `NEWSPARSE_NOT_FOUND` for a caption without a credit. Out values and
/// lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_caption_credit(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_item(
        article,
        index,
        out,
        offset,
        "captions",
        |a| &a.captions,
        |c| c.credit,
    )
}

/// The number of related-story links; 0 with a `NEWSPARSE_NULL_ARGUMENT` last
/// error when `article` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_related_count(article: *const newsparse_article) -> usize {
    count(article, |a| &a.related)
}

/// The title of related-story link `index`, without its marker. Returns
/// `NEWSPARSE_INDEX_OUT_OF_RANGE` when `index >= newsparse_article_related_count`.
/// Out values and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_related(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_item(
        article,
        index,
        out,
        offset,
        "related",
        |a| &a.related,
        |r| Some(*r),
    )
}

/// The credit line closing the story (`Reporting by …; Editing by …`). Out
/// values, `NEWSPARSE_NOT_FOUND` and lifetime as for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_credits(
    article: *const newsparse_article,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_str(article, out, offset, |a| a.credits)
}

/// The number of boilerplate blocks (share prompts, navigation, copyright
/// notices); 0 with a `NEWSPARSE_NULL_ARGUMENT` last error when `article` is NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_boilerplate_count(article: *const newsparse_article) -> usize {
    count(article, |a| &a.boilerplate)
}

/// Boilerplate block `index`. Returns `NEWSPARSE_INDEX_OUT_OF_RANGE` when
/// `index >= newsparse_article_boilerplate_count`. Out values and lifetime as
/// for `newsparse_article_headline`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_boilerplate(
    article: *const newsparse_article,
    index: usize,
    out: *mut newsparse_str,
    offset: *mut usize,
) -> newsparse_result {
    get_item(
        article,
        index,
        out,
        offset,
        "boilerplate",
        |a| &a.boilerplate,
        |b| Some(*b),
    )
}

/// The article as a JSON object (the same as the `newsparse` CLI prints), in a
/// new NUL-terminated UTF-8 string written to `*out`; its length without the
/// NUL goes to `*len` when `len` is not NULL. The string is owned by the
/// caller, independent of the article and the input, and must be released
/// with `newsparse_string_free`. On failure `*out` is set to NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_to_json(
    article: *const newsparse_article,
    out: *mut *mut c_char,
    len: *mut usize,
) -> newsparse_result {
    guard(|| {
        if out.is_null() {
            return null_argument("out");
        }
        // SAFETY: `out` is non-NULL and writable by contract.
        unsafe { out.write(std::ptr::null_mut()) };
        let Some(h) = handle(article) else {
            return null_argument("article");
        };
        let json = serde_json::to_string(&h.article).expect("an article always serialises");
        let n = json.len();
        // JSON escapes control characters, NUL included, so none is inside.
        let json = CString::new(json).expect("JSON holds no NUL byte");
        // SAFETY: `out` is non-NULL and writable; `len` is written only when
        // non-NULL, and is then writable by contract.
        unsafe {
            out.write(json.into_raw());
            if !len.is_null() {
                len.write(n);
            }
        }
        NEWSPARSE_OK
    })
}

/// The typed value of the publication timestamp (`newsparse_article_published_at`).
/// Fields a timestamp does not write are zero with their `has_` flag false.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct newsparse_time {
    /// The year as written (a two-digit year `19` read as 2019).
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
    /// Whether a time of day is written (`hour` and `minute`).
    pub has_time: bool,
    /// Hour on the 24-hour clock, 0 to 23.
    pub hour: u8,
    /// Minute, 0 to 59.
    pub minute: u8,
    /// Whether the time writes its seconds.
    pub has_second: bool,
    /// Second, 0 to 59.
    pub second: u8,
    /// Whether a UTC offset is known (a numeric offset or a zone name naming one).
    pub has_utc_offset: bool,
    /// Minutes east of UTC (`-300` for EST).
    pub utc_offset_minutes: i16,
}

impl newsparse_time {
    const NONE: newsparse_time = newsparse_time {
        year: 0,
        month: 0,
        day: 0,
        has_time: false,
        hour: 0,
        minute: 0,
        has_second: false,
        second: 0,
        has_utc_offset: false,
        utc_offset_minutes: 0,
    };

    fn of(at: &crate::PublishedAt) -> newsparse_time {
        let time = at.time;
        newsparse_time {
            year: at.year,
            month: at.month,
            day: at.day,
            has_time: time.is_some(),
            hour: time.map_or(0, |t| t.hour),
            minute: time.map_or(0, |t| t.minute),
            has_second: time.is_some_and(|t| t.second.is_some()),
            second: time.and_then(|t| t.second).unwrap_or(0),
            has_utc_offset: at.utc_offset_minutes.is_some(),
            utc_offset_minutes: at.utc_offset_minutes.unwrap_or(0),
        }
    }
}

/// The typed publication time, read from `newsparse_article_published`'s text
/// (day, month and year, and the time and offset when written), written to
/// `*out`. `NEWSPARSE_NOT_FOUND`, with a zeroed `*out`, when the article has no
/// timestamp or one without a full date (`8 hrs ago`, `Nov 19, 6:51 AM`).
/// `article` and `out` must not be NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_published_at(
    article: *const newsparse_article,
    out: *mut newsparse_time,
) -> newsparse_result {
    guard(|| {
        if out.is_null() {
            return null_argument("out");
        }
        // SAFETY: `out` is non-NULL and writable by contract.
        unsafe { out.write(newsparse_time::NONE) };
        let Some(h) = handle(article) else {
            return null_argument("article");
        };
        match &h.article.published_at {
            Some(at) => {
                // SAFETY: as above.
                unsafe { out.write(newsparse_time::of(at)) };
                NEWSPARSE_OK
            }
            None => NEWSPARSE_NOT_FOUND,
        }
    })
}

/// Parses the article in `text[0..len]`, decoded from the encoding named by
/// the NUL-terminated label `encoding` (`"windows-1252"`, `"latin1"`,
/// `"iso-8859-15"`, `"shift_jis"`, ...: the WHATWG labels; `"auto"` keeps
/// valid UTF-8 and reads anything else as Windows-1252). The article owns the
/// decoded UTF-8 text: `text` may be released as soon as the call returns.
/// Every string it gives out views that decoded text, and every offset counts
/// its bytes (`newsparse_article_text` gives it whole). Bytes the encoding
/// does not define become U+FFFD.
///
/// Codes as for `newsparse_parse`, and `NEWSPARSE_UNKNOWN_ENCODING` for a label
/// naming no encoding; `encoding` NULL is `NEWSPARSE_NULL_ARGUMENT`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_parse_encoded(
    text: *const u8,
    len: usize,
    encoding: *const c_char,
    out: *mut *mut newsparse_article,
) -> newsparse_result {
    parse_call(text, len, out, |bytes| {
        if encoding.is_null() {
            return Err(null_argument("encoding"));
        }
        // SAFETY: `encoding` is non-NULL and, by contract, NUL-terminated.
        let label = unsafe { std::ffi::CStr::from_ptr(encoding) };
        parse_encoded_handle(bytes, label.to_str().ok())
            .map_err(|e| fail(error_code(&e), e.to_string(), e.offset()))
    })
}

/// Shared body of the parse calls: checks `out` and the input, runs `parse`
/// on the input's bytes and writes the article it gives to `*out` (NULL on
/// any failure, whose code `parse` has recorded).
fn parse_call(
    text: *const u8,
    len: usize,
    out: *mut *mut newsparse_article,
    parse: impl FnOnce(&'static [u8]) -> Result<Box<Handle>, newsparse_result>,
) -> newsparse_result {
    set_last_error(None);
    guard(|| {
        if out.is_null() {
            return null_argument("out");
        }
        // SAFETY: `out` is non-NULL and writable by contract.
        unsafe { out.write(std::ptr::null_mut()) };
        let handle = input_bytes(text, len).and_then(parse);
        match handle {
            Ok(h) => {
                // SAFETY: as above.
                unsafe { out.write(Box::into_raw(h).cast()) };
                NEWSPARSE_OK
            }
            Err(code) => code,
        }
    })
}

/// The bytes of a `text`, `len` argument pair, or the code (and last error) of a bad one.
fn input_bytes(text: *const u8, len: usize) -> Result<&'static [u8], newsparse_result> {
    if text.is_null() {
        return Err(if len == 0 {
            fail(
                NEWSPARSE_EMPTY_INPUT,
                Error::Empty.to_string(),
                Error::Empty.offset(),
            )
        } else {
            fail(
                NEWSPARSE_NULL_ARGUMENT,
                format!("argument `text` is NULL with len {len}"),
                NEWSPARSE_NO_OFFSET,
            )
        });
    }
    if len > isize::MAX as usize {
        return Err(fail(
            NEWSPARSE_INVALID_ARGUMENT,
            format!("argument `len` ({len}) is larger than any buffer"),
            NEWSPARSE_NO_OFFSET,
        ));
    }
    // SAFETY: `text` is non-NULL and, by contract, points to `len` readable
    // bytes; `len <= isize::MAX`.
    Ok(unsafe { std::slice::from_raw_parts(text, len) })
}

/// Decodes `bytes` from `label` (`None`: not UTF-8, so no label) into text the
/// handle owns, and parses it.
fn parse_encoded_handle(bytes: &[u8], label: Option<&str>) -> Result<Box<Handle>, Error> {
    owned_handle(crate::decode(bytes, label.ok_or(Error::UnknownEncoding)?)?.into())
}

/// Parses text the handle is to own.
fn owned_handle(owned: Box<str>) -> Result<Box<Handle>, Error> {
    // SAFETY: the handle owns `owned`, whose heap buffer stays where it is
    // (a move of the box does not move it) and is dropped after the article
    // viewing it (field order of `Handle`).
    let text: &'static str = unsafe { &*std::ptr::from_ref::<str>(&owned) };
    let crate::Explanation { article, blocks } = crate::explain(text)?;
    Ok(Box::new(Handle {
        base: text.as_ptr() as usize,
        len: text.len(),
        article,
        blocks,
        owned: Some(owned),
    }))
}

/// The whole text the article views, to which every offset refers: the input
/// given to `newsparse_parse`, or the decoded text of `newsparse_parse_encoded`.
/// Valid while the article is (and, for `newsparse_parse`, the input buffer).
/// `article` and `out` must not be NULL.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_text(
    article: *const newsparse_article,
    out: *mut newsparse_str,
) -> newsparse_result {
    guard(|| {
        if out.is_null() {
            return null_argument("out");
        }
        let Some(h) = handle(article) else {
            // SAFETY: `out` is non-NULL and writable by contract.
            unsafe { out.write(newsparse_str::MISSING) };
            return null_argument("article");
        };
        let view = newsparse_str {
            ptr: match &h.owned {
                Some(text) => text.as_ptr().cast(),
                None => h.base as *const c_char,
            },
            len: h.len,
        };
        // SAFETY: as above.
        unsafe { out.write(view) };
        NEWSPARSE_OK
    })
}

/// Words at the head of `newsparse_article_flatten`'s array, before its strings.
///
/// 0-4: the counts of authors, paragraphs, captions, related links and
/// boilerplate blocks. 5-7: the dateline date's month (0 without a date), day
/// and year (0 when not written). 8-15: the typed publication time: year (0
/// without one), month, day, hour and minute (`NEWSPARSE_NO_OFFSET` without a
/// time), second (`NEWSPARSE_NO_OFFSET` when not written), 1 when a UTC offset
/// is known, and the offset in minutes east of UTC as a two's-complement word.
/// 16-17: the counts of subheadings and of blocks.
pub const NEWSPARSE_FLAT_HEADER: usize = 18;

/// The strings of `newsparse_article_flatten` before its lists: headline,
/// published, byline text, byline affiliation, dateline text, dateline place,
/// city, region, state, dateline date, dateline agency, agency, credits.
pub const NEWSPARSE_FLAT_FIELDS: usize = 13;

/// The whole article as one array of words, for bindings that pay for each
/// call (Python's ctypes): `NEWSPARSE_FLAT_HEADER` words (see there), then the
/// `NEWSPARSE_FLAT_FIELDS` fields and the lists' items (authors, paragraphs,
/// captions as text then credit, related, boilerplate, subheadings), each
/// string as three words: its address (0 when missing), its length in bytes
/// and its offset (`NEWSPARSE_NO_OFFSET` for a canonical name or a missing
/// value); then each block as seven words: start, end, role code, and the
/// address and length of its rule's name and of its kind's.
///
/// Returns the number of words the article needs. They are written to `out`
/// only when `cap` is at least that (else nothing is written, as for a NULL
/// `out`): call again with a larger array. Returns 0, with a
/// `NEWSPARSE_NULL_ARGUMENT` last error, for a NULL `article`. The addresses
/// are valid as the article's strings are.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_article_flatten(
    article: *const newsparse_article,
    out: *mut usize,
    cap: usize,
) -> usize {
    guard_or(0, || {
        let Some(h) = handle(article) else {
            null_argument("article");
            return 0;
        };
        let words = flatten(h);
        if !out.is_null() && cap >= words.len() {
            // SAFETY: `out` is non-NULL and, by contract, has room for `cap`
            // words; `words.len() <= cap`.
            unsafe { std::ptr::copy_nonoverlapping(words.as_ptr(), out, words.len()) };
        }
        words.len()
    })
}

/// The words of `newsparse_article_flatten`.
fn flatten(h: &Handle) -> Vec<usize> {
    let a = &h.article;
    let authors = a.byline.as_ref().map_or(&[][..], |b| &b.authors);
    let dateline = a.dateline.as_ref();
    let date = dateline.and_then(|d| d.date.as_ref());
    let place = location(a);
    let strings = NEWSPARSE_FLAT_FIELDS
        + authors.len()
        + a.paragraphs.len()
        + 2 * a.captions.len()
        + a.related.len()
        + a.boilerplate.len()
        + a.subheadings.len();
    let mut w = Vec::with_capacity(NEWSPARSE_FLAT_HEADER + 3 * strings + 7 * h.blocks.len());
    w.extend([
        authors.len(),
        a.paragraphs.len(),
        a.captions.len(),
        a.related.len(),
        a.boilerplate.len(),
    ]);
    w.extend([
        date.map_or(0, |d| usize::from(d.month)),
        date.map_or(0, |d| usize::from(d.day)),
        date.and_then(|d| d.year).map_or(0, usize::from),
    ]);
    let at = a.published_at.as_ref();
    let time = at.and_then(|t| t.time);
    let offset = at.and_then(|t| t.utc_offset_minutes);
    w.extend([
        at.map_or(0, |t| usize::from(t.year)),
        at.map_or(0, |t| usize::from(t.month)),
        at.map_or(0, |t| usize::from(t.day)),
        time.map_or(NEWSPARSE_NO_OFFSET, |t| usize::from(t.hour)),
        time.map_or(NEWSPARSE_NO_OFFSET, |t| usize::from(t.minute)),
        time.and_then(|t| t.second)
            .map_or(NEWSPARSE_NO_OFFSET, usize::from),
        usize::from(offset.is_some()),
        // Two's complement, as documented: the cast keeps the bits.
        offset.map_or(0, |m| isize::from(m) as usize),
        a.subheadings.len(),
        h.blocks.len(),
    ]);
    let mut put = |s: Option<&str>| match s {
        Some(s) => w.extend([s.as_ptr() as usize, s.len(), h.offset_of(s)]),
        None => w.extend([0, 0, NEWSPARSE_NO_OFFSET]),
    };
    put(a.headline);
    put(a.published);
    put(a.byline.as_ref().map(|b| b.text));
    put(a.byline.as_ref().and_then(|b| b.affiliation));
    put(dateline.map(|d| d.text));
    put(place.map(|l| l.text));
    put(place.map(|l| l.city));
    put(place.and_then(|l| l.region));
    put(place.and_then(|l| l.state));
    put(date.map(|d| d.text));
    put(dateline.and_then(|d| agency_name(&d.agency)));
    put(agency_name(&a.agency));
    put(a.credits);
    authors.iter().for_each(|x| put(Some(x.name)));
    a.paragraphs.iter().for_each(|p| put(Some(p)));
    for c in &a.captions {
        put(Some(c.text));
        put(c.credit);
    }
    a.related.iter().for_each(|r| put(Some(r)));
    a.boilerplate.iter().for_each(|b| put(Some(b)));
    a.subheadings.iter().for_each(|s| put(Some(s)));
    for b in &h.blocks {
        w.extend([
            b.start,
            b.end,
            b.role as usize,
            b.why.as_ptr() as usize,
            b.why.len(),
            b.kind.as_ptr() as usize,
            b.kind.len(),
        ]);
    }
    w
}

/// Parses `count` inputs laid end to end in `data` (input `i` is the
/// `lens[i]` bytes after input `i - 1`), on `threads` threads (0: as many as
/// the machine runs at once). Writes input `i`'s article, or NULL, to
/// `articles[i]` and its code to `codes[i]`: `NEWSPARSE_OK`, or the code
/// `newsparse_parse` (or, with a non-NULL `encoding`, `newsparse_parse_encoded`)
/// returns for it alone. A failed input does not stop the others, nor sets the
/// last error: parse it alone for its message.
///
/// `encoding` NULL reads each input as UTF-8, and its article views `data`,
/// which the caller keeps alive and unchanged until the article is freed;
/// otherwise it is the label of `newsparse_parse_encoded` and each article owns
/// its decoded text. Every article is freed with `newsparse_article_free`.
///
/// Returns `NEWSPARSE_NULL_ARGUMENT` for a NULL pointer (`data` may be NULL
/// when every length is 0; all may be NULL when `count` is 0),
/// `NEWSPARSE_INVALID_ARGUMENT` when the lengths add up past `PTRDIFF_MAX`,
/// `NEWSPARSE_UNKNOWN_ENCODING` for an unknown label: then no input is parsed
/// and every `articles[i]` is NULL. Otherwise `NEWSPARSE_OK`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_parse_many(
    data: *const u8,
    lens: *const usize,
    count: usize,
    encoding: *const c_char,
    threads: usize,
    articles: *mut *mut newsparse_article,
    codes: *mut newsparse_result,
) -> newsparse_result {
    set_last_error(None);
    guard(|| {
        let (articles, codes) = match batch_outputs(count, articles, codes) {
            Ok(Some(outputs)) => outputs,
            Ok(None) => return NEWSPARSE_OK,
            Err(code) => return code,
        };
        let inputs = match batch_inputs(data, lens, count, isize::MAX as usize) {
            Ok(inputs) => inputs,
            Err(code) => return code,
        };
        let label = match batch_label(encoding) {
            Ok(label) => label,
            Err(code) => return code,
        };
        let outcomes = parse_all(&inputs, threads, |&bytes| {
            match label {
                None => parse_handle(bytes),
                Some(label) => parse_encoded_handle(bytes, Some(label)),
            }
            .map_err(|e| error_code(&e))
        });
        hand_out(outcomes, articles, codes);
        NEWSPARSE_OK
    })
}

/// The `count` inputs laid end to end in `data` by `lens`, as the caller's
/// `'static` (alive until the articles are freed), or the code of a NULL
/// pointer or of lengths that add up past `max_total` bytes (checked before
/// any slice of `data` is made).
fn batch_inputs(
    data: *const u8,
    lens: *const usize,
    count: usize,
    max_total: usize,
) -> Result<Vec<&'static [u8]>, newsparse_result> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if lens.is_null() {
        return Err(null_argument("lens"));
    }
    // SAFETY: non-NULL and, by contract, holding `count` lengths.
    let lens = unsafe { std::slice::from_raw_parts(lens, count) };
    let total = lens.iter().try_fold(0usize, |sum, &n| sum.checked_add(n));
    let Some(total) = total.filter(|&t| t <= max_total) else {
        let message = if max_total == isize::MAX as usize {
            "the lengths add up past any buffer".to_owned()
        } else {
            format!("the lengths add up past {max_total} bytes: split the batch")
        };
        return Err(fail(
            NEWSPARSE_INVALID_ARGUMENT,
            message,
            NEWSPARSE_NO_OFFSET,
        ));
    };
    if data.is_null() && total > 0 {
        return Err(null_argument("data"));
    }
    let all: &'static [u8] = if total == 0 {
        &[]
    } else {
        // SAFETY: `data` is non-NULL and, by contract, holds `total` bytes
        // that stay alive until the articles are freed (the `'static`).
        unsafe { std::slice::from_raw_parts(data, total) }
    };
    let mut inputs = Vec::with_capacity(count);
    let mut start = 0;
    for &n in lens {
        inputs.push(&all[start..start + n]);
        start += n;
    }
    Ok(inputs)
}

/// The articles and codes arrays of a batch call.
type BatchOutputs<'a> = (&'a mut [*mut newsparse_article], &'a mut [newsparse_result]);

/// The output arrays of a batch call, `articles` set to NULL; `None` for an
/// empty batch, or the code of a NULL array.
fn batch_outputs<'a>(
    count: usize,
    articles: *mut *mut newsparse_article,
    codes: *mut newsparse_result,
) -> Result<Option<BatchOutputs<'a>>, newsparse_result> {
    if count == 0 {
        return Ok(None);
    }
    if articles.is_null() {
        return Err(null_argument("articles"));
    }
    // SAFETY: `articles` is non-NULL and, by contract, has room for `count` pointers.
    let articles = unsafe { std::slice::from_raw_parts_mut(articles, count) };
    articles.fill(std::ptr::null_mut());
    if codes.is_null() {
        return Err(null_argument("codes"));
    }
    // SAFETY: as for `articles`.
    let codes = unsafe { std::slice::from_raw_parts_mut(codes, count) };
    Ok(Some((articles, codes)))
}

/// Writes the outcomes of a batch to the caller's arrays.
fn hand_out(
    outcomes: Vec<Result<Box<Handle>, newsparse_result>>,
    articles: &mut [*mut newsparse_article],
    codes: &mut [newsparse_result],
) {
    for ((slot, code), outcome) in articles.iter_mut().zip(codes.iter_mut()).zip(outcomes) {
        match outcome {
            Ok(h) => {
                *slot = Box::into_raw(h).cast();
                *code = NEWSPARSE_OK;
            }
            Err(c) => *code = c,
        }
    }
}

/// The label of a batch call (`None` for NULL: UTF-8), or the code (and last
/// error) of one naming no encoding.
fn batch_label<'a>(encoding: *const c_char) -> Result<Option<&'a str>, newsparse_result> {
    if encoding.is_null() {
        return Ok(None);
    }
    // SAFETY: `encoding` is non-NULL and, by contract, NUL-terminated.
    let label = unsafe { std::ffi::CStr::from_ptr(encoding) }.to_str().ok();
    let known = |l: &&str| {
        l.eq_ignore_ascii_case("auto")
            || encoding_rs::Encoding::for_label(l.trim().as_bytes()).is_some()
    };
    match label.filter(known) {
        Some(label) => Ok(Some(label)),
        None => {
            let e = Error::UnknownEncoding;
            Err(fail(error_code(&e), e.to_string(), e.offset()))
        }
    }
}

/// Reads and parses the `count` files named by the NUL-terminated paths
/// `paths[0..count]` on `threads` threads (0: as many as the machine runs at
/// once), as `newsparse_parse_many` does with buffers: `articles[i]` and
/// `codes[i]` receive file `i`'s article (or NULL) and code, and a file that
/// cannot be read gets `NEWSPARSE_IO_ERROR`. Each article owns its text (the
/// file's bytes, or their decoding with a non-NULL `encoding`).
///
/// Returns `NEWSPARSE_NULL_ARGUMENT` for a NULL array or path,
/// `NEWSPARSE_UNKNOWN_ENCODING` for an unknown label (then no file is read and
/// every `articles[i]` is NULL), otherwise `NEWSPARSE_OK`.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_parse_files(
    paths: *const *const c_char,
    count: usize,
    encoding: *const c_char,
    threads: usize,
    articles: *mut *mut newsparse_article,
    codes: *mut newsparse_result,
) -> newsparse_result {
    set_last_error(None);
    guard(|| {
        let (articles, codes) = match batch_outputs(count, articles, codes) {
            Ok(Some(outputs)) => outputs,
            Ok(None) => return NEWSPARSE_OK,
            Err(code) => return code,
        };
        if paths.is_null() {
            return null_argument("paths");
        }
        // SAFETY: non-NULL and, by contract, holding `count` paths.
        let paths = unsafe { std::slice::from_raw_parts(paths, count) };
        if paths.iter().any(|p| p.is_null()) {
            return null_argument("paths[i]");
        }
        let label = match batch_label(encoding) {
            Ok(label) => label,
            Err(code) => return code,
        };
        // Raw pointers are not `Sync`: the paths go to the threads as addresses.
        let addresses: Vec<usize> = paths.iter().map(|&p| p as usize).collect();
        let outcomes = parse_all(&addresses, threads, |&address| {
            // SAFETY: a non-NULL, NUL-terminated path by contract.
            let path = unsafe { std::ffi::CStr::from_ptr(address as *const c_char) };
            let bytes = std::fs::read(path_of(path)).map_err(|_| NEWSPARSE_IO_ERROR)?;
            let text = match label {
                None => String::from_utf8(bytes)
                    .map_err(|e| Error::InvalidUtf8 {
                        offset: e.utf8_error().valid_up_to(),
                    })
                    .map(String::into_boxed_str),
                Some(label) => crate::decode(&bytes, label).map(Box::from),
            };
            text.and_then(owned_handle).map_err(|e| error_code(&e))
        });
        hand_out(outcomes, articles, codes);
        NEWSPARSE_OK
    })
}

/// The most text one `newsparse_parse_arrow` call takes: Arrow's string
/// columns hold at most 2 GiB each, and a column's text is a part of the input
/// (plus short canonical names), so half of that leaves room for the rest.
#[cfg(feature = "arrow")]
const ARROW_MAX_BYTES: usize = 1 << 30;

/// Parses `count` inputs laid end to end in `data` (input `i` is the `lens[i]`
/// bytes after input `i - 1`, UTF-8) on `threads` threads (0: as many as the
/// machine runs at once) and exports the articles as one Arrow record batch
/// through the Arrow C Data Interface: a struct array in `*out_array` whose
/// type is described by `*out_schema`, one row per input in input order.
///
/// The columns are those of the command line's Parquet output (README,
/// "Parquet output"): `path` (never null), `headline`, `published`,
/// `published_at`, `byline`, `dateline`, `agency`, `paragraphs`,
/// `subheadings`, `captions`, `related`, `credits`, `boilerplate`, `error`.
/// A row whose input failed has null article columns and an `error` struct
/// (`kind`, `message`, `offset`) as the command line writes it (`empty`,
/// `blank`, `invalid_utf8`); a failed input does not stop the others, nor sets
/// the last error. `paths` NULL makes every `path` the empty string; otherwise
/// `paths[i]` is input `i`'s NUL-terminated path (bytes that are not UTF-8
/// become U+FFFD).
///
/// The batch owns copies of its values: `data` and `paths` may be freed when
/// the call returns. The caller owns both structs on `NEWSPARSE_OK` and ends
/// them with their `release` callbacks (or moves them to an Arrow library, as
/// pyarrow's `RecordBatch._import_from_c` does); the two may be released in
/// either order.
///
/// On any other code both structs are released ones (`release` NULL: there is
/// nothing to free) and the failure is this thread's last error:
/// `NEWSPARSE_NULL_ARGUMENT` for a NULL `out_array`, `out_schema`, `lens`,
/// `data` (it may be NULL when every length is 0; `lens` when `count` is 0)
/// or `paths[i]`; `NEWSPARSE_INVALID_ARGUMENT` when the lengths add up past
/// 1 GiB (split the batch: Arrow's string columns hold at most 2 GiB).
///
/// Present when the library is built with its `arrow` feature, as `capi/`
/// is by default (`--no-default-features` leaves this function out).
#[cfg(feature = "arrow")]
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_parse_arrow(
    data: *const u8,
    lens: *const usize,
    count: usize,
    paths: *const *const c_char,
    threads: usize,
    out_array: *mut FFI_ArrowArray,
    out_schema: *mut FFI_ArrowSchema,
) -> newsparse_result {
    set_last_error(None);
    guard(|| {
        if out_array.is_null() {
            return null_argument("out_array");
        }
        if out_schema.is_null() {
            return null_argument("out_schema");
        }
        // SAFETY: both point to writable structs by contract. They may hold
        // anything, so they are written without dropping what was there, and
        // from here on every failure leaves released structs behind.
        unsafe {
            out_array.write(FFI_ArrowArray::empty());
            out_schema.write(FFI_ArrowSchema::empty());
        }
        let inputs = match batch_inputs(data, lens, count, ARROW_MAX_BYTES) {
            Ok(inputs) => inputs,
            Err(code) => return code,
        };
        let paths: Vec<std::borrow::Cow<'_, str>> = if paths.is_null() || count == 0 {
            Vec::new()
        } else {
            // SAFETY: non-NULL and, by contract, holding `count` paths.
            let paths = unsafe { std::slice::from_raw_parts(paths, count) };
            if paths.iter().any(|p| p.is_null()) {
                return null_argument("paths[i]");
            }
            // SAFETY: each is non-NULL and, by contract, NUL-terminated.
            let text = |&p| unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy();
            paths.iter().map(text).collect()
        };
        let outcomes = parse_all(&inputs, threads, |&bytes| Ok(crate::parse_bytes(bytes)));
        let mut columns = crate::arrow::ArticleColumns::new();
        for (i, outcome) in outcomes.iter().enumerate() {
            let path = paths.get(i).map_or("", |p| p.as_ref());
            match outcome {
                Ok(Ok(article)) => columns.push_article(path, article),
                Ok(Err(e)) => columns.push_parse_error(path, e),
                Err(_) => columns.push_error(
                    path,
                    crate::arrow::RowError {
                        kind: "panic",
                        message: "newsparse panicked on this input",
                        offset: 0,
                    },
                ),
            }
        }
        let exported = columns.finish().and_then(|batch| {
            let array = arrow_array::StructArray::from(batch);
            arrow_array::ffi::to_ffi(&arrow_array::Array::to_data(&array))
        });
        match exported {
            Ok((array, schema)) => {
                // SAFETY: as above; the released structs there own nothing.
                unsafe {
                    out_array.write(array);
                    out_schema.write(schema);
                }
                NEWSPARSE_OK
            }
            // The columns always agree and export: this is a bug.
            Err(e) => fail(
                NEWSPARSE_PANIC,
                format!("newsparse could not build the Arrow batch: {e}"),
                NEWSPARSE_NO_OFFSET,
            ),
        }
    })
}

/// A C path as the platform reads it: any bytes on Unix, UTF-8 elsewhere.
fn path_of(path: &std::ffi::CStr) -> std::path::PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::ffi::OsStr::from_bytes(path.to_bytes()).into()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned().into()
    }
}

/// Parses every input, on up to `threads` threads (0: the machine's
/// parallelism), each taking the next batch of inputs as it finishes one.
fn parse_all<T: Sync, R: Send>(
    inputs: &[T],
    threads: usize,
    parse: impl Fn(&T) -> Result<R, newsparse_result> + Sync,
) -> Vec<Result<R, newsparse_result>> {
    let parse_one =
        |input: &T| catch_unwind(AssertUnwindSafe(|| parse(input))).unwrap_or(Err(NEWSPARSE_PANIC));
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    // Small batches keep the threads busy to the end when articles differ in size.
    const BATCH: usize = 32;
    let threads = threads.min(inputs.len().div_ceil(BATCH)).max(1);
    if threads == 1 {
        return inputs.iter().map(parse_one).collect();
    }
    let mut outcomes: Vec<_> = inputs.iter().map(|_| Err(NEWSPARSE_PANIC)).collect();
    let work = std::sync::Mutex::new(inputs.chunks(BATCH).zip(outcomes.chunks_mut(BATCH)));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    // A poisoned lock cannot happen (nothing panics holding it), but is not unwrapped.
                    let next = match work.lock() {
                        Ok(mut batches) => batches.next(),
                        Err(_) => None,
                    };
                    let Some((batch, slots)) = next else { break };
                    for (input, slot) in batch.iter().zip(slots) {
                        *slot = parse_one(input);
                    }
                }
            });
        }
    });
    outcomes
}

/// Frees a string returned by `newsparse_article_to_json`. NULL is accepted
/// and ignored. Freeing any other pointer, or the same one twice, is undefined.
#[unsafe(no_mangle)]
pub extern "C" fn newsparse_string_free(s: *mut c_char) {
    guard_or((), || {
        if !s.is_null() {
            // SAFETY: a non-NULL pointer came from `CString::into_raw` in
            // `newsparse_article_to_json` and, by contract, is freed only once.
            drop(unsafe { CString::from_raw(s) });
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_constants_match_the_package() {
        assert_eq!(NEWSPARSE_VERSION, env!("CARGO_PKG_VERSION"));
        let parts = [
            NEWSPARSE_VERSION_MAJOR,
            NEWSPARSE_VERSION_MINOR,
            NEWSPARSE_VERSION_PATCH,
        ];
        let package = [
            env!("CARGO_PKG_VERSION_MAJOR"),
            env!("CARGO_PKG_VERSION_MINOR"),
            env!("CARGO_PKG_VERSION_PATCH"),
        ];
        for (part, text) in parts.iter().zip(package) {
            assert_eq!(part.to_string(), text);
        }
    }

    #[test]
    fn a_panic_becomes_a_code_and_a_last_error() {
        let code = guard(|| panic!("boom"));
        assert_eq!(code, NEWSPARSE_PANIC);
        assert_eq!(newsparse_last_error_code(), NEWSPARSE_PANIC);
        let mut buf = [0 as c_char; 64];
        let n = newsparse_last_error_message(buf.as_mut_ptr(), buf.len());
        let message = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
        assert_eq!(message.to_str(), Ok("newsparse panicked: boom"));
        assert_eq!(n, message.to_bytes().len());
        assert_eq!(guard_or(7usize, || panic!("{}", 1)), 7);
    }

    #[test]
    fn every_code_has_its_own_name() {
        for code in 0..=10u32 {
            let name = unsafe { std::ffi::CStr::from_ptr(newsparse_result_name(code)) };
            let name = name.to_str().unwrap();
            assert!(name.starts_with("NEWSPARSE_") && name != "NEWSPARSE_UNKNOWN");
        }
        let unknown = unsafe { std::ffi::CStr::from_ptr(newsparse_result_name(11)) };
        assert_eq!(unknown.to_str(), Ok("NEWSPARSE_UNKNOWN"));
    }

    #[test]
    fn offsets_lie_inside_the_input_or_are_absent() {
        let text = "Head line\n\nBody text.\n";
        let h = Handle {
            base: text.as_ptr() as usize,
            len: text.len(),
            article: Article::default(),
            blocks: Vec::new(),
            owned: None,
        };
        assert_eq!(h.offset_of(&text[..9]), 0);
        assert_eq!(h.offset_of(&text[11..21]), 11);
        assert_eq!(h.offset_of(&text[text.len()..]), text.len());
        assert_eq!(h.offset_of("UPI"), NEWSPARSE_NO_OFFSET);
    }
}
