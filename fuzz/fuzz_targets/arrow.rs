//! The Arrow batch of the C library: arbitrary bytes, cut in up to three
//! inputs, through `newsparse_parse_arrow` on one or two threads and imported
//! back through the Arrow C Data Interface must equal the batch
//! `newsparse::arrow` builds of the same inputs, failures included.
#![no_main]

use std::ffi::{CString, c_char};
use std::ptr;

use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi};
use arrow_array::{RecordBatch, StructArray};
use libfuzzer_sys::fuzz_target;
use newsparse::ffi::newsparse_result::*;
use newsparse::ffi::*;

fuzz_target!(|data: &[u8]| {
    // The first two bytes cut the rest, and choose threads and paths.
    let (head, rest) = data.split_at(data.len().min(2));
    let cut = |b: Option<&u8>| usize::from(b.copied().unwrap_or(0)).min(rest.len());
    let (a, b) = (cut(head.first()), cut(head.get(1)));
    let (a, b) = (a.min(b), a.max(b));
    let inputs = [&rest[..a], &rest[a..b], &rest[b..]];
    let threads = 1 + usize::from(head.first().is_some_and(|x| x & 1 == 1));
    let with_paths = head.get(1).is_some_and(|x| x & 1 == 1);
    let names = ["a.txt", "b/c.txt", "d é.txt"];

    let mut columns = newsparse::arrow::ArticleColumns::new();
    for (input, name) in inputs.iter().zip(names) {
        let path = if with_paths { name } else { "" };
        match newsparse::parse_bytes(input) {
            Ok(article) => columns.push_article(path, &article),
            Err(e) => columns.push_parse_error(path, &e),
        }
    }
    let expected = columns.finish().expect("the batch builds");

    let lens = inputs.map(<[u8]>::len);
    let c_names = names.map(|n| CString::new(n).expect("no NUL in a name"));
    let pointers: Vec<*const c_char> = c_names.iter().map(|n| n.as_ptr()).collect();
    let (mut array, mut schema) = (FFI_ArrowArray::empty(), FFI_ArrowSchema::empty());
    let code = newsparse_parse_arrow(
        rest.as_ptr(),
        lens.as_ptr(),
        lens.len(),
        if with_paths {
            pointers.as_ptr()
        } else {
            ptr::null()
        },
        threads,
        &mut array,
        &mut schema,
    );
    assert_eq!(code, NEWSPARSE_OK);
    // SAFETY: both came from a successful call and are moved in once.
    let imported = unsafe { from_ffi(array, &schema) }.expect("the batch imports");
    assert_eq!(RecordBatch::from(StructArray::from(imported)), expected);
});
