#!/usr/bin/env python3
"""Which labelled pages and sites support each entry of newsparse's phrase tables.

A phrase earns its place in a table when pages of at least three different sites use it
(`SITES.tsv` names a page's site), or, where the site is unknown, at least five pages. This
script reads the tables from the Rust sources (`const NAME: [&str; N] = [...]`), looks for each
entry (in any case) in the lines of every labelled article under the given corpus folders,
and prints per table: entry, sites, pages of unknown site, and whether that is enough.

  tools/phrase_support.py [--corpus ../shared/corpus] [--strict] [--show-pages]

Exit status 0, or with --strict 1 when an entry lacks support.
"""
import argparse, collections, glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "src")

# The tables of site wording (grammar vocabulary such as month names is not wording of a site).
TABLES = {
    "blocks.rs": ["FURNITURE_PHRASES", "PROMPT_PHRASES", "RIGHTS_PHRASES", "SOCIAL_NETWORKS",
                  "CREDIT_OPENERS", "PLACEMENTS", "AGENCY_CREDITS", "CREDIT_LINE_OPENERS"],
    "byline.rs": ["NAME_STOPS"],
    "article/frame.rs": ["SUMMARY_LABELS"],
    "shape.rs": ["END_MARKERS", "PAGE_LABELS", "COOKIE_NOTICE", "PROMOTION_OPENERS"],
}
MIN_SITES, MIN_UNKNOWN_PAGES = 3, 5


def tables():
    for file, names in TABLES.items():
        src = open(os.path.join(SRC, file), encoding="utf-8").read()
        for name in names:
            m = re.search(r"const " + name + r": \[&str; \d+\] = \[(.*?)\];", src, re.S)
            if not m:
                sys.exit(f"table {name} not found in src/{file}")
            body = re.sub(r"//[^\n]*", "", m.group(1))
            entries = [bytes(e, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                       for e in re.findall(r'"((?:[^"\\]|\\.)*)"', body)]
            yield f"{file}:{name}", entries


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--show-pages", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        print(f"no corpus at {a.corpus}: nothing to check")
        return
    sites = {}
    sites_file = os.path.join(a.corpus, "SITES.tsv")
    if os.path.exists(sites_file):
        for row in open(sites_file, encoding="utf-8"):
            if row.startswith("#") or not row.strip():
                continue
            page, site = row.rstrip("\n").split("\t")[:2]
            sites[page] = site
    pages = {}
    for part in ("dev", "extra"):
        for f in sorted(glob.glob(os.path.join(a.corpus, part, "**", "*.gold.json"), recursive=True)):
            txt = f[: -len(".gold.json")] + ".txt"
            key = os.path.relpath(txt, a.corpus)[: -len(".txt")]
            lines = open(txt, encoding="utf-8", errors="replace").read().lower().splitlines()
            pages[key] = lines
    lacking = 0
    for table, entries in tables():
        print(f"== {table} ({len(entries)} entries)")
        for entry in entries:
            needle = entry.lower()
            found = [k for k, lines in pages.items() if any(needle in l for l in lines)]
            known = sorted({sites[k] for k in found if k in sites})
            unknown = [k for k in found if k not in sites]
            ok = len(known) >= MIN_SITES or len(unknown) >= MIN_UNKNOWN_PAGES
            lacking += not ok
            mark = "ok  " if ok else "THIN"
            print(f"{mark} {entry!r}: {len(known)} sites, {len(unknown)} pages of unknown site"
                  + (f"  [{', '.join(known[:6])}]" if known else ""))
            if a.show_pages:
                for k in found:
                    print(f"       {k} ({sites.get(k, 'site unknown')})")
    print(f"phrase support: {lacking} entries below {MIN_SITES} sites / {MIN_UNKNOWN_PAGES} pages of unknown site")
    if a.strict and lacking:
        sys.exit(1)


if __name__ == "__main__":
    main()
