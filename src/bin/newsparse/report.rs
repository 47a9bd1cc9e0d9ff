//! What the run tells on standard error: a line per failure, a progress bar
//! when a person watches a long run, and the closing summary.

use std::{
    io::IsTerminal,
    time::{Duration, Instant},
};

use indicatif::{ProgressBar, ProgressStyle};

/// Counts over some files.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Records written.
    pub files: u64,
    pub parsed: u64,
    pub failed: u64,
    /// Bytes read.
    pub bytes: u64,
}

/// A run that lasts longer than this gets a progress bar (on a terminal).
const BAR_AFTER: Duration = Duration::from_millis(750);

/// The run's standard error.
pub struct Report {
    started: Instant,
    total: Tally,
    quiet: bool,
    /// Whether a bar may be shown: standard error is a terminal and not `quiet`.
    may_show_bar: bool,
    bar: Option<ProgressBar>,
}

impl Report {
    pub fn new(quiet: bool) -> Self {
        Report {
            started: Instant::now(),
            total: Tally::default(),
            quiet,
            may_show_bar: !quiet && std::io::stderr().is_terminal(),
            bar: None,
        }
    }

    /// Counts a written chunk and prints its notes (`path: reason`).
    pub fn add(&mut self, tally: &Tally, notes: &[String]) {
        let total = &mut self.total;
        total.files += tally.files;
        total.parsed += tally.parsed;
        total.failed += tally.failed;
        total.bytes += tally.bytes;
        let print = || notes.iter().for_each(|n| eprintln!("newsparse: {n}"));
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
        if self.bar.is_none() && self.may_show_bar && self.started.elapsed() > BAR_AFTER {
            let bar = ProgressBar::new_spinner().with_style(
                ProgressStyle::with_template("{spinner} {human_pos} files, {msg} [{elapsed}]")
                    .expect("the template is valid"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(self.total.files);
            bar.set_message(format!(
                "{:.1} MB, {} failed",
                self.total.bytes as f64 / 1e6,
                self.total.failed
            ));
        }
    }

    /// Whether every file parsed.
    pub fn all_parsed(&self) -> bool {
        self.total.failed == 0
    }

    /// Clears the bar and prints the summary line unless `quiet`.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if self.quiet {
            return;
        }
        let t = &self.total;
        let seconds = self.started.elapsed().as_secs_f64();
        eprintln!(
            "newsparse: {} files, {} parsed, {} failed, {} bytes ({:.1} MB/s), {seconds:.2} s",
            t.files,
            t.parsed,
            t.failed,
            t.bytes,
            t.bytes as f64 / 1e6 / seconds.max(1e-9),
        );
    }
}
