//! Quick throughput check on any folders of plain-text articles.
//!
//! ```sh
//! cargo run --release --example throughput -- [--iters N] [--max-secs S] DIR|FILE...
//! ```
//!
//! Loads every `*.txt` under the folders (recursively), and the files named,
//! into memory, then times N passes of the line-scan floor and N passes of
//! `newsparse::parse` over them (a pass repeats a small input up to 1 MB),
//! and prints, from the fastest pass of each, `parse MB/s`, `floor MB/s`,
//! their `ratio` and `articles/s`, then the heap allocations per article of
//! a warm pass, counted by a global allocator. `--max-secs` stops each timed loop after
//! the pass that crosses it, so a large folder still finishes quickly.
//! Timings are printed, never asserted.

use std::{
    alloc::{GlobalAlloc, Layout, System},
    hint::black_box,
    process::ExitCode,
    sync::atomic::{AtomicU64, Ordering::Relaxed},
    time::{Duration, Instant},
};

#[path = "../benches/common/mod.rs"]
mod common;

/// The system allocator, counting allocation calls and bytes requested.
struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: every call forwards to `System` with the caller's arguments unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size() as u64, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(layout.size() as u64, Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A growing Vec costs a call each time: count it as an allocation.
        ALLOCS.fetch_add(1, Relaxed);
        BYTES.fetch_add(new_size.saturating_sub(layout.size()) as u64, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

struct Options {
    iters: u32,
    max_secs: Option<f64>,
    dirs: Vec<String>,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        iters: 10,
        max_secs: None,
        dirs: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--iters" => o.iters = value("--iters")?.parse().map_err(|e| format!("{e}"))?,
            "--max-secs" => {
                o.max_secs = Some(value("--max-secs")?.parse().map_err(|e| format!("{e}"))?)
            }
            "-h" | "--help" => return Err(String::new()),
            _ if a.starts_with('-') => return Err(format!("unknown option {a}")),
            _ => o.dirs.push(a),
        }
    }
    if o.dirs.is_empty() {
        return Err("no folder given".into());
    }
    o.iters = o.iters.max(1);
    Ok(o)
}

/// Runs `pass` up to `iters` times (at least once, fewer when `max` is
/// crossed) and returns the passes made and the fastest one: on a shared
/// machine the fastest pass is the one least disturbed by other work.
fn timed(iters: u32, max: Option<f64>, mut pass: impl FnMut()) -> (u32, Duration) {
    let start = Instant::now();
    let mut done = 0;
    let mut best = Duration::MAX;
    while done < iters {
        let t = Instant::now();
        pass();
        best = best.min(t.elapsed());
        done += 1;
        if max.is_some_and(|m| start.elapsed().as_secs_f64() >= m) {
            break;
        }
    }
    (done, best)
}

fn main() -> ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("throughput: {e}");
            }
            eprintln!("usage: throughput [--iters N] [--max-secs S] DIR|FILE...");
            return ExitCode::from(2);
        }
    };
    let texts = common::load_texts(&o.dirs);
    let bytes: usize = texts.iter().map(String::len).sum();
    if texts.is_empty() {
        eprintln!("throughput: no .txt files under {}", o.dirs.join(" "));
        return ExitCode::from(2);
    }

    // A pass covers at least 1 MB, so that a small folder is timed over
    // more than a few microseconds.
    let reps = (1usize << 20).div_ceil(bytes.max(1));
    // Warm the caches and the parser's reusable buffers, then count what one
    // pass allocates.
    let mut parsed = 0u64;
    for t in &texts {
        parsed += u64::from(black_box(newsparse::parse(black_box(t))).is_ok());
    }
    let (a0, b0) = (ALLOCS.load(Relaxed), BYTES.load(Relaxed));
    for t in &texts {
        let _ = black_box(newsparse::parse(black_box(t)));
    }
    let allocs = ALLOCS.load(Relaxed) - a0;
    let alloc_bytes = BYTES.load(Relaxed) - b0;
    let per_article = |n: u64| n as f64 / texts.len() as f64;

    let (floor_passes, floor_time) = timed(o.iters, o.max_secs, || {
        for _ in 0..reps {
            for t in &texts {
                black_box(common::line_scan(black_box(t)));
            }
        }
    });
    let mut wording = common::WordingScan::new();
    let (_, wording_time) = timed(o.iters, o.max_secs, || {
        for _ in 0..reps {
            for t in &texts {
                black_box(wording.scan(black_box(t)));
            }
        }
    });
    let (parse_passes, parse_time) = timed(o.iters, o.max_secs, || {
        for _ in 0..reps {
            for t in &texts {
                let _ = black_box(newsparse::parse(black_box(t)));
            }
        }
    });

    let per_pass = (bytes * reps) as f64;
    let mbps = |d: Duration| per_pass / d.as_secs_f64() / 1e6;
    let parse_mbps = mbps(parse_time);
    let floor_mbps = mbps(floor_time);
    let articles_per_s = (texts.len() * reps) as f64 / parse_time.as_secs_f64();
    println!(
        "files: {} ({} parsed), {:.2} MB, mean {:.0} bytes; passes (best taken): parse {parse_passes}, floor {floor_passes}",
        texts.len(),
        parsed,
        bytes as f64 / 1e6,
        bytes as f64 / texts.len() as f64,
    );
    println!("parse MB/s: {parse_mbps:.1}");
    println!("floor MB/s: {floor_mbps:.1}");
    println!("ratio: {:.3}", parse_mbps / floor_mbps);
    let wording_mbps = mbps(wording_time);
    println!(
        "wording scan MB/s: {wording_mbps:.1} (ratio {:.3} to the floor; parse at {:.3} of it)",
        wording_mbps / floor_mbps,
        parse_mbps / wording_mbps
    );
    println!("articles/s: {articles_per_s:.0}");
    println!(
        "allocations/article: {:.2} ({:.0} bytes/article)",
        per_article(allocs),
        per_article(alloc_bytes)
    );
    ExitCode::SUCCESS
}
