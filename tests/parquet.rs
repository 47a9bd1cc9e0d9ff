//! `newsparse --format parquet`: the rows, columns and nulls read back with
//! the parquet crate. (CI also reads the file with DuckDB and Polars:
//! tests/parquet/check_parquet.py.)
#![cfg(feature = "parquet")]

use std::{fs::File, path::PathBuf, process::Command};

use arrow_array::{Array, RecordBatch, StringArray, StructArray, UInt64Array};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_newsparse");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("parquet-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read(path: &PathBuf) -> RecordBatch {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<RecordBatch> = reader.map(Result::unwrap).collect();
    // The reader yields a batch per 1024 rows, and the test writes fewer.
    assert_eq!(batches.len(), 1);
    batches[0].clone()
}

fn strings<'a>(batch: &'a RecordBatch, name: &str) -> &'a StringArray {
    batch
        .column_by_name(name)
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap()
}

#[test]
fn rows_follow_the_json_lines_in_order_with_errors_as_structs() {
    let dir = scratch("rows");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let out = dir.join("out.parquet");
    let status = Command::new(BIN)
        .args(["-q", "-j", "3", "--format", "parquet", "-o"])
        .arg(&out)
        .args([FIXTURES, dir.to_str().unwrap()])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "the empty file fails");
    let json = Command::new(BIN)
        .args(["-q", FIXTURES, dir.to_str().unwrap()])
        .output()
        .unwrap();
    let records: Vec<Value> = std::str::from_utf8(&json.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    let batch = read(&out);
    let names: Vec<String> = batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        names,
        [
            "path",
            "headline",
            "published",
            "published_at",
            "byline",
            "dateline",
            "agency",
            "paragraphs",
            "subheadings",
            "captions",
            "related",
            "credits",
            "boilerplate",
            "error"
        ]
    );
    assert_eq!(batch.num_rows(), records.len());
    let paths = strings(&batch, "path");
    let headlines = strings(&batch, "headline");
    for (i, record) in records.iter().enumerate() {
        assert_eq!(paths.value(i), record["path"]);
        match record["article"]["headline"].as_str() {
            Some(h) => assert_eq!(headlines.value(i), h),
            None => assert!(headlines.is_null(i)),
        }
    }

    let last = records.len() - 1;
    assert_eq!(records[last]["error"]["kind"], "empty");
    let error: &StructArray = batch
        .column_by_name("error")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    assert_eq!(error.null_count(), last, "only the empty file has an error");
    let kind: &StringArray = error
        .column_by_name("kind")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    assert_eq!(kind.value(last), "empty");
    let offset: &UInt64Array = error
        .column_by_name("offset")
        .unwrap()
        .as_any()
        .downcast_ref()
        .unwrap();
    assert_eq!(offset.value(last), 0);
    for column in ["headline", "byline", "dateline", "paragraphs", "captions"] {
        assert!(
            batch.column_by_name(column).unwrap().is_null(last),
            "{column}"
        );
    }
    assert!(!batch.column_by_name("paragraphs").unwrap().is_null(0));
}

#[test]
fn parquet_needs_an_output_file() {
    let out = Command::new(BIN)
        .args(["--format", "parquet", FIXTURES])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
