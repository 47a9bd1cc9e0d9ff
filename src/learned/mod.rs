//! The learned block-role labeller: a linear-chain model over generic block
//! features ([`features`]), its weights trained by `tools/train_roles.py` on
//! the corpus line roles and generated into [`weights`].
//!
//! Each block's score for a role is a dot product of its features with the
//! role's weights; the chain adds a weight for each pair of roles in a row.
//! A block gets the role of highest marginal probability (forward-backward
//! over the chain), and that probability as its confidence.

pub(crate) mod features;
mod stopwords;
mod weights;

use crate::{Role, article::Kind, lines::Block};

/// Roles, the model's classes, in the order of [`Role::ALL`].
const ROLES: usize = Role::ALL.len();

/// The role and its confidence (marginal probability, 0 to 1) of each block
/// of `bs`, in order, written into `out` (emptied first). `kinds` are the
/// kinds the rules give `bs` on their own, before any reading in context
/// (what `classify` returns): the model was trained on those.
pub(crate) fn label_blocks(bs: &[Block<'_>], kinds: &[Kind<'_>], out: &mut Vec<(Role, f32)>) {
    out.clear();
    if bs.is_empty() {
        return;
    }
    let mut x = Vec::with_capacity(bs.len() * weights::EMISSION.len());
    features::features(bs, kinds, &mut x);
    let scores = emissions(&x);
    marginals_into(&scores, out);
}

/// The blocks of `text` as the parser cuts them (a leading byte-order mark
/// skipped) and their kinds on their own, which the labeller reads.
#[cfg(any(test, feature = "training"))]
pub(crate) fn blocks_and_kinds(text: &str) -> (Vec<Block<'_>>, Vec<Kind<'_>>) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut bs = Vec::new();
    crate::lines::blocks(body, &mut bs);
    let mut lower = String::new();
    let kinds = bs
        .iter()
        .map(|b| crate::article::classify(b.text, &mut lower))
        .collect();
    (bs, kinds)
}

/// The score of each role for each block: a row of [`ROLES`] per block, the
/// block's features times the emission weights. Zero features (most of the
/// one-hot ones) are skipped.
fn emissions(x: &[f32]) -> Vec<[f32; ROLES]> {
    x.chunks_exact(weights::EMISSION.len())
        .map(|row| {
            let mut s = [0f32; ROLES];
            for (&v, w) in row.iter().zip(&weights::EMISSION) {
                if v != 0.0 {
                    for (s, w) in s.iter_mut().zip(w) {
                        *s += v * w;
                    }
                }
            }
            s
        })
        .collect()
}

/// `exp(score - max)` of a row: the row's likelihoods, scaled so the
/// largest is one.
fn scaled_exp(s: &[f32; ROLES]) -> [f32; ROLES] {
    let max = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    s.map(|v| (v - max).exp())
}

/// Scales a row of probabilities to sum to one (left as is when all zero).
fn normalise(p: &mut [f32; ROLES]) {
    let sum: f32 = p.iter().sum();
    if sum > 0.0 {
        p.iter_mut().for_each(|v| *v /= sum);
    }
}

/// Forward-backward over the chain, in probability space with each step
/// scaled to one: the role of highest marginal for each block, and that
/// marginal.
fn marginals_into(scores: &[[f32; ROLES]], out: &mut Vec<(Role, f32)>) {
    let n = scores.len();
    let trans = weights::TRANSITION.map(|row| row.map(f32::exp));
    let start = scaled_exp(&weights::START);
    let likes: Vec<[f32; ROLES]> = scores.iter().map(scaled_exp).collect();
    let mut alpha = vec![[0f32; ROLES]; n];
    for r in 0..ROLES {
        alpha[0][r] = start[r] * likes[0][r];
    }
    normalise(&mut alpha[0]);
    for t in 1..n {
        let mut a = [0f32; ROLES];
        for (from, &p) in alpha[t - 1].iter().enumerate() {
            for (a, m) in a.iter_mut().zip(&trans[from]) {
                *a += p * m;
            }
        }
        for (a, l) in a.iter_mut().zip(&likes[t]) {
            *a *= l;
        }
        normalise(&mut a);
        alpha[t] = a;
    }
    let mut beta = [1f32; ROLES];
    let mut marginal = vec![[0f32; ROLES]; n];
    for t in (0..n).rev() {
        let mut m = alpha[t];
        for (m, b) in m.iter_mut().zip(&beta) {
            *m *= b;
        }
        normalise(&mut m);
        marginal[t] = m;
        if t > 0 {
            let mut next = [0f32; ROLES];
            for (from, nb) in next.iter_mut().enumerate() {
                *nb = (0..ROLES)
                    .map(|to| trans[from][to] * likes[t][to] * beta[to])
                    .sum();
            }
            normalise(&mut next);
            beta = next;
        }
    }
    out.extend(marginal.iter().map(|m| {
        let (best, &p) =
            m.iter().enumerate().fold(
                (0, &f32::NEG_INFINITY),
                |b, c| if c.1 > b.1 { c } else { b },
            );
        (Role::ALL[best], p)
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_were_trained_on_these_features() {
        let names = features::names();
        assert_eq!(
            names,
            weights::FEATURES,
            "src/learned/weights.rs is stale: rerun tools/train_roles.py"
        );
        let roles: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(roles, weights::ROLES);
    }

    /// The roles and confidences `tools/train_roles.py --write` computed for
    /// the fixtures from the same features and weights, in Python.
    const EXPECTED: &str = include_str!("expected.tsv");

    /// A block's span, role and confidence, as the script computed them.
    type Expected = (usize, usize, Role, f32);

    #[test]
    fn inference_matches_the_training_script() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut by_path: Vec<(&str, Vec<Expected>)> = Vec::new();
        for line in EXPECTED.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [path, start, end, role, confidence] = cols[..] else {
                panic!("bad row {line:?}");
            };
            let row = (
                start.parse().unwrap(),
                end.parse().unwrap(),
                Role::from_name(role).unwrap(),
                confidence.parse().unwrap(),
            );
            match by_path.last_mut() {
                Some((p, rows)) if *p == path => rows.push(row),
                _ => by_path.push((path, vec![row])),
            }
        }
        assert!(by_path.len() >= 10, "too few fixtures in expected.tsv");
        for (path, want) in by_path {
            let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
            let (bs, kinds) = blocks_and_kinds(&text);
            let mut got = Vec::new();
            label_blocks(&bs, &kinds, &mut got);
            assert_eq!(got.len(), want.len(), "{path}: blocks");
            for ((b, (role, conf)), (start, end, want_role, want_conf)) in
                bs.iter().zip(got).zip(want)
            {
                let at = b.text.as_ptr() as usize - text.as_ptr() as usize;
                assert_eq!((at, at + b.text.len()), (start, end), "{path}: block span");
                assert_eq!(role, want_role, "{path} block at {start}");
                assert!(
                    (conf - want_conf).abs() < 1e-3,
                    "{path} block at {start}: confidence {conf} against {want_conf}"
                );
            }
        }
    }

    #[test]
    fn no_blocks_no_labels() {
        let mut out = vec![(Role::Body, 1.0)];
        label_blocks(&[], &[], &mut out);
        assert!(out.is_empty());
    }
}
