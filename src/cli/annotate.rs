//! `chiso annotate`: read documents as a stream, annotate batches in
//! parallel, write results in input order.

use super::sink::{write_file_atomically, Sink};
use super::sources::{expand, Batch, Entry, InputFailure, Reader, Source};
use super::{AnnotateArgs, Colour, Format, OffsetUnit};
use chiso::output::json::JsonOptions;
use chiso::output::{brat, conll, html, json, pretty, Offsets};
use chiso::{Annotator, Document};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

/// A batch is annotated in parallel once it holds this many bytes of input
/// (or [`super::sources::BATCH_LINES`] lines).
const BATCH_BYTES: usize = 4 << 20;
/// The first batch is this small so that the workers start early; each next
/// one doubles up to [`BATCH_BYTES`].
const FIRST_BATCH_BYTES: usize = 128 << 10;

/// How one document is rendered.
#[derive(Clone, Copy)]
struct Render {
    format: Format,
    json: JsonOptions,
    colour: bool,
}

impl Render {
    fn render(&self, doc: &Document, out: &mut Vec<u8>) {
        match self.format {
            Format::Jsonl => json::write_document(doc, self.json, out),
            Format::Conll => conll::write_document(doc, self.json.offsets, out),
            Format::Brat => brat::write_annotations(doc, out),
            Format::Pretty => pretty::write_document(doc, self.colour, out),
            Format::Html => html::write_document(doc, out),
            Format::StatsCsv => chiso::statistics::write_csv_rows(doc, out),
            Format::StatsJsonl => super::stats::write_jsonl(doc, self.json, out),
        }
    }
}

/// Runs `chiso annotate`.
pub fn run(args: AnnotateArgs) -> ExitCode {
    let command = if matches!(args.format, Format::StatsCsv | Format::StatsJsonl) {
        "stats"
    } else {
        "annotate"
    };
    let usage = |message: String| {
        eprintln!("chiso {command}: {message}");
        ExitCode::from(2)
    };
    let sources = match expand(&args.run.paths) {
        Ok(s) => s,
        Err(e) => return usage(e),
    };
    let brat_dir = match (&args.format, &args.run.output) {
        (Format::Brat, Some(dir)) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                return usage(format!("{}: cannot create the output folder: {e}", dir.display()));
            }
            Some(dir.clone())
        }
        _ => None,
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.run.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => return usage(format!("cannot start worker threads: {e}")),
    };
    let render = Render {
        format: args.format,
        json: JsonOptions {
            offsets: if args.offsets == OffsetUnit::Bytes {
                Offsets::Bytes
            } else {
                Offsets::Chars
            },
            tokens: !args.no_tokens,
        },
        colour: match args.color {
            Colour::Always => true,
            Colour::Never => false,
            Colour::Auto => args.run.output.is_none() && io::stdout().is_terminal(),
        },
    };
    let mut sink = match brat_dir {
        Some(_) => None,
        None => match Sink::open(args.run.output.as_deref()) {
            Ok(s) => Some(s),
            Err(e) => {
                let name = args
                    .run
                    .output
                    .as_deref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                return usage(format!("{name}: cannot create: {e}"));
            }
        },
    };
    let annotator = Annotator::new();
    let mut run = Run {
        command,
        failed: 0,
        warned: 0,
        documents: 0,
        quiet: args.run.quiet,
        skip_bad: args.run.skip_bad,
        stopped: false,
    };
    let mut progress = Progress::new(&sources, args.run.quiet);
    let mut reader = Reader::new(sources, args.run.input, args.run.lossy, args.run.skip_bad);
    super::sink::remove_temporaries_on_interrupt();
    // A reader thread reads the next batch while the workers decode and
    // annotate this one and the main thread writes it. The rendezvous
    // channel holds no batch of its own: at most two are in memory. The
    // reader is not joined after a failed write or bad input: it may be
    // waiting for input that never comes ("tail -f … | chiso annotate | head").
    let (batches, received) = std::sync::mpsc::sync_channel::<Batch>(0);
    let reading = std::thread::spawn(move || {
        let mut limit = FIRST_BATCH_BYTES;
        while let Some(batch) = reader.next_batch(limit) {
            if batches.send(batch).is_err() {
                return;
            }
            limit = (2 * limit).min(BATCH_BYTES);
        }
    });
    let reference_date = args.run.reference_date;
    let outcome = pool.install(|| -> io::Result<()> {
        if let Some(sink) = &mut sink {
            let mut head = Vec::new();
            match args.format {
                Format::Html => head.extend_from_slice(html::page_start("chiso").as_bytes()),
                Format::StatsCsv if args.bom => {
                    chiso::statistics::write_csv_bom(&mut head);
                    chiso::statistics::write_csv_header(&mut head);
                }
                Format::StatsCsv => chiso::statistics::write_csv_header(&mut head),
                _ => {}
            }
            sink.write_all(&head)?;
        }
        for batch in received {
            let done: Vec<io::Result<Done>> = (0..batch.len())
                .into_par_iter()
                .map(|i| match batch.entry(i) {
                    Entry::Blank => Ok(Done::Blank),
                    Entry::Failure(failure) => Ok(Done::Failure(failure)),
                    Entry::Document(input, warning) => {
                        let mut doc = annotator.annotate_dated(&input.text, input.date.or(reference_date));
                        doc.id = Some(input.id);
                        let mut out = Vec::new();
                        render.render(&doc, &mut out);
                        let id = doc.id.take().unwrap_or_default();
                        if let Some(dir) = &brat_dir {
                            write_file_atomically(&dir.join(format!("{}.txt", file_stem(&id))), doc.text.as_bytes())?;
                        }
                        Ok(Done::Document {
                            warning,
                            id,
                            size: doc.text.len(),
                            out,
                        })
                    }
                })
                .collect();
            for result in done {
                let (warning, id, size, bytes) = match result? {
                    Done::Blank => continue,
                    Done::Failure(failure) => {
                        run.report(failure);
                        if run.stopped {
                            return Ok(());
                        }
                        continue;
                    }
                    Done::Document { warning, id, size, out } => (warning, id, size, out),
                };
                if let Some(warning) = warning {
                    run.report(warning);
                }
                match (&mut sink, &brat_dir) {
                    (Some(sink), _) => sink.write_all(&bytes)?,
                    (None, Some(dir)) => write_file_atomically(&dir.join(format!("{}.ann", file_stem(&id))), &bytes)?,
                    (None, None) => {}
                }
                run.documents += 1;
                if let Some(progress) = &mut progress {
                    progress.advance(size as u64);
                }
            }
        }
        if let (Format::Html, Some(sink)) = (args.format, &mut sink) {
            sink.write_all(html::page_end().as_bytes())?;
        }
        Ok(())
    });
    if let Some(progress) = progress {
        progress.bar.finish_and_clear();
    }
    // The reader has ended once every batch was taken. After a failed write
    // or bad input it is left behind: the process ends without waiting for it.
    if outcome.is_ok() && !run.stopped {
        reading.join().expect("the reader thread does not panic");
    }
    let finished = match (outcome, sink) {
        // A run stopped by bad input leaves no output file behind.
        (Ok(()), Some(sink)) if run.stopped => {
            sink.abandon();
            Ok(())
        }
        (Ok(()), Some(sink)) => sink.finish(),
        (Err(e), Some(sink)) => {
            sink.abandon();
            Err(e)
        }
        (result, None) => result,
    };
    match finished {
        Ok(()) => run.summary(),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let target = args
                .run
                .output
                .as_deref()
                .map_or("<stdout>".into(), |p| p.display().to_string());
            eprintln!("chiso {command}: {target}: cannot write: {e}");
            ExitCode::from(1)
        }
    }
}

