//! Command-line interface: argument parsing and dispatch.

mod annotate;
mod eval;
mod sink;
mod sources;
mod stats;

use chiso::Date;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// chiso (chỉ số): numbers, dates, officials and statistics from Vietnamese prose.
#[derive(Debug, Parser)]
#[command(name = "chiso", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Annotate documents: tokens, sentences, entities and statistics.
    ///
    /// Reads files (.txt = one document, .jsonl = one {"id", "text", "date"}
    /// object per line), folders (walked recursively for .txt and .jsonl, in
    /// sorted order) or standard input ("-" or no PATH; JSONL when its first
    /// non-blank character is "{", else text). Writes one result per document,
    /// in input order. Errors name the file and line and go to stderr; exit
    /// status 0 = all went well, 1 = some input failed, 2 = usage error.
    ///
    /// Example: chiso annotate corpus/ --format pretty
    Annotate(AnnotateArgs),
    /// Score the annotator against gold annotations.
    ///
    /// Gold files are JSON lines in chiso's output format with hand-written
    /// "entities" (and optionally "statistics"), or CoNLL-style BIO files
    /// (.conll/.bio/.iob, or any file when --map is given): one token per line,
    /// its tag the last field (with tabs, the token may contain spaces), a
    /// blank line between sentences. Prints per-type precision, recall and F1
    /// for exact and overlapping spans, value accuracy on exact matches, and
    /// statistics-record precision and recall.
    ///
    /// Example: chiso eval --gold corpus/ --errors
    Eval(EvalArgs),
    /// Extract statistics records as a table: one row per record, with the
    /// document id, the sentence it was read from and every field
    /// (indicator, value, unit, change, base, qualifier, period, place).
    ///
    /// Reads the same inputs as `chiso annotate`. CSV is RFC 4180 (UTF-8,
    /// header row, quoted where needed); --bom adds the byte-order mark that
    /// Excel needs to show Vietnamese letters.
    ///
    /// Example: chiso stats corpus/ --format csv --bom -o thong-ke.csv
    Stats(StatsArgs),
}

/// Options of `chiso stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Inputs, output and run behaviour (as for `chiso annotate`).
    #[command(flatten)]
    pub run: RunOptions,

    /// Output: csv (a table for spreadsheets) or jsonl (one record per line).
    #[arg(long, value_enum, default_value_t = StatsFormat::Csv)]
    pub format: StatsFormat,

    /// Start the CSV with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub bom: bool,

    /// Offsets of the clause in jsonl output: code points (chars) or UTF-8 bytes (CSV always counts code points).
    #[arg(long, value_enum, default_value_t = OffsetUnit::Chars)]
    pub offsets: OffsetUnit,
}

/// Statistics output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// RFC 4180 CSV with a header row.
    Csv,
    /// One JSON object per record.
    Jsonl,
}

/// Options of `chiso eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold file or folder (walked for .jsonl, .conll, .bio, .iob).
    #[arg(long, value_name = "PATH")]
    pub gold: PathBuf,

    /// Predictions (JSONL from `chiso annotate`, matched to gold by id);
    /// without it, chiso annotates the gold texts itself.
    #[arg(long, value_name = "PATH")]
    pub pred: Option<PathBuf>,

    /// Output: a text table or JSON.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,

    /// List every miss, false alarm and wrong value with its context on stderr.
    #[arg(long)]
    pub errors: bool,

    /// Also write the error report as a self-contained HTML page: gold and
    /// predicted side by side, misses and false alarms outlined.
    #[arg(long, value_name = "PATH")]
    pub html: Option<PathBuf>,

    /// For BIO files: map labels to chiso types, e.g. PER=person,LOC=place,ORG=org.
    /// Only the mapped types are scored.
    #[arg(long, value_name = "LABEL=type,...")]
    pub map: Vec<String>,
}

/// Evaluation output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// A text table.
    Table,
    /// JSON.
    Json,
}

