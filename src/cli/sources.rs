//! Where documents come from: files, folders and standard input, read as a
//! stream of batches. The reader thread only reads blocks and finds line
//! ends; the workers check UTF-8, name lines and parse JSON
//! ([`Batch::entry`]), so the serial part stays small.

use super::InputMode;
use chiso::input::parse_json_line;
use chiso::Date;
use std::borrow::Cow;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A batch holds at most this many lines.
pub const BATCH_LINES: usize = 4096;

/// One input source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The name used in ids and messages.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Something that went wrong reading one input; the run goes on.
#[derive(Debug, Clone)]
pub struct InputFailure {
    /// "file:line: what", ready to print.
    pub message: String,
    /// True for a warning (a skipped binary file), false for an error.
    pub warning: bool,
}

/// Expands the command-line paths into sources: folders walked recursively
/// (sorted, .txt and .jsonl only), "-" for standard input.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Source>, String> {
    if paths.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files).map_err(|e| format!("{}: {e}", path.display()))?;
            files.sort();
            sources.extend(files.into_iter().map(Source::File));
        } else if path.exists() {
            sources.push(Source::File(path.clone()));
        } else {
            return Err(format!("{}: no such file or folder", path.display()));
        }
    }
    Ok(sources)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "jsonl")) {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads sources into batches. The reader only reads blocks and finds line
/// ends; checking UTF-8, naming lines and parsing JSON is left to
/// [`Batch::entry`], which the workers call in parallel.
pub struct Reader {
    sources: VecDeque<Source>,
    mode: InputMode,
    lossy: bool,
    skip_bad: bool,
    current: Option<Current>,
}

/// A source read line by line (`--input lines` or JSONL).
struct Current {
    name: Arc<str>,
    kind: Kind,
    input: Box<dyn Read + Send>,
    /// The last block read; its lines from `pos` on are not handed out yet.
    block: Arc<Vec<u8>>,
    pos: usize,
    /// No `\n` in `block[pos..searched]`.
    searched: usize,
    /// The number of the line at `pos`.
    line: usize,
    /// The input has ended: `block` holds all that is left.
    ended: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Lines,
    Jsonl,
}

/// Input read in one go: blocks of bytes and where its documents are in
/// them. Sent by the reader thread to the workers.
pub struct Batch {
    blocks: Vec<Block>,
    items: Vec<Item>,
    lossy: bool,
}

struct Block {
    name: Arc<str>,
    kind: Kind,
    bytes: Arc<Vec<u8>>,
}

enum Item {
    /// A whole text file: `blocks[block]`.
    Text { block: usize },
    /// Line `line` of a source, with its `\n`: `blocks[block].bytes[start..end]`.
    Line {
        block: usize,
        start: usize,
        end: usize,
        line: usize,
    },
    /// A source that could not be read.
    Failure(InputFailure),
}

/// One item of a batch, decoded.
pub enum Entry<'a> {
    /// A blank line.
    Blank,
    /// A document, and a warning about it (bytes replaced by `--lossy`).
    Document(Doc<'a>, Option<InputFailure>),
    /// Bad input: invalid UTF-8, a line that is not a JSON document, an
    /// unreadable or binary file.
    Failure(InputFailure),
}

/// A document to annotate.
pub struct Doc<'a> {
    /// Its id: the document's own, or the file name ("file:line" for a line).
    pub id: String,
    /// Its text, borrowed from the batch when it can be.
    pub text: Cow<'a, str>,
    /// Its date, if it has one.
    pub date: Option<Date>,
}

