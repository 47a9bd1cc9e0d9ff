"""Parses a folder of plain-text news articles on a Spark cluster into Parquet.

usage: parse_corpus.py INPUT OUTPUT [--master URL] [--partitions N]

INPUT is any path Spark reads (a local folder, hdfs://, s3a://, ...): every
file below it whose name ends in .txt in any case (.TXT, .Txt) is one row.
OUTPUT is a folder of Parquet files with the columns of the command line's
`newsparse --format parquet` (README, "Parquet output"): `path` as Spark gives
it (`file:/...` for a local file), the article columns, and the `error` struct
of a file that did not parse. Spark's file sources skip files of 0 bytes and
names starting with `.` or `_`, which the CLI reads (an empty file is its
`error` row of kind `empty`). Spark has no unsigned integers, so the date's
`month` and `day` (uint8 in the CLI's file) are smallint, its `year` (uint16)
int and the error's `offset` (uint64) bigint: the same values, a wider type.

The executors parse with the newsparse Python package (newsparse.parse_arrow
inside mapInArrow), so each one needs it installed: see the README, "Running
on a cluster". `--master local[2]` runs the whole job on this machine.
"""

import argparse
import os
import sys
import time
from typing import Iterator

import pyarrow as pa
from pyspark.sql import SparkSession
from pyspark.sql.pandas.types import from_arrow_schema, to_arrow_schema

# Spark's integer type of each unsigned Arrow type: one wide enough for every value.
_SIGNED = {pa.uint8(): pa.int16(), pa.uint16(): pa.int32(), pa.uint32(): pa.int64(), pa.uint64(): pa.int64()}


def _signed(t: pa.DataType) -> pa.DataType:
    """``t`` with every unsigned integer in it replaced by its Spark type."""
    if t in _SIGNED:
        return _SIGNED[t]
    if pa.types.is_struct(t):
        return pa.struct([f.with_type(_signed(f.type)) for f in t])
    if pa.types.is_list(t):
        return pa.list_(t.value_field.with_type(_signed(t.value_type)))
    return t


def spark_schema():
    """The Spark schema of the output: newsparse's Arrow schema, made signed."""
    import newsparse

    arrow = newsparse.parse_arrow([]).schema
    return from_arrow_schema(pa.schema([f.with_type(_signed(f.type)) for f in arrow]))


def parse_batches(schema):
    """The mapInArrow function: each batch of (path, content) rows becomes the
    batch of their articles, cast to the types Spark expects."""
    target = to_arrow_schema(schema)

    def parse(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import newsparse

        for batch in batches:
            table = newsparse.parse_arrow(
                batch.column("content").to_pylist(),
                paths=batch.column("path").to_pylist(),
                # One thread: Spark runs a task on each of its cores.
                threads=1,
            )
            yield from table.cast(target).to_batches()

    return parse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="folder of article files (any path Spark reads)")
    parser.add_argument("output", help="folder for the Parquet files (replaced)")
    parser.add_argument("--master", help="Spark master URL, e.g. local[2] (default: spark-submit's)")
    parser.add_argument(
        "--partitions", type=int, help="tasks to split the files into (default: Spark's, from their sizes)"
    )
    args = parser.parse_args()

    # In local mode the Python workers are this interpreter, the one with newsparse.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsparse parse_corpus")
    if args.master:
        builder = builder.master(args.master)
    # Spark counts 4 MiB of cost per file when it packs files into tasks, which
    # for articles of a few KB makes hundreds of tiny tasks; 64 KiB packs a few
    # thousand articles into each.
    builder = builder.config("spark.sql.files.openCostInBytes", str(64 << 10))
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    if args.master and args.master.startswith("local"):
        # One machine: Spark listens on the loopback address alone.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")

    start = time.perf_counter()
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.[tT][xX][tT]")
        .load(args.input)
        .select("path", "content")
    )
    if args.partitions:
        files = files.repartition(args.partitions)
    schema = spark_schema()
    articles = files.mapInArrow(parse_batches(schema), schema)
    articles.write.mode("overwrite").parquet(args.output)
    seconds = time.perf_counter() - start

    rows = spark.read.parquet(args.output).count()
    print(f"parse_corpus: {rows} files parsed into {args.output} in {seconds:.2f} s ({rows / seconds:.0f} articles/s)")
    spark.stop()


if __name__ == "__main__":
    main()
