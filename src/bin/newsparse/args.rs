//! The command line: options and inputs.

use std::{ffi::OsString, num::NonZeroUsize, path::PathBuf};

pub const USAGE: &str = "\
usage: newsparse [OPTIONS] [FILE|DIR|-]...
Parses each plain-text news article and prints one JSON line per file:
{\"path\": ..., \"article\": {...}} or {\"path\": ..., \"error\": {...}}.
A directory is walked for *.txt files (any case); `-` or no input reads standard input.

options:
  -j, --threads N      parse on N threads (default: all cores); output order is unchanged
      --files-from F   read more inputs from F, one path a line (`-`: standard input)
  -L, --follow         follow symbolic links inside directories (loops are skipped)
  -o, --output PATH    write the records to PATH instead of standard output
      --format FORMAT  jsonl (default) or parquet (needs --output; built with the parquet feature)
      --pretty         indent the JSON records
      --explain        the role of every block instead of the article:
                       {\"path\": ..., \"blocks\": [{\"start\", \"end\", \"role\", \"why\", \"kind\"}, ...]};
                       with --pretty a table for people (line, role, rule, text)
      --html           with --explain: one self-contained HTML page of all the files
      --encoding NAME  decode input that is not UTF-8 (windows-1252, latin1, ..., or auto:
                       UTF-8 if valid, else windows-1252); offsets then count the decoded text
  -q, --quiet          no summary line and no progress bar on standard error
  -V, --version        print the version
  -h, --help           print this help
";

/// What the records are written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON record a line (the default).
    JsonLines,
    /// An Apache Parquet file, one row per input file.
    Parquet,
}

/// The parsed command line.
#[derive(Debug)]
pub struct Options {
    pub pretty: bool,
    /// `--explain`: block roles instead of articles.
    pub explain: bool,
    /// `--html`: the explain view as one HTML page.
    pub html: bool,
    /// The label of `--encoding`: input is decoded from it rather than read as UTF-8.
    pub encoding: Option<String>,
    pub threads: NonZeroUsize,
    pub files_from: Option<PathBuf>,
    pub follow: bool,
    pub output: Option<PathBuf>,
    pub format: Format,
    pub quiet: bool,
    /// Inputs in the order given; `-` is standard input.
    pub inputs: Vec<PathBuf>,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    Run(Options),
    Help,
    Version,
}

/// Reads the command line (without the program name). An error is a usage message.
pub fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut opts = Options {
        pretty: false,
        explain: false,
        html: false,
        encoding: None,
        threads: std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
        files_from: None,
        follow: false,
        output: None,
        format: Format::JsonLines,
        quiet: false,
        inputs: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        let Some(text) = arg
            .to_str()
            .filter(|s| !only_paths && s.starts_with('-') && *s != "-")
        else {
            opts.inputs.push(PathBuf::from(arg));
            continue;
        };
        // `--name=value` and `-jN` carry their value inline.
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(OsString::from(value))),
            _ if text.starts_with("-j") && text.len() > 2 => {
                ("-j", Some(OsString::from(&text[2..])))
            }
            _ => (text, None),
        };
        let mut value = || -> Result<OsString, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "--" => only_paths = true,
            "--pretty" => opts.pretty = true,
            "-L" | "--follow" => opts.follow = true,
            "-q" | "--quiet" => opts.quiet = true,
            "-j" | "--threads" => opts.threads = threads(&value()?)?,
            "--files-from" => opts.files_from = Some(value()?.into()),
            "-o" | "--output" => opts.output = Some(value()?.into()),
            "--format" => opts.format = format(&value()?)?,
            "--explain" => opts.explain = true,
            "--html" => opts.html = true,
            "--encoding" => {
                let label = value()?.to_string_lossy().into_owned();
                if newsparse::decode(b"", &label).is_err() {
                    return Err(format!("unknown encoding {label}"));
                }
                opts.encoding = Some(label);
            }
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            _ => return Err(format!("unknown option {text}")),
        }
        let flag = matches!(
            name,
            "--pretty" | "--follow" | "--quiet" | "--explain" | "--html" | "--"
        );
        if inline.is_some() && flag {
            return Err(format!("{name} takes no value"));
        }
    }
    check(&opts)?;
    Ok(Command::Run(opts))
}

fn threads(value: &OsString) -> Result<NonZeroUsize, String> {
    value
        .to_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("--threads needs a whole number of 1 or more, not {value:?}"))
}

fn format(value: &OsString) -> Result<Format, String> {
    match value.to_str() {
        Some("jsonl" | "json") => Ok(Format::JsonLines),
        Some("parquet") => Ok(Format::Parquet),
        _ => Err(format!(
            "--format is jsonl or parquet, not {}",
            value.to_string_lossy()
        )),
    }
}

/// Combinations that cannot work, refused before any file is read.
fn check(opts: &Options) -> Result<(), String> {
    let stdin_input = opts.inputs.iter().any(|p| p.as_os_str() == "-");
    if stdin_input
        && opts
            .files_from
            .as_ref()
            .is_some_and(|f| f.as_os_str() == "-")
    {
        return Err("`-` and `--files-from -` both read standard input".into());
    }
    if opts.html && !opts.explain {
        return Err("--html needs --explain".into());
    }
    if opts.format == Format::Parquet {
        if opts.explain {
            return Err("--explain writes JSON Lines, a table or HTML, not parquet".into());
        }
        if opts.output.is_none() {
            return Err("--format parquet needs --output FILE".into());
        }
        if opts.pretty {
            return Err("--pretty applies to JSON Lines only".into());
        }
        if !cfg!(feature = "parquet") {
            return Err("--format parquet: this build lacks the parquet feature".into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, String> {
        match parse_args(args.iter().map(OsString::from))? {
            Command::Run(o) => Ok(o),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn values_come_separate_or_inline() {
        for args in [
            &["-j", "3"][..],
            &["-j3"],
            &["--threads", "3"],
            &["--threads=3"],
        ] {
            assert_eq!(run(args).unwrap().threads.get(), 3, "{args:?}");
        }
        let o = run(&["-o", "out.jsonl", "--files-from=list", "a", "-", "--", "-q"]).unwrap();
        assert_eq!(o.output, Some(PathBuf::from("out.jsonl")));
        assert_eq!(o.files_from, Some(PathBuf::from("list")));
        assert_eq!(o.inputs, ["a", "-", "-q"].map(PathBuf::from));
        assert!(!o.quiet);
    }

    #[test]
    fn bad_values_are_usage_errors() {
        for args in [
            &["-j", "0"][..],
            &["-j"],
            &["--threads=many"],
            &["--format", "csv"],
            &["--pretty=yes"],
            &["--files-from", "-", "-"],
            &["--format", "parquet"],
            &["--html"],
            &["--explain=yes"],
            &["--encoding", "no-such-encoding"],
        ] {
            assert!(run(args).is_err(), "{args:?}");
        }
    }
}
