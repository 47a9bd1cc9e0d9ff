#!/usr/bin/env python3
"""Snapshot digest of the CLI's output over corpus folders.

One SHA-256 per article file of what `newsparse FILE` prints (the JSON record without its
`path`), and of what `newsparse --explain FILE` prints when the CLI has `--explain`, kept in
tests/snapshots/corpus.digest.tsv as `PATH<TAB>ARTICLE-HASH<TAB>EXPLAIN-HASH` (PATH relative
to the corpus root). A refactor proves itself byte-identical with it; a behaviour change shows
which files it moves.

  tools/snapshot.py --cli BIN DIR...            check: list moved files, exit 1 if any moved
  tools/snapshot.py --cli BIN --update DIR...   rewrite the digest for the files under DIR

Files the digest does not know yet are listed as new, not failed; known files no longer found
under the given folders are listed as gone, not failed.
"""
import argparse, hashlib, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIGEST = os.path.join(HERE, "..", "tests", "snapshots", "corpus.digest.tsv")


def article_files(dirs):
    for d in dirs:
        for root, subdirs, names in os.walk(d):
            subdirs.sort()
            for n in sorted(names):
                if n.endswith(".txt"):
                    yield os.path.join(root, n)


def run(cli, args, files):
    """Hash of each file's record, keyed by the absolute path the CLI was given."""
    out = {}
    for i in range(0, len(files), 500):
        chunk = files[i:i + 500]
        p = subprocess.run([cli, *args, *chunk], capture_output=True)
        if p.returncode not in (0, 1):
            sys.exit(f"{cli} {' '.join(args)} failed ({p.returncode}): {p.stderr.decode()[:500]}")
        for line in p.stdout.splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            path = rec.pop("path")
            canon = json.dumps(rec, sort_keys=True, ensure_ascii=False).encode()
            out[path] = hashlib.sha256(canon).hexdigest()[:16]
    return out


def has_explain(cli):
    p = subprocess.run([cli, "--help"], capture_output=True, text=True)
    return "--explain" in p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--digest", default=DEFAULT_DIGEST)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()

    root = os.path.commonpath([os.path.abspath(os.path.join(d, "..")) for d in a.dirs])
    files = [os.path.abspath(f) for f in article_files(a.dirs)]
    arts = run(a.cli, [], files)
    expl = run(a.cli, ["--explain"], files) if has_explain(a.cli) else {}
    now = {}
    for f in files:
        rel = os.path.relpath(f, root)
        now[rel] = (arts.get(f, "-"), expl.get(f, "-"))

    old = {}
    if os.path.exists(a.digest):
        for row in open(a.digest, encoding="utf-8"):
            if row.startswith("#") or not row.strip():
                continue
            path, art, ex = row.rstrip("\n").split("\t")
            old[path] = (art, ex)

    if a.update:
        merged = dict(old)
        merged.update(now)
        with open(a.digest, "w", encoding="utf-8") as w:
            w.write("# path\tarticle JSON sha256/16\texplain JSON sha256/16 (written by tools/snapshot.py --update)\n")
            for path in sorted(merged):
                w.write(f"{path}\t{merged[path][0]}\t{merged[path][1]}\n")
        print(f"snapshot: {len(now)} files written to {os.path.relpath(a.digest)}")
        return

    moved_art = [p for p in now if p in old and old[p][0] != now[p][0]]
    moved_ex = [p for p in now if p in old and old[p][1] not in ("-", now[p][1])]
    new = [p for p in now if p not in old]
    scope = tuple(os.path.relpath(os.path.abspath(d), root) + os.sep for d in a.dirs)
    gone = [p for p in old if p.startswith(scope) and p not in now]
    for p in new:
        print(f"new (not in the digest): {p}")
    for p in gone:
        print(f"gone (in the digest, not found): {p}")
    for p in moved_art:
        print(f"moved (article): {p}")
    for p in moved_ex:
        print(f"moved (explain): {p}")
    print(f"snapshot: {len(now)} files, {len(moved_art)} articles moved, {len(moved_ex)} explains moved, "
          f"{len(new)} new, {len(gone)} gone")
    if moved_art or moved_ex:
        print("output changed: if intended, run tools/snapshot.py --cli BIN --update DIR... and say in the commit which files moved and why")
        sys.exit(1)


if __name__ == "__main__":
    main()
