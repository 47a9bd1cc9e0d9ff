//! `newsparse [OPTIONS] [FILE|DIR|-]...`: one record per article file, as JSON
//! Lines (or Parquet with the `parquet` feature), parsed on every core.
//!
//! A directory is walked (recursively, sorted) for `*.txt` in any case; `-`
//! or no input reads standard input. The output keeps the order of the inputs
//! whatever the number of threads. Failures are records on the output and a
//! line each on standard error, which ends with a summary. Exit status: 0 when
//! every file parsed, 1 when any failed, 2 for bad usage.

mod args;
mod output;
#[cfg(feature = "parquet")]
mod parquet;
mod pipeline;
mod report;
mod sources;

use std::{
    fs::File,
    io::{self, BufWriter, Write},
    process::ExitCode,
};

use args::{Command, Format, Options, USAGE};
use output::{Bytes, ExplainHtml, ExplainJson, ExplainTable, HtmlPage, JsonLines};
use pipeline::Reading;
use report::Report;

/// Where the records go, buffered: standard output or `--output PATH`.
fn open_output(opts: &Options) -> io::Result<Box<dyn Write + Send>> {
    Ok(match &opts.output {
        Some(path) => Box::new(BufWriter::with_capacity(1 << 16, File::create(path)?)),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
    })
}

fn run(opts: Options, report: &mut Report) -> io::Result<()> {
    let out = open_output(&opts).map_err(|e| match &opts.output {
        Some(path) => io::Error::new(e.kind(), format!("{}: {e}", path.display())),
        None => e,
    })?;
    let sources = sources::sources(opts.inputs, opts.files_from, opts.follow);
    let reading = Reading {
        explain: opts.explain,
        encoding: opts.encoding,
    };
    let threads = opts.threads;
    if opts.explain {
        return if opts.html {
            let mut page = HtmlPage::new(out)?;
            pipeline::run(&reading, &ExplainHtml, &mut page, sources, threads, report)
        } else if opts.pretty {
            pipeline::run(
                &reading,
                &ExplainTable,
                &mut Bytes(out),
                sources,
                threads,
                report,
            )
        } else {
            pipeline::run(
                &reading,
                &ExplainJson,
                &mut Bytes(out),
                sources,
                threads,
                report,
            )
        };
    }
    match opts.format {
        Format::JsonLines => pipeline::run(
            &reading,
            &JsonLines {
                pretty: opts.pretty,
            },
            &mut Bytes(out),
            sources,
            opts.threads,
            report,
        ),
        // `args` already refuses the format in a build without the feature.
        #[cfg(feature = "parquet")]
        Format::Parquet => pipeline::run(
            &reading,
            &parquet::Rows,
            &mut parquet::ParquetSink::new(out)?,
            sources,
            opts.threads,
            report,
        ),
        // `args` already refuses the format in a build without the feature.
        #[cfg(not(feature = "parquet"))]
        Format::Parquet => Err(io::Error::other("this build lacks the parquet feature")),
    }
}

fn main() -> ExitCode {
    let opts = match args::parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Run(opts)) => opts,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("newsparse {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprint!("newsparse: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut report = Report::new(opts.quiet);
    let result = run(opts, &mut report);
    report.finish();
    match result {
        Ok(()) if report.all_parsed() => ExitCode::SUCCESS,
        Ok(()) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsparse: {e}");
            ExitCode::from(1)
        }
    }
}
