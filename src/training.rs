#![forbid(unsafe_code)]
//! What `tools/train_roles.py` reads: the feature vector of each block of a
//! text, and the learned labeller's role for it, with the byte span of the
//! block so that the corpus line roles can be joined to it. Behind the
//! `training` feature; not part of the stable API.

use crate::Role;

/// One block of a text and its features.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockFeatures {
    /// Byte offset of the block's first byte in the text.
    pub start: usize,
    /// Byte offset just past the block's last byte.
    pub end: usize,
    /// The features, in the order of [`feature_names`].
    pub values: Vec<f32>,
}

/// One block of a text and the learned labeller's role for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelledBlock {
    /// Byte offset of the block's first byte in the text.
    pub start: usize,
    /// Byte offset just past the block's last byte.
    pub end: usize,
    /// The role of highest marginal probability.
    pub role: Role,
    /// That probability.
    pub confidence: f32,
}

/// The names of the features, in the order of [`BlockFeatures::values`].
pub fn feature_names() -> Vec<String> {
    crate::learned::features::names()
}

/// `f` of the blocks of `text` and their kinds, with each block's byte span
/// in `text`.
fn read<R>(
    text: &str,
    f: impl FnOnce(&[crate::lines::Block<'_>], &[crate::article::Kind<'_>]) -> R,
) -> (Vec<(usize, usize)>, R) {
    let (bs, kinds) = crate::learned::blocks_and_kinds(text);
    let spans = bs
        .iter()
        .map(|b| {
            let start = b.text.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + b.text.len())
        })
        .collect();
    (spans, f(&bs, &kinds))
}

/// The features of every block of `text`, in order.
pub fn block_features(text: &str) -> Vec<BlockFeatures> {
    let (spans, x) = read(text, |bs, kinds| {
        let mut x = Vec::new();
        crate::learned::features::features(bs, kinds, &mut x);
        x
    });
    let width = x.len().checked_div(spans.len()).unwrap_or(0);
    spans
        .into_iter()
        .zip(x.chunks_exact(width.max(1)))
        .map(|((start, end), values)| BlockFeatures {
            start,
            end,
            values: values.to_vec(),
        })
        .collect()
}

/// The learned labeller's role for every block of `text`, in order.
pub fn label(text: &str) -> Vec<LabelledBlock> {
    let (spans, roles) = read(text, |bs, kinds| {
        let mut out = Vec::new();
        crate::learned::label_blocks(bs, kinds, &mut out);
        out
    });
    spans
        .into_iter()
        .zip(roles)
        .map(|((start, end), (role, confidence))| LabelledBlock {
            start,
            end,
            role,
            confidence,
        })
        .collect()
}