impl Batch {
    /// The number of items (documents, blank lines, failures).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Item `i`, decoded: text files and lines are checked for UTF-8, JSON
    /// lines parsed, lines named "file:line".
    pub fn entry(&self, i: usize) -> Entry<'_> {
        let (block, bytes, line) = match &self.items[i] {
            Item::Failure(failure) => return Entry::Failure(failure.clone()),
            Item::Text { block } => (&self.blocks[*block], &self.blocks[*block].bytes[..], None),
            Item::Line {
                block,
                start,
                end,
                line,
            } => (
                &self.blocks[*block],
                &self.blocks[*block].bytes[*start..*end],
                Some(*line),
            ),
        };
        let at = || match line {
            Some(n) => line_id(&block.name, n),
            None => block.name.to_string(),
        };
        let unit = if line.is_some() { " of the line" } else { "" };
        let mut warning = None;
        let text = match decode(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(byte) if self.lossy => {
                warning = Some(InputFailure {
                    message: format!("{}: invalid UTF-8 at byte {byte}{unit} replaced by U+FFFD", at()),
                    warning: true,
                });
                String::from_utf8_lossy(without_bom(bytes))
            }
            Err(byte) => {
                return Entry::Failure(InputFailure {
                    message: format!(
                        "{}: invalid UTF-8 at byte {byte}{unit} (use --lossy to replace it)",
                        at()
                    ),
                    warning: false,
                })
            }
        };
        if block.kind == Kind::Text {
            let doc = Doc {
                id: at(),
                text,
                date: None,
            };
            return Entry::Document(doc, warning);
        }
        if text.trim().is_empty() {
            return Entry::Blank;
        }
        if block.kind == Kind::Lines {
            let doc = Doc {
                id: at(),
                text: without_line_end(text),
                date: None,
            };
            return Entry::Document(doc, warning);
        }
        match parse_json_line(&text) {
            Ok(doc) => Entry::Document(
                Doc {
                    id: doc.id.unwrap_or_else(at),
                    text: Cow::Owned(doc.text),
                    date: doc.date,
                },
                warning,
            ),
            Err(e) => Entry::Failure(InputFailure {
                message: format!("{}: {e}", at()),
                warning: false,
            }),
        }
    }
}

impl Reader {
    /// A reader over `sources`. With `lossy`, invalid UTF-8 is replaced by
    /// U+FFFD (with a warning); without `skip_bad`, a source that cannot be
    /// read ends the reading.
    pub fn new(sources: Vec<Source>, mode: InputMode, lossy: bool, skip_bad: bool) -> Reader {
        Reader {
            sources: sources.into(),
            mode,
            lossy,
            skip_bad,
            current: None,
        }
    }

    /// The next batch: whole lines and text files, up to about `limit`
    /// bytes read or [`BATCH_LINES`] items; `None` once the input has ended.
    pub fn next_batch(&mut self, limit: usize) -> Option<Batch> {
        let mut batch = Batch {
            blocks: Vec::new(),
            items: Vec::new(),
            lossy: self.lossy,
        };
        let mut bytes = 0;
        // Reading blocks on a pipe: read once for this batch, then hand out
        // what has come.
        let mut has_read = false;
        while bytes < limit && batch.items.len() < BATCH_LINES {
            let Some(current) = &mut self.current else {
                let Some(source) = self.sources.pop_front() else {
                    break;
                };
                match self.open(source, limit) {
                    Ok(Opened::Lines(current)) => self.current = Some(current),
                    Ok(Opened::Text(block)) => {
                        bytes += block.bytes.len();
                        batch.items.push(Item::Text {
                            block: batch.blocks.len(),
                        });
                        batch.blocks.push(block);
                    }
                    Err(failure) => self.fail(&mut batch, failure),
                }
                has_read = true;
                continue;
            };
            let end = match memchr::memchr(b'\n', &current.block[current.searched..]) {
                Some(k) => current.searched + k + 1,
                None if current.ended => current.block.len(),
                None if has_read && !batch.items.is_empty() => break,
                None => {
                    has_read = true;
                    current.searched = current.block.len();
                    if let Err(e) = current.read_more(limit) {
                        let message = format!("{}: cannot read: {e}", current.name);
                        self.current = None;
                        self.fail(
                            &mut batch,
                            InputFailure {
                                message,
                                warning: false,
                            },
                        );
                    }
                    continue;
                }
            };
            if end == current.pos {
                // The last line has been handed out.
                self.current = None;
                continue;
            }
            if !batch
                .blocks
                .last()
                .is_some_and(|b| Arc::ptr_eq(&b.bytes, &current.block))
            {
                batch.blocks.push(Block {
                    name: current.name.clone(),
                    kind: current.kind,
                    bytes: current.block.clone(),
                });
            }
            current.line += 1;
            batch.items.push(Item::Line {
                block: batch.blocks.len() - 1,
                start: current.pos,
                end,
                line: current.line,
            });
            bytes += end - current.pos;
            current.pos = end;
            current.searched = end;
        }
        (!batch.items.is_empty()).then_some(batch)
    }

