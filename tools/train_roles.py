#!/usr/bin/env python3
"""Train newsparse's learned block-role labeller on the corpus line roles.

  python3 tools/train_roles.py [--corpus ../shared/corpus] [--model crf|lr] [--l2 L]
                               [--features FILE] [--cv both|loso|site|none] [--write]

Reads the feature vector of every block of every NAME.txt under CORPUS/dev and CORPUS/extra (and of
the fixtures under tests/fixtures) from `examples/role_features` (run through cargo unless
--features names a JSON-lines dump of it), joins each block to the line roles of NAME.roles.tsv
(a line belongs to the block holding its first non-space byte, as shared/tools/score_roles.py maps
it; a block's gold role is that of its first line), and fits either a linear-chain model (--model
crf: an emission weight per feature and role, a transition weight per pair of roles in a row, a
start weight per role; L2-regularised conditional likelihood, L-BFGS) or multinomial logistic
regression (--model lr: the same without transitions).

Reports, by line as score_roles.py counts: the fit (trained and scored on all), leave-one-source-out
(each folder dev/aeb, ..., extra/trafilatura held out in turn) and site-grouped 5-fold
cross-validation (pages grouped by their site in CORPUS/SITES.tsv, a page of unknown site its own
group): line accuracy, by source, and precision/recall per role. Decoding takes each block's role of
highest marginal probability, as src/learned/mod.rs does.

With --write, the model fitted on all pages is written to src/learned/weights.rs (generated: never
edit it by hand), and the roles and confidences it gives the fixtures to
src/learned/expected.tsv, which a unit test compares with what the Rust inference computes.
Needs numpy and scipy (pip install numpy scipy)."""
import argparse, collections, hashlib, json, os, re, subprocess, sys

import numpy as np
from scipy.optimize import minimize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROLES = ["headline", "repeat", "dek", "published", "byline", "dateline", "body", "subheading",
         "caption", "related", "credits", "signoff", "boilerplate", "other"]
K = len(ROLES)
FOLDS = 5


def line_starts(raw):
    """Byte offset of the first non-space byte of each non-blank line, by 1-based line number
    (`\\r\\n`, `\\r` and `\\n` each end a line): as shared/tools/score_roles.py reads lines."""
    out, n, pos = {}, 1, 0
    for m in re.finditer(rb"\r\n|\r|\n|$", raw):
        seg = raw[pos:m.start()].decode("utf-8", "replace")
        stripped = seg.lstrip()
        if stripped.strip():
            out[n] = pos + len(seg[: len(seg) - len(stripped)].encode("utf-8"))
        n += 1
        pos = m.end()
        if m.start() == len(raw):
            break
    return out


def dump_features(corpus, fixtures):
    cmd = ["cargo", "run", "--quiet", "--release", "--features", "training", "--example",
           "role_features", "--", os.path.join(corpus, "dev"), os.path.join(corpus, "extra"), fixtures]
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{p.stderr}")
    return p.stdout.splitlines()


class Page:
    """One labelled text: its block features, gold block roles, and its lines' blocks."""

    def __init__(self, path, rel, blocks, site):
        self.path, self.rel = path, rel
        self.source = "/".join(rel.split("/")[:2])
        self.group = site or rel
        self.x = np.array([b["x"] for b in blocks], dtype=np.float32).reshape(len(blocks), -1)
        spans = [(b["start"], b["end"]) for b in blocks]
        starts = line_starts(open(path, "rb").read())
        gold = {}
        for row in open(path[: -len(".txt")] + ".roles.tsv", encoding="utf-8"):
            n, role, _ = row.rstrip("\n").split("\t", 2)
            gold[int(n)] = role
        # Each gold line: (its block or -1, its role); each block: the role of its first line.
        self.lines, first = [], {}
        ordered = sorted(gold)
        j = 0
        for n in ordered:
            at = starts.get(n)
            b = -1
            if at is not None:
                while j < len(spans) and spans[j][1] <= at:
                    j += 1
                if j < len(spans) and spans[j][0] <= at < spans[j][1]:
                    b = j
            self.lines.append((b, gold[n]))
            if b >= 0 and b not in first:
                first[b] = gold[n]
        # A block holding no labelled line (none does, as the line cutting agrees) is `other`.
        self.y = np.array([ROLES.index(first.get(i, "other")) for i in range(len(spans))], dtype=np.int64)
        self.unlabelled = len(spans) - len(first)


