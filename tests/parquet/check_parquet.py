"""Checks `newsparse --format parquet` against its JSON Lines output.

usage: check_parquet.py NEWSPARSE DIR...

For each DIR, runs the CLI twice (JSON Lines, then Parquet into a scratch
file), reads the Parquet back with DuckDB and with Polars, and checks that
every row equals the JSON record of the same file, in the same order, as the
README's schema maps it. Exits 1 on the first difference.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

COLUMNS = [
    "path", "headline", "published", "published_at", "byline", "dateline", "agency", "paragraphs",
    "subheadings", "captions", "related", "credits", "boilerplate", "error",
]
ARTICLE_COLUMNS = [c for c in COLUMNS if c not in ("path", "error")]


def expected_row(record):
    """The Parquet row the schema gives for one JSON record."""
    article = record.get("article")
    row = {"path": record["path"], "error": record.get("error")}
    if article is None:
        row.update({c: None for c in ARTICLE_COLUMNS})
        return row
    row.update({c: article[c] for c in ARTICLE_COLUMNS})
    byline = article["byline"]
    if byline is not None:
        row["byline"] = {**byline, "authors": [a["name"] for a in byline["authors"]]}
    return row


def run(cli, args):
    done = subprocess.run([cli, "-q", *args], capture_output=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"{cli} {args} exited {done.returncode}: {done.stderr.decode()}")
    return done


def compare(label, rows, expected):
    if len(rows) != len(expected):
        sys.exit(f"{label}: {len(rows)} rows, {len(expected)} JSON records")
    for i, (got, want) in enumerate(zip(rows, expected)):
        if list(got) != COLUMNS:
            sys.exit(f"{label}: columns {list(got)}, expected {COLUMNS}")
        if got != want:
            diff = {k: (got[k], want[k]) for k in COLUMNS if got[k] != want[k]}
            sys.exit(f"{label}: row {i} ({want['path']}) differs: {diff}")


def check(cli, folder, scratch):
    jsonl = run(cli, [folder])
    expected = [expected_row(json.loads(line)) for line in jsonl.stdout.splitlines()]
    parquet = Path(scratch) / "out.parquet"
    pq = run(cli, ["--format", "parquet", "--output", str(parquet), folder])
    if pq.returncode != jsonl.returncode:
        sys.exit(f"{folder}: exit {pq.returncode} for Parquet, {jsonl.returncode} for JSON Lines")

    # Imported here: tests/spark/check_spark.py uses this module without Polars.
    import polars as pl

    con = duckdb.connect()
    cursor = con.execute("SELECT * FROM read_parquet(?)", [str(parquet)])
    names = [d[0] for d in cursor.description]
    compare(f"DuckDB {folder}", [dict(zip(names, r)) for r in cursor.fetchall()], expected)
    compare(f"Polars {folder}", pl.read_parquet(parquet).to_dicts(), expected)
    errors = sum(r["error"] is not None for r in expected)
    print(f"{folder}: {len(expected)} rows ({errors} errors) match in DuckDB and Polars")


def write_failing(failing):
    """Files that fail (and one that parses) in a new folder `failing`, so that
    the error column and the null article columns are read."""
    failing.mkdir()
    (failing / "1-empty.txt").write_bytes(b"")
    (failing / "2-bad-utf8.txt").write_bytes(b"Headline\n\nBody \xc3\x28 text.\n")
    (failing / "3-blank.txt").write_bytes(b" \n\t\n")
    (failing / "4-good.txt").write_bytes(b"Headline here\n\nAP - The Senate voted on Monday.\n")


def main():
    cli, *folders = sys.argv[1:]
    if not folders:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as scratch:
        failing = Path(scratch) / "failing"
        write_failing(failing)
        for folder in [*folders, str(failing)]:
            check(cli, folder, scratch)


if __name__ == "__main__":
    main()