/// What a worker made of one item of a batch.
enum Done {
    Blank,
    Failure(InputFailure),
    Document {
        /// A warning to print before the document is written.
        warning: Option<InputFailure>,
        id: String,
        /// Bytes of text, for the progress bar.
        size: usize,
        /// The rendered document.
        out: Vec<u8>,
    },
}

/// A progress bar on stderr, when stderr is a terminal, for inputs of more
/// than a few MB: against the files' total size, or, when standard input is
/// read (its size unknown), a running count of bytes that appears once a few
/// MB have gone through.
struct Progress {
    bar: ProgressBar,
    /// Bytes done before a hidden bar (standard input) is shown.
    show_at: Option<u64>,
}

impl Progress {
    const SHOW_ABOVE: u64 = 4 << 20;

    fn new(sources: &[Source], quiet: bool) -> Option<Progress> {
        if quiet || !io::stderr().is_terminal() {
            return None;
        }
        if sources.iter().any(|s| matches!(s, Source::Stdin)) {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            let style =
                ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec} {elapsed}").expect("a valid template");
            bar.set_style(style);
            return Some(Progress {
                bar,
                show_at: Some(Self::SHOW_ABOVE),
            });
        }
        let total: u64 = sources
            .iter()
            .map(|s| match s {
                Source::File(p) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
                Source::Stdin => 0,
            })
            .sum();
        if total < Self::SHOW_ABOVE {
            return None;
        }
        let bar = ProgressBar::new(total);
        let style = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
            .expect("a valid template");
        bar.set_style(style);
        Some(Progress { bar, show_at: None })
    }

    /// Counts `bytes` more of input done.
    fn advance(&mut self, bytes: u64) {
        self.bar.inc(bytes);
        if self.show_at.is_some_and(|at| self.bar.position() >= at) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.show_at = None;
        }
    }
}

struct Run {
    command: &'static str,
    failed: usize,
    warned: usize,
    documents: usize,
    quiet: bool,
    skip_bad: bool,
    /// Set by the first bad input when not skipping: read no further.
    stopped: bool,
}

impl Run {
    fn report(&mut self, failure: InputFailure) {
        if failure.warning {
            self.warned += 1;
            if !self.quiet {
                eprintln!("chiso {}: warning: {}", self.command, failure.message);
            }
        } else {
            self.failed += 1;
            eprintln!("chiso {}: error: {}", self.command, failure.message);
            self.stopped |= !self.skip_bad;
        }
    }

    fn summary(&self) -> ExitCode {
        if self.failed == 0 {
            return ExitCode::SUCCESS;
        }
        if self.stopped {
            eprintln!(
                "chiso {}: stopped at the first bad input after {} document(s); --skip-bad goes on past it",
                self.command, self.documents
            );
        } else {
            eprintln!(
                "chiso {}: {} document(s) written, {} bad input(s) skipped",
                self.command, self.documents, self.failed
            );
        }
        ExitCode::from(1)
    }
}

/// A file name for a document id: its last path component without extension,
/// with anything unsafe replaced.
fn file_stem(id: &str) -> String {
    let last = PathBuf::from(id.replace(':', "_"));
    let stem = last
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.is_empty() {
        "document".to_owned()
    } else {
        clean
    }
}