def load(args):
    lines = open(args.features).read().splitlines() if args.features else dump_features(
        args.corpus, os.path.join(ROOT, "tests", "fixtures"))
    names = json.loads(lines[0])["features"]
    sites = {}
    for row in open(os.path.join(args.corpus, "SITES.tsv"), encoding="utf-8"):
        if row.startswith("#") or not row.strip():
            continue
        art, site = row.rstrip("\n").split("\t")[:2]
        sites[art] = site
    corpus = os.path.realpath(args.corpus)
    pages, fixtures = [], []
    for line in lines[1:]:
        rec = json.loads(line)
        path = os.path.realpath(rec["path"])
        if path.startswith(corpus + os.sep):
            rel = os.path.relpath(path, corpus)[: -len(".txt")]
            if os.path.exists(path[: -len(".txt")] + ".roles.tsv"):
                pages.append(Page(path, rel, rec["blocks"], sites.get(rel)))
        else:
            fixtures.append(rec)
    return names, pages, fixtures


# ---- the models -------------------------------------------------------------------------------

class Chunk:
    """Pages of similar length, padded to the longest for the chain's steps."""

    def __init__(self, pages, offsets):
        self.lens = np.array([len(p.y) for p in pages])
        self.D, self.L = len(pages), int(self.lens.max())
        self.rows = np.concatenate([np.arange(o, o + len(p.y)) for p, o in zip(pages, offsets)])
        self.doc = np.repeat(np.arange(self.D), self.lens)
        self.pos = np.concatenate([np.arange(n) for n in self.lens])
        self.mask = np.arange(self.L)[None, :] < self.lens[:, None]


class Batch:
    """Pages stacked: the block rows of all pages in order, and the pages dealt into chunks by
    length (1-2, 3-4, 5-8, ... blocks), so that padding wastes at most half of a chunk."""

    def __init__(self, pages, nf):
        self.x = np.concatenate([p.x for p in pages]).astype(np.float64) if pages else np.zeros((0, nf))
        self.y = np.concatenate([p.y for p in pages])
        self.lens = np.array([len(p.y) for p in pages])
        self.doc = np.repeat(np.arange(len(pages)), self.lens)
        self.first = np.concatenate([[0], np.cumsum(self.lens)[:-1]])
        by_class = collections.defaultdict(list)
        for i, n in enumerate(self.lens):
            by_class[int(n - 1).bit_length()].append(i)
        self.chunks = [Chunk([pages[i] for i in idx], self.first[idx]) for _, idx in sorted(by_class.items())]


def unpack(theta, nf, chain):
    w = theta[: nf * K].reshape(nf, K)
    if not chain:
        return w, np.zeros((K, K)), np.zeros(K)
    t = theta[nf * K: nf * K + K * K].reshape(K, K)
    s = theta[nf * K + K * K:]
    return w, t, s


def chunk_forward_backward(b, e, t, s):
    """Marginals of each block's role (rows of e), pairwise sums, and log Z per page of a chunk."""
    E = np.zeros((b.D, b.L, K))
    E[b.doc, b.pos] = e
    mx = E.max(axis=2, keepdims=True)
    lk = np.exp(E - mx)
    M = np.exp(t)
    alpha = np.zeros((b.D, b.L, K))
    c = np.ones((b.D, b.L))
    a = np.exp(s)[None, :] * lk[:, 0]
    c[:, 0] = a.sum(1)
    alpha[:, 0] = a / c[:, 0, None]
    for i in range(1, b.L):
        a = (alpha[:, i - 1] @ M) * lk[:, i]
        ci = a.sum(1)
        live = b.mask[:, i]
        c[:, i] = np.where(live, ci, 1.0)
        alpha[:, i] = np.where(live[:, None], a / np.where(live, ci, 1.0)[:, None], alpha[:, i - 1])
    beta = np.ones((b.D, b.L, K))
    for i in range(b.L - 2, -1, -1):
        live = b.mask[:, i + 1]
        nb = (lk[:, i + 1] * beta[:, i + 1]) @ M.T / c[:, i + 1, None]
        beta[:, i] = np.where(live[:, None], nb, 1.0)
    gamma = alpha * beta
    gamma /= gamma.sum(2, keepdims=True)
    logz = (np.log(c) * b.mask).sum(1) + (mx[..., 0] * b.mask).sum(1)
    right = lk * beta / c[..., None] * b.mask[..., None]
    xi = M * np.einsum("dti,dtj->ij", alpha[:, :-1], right[:, 1:])
    return gamma[b.doc, b.pos], xi, gamma[:, 0], logz


def forward_backward(b, e, t, s):
    """Marginals of each block's role (rows of b.x), pairwise sums, first-block marginals summed,
    and log Z summed over the pages."""
    g = np.zeros_like(e)
    xi, g0, logz = np.zeros((K, K)), np.zeros(K), 0.0
    for c in b.chunks:
        gc, xc, g0c, lc = chunk_forward_backward(c, e[c.rows], t, s)
        g[c.rows] = gc
        xi += xc
        g0 += g0c.sum(0)
        logz += lc.sum()
    return g, xi, g0, logz


