//! Buffers reused from one parse to the next on the same thread, so that a
//! parse allocates only the `Vec`s it hands back, each once and exactly sized.
//!
//! The buffers outlive any one input, so they are kept empty with a
//! `'static` element type and lent out with the input's lifetime by
//! [`recycle`].

use std::cell::RefCell;

use crate::{Caption, article::Kind, lines::Block};

/// Emptied buffers, kept for their capacity.
#[derive(Default)]
pub(crate) struct Scratch {
    pub blocks: Vec<Block<'static>>,
    pub kinds: Vec<Kind<'static>>,
    pub strs: [Vec<&'static str>; 3],
    pub captions: Vec<Caption<'static>>,
    /// Per-block facts memoised while the frame is found.
    pub facts: Vec<std::cell::Cell<u16>>,
    /// The lower-cased copy of the block being classified.
    pub lower: String,
    /// The role decided for each block.
    pub roles: Vec<crate::role::Assigned>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Runs `f` with this thread's scratch buffers (fresh ones if they are in use).
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Empties `v` and returns its allocation for elements of another lifetime.
///
/// The elements differ only in lifetime, so they share size and alignment,
/// and collecting an emptied `vec::IntoIter` in place keeps the buffer.
pub(crate) fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().map(|_| unreachable!()).collect()
}

/// Replaces `v` with an exactly sized copy (no allocation when empty) and
/// keeps its old buffer in `slot`.
pub(crate) fn shrink_into<T: Clone, U>(v: &mut Vec<T>, slot: &mut Vec<U>) {
    let exact = v.to_vec();
    *slot = recycle(std::mem::replace(v, exact));
}
