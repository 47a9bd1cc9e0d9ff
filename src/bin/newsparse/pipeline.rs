//! Reading and parsing on N threads while the output keeps input order.
//!
//! Sources are cut into chunks of [`CHUNK_FILES`]; a thread reads, parses and
//! renders a whole chunk, and the writer (the calling thread) puts finished
//! chunks back in order. At most [`IN_FLIGHT_PER_THREAD`] chunks per thread
//! exist between the walk and the writer, so memory stays flat whatever the
//! number of files, and a slow file holds back only that many.

use std::{
    collections::BTreeMap,
    fs::File,
    io::{self, Read},
    num::NonZeroUsize,
    path::Path,
    sync::{Mutex, PoisonError, mpsc},
    thread,
};

use crate::{
    output::{ErrorRecord, Outcome, Record, Render, Sink},
    report::{Report, Tally},
    sources::Source,
};

/// Files a thread takes at a time: enough that hand-offs (and the thread
/// wake-ups they cost on a busy machine) are rare beside parsing, few enough
/// that the threads share a small run evenly. On the bulk corpus (18 593 files)
/// `-j 2` switches context about 2 000 times with 64, 4 500 to 7 500 with 16.
const CHUNK_FILES: usize = 64;

/// Chunks per thread that may be read ahead of the writer.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// One chunk as a thread finished it.
struct Done<C> {
    chunk: C,
    tally: Tally,
    /// Lines for standard error, without the program name: failures, skipped links.
    notes: Vec<String>,
}

/// How each input is read: decoded from an encoding or as UTF-8, and
/// explained or parsed.
pub struct Reading {
    pub explain: bool,
    pub encoding: Option<String>,
}

/// Reads, parses and renders every source, writing the chunks in input order.
pub fn run<R: Render, S: Sink<R::Chunk>>(
    reading: &Reading,
    render: &R,
    sink: &mut S,
    sources: impl Iterator<Item = Source> + Send,
    threads: NonZeroUsize,
    report: &mut Report,
) -> io::Result<()> {
    let mut chunks = chunked(sources);
    if threads.get() == 1 {
        let mut buf = Vec::new();
        for chunk in chunks {
            deliver(work(reading, render, chunk, &mut buf)?, sink, report)?;
        }
    } else {
        in_parallel(reading, render, sink, &mut chunks, threads.get(), report)?;
    }
    sink.finish()
}

