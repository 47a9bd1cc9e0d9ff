#!/usr/bin/env python3
"""The accuracy tables of README.md, measured: fields per field and per source for dev and
extra (../shared/tools/score.py) and line roles per source (../shared/tools/score_roles.py).

  tools/accuracy_tables.py --cli target/release/newsparse [--corpus ../shared/corpus] [--write]

Prints the Markdown that goes between README's `<!-- accuracy -->` markers; --write puts it there.
"""
import argparse, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
README = os.path.join(HERE, "..", "README.md")


def run(*args):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    tools = os.path.join(a.corpus, "..", "tools")
    sets = ["dev", "extra"]
    fields, sources, roles, totals = {}, {}, {}, {}
    for s in sets:
        d = os.path.join(a.corpus, s)
        out = run(os.path.join(tools, "score.py"), "--cli", a.cli, d, "--by-source")
        for m in re.finditer(r"^(\w+): (\d+/\d+) \(([\d.]+%)\)$", out, re.M):
            if m.group(1) != "overall":
                fields.setdefault(m.group(1), {})[s] = (m.group(2), m.group(3))
        for m in re.finditer(r"^source (\S+): (\d+) articles, overall ([\d.]+%), found ([\d.]+%)", out, re.M):
            sources[(s, m.group(1))] = [m.group(2), m.group(3), m.group(4)]
        found = re.search(r"^found \(gold not empty\): (\d+/\d+) \(([\d.]+%)\)", out, re.M)
        overall = re.search(r"^overall: (\d+/\d+) \(([\d.]+%)\)", out, re.M)
        totals[s] = (found.groups(), overall.groups())
        rout = run(os.path.join(tools, "score_roles.py"), "--cli", a.cli, d, "--by-source")
        for m in re.finditer(r"^source (\S+): lines (\d+/\d+) \(([\d.]+%)\)", rout, re.M):
            roles[(s, m.group(1))] = m.group(3)
        roles[(s, "all")] = re.search(r"^lines: (\d+/\d+) \(([\d.]+%)\)", rout, re.M).group(2)
    md = ["| field | dev | extra |", "|---|---|---|"]
    for f, by in fields.items():
        md.append(f"| {f} | " + " | ".join(f"{by[s][0]} ({by[s][1]})" if s in by else "-" for s in sets) + " |")
    md.append("| **found (gold not empty)** | " + " | ".join(f"{totals[s][0][0]} (**{totals[s][0][1]}**)" for s in sets) + " |")
    md.append("| **overall** | " + " | ".join(f"{totals[s][1][0]} (**{totals[s][1][1]}**)" for s in sets) + " |")
    md += ["", "| set | source | articles | overall | found | line roles right |", "|---|---|---|---|---|---|"]
    for (s, src), (n, ov, fo) in sources.items():
        md.append(f"| {s} | {src} | {n} | {ov} | {fo} | {roles.get((s, src), '-')} |")
    for s in sets:
        md.append(f"| **{s}** | all | | **{totals[s][1][1]}** | **{totals[s][0][1]}** | **{roles[(s, 'all')]}** |")
    text = "\n".join(md)
    if a.write:
        readme = open(README, encoding="utf-8").read()
        new = re.sub(r"(<!-- accuracy -->\n).*?(\n<!-- /accuracy -->)", lambda m: m.group(1) + text + m.group(2),
                     readme, flags=re.S)
        open(README, "w", encoding="utf-8").write(new)
    print(text)


if __name__ == "__main__":
    main()