    /// Adds `failure` to the batch; without `--skip-bad` an error ends the reading.
    fn fail(&mut self, batch: &mut Batch, failure: InputFailure) {
        if !failure.warning && !self.skip_bad {
            self.sources.clear();
            self.current = None;
        }
        batch.items.push(Item::Failure(failure));
    }

    /// Opens `source` and reads its first block (up to `limit` bytes, the
    /// whole file for a text document).
    fn open(&self, source: Source, limit: usize) -> Result<Opened, InputFailure> {
        let name: Arc<str> = source.name().into();
        let fail = |message: String| InputFailure {
            message,
            warning: false,
        };
        let mut input: Box<dyn Read + Send> = match &source {
            Source::Stdin => Box::new(io::stdin()),
            Source::File(p) => Box::new(File::open(p).map_err(|e| fail(format!("{name}: cannot open: {e}")))?),
        };
        let mut head = Vec::new();
        read_up_to(&mut input, &mut head, limit).map_err(|e| fail(format!("{name}: cannot read: {e}")))?;
        if head[..head.len().min(8192)].contains(&0) {
            return Err(InputFailure {
                message: format!("{name}: looks like a binary file (NUL byte); skipped"),
                warning: true,
            });
        }
        let kind = match (self.mode, &source) {
            (InputMode::Text, _) => Kind::Text,
            (InputMode::Lines, _) => Kind::Lines,
            (InputMode::Jsonl, _) => Kind::Jsonl,
            (InputMode::Auto, Source::File(p)) if p.extension().is_some_and(|e| e == "jsonl") => Kind::Jsonl,
            (InputMode::Auto, Source::File(_)) => Kind::Text,
            (InputMode::Auto, Source::Stdin) => {
                let first = head
                    .iter()
                    .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
                if first == Some(&b'{') {
                    Kind::Jsonl
                } else {
                    Kind::Text
                }
            }
        };
        let ended = head.len() < limit;
        if kind == Kind::Text {
            if !ended {
                input
                    .read_to_end(&mut head)
                    .map_err(|e| fail(format!("{name}: cannot read: {e}")))?;
            }
            return Ok(Opened::Text(Block {
                name,
                kind,
                bytes: Arc::new(head),
            }));
        }
        Ok(Opened::Lines(Current {
            name,
            kind,
            input,
            block: Arc::new(head),
            pos: 0,
            searched: 0,
            line: 0,
            ended,
        }))
    }
}

enum Opened {
    Text(Block),
    Lines(Current),
}

impl Current {
    /// Reads up to `limit` more bytes after the unfinished line at `pos`:
    /// into the block itself when no batch holds it, else into a new block
    /// that starts with a copy of that line.
    fn read_more(&mut self, limit: usize) -> io::Result<()> {
        let searched = self.searched - self.pos;
        if self.pos > 0 || Arc::get_mut(&mut self.block).is_none() {
            let mut block = Vec::with_capacity(self.block.len() - self.pos + limit);
            block.extend_from_slice(&self.block[self.pos..]);
            self.block = Arc::new(block);
            self.pos = 0;
        }
        self.searched = searched;
        let block = Arc::get_mut(&mut self.block).expect("a block of its own");
        self.ended = read_up_to(&mut self.input, block, limit)? < limit;
        Ok(())
    }
}

/// Appends up to `limit` bytes of `input` to `buf` (fewer only at its end);
/// returns how many.
fn read_up_to(input: &mut dyn Read, buf: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
    buf.reserve(limit);
    input.take(limit as u64).read_to_end(buf)
}