def objective(theta, b, nf, l2, chain):
    w, t, s = unpack(theta, nf, chain)
    e = b.x @ w
    onehot = np.zeros((len(b.y), K))
    onehot[np.arange(len(b.y)), b.y] = 1.0
    if chain:
        g, xi, g0, logz = forward_backward(b, e, t, s)
        prev, cur = b.y[:-1], b.y[1:]
        same = b.doc[:-1] == b.doc[1:]
        gold = e[np.arange(len(b.y)), b.y].sum() + t[prev[same], cur[same]].sum() + s[b.y[b.first]].sum()
        nll = logz - gold
        gt = xi.copy()
        np.add.at(gt, (prev[same], cur[same]), -1.0)
        gs = g0 - np.bincount(b.y[b.first], minlength=K)
    else:
        mx = e.max(1, keepdims=True)
        p = np.exp(e - mx)
        z = p.sum(1, keepdims=True)
        g = p / z
        nll = (np.log(z[:, 0]) + mx[:, 0] - e[np.arange(len(b.y)), b.y]).sum()
        gt, gs = None, None
    gw = b.x.T @ (g - onehot)
    f = nll + 0.5 * l2 * (theta @ theta)
    grad = [gw.ravel()] + ([gt.ravel(), gs] if chain else [])
    return f, np.concatenate(grad) + l2 * theta


def fit(pages, nf, l2, chain, iters):
    b = Batch(pages, nf)
    theta = np.zeros(nf * K + (K * K + K if chain else 0))
    r = minimize(objective, theta, args=(b, nf, l2, chain), jac=True, method="L-BFGS-B",
                 options={"maxiter": iters})
    return unpack(r.x, nf, chain)


def predict(model, pages, nf):
    """Each page's block marginals under a model."""
    w, t, s = model
    b = Batch(pages, nf)
    g, _, _, _ = forward_backward(b, b.x @ w, t, s)
    return np.split(g, np.cumsum(b.lens)[:-1])


# ---- scoring ----------------------------------------------------------------------------------

class Tally:
    def __init__(self):
        self.tp, self.fp, self.fn = collections.Counter(), collections.Counter(), collections.Counter()
        self.by_source = collections.defaultdict(lambda: [0, 0])
        self.right = self.total = 0

    def add(self, page, marginals):
        best = marginals.argmax(1)
        for blk, want in page.lines:
            got = ROLES[best[blk]] if blk >= 0 else "none"
            self.total += 1
            self.by_source[page.source][1] += 1
            if got == want:
                self.right += 1
                self.tp[want] += 1
                self.by_source[page.source][0] += 1
            else:
                self.fp[got] += 1
                self.fn[want] += 1

    def report(self, title):
        print(f"\n== {title}: lines {self.right}/{self.total} ({100 * self.right / max(self.total, 1):.1f}%)")
        for s, (r, t) in sorted(self.by_source.items()):
            print(f"   {s:20s} {r:5d}/{t:<5d} {100 * r / max(t, 1):5.1f}%")
        dev = [v for s, v in self.by_source.items() if s.startswith("dev/")]
        extra = [v for s, v in self.by_source.items() if s.startswith("extra/")]
        for name, part in (("dev", dev), ("extra", extra)):
            r, t = sum(v[0] for v in part), sum(v[1] for v in part)
            print(f"   {name + ' (all)':20s} {r:5d}/{t:<5d} {100 * r / max(t, 1):5.1f}%")
        for role in ROLES:
            tp, fp, fn = self.tp[role], self.fp[role], self.fn[role]
            if tp + fn == 0 and fp == 0:
                continue
            print(f"   {role:12s} precision {100 * tp / max(tp + fp, 1):5.1f}%  recall "
                  f"{100 * tp / max(tp + fn, 1):5.1f}%  (gold {tp + fn})")
        return 100 * self.right / max(self.total, 1)


def cross_validate(pages, folds, nf, args, title):
    tally = Tally()
    for held in sorted(set(folds)):
        train = [p for p, f in zip(pages, folds) if f != held]
        test = [p for p, f in zip(pages, folds) if f == held]
        model = fit(train, nf, args.l2, args.model == "crf", args.iters)
        for p, m in zip(test, predict(model, test, nf)):
            tally.add(p, m)
    return tally.report(title)


def site_folds(pages):
    """Groups (sites, or single pages of unknown site) dealt to FOLDS folds, largest first, each to
    the fold with fewest lines so far; ties broken by a hash of the group name (stable)."""
    size = collections.Counter()
    for p in pages:
        size[p.group] += len(p.lines)
    order = sorted(size, key=lambda g: (-size[g], hashlib.sha1(g.encode()).hexdigest()))
    load_, fold_of = [0] * FOLDS, {}
    for g in order:
        f = min(range(FOLDS), key=lambda i: (load_[i], i))
        fold_of[g] = f
        load_[f] += size[g]
    return [fold_of[p.group] for p in pages]


