//! `newsparse FILE|DIR...`: one JSON line per article file.
//!
//! A directory is walked (recursively, sorted) for `*.txt`; no argument reads
//! standard input. Exit status: 0 when every file parsed, 1 when any failed,
//! 2 for bad usage.

use std::{
    io::{self, BufWriter, Read, Write},
    path::{Path, PathBuf},
    process::ExitCode,
};

use serde::Serialize;

const USAGE: &str = "usage: newsparse [--pretty] [--explain [--html]] [--encoding NAME] [FILE|DIR]...\n\
    Parses each plain-text news article and prints one JSON line per file:\n\
    {\"path\": ..., \"article\": {...}} or {\"path\": ..., \"error\": {...}}.\n\
    A directory is walked for *.txt files; with no FILE, standard input is read.\n\
    --explain  the role of every block instead: {\"path\": ..., \"blocks\": [{\"start\", \"end\",\n\
    \x20          \"role\", \"why\", \"kind\"}, ...]}; with --pretty a table for people (line, role,\n\
    \x20          rule, text); with --html one self-contained HTML page of all the files.\n\
    --encoding NAME decodes input that is not UTF-8 (windows-1252, latin1, ..., or\n\
    \x20          auto: UTF-8 if valid, else windows-1252); offsets then count the decoded text.\n";

#[derive(Serialize)]
struct ErrorRecord<'a> {
    kind: &'a str,
    message: String,
    offset: usize,
}

// One record exists at a time, so the size gap between the variants costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Outcome<'a> {
    Article(newsparse::Article<'a>),
    Blocks(Vec<newsparse::ExplainedBlock<'a>>),
    Error(ErrorRecord<'a>),
}

#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    #[serde(flatten)]
    outcome: Outcome<'a>,
}

struct Options {
    pretty: bool,
    explain: bool,
    html: bool,
    /// The label of `--encoding`: input is decoded from it rather than read as UTF-8.
    encoding: Option<String>,
    inputs: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        pretty: false,
        explain: false,
        html: false,
        encoding: None,
        inputs: Vec::new(),
    };
    let mut only_paths = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--" if !only_paths => only_paths = true,
            "--pretty" if !only_paths => opts.pretty = true,
            "--explain" if !only_paths => opts.explain = true,
            "--html" if !only_paths => opts.html = true,
            "--encoding" if !only_paths => {
                let label = args.next().ok_or("--encoding needs a NAME")?;
                if newsparse::decode(b"", &label).is_err() {
                    return Err(format!("unknown encoding {label}"));
                }
                opts.encoding = Some(label);
            }
            "-h" | "--help" if !only_paths => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            s if !only_paths && s.starts_with('-') && s != "-" => {
                return Err(format!("unknown option {s}"));
            }
            _ => opts.inputs.push(arg),
        }
    }
    if opts.html && !opts.explain {
        return Err("--html needs --explain".into());
    }
    Ok(opts)
}

/// Files to read for one command-line input: the file itself, or a directory's `*.txt`.
fn collect(input: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    if input.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(input)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                collect(&path, out)?;
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    } else {
        out.push(input.to_path_buf());
    }
    Ok(())
}

fn emit(out: &mut impl Write, record: &Record<'_>, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, record)?;
    } else {
        serde_json::to_writer(&mut *out, record)?;
    }
    out.write_all(b"\n")
}

fn error_record(e: newsparse::Error) -> Outcome<'static> {
    Outcome::Error(ErrorRecord {
        kind: e.kind(),
        message: e.to_string(),
        offset: e.offset(),
    })
}

/// Parses one input's bytes and prints its record; returns whether it parsed.
fn report(out: &mut impl Write, path: &str, bytes: &[u8], opts: &Options) -> io::Result<bool> {
    let decoded = match &opts.encoding {
        Some(label) => newsparse::decode(bytes, label).map(Some),
        None => Ok(None),
    };
    if opts.explain {
        return match &decoded {
            Ok(Some(text)) => explain(out, path, text.as_bytes(), opts),
            Ok(None) => explain(out, path, bytes, opts),
            Err(e) => {
                emit(
                    out,
                    &Record {
                        path,
                        outcome: error_record(*e),
                    },
                    false,
                )?;
                Ok(false)
            }
        };
    }
    let parsed = match &decoded {
        Ok(Some(text)) => newsparse::parse(text),
        Ok(None) => newsparse::parse_bytes(bytes),
        Err(e) => Err(*e),
    };
    let outcome = match parsed {
        Ok(article) => Outcome::Article(article),
        Err(e) => error_record(e),
    };
    let ok = matches!(outcome, Outcome::Article(_));
    emit(out, &Record { path, outcome }, opts.pretty)?;
    Ok(ok)
}

/// Prints the role of every block of one input, in the form the options ask for.
fn explain(out: &mut impl Write, path: &str, bytes: &[u8], opts: &Options) -> io::Result<bool> {
    let explained = newsparse::explain_bytes(bytes);
    let ok = explained.is_ok();
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    match explained {
        Ok(ex) if opts.html => newsparse::view::write_html_article(out, path, text, &ex)?,
        Ok(ex) if opts.pretty => {
            writeln!(out, "== {path}")?;
            newsparse::view::write_pretty(out, text, &ex)?;
        }
        Ok(ex) => {
            let outcome = Outcome::Blocks(ex.blocks);
            emit(out, &Record { path, outcome }, false)?;
        }
        Err(e) if opts.html || opts.pretty => writeln!(out, "== {path}: {e}")?,
        Err(e) => emit(
            out,
            &Record {
                path,
                outcome: error_record(e),
            },
            false,
        )?,
    }
    Ok(ok)
}

fn run(opts: &Options) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    if opts.html {
        newsparse::view::write_html_start(&mut out)?;
    }
    if opts.inputs.is_empty() {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        all_ok &= report(&mut out, "-", &buf, opts)?;
    }
    let mut buf = Vec::new();
    for input in &opts.inputs {
        let mut files = Vec::new();
        if let Err(e) = collect(Path::new(input), &mut files) {
            all_ok = false;
            emit_io_error(&mut out, input, &e, opts.pretty)?;
            continue;
        }
        for file in files {
            let name = file.to_string_lossy();
            buf.clear();
            let read = std::fs::File::open(&file).and_then(|mut f| f.read_to_end(&mut buf));
            match read {
                Ok(_) => all_ok &= report(&mut out, &name, &buf, opts)?,
                Err(e) => {
                    all_ok = false;
                    emit_io_error(&mut out, &name, &e, opts.pretty)?;
                }
            }
        }
    }
    if opts.html {
        newsparse::view::write_html_end(&mut out)?;
    }
    out.flush()?;
    Ok(all_ok)
}

fn emit_io_error(out: &mut impl Write, path: &str, e: &io::Error, pretty: bool) -> io::Result<()> {
    let record = Record {
        path,
        outcome: Outcome::Error(ErrorRecord {
            kind: "io",
            message: e.to_string(),
            offset: 0,
        }),
    };
    emit(out, &record, pretty)
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(msg) => {
            eprint!("newsparse: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&opts) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsparse: {e}");
            ExitCode::from(1)
        }
    }
}