/// Where documents come from and how a run behaves: shared by `chiso
/// annotate` and `chiso stats`.
#[derive(Debug, clap::Args)]
pub struct RunOptions {
    /// Files or folders to read; "-" or nothing reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to read inputs: by file extension / first character (auto), every
    /// input as one plain-text document (text), every non-empty line of a
    /// text input as one document (lines: a corpus with one article per
    /// line; ids are "file:line"), or as JSON lines (jsonl). Memory follows
    /// the largest document, not the corpus: read a corpus pasted into one
    /// file with lines or jsonl.
    #[arg(long, value_enum, default_value_t = InputMode::Auto)]
    pub input: InputMode,

    /// Reference date (YYYY-MM-DD) for partial and relative dates in documents
    /// that carry no "date" of their own.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub reference_date: Option<Date>,

    /// Write to this file (for `annotate --format brat`, this folder) instead
    /// of standard output. The file appears only when complete (a device or
    /// named pipe such as /dev/null is written directly).
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Worker threads, 1 to 1024 (default, or 0: every core).
    #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,

    /// Print no warnings, summary or progress bar on stderr (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,

    /// Go on past bad input (a line that is not JSON, lacks "text", has a bad
    /// "date", invalid UTF-8, an unreadable file) and report how many were
    /// skipped at the end. Without it, the first bad input stops the run.
    #[arg(long)]
    pub skip_bad: bool,

    /// Replace invalid UTF-8 by U+FFFD (with a warning naming file and byte)
    /// instead of refusing the input.
    #[arg(long)]
    pub lossy: bool,
}

/// Options of `chiso annotate`.
#[derive(Debug, clap::Args)]
pub struct AnnotateArgs {
    /// Inputs, output and run behaviour.
    #[command(flatten)]
    pub run: RunOptions,

    /// Output format: jsonl (one JSON document per line), conll (one token per
    /// line with BIO tags), brat (standoff .ann; with --output DIR, a .txt/.ann
    /// pair per document), pretty (the text with entities highlighted for a
    /// terminal), html (one self-contained page, values shown on hover).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// Leave the "tokens" array out of JSONL output (much smaller).
    #[arg(long)]
    pub no_tokens: bool,

    /// Offsets in the output: Unicode code points (chars, what Python and brat
    /// count) or UTF-8 bytes.
    #[arg(long, value_enum, default_value_t = OffsetUnit::Chars)]
    pub offsets: OffsetUnit,

    /// Colour in --format pretty: auto (when standard output is a terminal), always, never.
    #[arg(long, value_enum, default_value_t = Colour::Auto)]
    pub color: Colour,

    /// Start CSV output with a UTF-8 byte-order mark (set by `chiso stats --bom`).
    #[arg(skip)]
    pub bom: bool,
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputMode {
    /// By extension (.jsonl → JSON lines, else text); stdin by its first character.
    Auto,
    /// Every input is one plain-text document.
    Text,
    /// Every non-empty line of every input is one plain-text document.
    Lines,
    /// Every input holds one JSON document per line.
    Jsonl,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON document per line.
    Jsonl,
    /// One token per line with a BIO tag.
    Conll,
    /// brat standoff annotations.
    Brat,
    /// The text with entities highlighted, for reading in a terminal.
    Pretty,
    /// One self-contained HTML page with entities highlighted.
    Html,
    /// Statistics records as CSV rows (`chiso stats`).
    #[value(skip)]
    StatsCsv,
    /// Statistics records as JSON lines (`chiso stats`).
    #[value(skip)]
    StatsJsonl,
}

/// Offset units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OffsetUnit {
    /// Unicode code points.
    Chars,
    /// UTF-8 bytes.
    Bytes,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Colour {
    /// When standard output is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The most worker threads `--jobs` asks for: more only cost memory (each
/// has its own stack) and can make the system refuse to start them.
const MAX_JOBS: usize = 1024;

fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n <= MAX_JOBS => Ok(n),
        _ => Err(format!(
            "expected a number of worker threads from 1 to {MAX_JOBS}, or 0 for every core"
        )),
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|e| e.to_string())
}

/// Parses the command line and runs it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Annotate(args) => annotate::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Stats(args) => stats::run(args),
    }
}