# ---- writing ----------------------------------------------------------------------------------

def f32(v):
    """The shortest decimal that reads back as the same f32, as a Rust literal."""
    s = str(np.float32(v))
    return s if any(c in s for c in ".eE") or "inf" in s or "nan" in s else s + ".0"


def write_weights(path, model, names, command):
    w, t, s = model
    out = [
        "//! The learned block-role labeller's weights: GENERATED, do not edit.",
        f"//! Written by `{command}`",
        "//! (tools/train_roles.py) from the line roles of the corpus dev and extra pages.",
        "",
        "/// The feature names the weights were fitted to, in order.",
        "#[cfg(test)]",
        f"pub(super) const FEATURES: [&str; {len(names)}] = [",
        *[f"    {json.dumps(n)}," for n in names],
        "];",
        "",
        "/// The roles, the model's classes, in order.",
        "#[cfg(test)]",
        f"pub(super) const ROLES: [&str; {K}] = [",
        *[f"    {json.dumps(r)}," for r in ROLES],
        "];",
        "",
        "/// Per feature, its weight for each role.",
        "#[rustfmt::skip]", # a row a line, named in its comment
        f"pub(super) const EMISSION: [[f32; {K}]; {len(names)}] = [",
        *[f"    [{', '.join(f32(v) for v in row)}], // {n}" for n, row in zip(names, w)],
        "];",
        "",
        "/// Per role of a block, the weight of each role of the next block.",
        "#[rustfmt::skip]", # a row a line, named in its comment
        f"pub(super) const TRANSITION: [[f32; {K}]; {K}] = [",
        *[f"    [{', '.join(f32(v) for v in row)}], // {r}" for r, row in zip(ROLES, t)],
        "];",
        "",
        "/// The weight of each role for a page's first block.",
        "#[rustfmt::skip]", # a row a line, named in its comment
        f"pub(super) const START: [f32; {K}] = [{', '.join(f32(v) for v in s)}];",
        "",
    ]
    open(path, "w").write("\n".join(out))


def write_expected(path, model, fixtures, nf):
    """The roles and confidences of the fixture blocks under the f32-rounded weights."""
    rounded = tuple(np.float32(m).astype(np.float64) for m in model)
    rows = []
    for rec in fixtures:
        if not rec["blocks"]:
            continue
        x = np.array([b["x"] for b in rec["blocks"]], dtype=np.float32).astype(np.float64)

        class P:
            pass
        p = P()
        p.x, p.y = x, np.zeros(len(x), dtype=np.int64)
        m = predict(rounded, [p], nf)[0]
        rel = os.path.relpath(os.path.realpath(rec["path"]), ROOT)
        for b, row in zip(rec["blocks"], m):
            rows.append(f"{rel}\t{b['start']}\t{b['end']}\t{ROLES[row.argmax()]}\t{row.max():.6f}")
    with open(path, "w") as f:
        f.write("# GENERATED by tools/train_roles.py --write: path, block start, end, role, confidence\n")
        f.write("\n".join(rows) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--features", help="a dump of examples/role_features instead of running it")
    ap.add_argument("--model", choices=["crf", "lr"], default="crf")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--cv", choices=["both", "loso", "site", "none"], default="both",
                    help="which cross-validations to run before the fit")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    names, pages, fixtures = load(args)
    nf = len(names)
    print(f"{len(pages)} pages, {sum(len(p.y) for p in pages)} blocks, "
          f"{sum(len(p.lines) for p in pages)} lines, {nf} features; model {args.model}, l2 {args.l2}")
    unlabelled = sum(p.unlabelled for p in pages)
    if unlabelled:
        print(f"{unlabelled} blocks hold no labelled line (taken as other)")
    if args.cv in ("both", "loso"):
        sources = sorted({p.source for p in pages})
        cross_validate(pages, [sources.index(p.source) for p in pages], nf, args,
                       "leave-one-source-out")
    if args.cv in ("both", "site"):
        cross_validate(pages, site_folds(pages), nf, args, f"site-grouped {FOLDS}-fold")
    model = fit(pages, nf, args.l2, args.model == "crf", args.iters)
    tally = Tally()
    for p, m in zip(pages, predict(model, pages, nf)):
        tally.add(p, m)
    tally.report("fit (trained and scored on all)")
    if args.write:
        command = f"python3 tools/train_roles.py --model {args.model} --l2 {args.l2} --iters {args.iters} --write"
        write_weights(os.path.join(ROOT, "src", "learned", "weights.rs"), model, names, command)
        write_expected(os.path.join(ROOT, "src", "learned", "expected.tsv"), model, fixtures, nf)
        print("wrote src/learned/weights.rs and src/learned/expected.tsv")


if __name__ == "__main__":
    main()
