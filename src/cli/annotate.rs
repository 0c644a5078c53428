//! `chiso annotate`: read documents as a stream, annotate batches in
//! parallel, write results in input order.

use super::sink::{write_file_atomically, Sink};
use super::sources::{expand, InputFailure, Reader};
use super::{AnnotateArgs, Colour, Format, OffsetUnit};
use chiso::input::InputDocument;
use chiso::output::json::JsonOptions;
use chiso::output::{brat, conll, json, pretty, Offsets};
use chiso::{Annotator, Document};
use rayon::prelude::*;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A batch is annotated in parallel once it holds this many bytes of text or documents.
const BATCH_BYTES: usize = 8 << 20;
const BATCH_DOCS: usize = 4096;

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
        }
    }
}

/// Runs `chiso annotate`.
pub fn run(args: AnnotateArgs) -> ExitCode {
    let usage = |message: String| {
        eprintln!("chiso annotate: {message}");
        ExitCode::from(2)
    };
    let sources = match expand(&args.paths) {
        Ok(s) => s,
        Err(e) => return usage(e),
    };
    let brat_dir = match (&args.format, &args.output) {
        (Format::Brat, Some(dir)) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                return usage(format!("{}: cannot create the output folder: {e}", dir.display()));
            }
            Some(dir.clone())
        }
        _ => None,
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
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
            Colour::Auto => args.output.is_none() && io::stdout().is_terminal(),
        },
    };
    let mut sink = match brat_dir {
        Some(_) => None,
        None => match Sink::open(args.output.as_deref()) {
            Ok(s) => Some(s),
            Err(e) => {
                let name = args
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
        failed: 0,
        warned: 0,
        documents: 0,
        quiet: args.quiet,
    };
    let mut reader = Reader::new(sources, args.input);
    let outcome = pool.install(|| -> io::Result<()> {
        loop {
            let batch = next_batch(&mut reader, &mut run);
            if batch.is_empty() {
                return Ok(());
            }
            let rendered: Vec<(String, Vec<u8>)> = batch
                .into_par_iter()
                .map(|input| {
                    let mut out = Vec::new();
                    let id = input.id.clone().unwrap_or_default();
                    let date = input.date.or(args.reference_date);
                    let mut doc = annotator.annotate_dated(&input.text, date);
                    doc.id = input.id;
                    render.render(&doc, &mut out);
                    if let Some(dir) = &brat_dir {
                        let stem = file_stem(&id);
                        let text_path = dir.join(format!("{stem}.txt"));
                        if let Err(e) = write_file_atomically(&text_path, doc.text.as_bytes()) {
                            return (id, format!("{}: {e}", text_path.display()).into_bytes());
                        }
                    }
                    (id, out)
                })
                .collect();
            for (id, bytes) in rendered {
                run.documents += 1;
                let written = match (&mut sink, &brat_dir) {
                    (Some(sink), _) => sink.write_all(&bytes),
                    (None, Some(dir)) => write_file_atomically(&dir.join(format!("{}.ann", file_stem(&id))), &bytes),
                    (None, None) => Ok(()),
                };
                written?;
            }
        }
    });
    let finished = match (outcome, sink) {
        (Ok(()), Some(sink)) => sink.finish(),
        (Err(e), Some(sink)) => {
            sink.abandon();
            Err(e)
        }
        (result, None) => result,
    };
    if let Err(e) = finished {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        let target = args
            .output
            .as_deref()
            .map(Path::display)
            .map(|d| d.to_string())
            .unwrap_or("<stdout>".into());
        eprintln!("chiso annotate: {target}: cannot write: {e}");
        return ExitCode::from(1);
    }
    run.summary()
}

struct Run {
    failed: usize,
    warned: usize,
    documents: usize,
    quiet: bool,
}

impl Run {
    fn report(&mut self, failure: InputFailure) {
        if failure.warning {
            self.warned += 1;
            if !self.quiet {
                eprintln!("chiso annotate: warning: {}", failure.message);
            }
        } else {
            self.failed += 1;
            eprintln!("chiso annotate: error: {}", failure.message);
        }
    }

    fn summary(&self) -> ExitCode {
        if self.failed > 0 {
            eprintln!(
                "chiso annotate: {} document(s) written, {} input error(s)",
                self.documents, self.failed
            );
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Reads documents until the batch is big enough or the input ends.
fn next_batch(reader: &mut Reader, run: &mut Run) -> Vec<InputDocument> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while bytes < BATCH_BYTES && batch.len() < BATCH_DOCS {
        match reader.next() {
            None => break,
            Some(Ok(doc)) => {
                bytes += doc.text.len();
                batch.push(doc);
            }
            Some(Err(failure)) => run.report(failure),
        }
    }
    batch
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