/// "file:line", the id of a line (without `format!`, which costs more than
/// reading the line).
fn line_id(name: &str, line: usize) -> String {
    let digits = chiso::decimal::Digits::of(line as u64);
    let mut id = String::with_capacity(name.len() + 1 + digits.len());
    id.push_str(name);
    id.push(':');
    id.push_str(digits.as_str());
    id
}

/// A line without its `\n`, then without its `\r`.
fn without_line_end(line: Cow<'_, str>) -> Cow<'_, str> {
    let end = line.strip_suffix('\n').unwrap_or(&line);
    let len = end.strip_suffix('\r').unwrap_or(end).len();
    match line {
        Cow::Borrowed(line) => Cow::Borrowed(&line[..len]),
        Cow::Owned(mut line) => {
            line.truncate(len);
            Cow::Owned(line)
        }
    }
}

/// `bytes` without a leading byte-order mark.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// UTF-8 text without a leading byte-order mark, or the offset of the first
/// invalid byte (counted in the input, byte-order mark included). Valid text
/// (nearly all) is checked with SIMD; only invalid text is checked again to
/// find where it goes wrong.
fn decode(bytes: &[u8]) -> Result<&str, usize> {
    let text = without_bom(bytes);
    simdutf8::basic::from_utf8(text)
        .or_else(|_| std::str::from_utf8(text))
        .map_err(|e| e.valid_up_to() + bytes.len() - text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line comes out once, in order, named by its number, whatever the
    /// batch limit: lines longer than a block, CRLF, a last line without
    /// `\n`, blank lines, byte-order marks and invalid UTF-8.
    #[test]
    fn lines_come_out_whole_and_numbered_whatever_the_block_size() {
        let mut text = Vec::new();
        let mut expected = Vec::new();
        for n in 1..=300usize {
            let line = match n % 7 {
                0 => String::new(),
                1 => "Đồng bằng ".repeat(n),
                2 => format!("\u{feff}Quý I/{n} tăng 3%.\r"),
                3 => "  \t ".to_owned(),
                _ => format!("Dòng {n}: {}", "x".repeat(n % 50)),
            };
            text.extend_from_slice(line.as_bytes());
            if n % 61 == 0 {
                text.push(0xFF);
            }
            text.push(b'\n');
            if n % 61 == 0 {
                expected.push(Err(format!("t.txt:{n}: invalid UTF-8")));
            } else if !line.trim().is_empty() {
                let line = line.strip_prefix('\u{feff}').unwrap_or(&line);
                expected.push(Ok((format!("t.txt:{n}"), line.trim_end_matches('\r').to_owned())));
            }
        }
        text.extend_from_slice("Giá 41.500 đồng".as_bytes());
        expected.push(Ok(("t.txt:301".to_owned(), "Giá 41.500 đồng".to_owned())));
        let dir = std::env::temp_dir().join(format!("chiso-sources-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.txt");
        std::fs::write(&path, &text).unwrap();
        for limit in [1, 7, 64, 1000, 1 << 20] {
            let mut reader = Reader::new(vec![Source::File(path.clone())], InputMode::Lines, false, true);
            let mut got = Vec::new();
            while let Some(batch) = reader.next_batch(limit) {
                for i in 0..batch.len() {
                    match batch.entry(i) {
                        Entry::Blank => {}
                        Entry::Document(doc, _) => got.push(Ok((doc.id, doc.text.into_owned()))),
                        Entry::Failure(f) => got.push(Err(f.message[..f.message.find(" at byte").unwrap()].to_owned())),
                    }
                }
            }
            let got: Vec<_> = got
                .into_iter()
                .map(|r| r.map(|(id, text)| (id.replace(&path.display().to_string(), "t.txt"), text)))
                .map(|r| r.map_err(|e| e.replace(&path.display().to_string(), "t.txt")))
                .collect();
            assert_eq!(got, expected, "limit {limit}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn line_ids_are_file_colon_line() {
        for n in [0, 1, 9, 10, 99, 100, 73_001, usize::MAX] {
            assert_eq!(line_id("tin.txt", n), format!("tin.txt:{n}"));
        }
    }
}
