//! The files to read, in order: the inputs as given, then those listed by
//! `--files-from`; a directory stands for its `*.txt` files, walked in sorted order.

use std::{
    ffi::OsString,
    fs::File,
    io::{self, BufRead, BufReader},
    path::{Path, PathBuf},
};

use walkdir::WalkDir;

/// One thing the run reports on, in output order.
#[derive(Debug)]
pub enum Source {
    /// Standard input, reported as `-`.
    Stdin,
    /// A file to read.
    File(PathBuf),
    /// An input that could not be listed: it gets an `io` error record.
    Unlisted { path: String, error: io::Error },
    /// A symbolic link that leads back into its own walk: named on stderr, not read.
    Loop { path: String, ancestor: String },
}

/// The sources of every input, lazily: a walk or a `--files-from` list is
/// read as the run goes, so millions of paths never sit in memory.
pub fn sources(
    inputs: Vec<PathBuf>,
    files_from: Option<PathBuf>,
    follow: bool,
) -> impl Iterator<Item = Source> + Send {
    let stdin_alone = inputs.is_empty() && files_from.is_none();
    let listed = files_from
        .into_iter()
        .flat_map(|list| match open_list(&list) {
            Ok(lines) => Box::new(lines.map(move |line| line.map_err(|e| (list.clone(), e))))
                as Box<dyn Iterator<Item = _> + Send>,
            Err(e) => Box::new(std::iter::once(Err((list, e)))),
        });
    let stdin = stdin_alone.then(|| PathBuf::from("-"));
    inputs
        .into_iter()
        .chain(stdin)
        .map(Ok)
        .chain(listed)
        .flat_map(move |input| -> Box<dyn Iterator<Item = Source> + Send> {
            match input {
                Ok(path) => expand(path, follow),
                Err((list, error)) => Box::new(std::iter::once(Source::Unlisted {
                    path: list.to_string_lossy().into_owned(),
                    error,
                })),
            }
        })
}

/// The lines of a `--files-from` list, each a path; blank lines are skipped.
fn open_list(list: &Path) -> io::Result<impl Iterator<Item = io::Result<PathBuf>> + Send + use<>> {
    let reader: Box<dyn BufRead + Send> = if list.as_os_str() == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        Box::new(BufReader::new(File::open(list)?))
    };
    Ok(reader.split(b'\n').filter_map(|line| match line {
        Ok(mut bytes) => {
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
            (!bytes.is_empty()).then(|| Ok(PathBuf::from(os_string(bytes))))
        }
        Err(e) => Some(Err(e)),
    }))
}

#[cfg(unix)]
fn os_string(bytes: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes)
}

#[cfg(not(unix))]
fn os_string(bytes: Vec<u8>) -> OsString {
    OsString::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// One input's sources: itself, or a directory's `*.txt` files. An input named
/// on the command line or in a list is followed even when it is a link, as
/// `find -H` and ripgrep do; links met inside a walk only with `follow`.
fn expand(input: PathBuf, follow: bool) -> Box<dyn Iterator<Item = Source> + Send> {
    if input.as_os_str() == "-" {
        return Box::new(std::iter::once(Source::Stdin));
    }
    if !input.is_dir() {
        return Box::new(std::iter::once(Source::File(input)));
    }
    let walk = WalkDir::new(input)
        .follow_links(follow)
        .sort_by_file_name()
        .into_iter();
    Box::new(walk.filter_map(|entry| match entry {
        Ok(entry) => {
            let file_type = entry.file_type();
            let wanted = file_type.is_file() && is_txt(entry.path());
            wanted.then(|| Source::File(entry.into_path()))
        }
        Err(e) => {
            let path = e
                .path()
                .map_or_else(String::new, |p| p.to_string_lossy().into_owned());
            Some(match e.loop_ancestor() {
                Some(ancestor) => Source::Loop {
                    path,
                    ancestor: ancestor.to_string_lossy().into_owned(),
                },
                None => Source::Unlisted {
                    path,
                    error: e
                        .into_io_error()
                        .unwrap_or_else(|| io::Error::other("walk failed")),
                },
            })
        }
    }))
}

/// Whether a walked file is an article: its extension is `txt` in any case.
fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}
