"""Checks examples/spark/parse_corpus.py against the CLI's JSON Lines output.

usage: check_spark.py NEWSPARSE [DIR...]   (default DIR: tests/fixtures)

Copies each DIR into one scratch folder, with files that fail to parse and a
file named in capitals (`.TXT`), runs the Spark job on it with
`--master local[2]` and the CLI on the same folder, reads the job's Parquet
with DuckDB and checks that every row equals the JSON record of the same file
(matched by the path below the folder: Spark writes `file:/...`, the CLI the
path as walked) as the README's schema maps it; a file of 0 bytes, which
Spark's file sources skip, has no row. Exits 1 on the first difference.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import duckdb

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "parquet"))
from check_parquet import compare, expected_row, run, write_failing  # noqa: E402


def relative(path, folder):
    """A file's path below `folder`, from a local path or a `file:` URL."""
    local = Path(unquote(urlparse(path).path) if path.startswith("file:") else path)
    return local.resolve().relative_to(folder.resolve()).as_posix()


def main():
    cli, *dirs = sys.argv[1:] or [None]
    if cli is None:
        sys.exit(__doc__)
    dirs = dirs or [str(ROOT / "tests" / "fixtures")]
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        for i, d in enumerate(dirs):
            shutil.copytree(d, corpus / f"{i}-{Path(d).name}")
        write_failing(corpus / "failing")
        (corpus / "failing" / "5-CAPITALS.TXT").write_bytes(b"Capital letters\n\nAP - The House voted.\n")

        jsonl = run(cli, [str(corpus)])
        expected = {}
        for line in jsonl.stdout.splitlines():
            row = expected_row(json.loads(line))
            expected[relative(row["path"], corpus)] = row

        out = Path(scratch) / "out"
        job = [sys.executable, str(ROOT / "examples" / "spark" / "parse_corpus.py"), str(corpus), str(out)]
        start = time.perf_counter()
        subprocess.run([*job, "--master", "local[2]"], check=True)
        seconds = time.perf_counter() - start

        con = duckdb.connect()
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(out / "*.parquet")])
        names = [d[0] for d in cursor.description]
        rows = {}
        for values in cursor.fetchall():
            row = dict(zip(names, values))
            if not row["path"].startswith("file:"):
                sys.exit(f"Spark's path {row['path']!r} is not a file: URL")
            rows[relative(row["path"], corpus)] = row
        # Spark's file sources skip files of 0 bytes, where the CLI writes an `empty` error.
        empty = {k for k, row in expected.items() if (row["error"] or {}).get("kind") == "empty"}
        if not empty:
            sys.exit("no empty file in the input: the check of Spark skipping them did not run")
        for key in empty:
            del expected[key]
        if sorted(rows) != sorted(expected):
            sys.exit(f"Spark read {sorted(set(rows) ^ set(expected))} unlike the CLI")
        keys = sorted(expected)
        # The paths are compared as the keys; the rest of each row as it is.
        for key in keys:
            rows[key]["path"] = expected[key]["path"]
        compare("Spark", [rows[k] for k in keys], [expected[k] for k in keys])
        errors = sum(expected[k]["error"] is not None for k in keys)
        print(f"check_spark: {len(keys)} rows ({errors} errors) of the Spark job match the CLI; job {seconds:.1f} s")


if __name__ == "__main__":
    main()
