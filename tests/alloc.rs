//! Allocation budget: a parse allocates the `Vec`s it returns, each once, and
//! nothing per block or paragraph. An integration test is its own binary, so
//! it can count with its own global allocator; counts are per thread, as the
//! test harness runs tests side by side.

use std::{
    alloc::{GlobalAlloc, Layout, System},
    cell::Cell,
};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    // `try_with`: the allocator also serves threads being torn down.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every call forwards to `System` with the caller's arguments unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const SEED: &str = include_str!("fixtures/upi-kislyak.txt");

/// The allocations made by one parse of `text` on this thread, once the
/// thread's reusable buffers have grown to fit it, and the article's budget:
/// one per non-empty `Vec` it holds.
fn allocations_and_budget(text: &str) -> (usize, usize) {
    drop(newsparse::parse(text));
    let before = ALLOCATIONS.with(Cell::get);
    let article = newsparse::parse(text).expect("the text parses");
    let made = ALLOCATIONS.with(Cell::get) - before;
    let authors = article.byline.as_ref().map_or(0, |b| b.authors.len());
    let budget = [
        article.paragraphs.len(),
        article.captions.len(),
        article.related.len(),
        article.boilerplate.len(),
        authors,
    ]
    .iter()
    .filter(|&&n| n > 0)
    .count();
    (made, budget)
}

#[test]
fn seed_allocates_at_most_once_per_vec_field() {
    let (made, budget) = allocations_and_budget(SEED);
    assert!(made <= budget, "{made} allocations for {budget} Vec fields");
}

#[test]
fn no_allocation_per_paragraph() {
    let seed = newsparse::parse(SEED).expect("the seed parses");
    assert!(seed.paragraphs.len() >= 5);
    let mut long = SEED.to_string();
    for _ in 0..50 {
        for p in &seed.paragraphs {
            long.push_str("\n\n");
            long.push_str(p);
        }
    }
    let (short_made, _) = allocations_and_budget(SEED);
    let (long_made, budget) = allocations_and_budget(&long);
    assert!(
        long_made <= short_made.max(budget),
        "{long_made} allocations with 50 times the paragraphs, {short_made} without"
    );
}
