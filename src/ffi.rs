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
    /// Borrows the caller's buffer: `'static` stands for "until
    /// `newsparse_article_free`", the lifetime the caller promises.
    article: Article<'static>,
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
    set_last_error(None);
    guard(|| {
        if out.is_null() {
            return null_argument("out");
        }
        // SAFETY: `out` is non-NULL and writable by contract.
        unsafe { out.write(std::ptr::null_mut()) };
        if text.is_null() {
            if len == 0 {
                return fail(
                    NEWSPARSE_EMPTY_INPUT,
                    Error::Empty.to_string(),
                    Error::Empty.offset(),
                );
            }
            return fail(
                NEWSPARSE_NULL_ARGUMENT,
                format!("argument `text` is NULL with len {len}"),
                NEWSPARSE_NO_OFFSET,
            );
        }
        if len > isize::MAX as usize {
            return fail(
                NEWSPARSE_INVALID_ARGUMENT,
                format!("argument `len` ({len}) is larger than any buffer"),
                NEWSPARSE_NO_OFFSET,
            );
        }
        // SAFETY: `text` is non-NULL and, by contract, points to `len` readable
        // bytes that stay alive and unchanged until `newsparse_article_free`,
        // which is what `'static` stands for here. `len <= isize::MAX`.
        let bytes: &'static [u8] = unsafe { std::slice::from_raw_parts(text, len) };
        match crate::parse_bytes(bytes) {
            Ok(article) => {
                let h = Box::new(Handle {
                    base: text as usize,
                    len,
                    article,
                });
                // SAFETY: `out` is non-NULL and writable by contract.
                unsafe { out.write(Box::into_raw(h).cast()) };
                NEWSPARSE_OK
            }
            Err(e) => {
                let code = match e {
                    Error::Empty => NEWSPARSE_EMPTY_INPUT,
                    Error::Blank { .. } => NEWSPARSE_BLANK_INPUT,
                    Error::InvalidUtf8 { .. } => NEWSPARSE_INVALID_UTF8,
                };
                fail(code, e.to_string(), e.offset())
            }
        }
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
    const CODES: [newsparse_result; 9] = [
        NEWSPARSE_OK,
        NEWSPARSE_NOT_FOUND,
        NEWSPARSE_NULL_ARGUMENT,
        NEWSPARSE_EMPTY_INPUT,
        NEWSPARSE_BLANK_INPUT,
        NEWSPARSE_INVALID_UTF8,
        NEWSPARSE_INDEX_OUT_OF_RANGE,
        NEWSPARSE_INVALID_ARGUMENT,
        NEWSPARSE_PANIC,
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
        for code in 0..=8u32 {
            let name = unsafe { std::ffi::CStr::from_ptr(newsparse_result_name(code)) };
            let name = name.to_str().unwrap();
            assert!(name.starts_with("NEWSPARSE_") && name != "NEWSPARSE_UNKNOWN");
        }
        let unknown = unsafe { std::ffi::CStr::from_ptr(newsparse_result_name(9)) };
        assert_eq!(unknown.to_str(), Ok("NEWSPARSE_UNKNOWN"));
    }

    #[test]
    fn offsets_lie_inside_the_input_or_are_absent() {
        let text = "Head line\n\nBody text.\n";
        let h = Handle {
            base: text.as_ptr() as usize,
            len: text.len(),
            article: Article::default(),
        };
        assert_eq!(h.offset_of(&text[..9]), 0);
        assert_eq!(h.offset_of(&text[11..21]), 11);
        assert_eq!(h.offset_of(&text[text.len()..]), text.len());
        assert_eq!(h.offset_of("UPI"), NEWSPARSE_NO_OFFSET);
    }
}
