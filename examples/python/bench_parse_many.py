"""parse_many over a folder of *.txt with every field touched, against the CLI over the same files.

    python examples/python/bench_parse_many.py ../shared/corpus/bulk target/release/newsparse

Prints the CLI's time and parse_many's with 1 and 2 threads (best of three each).
"""

import pathlib
import subprocess
import sys
import time

import newsparse


def touch(article: newsparse.Article) -> int:
    """Reads every field, so that nothing of the article goes unused."""
    n = sum(x is not None for x in (article.headline, article.published, article.published_at, article.agency))
    n += len(article.paragraphs) + len(article.related) + len(article.boilerplate) + (article.credits is not None)
    n += sum(len(c.text) + (c.credit is not None) for c in article.captions)
    if article.byline:
        n += len(article.byline.text) + len(article.byline.authors) + (article.byline.affiliation is not None)
    if article.dateline:
        d = article.dateline
        n += len(d.text) + sum(x is not None for x in (d.location, d.city, d.region, d.state, d.date, d.agency))
    return n


def best(run, times=3) -> float:
    out = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return min(out)


def main() -> None:
    folder, cli = sys.argv[1], sys.argv[2]
    files = sorted(pathlib.Path(folder).rglob("*.txt"))
    t_cli = best(lambda: subprocess.run([cli, folder], stdout=subprocess.DEVNULL, check=False))
    print(f"{len(files)} files; CLI {t_cli:.3f} s")
    for threads in (1, 2):
        t = best(lambda: sum(touch(a) for a in newsparse.parse_many(files, threads=threads) if isinstance(a, newsparse.Article)))
        print(f"parse_many(paths, threads={threads}): {t:.3f} s ({t / t_cli:.2f}x the CLI)")


if __name__ == "__main__":
    main()