fn in_parallel<R: Render, S: Sink<R::Chunk>>(
    reading: &Reading,
    render: &R,
    sink: &mut S,
    chunks: &mut (impl Iterator<Item = Vec<Source>> + Send),
    threads: usize,
    report: &mut Report,
) -> io::Result<()> {
    let in_flight = threads * IN_FLIGHT_PER_THREAD;
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Vec<Source>)>(threads);
    let job_rx = Mutex::new(job_rx);
    thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::sync_channel(in_flight);
        // A permit per chunk that is out between the walk and the writer. When
        // the writer stops early, the dropped channels end the other threads.
        let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            permit_tx.send(()).expect("the receiver is alive");
        }
        scope.spawn(move || {
            for job in chunks.enumerate() {
                if permit_rx.recv().is_err() || job_tx.send(job).is_err() {
                    break;
                }
            }
        });
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let job_rx = &job_rx;
            scope.spawn(move || {
                let mut buf = Vec::new();
                loop {
                    let job = job_rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    let Ok((index, chunk)) = job else { break };
                    if done_tx
                        .send((index, work(reading, render, chunk, &mut buf)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (index, done) in done_rx {
            waiting.insert(index, done);
            while let Some(done) = waiting.remove(&next) {
                deliver(done?, sink, report)?;
                next += 1;
                // The walk may already be over, with nobody left to take it.
                let _ = permit_tx.send(());
            }
        }
        Ok(())
    })
}

/// The sources in chunks of [`CHUNK_FILES`].
fn chunked(sources: impl Iterator<Item = Source>) -> impl Iterator<Item = Vec<Source>> {
    let mut sources = sources.peekable();
    std::iter::from_fn(move || {
        sources.peek()?;
        Some(sources.by_ref().take(CHUNK_FILES).collect())
    })
}

fn deliver<C, S: Sink<C>>(done: Done<C>, sink: &mut S, report: &mut Report) -> io::Result<()> {
    sink.write(done.chunk)?;
    report.add(&done.tally, &done.notes);
    Ok(())
}

/// Reads, parses and renders one chunk; `buf` is the thread's reading buffer.
fn work<R: Render>(
    reading: &Reading,
    render: &R,
    chunk: Vec<Source>,
    buf: &mut Vec<u8>,
) -> io::Result<Done<R::Chunk>> {
    let mut done = Done {
        chunk: render.chunk(),
        tally: Tally::default(),
        notes: Vec::new(),
    };
    for source in chunk {
        let (path, read) = match source {
            Source::Loop { path, ancestor } => {
                done.notes.push(format!(
                    "{path}: skipped: the link leads back to {ancestor}"
                ));
                continue;
            }
            Source::Unlisted { path, error } => (path, Err(error)),
            Source::Stdin => ("-".to_owned(), read_stdin(buf)),
            Source::File(file) => {
                let read = read_file(&file, buf);
                (file.to_string_lossy().into_owned(), read)
            }
        };
        let decoded;
        let outcome = match read {
            Ok(len) => {
                done.tally.bytes += len as u64;
                decoded = reading
                    .encoding
                    .as_ref()
                    .map(|label| newsparse::decode(&buf[..len], label));
                match &decoded {
                    Some(Ok(text)) => read_text(reading, text.as_bytes()),
                    Some(Err(e)) => error_outcome(*e),
                    None => read_text(reading, &buf[..len]),
                }
            }
            Err(e) => Outcome::Error(ErrorRecord {
                kind: "io",
                message: e.to_string(),
                offset: 0,
            }),
        };
        done.tally.files += 1;
        match &outcome {
            Outcome::Article(_) | Outcome::Explained(..) => done.tally.parsed += 1,
            Outcome::Error(e) => {
                done.tally.failed += 1;
                done.notes.push(format!("{path}: {}", e.message));
            }
        }
        render.push(
            &mut done.chunk,
            &Record {
                path: &path,
                outcome,
            },
        )?;
    }
    Ok(done)
}

/// Parses or explains one input's UTF-8 bytes.
fn read_text<'a>(reading: &Reading, bytes: &'a [u8]) -> Outcome<'a> {
    let read = if reading.explain {
        newsparse::explain_bytes(bytes).map(|ex| {
            // Explained bytes are UTF-8: explain_bytes checked them.
            let text = std::str::from_utf8(bytes).unwrap_or_default();
            Outcome::Explained(text, ex)
        })
    } else {
        newsparse::parse_bytes(bytes).map(Outcome::Article)
    };
    read.unwrap_or_else(error_outcome)
}

fn error_outcome<'a>(e: newsparse::Error) -> Outcome<'a> {
    Outcome::Error(ErrorRecord {
        kind: e.kind(),
        message: e.to_string(),
        offset: e.offset(),
    })
}

/// Reads a whole file into `buf`, returning its length; what lies past it in
/// `buf` is left from earlier files. The buffer is kept at its largest size
/// rather than cleared, so a file costs open, read, read and close: `read_to_end`
/// would also ask for the size (statx, lseek) to size a buffer this already has.
fn read_file(path: &Path, buf: &mut Vec<u8>) -> io::Result<usize> {
    read_all(File::open(path)?, buf)
}

fn read_stdin(buf: &mut Vec<u8>) -> io::Result<usize> {
    read_all(io::stdin().lock(), buf)
}

fn read_all(mut from: impl Read, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut len = 0;
    loop {
        if len == buf.len() {
            buf.resize((2 * len).max(64 << 10), 0);
        }
        match from.read(&mut buf[len..]) {
            Ok(0) => return Ok(len),
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}
