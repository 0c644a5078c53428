//! Where documents come from: files, folders and standard input, read as a
//! stream (one text file, or one line of a JSONL or `--input lines` file, at
//! a time).

use super::InputMode;
use chiso::input::{parse_json_line, InputDocument};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

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
#[derive(Debug)]
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

/// Reads documents from sources one by one.
pub struct Reader {
    sources: VecDeque<Source>,
    mode: InputMode,
    lossy: bool,
    current: Option<Current>,
    /// Items ready to hand out: warnings about replaced bytes come before the
    /// document they concern.
    queue: VecDeque<Result<InputDocument, InputFailure>>,
}

struct Current {
    name: String,
    kind: Kind,
    lines: Option<Box<dyn BufRead + Send>>,
    line_no: usize,
}

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Lines,
    Jsonl,
}

impl Reader {
    /// A reader over `sources`. With `lossy`, invalid UTF-8 is replaced by
    /// U+FFFD and reported as a warning.
    pub fn new(sources: Vec<Source>, mode: InputMode, lossy: bool) -> Reader {
        Reader {
            sources: sources.into(),
            mode,
            lossy,
            current: None,
            queue: VecDeque::new(),
        }
    }

    /// Decodes `bytes`; `at` names the place ("file" or "file:line") in messages.
    fn decode(&mut self, bytes: Vec<u8>, at: &str, unit: &str) -> Result<String, InputFailure> {
        match decode(bytes) {
            Ok(text) => Ok(text),
            Err((byte, bytes)) if self.lossy => {
                self.queue.push_back(Err(InputFailure {
                    message: format!("{at}: invalid UTF-8 at byte {byte}{unit} replaced by U+FFFD"),
                    warning: true,
                }));
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            }
            Err((byte, _)) => Err(InputFailure {
                message: format!("{at}: invalid UTF-8 at byte {byte}{unit} (use --lossy to replace it)"),
                warning: false,
            }),
        }
    }

    fn open(&mut self, source: Source) -> Result<Option<InputDocument>, InputFailure> {
        let name = source.name();
        let fail = |message: String| InputFailure {
            message,
            warning: false,
        };
        let mut reader: Box<dyn BufRead + Send> = match &source {
            Source::Stdin => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
            Source::File(p) => Box::new(BufReader::with_capacity(
                1 << 16,
                File::open(p).map_err(|e| fail(format!("{name}: cannot open: {e}")))?,
            )),
        };
        let head = reader
            .fill_buf()
            .map_err(|e| fail(format!("{name}: cannot read: {e}")))?;
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
        match kind {
            Kind::Text => {
                let mut bytes = Vec::new();
                reader
                    .read_to_end(&mut bytes)
                    .map_err(|e| fail(format!("{name}: cannot read: {e}")))?;
                let text = self.decode(bytes, &name, "")?;
                Ok(Some(InputDocument {
                    id: Some(name),
                    text,
                    date: None,
                }))
            }
            Kind::Lines | Kind::Jsonl => {
                self.current = Some(Current {
                    name,
                    kind,
                    lines: Some(reader),
                    line_no: 0,
                });
                Ok(None)
            }
        }
    }

    fn next_line(&mut self) -> Option<Result<InputDocument, InputFailure>> {
        loop {
            let current = self.current.as_mut()?;
            let lines = current.lines.as_mut()?;
            let mut buf = Vec::new();
            match lines.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    let message = format!("{}: cannot read: {e}", current.name);
                    self.current = None;
                    return Some(Err(InputFailure {
                        message,
                        warning: false,
                    }));
                }
            }
            current.line_no += 1;
            let at = line_id(&current.name, current.line_no);
            let line = match self.decode(buf, &at, " of the line") {
                Ok(line) => line,
                Err(failure) => return Some(Err(failure)),
            };
            if line.trim().is_empty() {
                continue;
            }
            if let Some(Current { kind: Kind::Lines, .. }) = self.current {
                let mut text = line;
                for end in ['\n', '\r'] {
                    if text.ends_with(end) {
                        text.pop();
                    }
                }
                return Some(Ok(InputDocument {
                    id: Some(at),
                    text,
                    date: None,
                }));
            }
            return Some(match parse_json_line(&line) {
                Ok(mut doc) => {
                    doc.id.get_or_insert(at);
                    Ok(doc)
                }
                Err(e) => Err(InputFailure {
                    message: format!("{at}: {e}"),
                    warning: false,
                }),
            });
        }
    }
}

/// "file:line", the id of a line (without `format!`, which costs more than
/// reading the line).
fn line_id(name: &str, line: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut n = line;
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(name.len() + 1 + digits.len() - start);
    id.push_str(name);
    id.push(':');
    id.push_str(std::str::from_utf8(&digits[start..]).expect("ASCII digits"));
    id
}

/// UTF-8 text without a leading byte-order mark, or the byte offset of the
/// first invalid byte (counted in the input, BOM included) and the bytes.
fn decode(mut bytes: Vec<u8>) -> Result<String, (usize, Vec<u8>)> {
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    bytes.drain(..bom);
    String::from_utf8(bytes).map_err(|e| (e.utf8_error().valid_up_to() + bom, e.into_bytes()))
}

impl Iterator for Reader {
    type Item = Result<InputDocument, InputFailure>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.queue.is_empty() {
            let item = match self.next_line() {
                Some(item) => item,
                None => match self.sources.pop_front().map(|source| self.open(source))? {
                    Ok(Some(doc)) => Ok(doc),
                    Ok(None) => continue,
                    Err(failure) => Err(failure),
                },
            };
            // Warnings raised while reading the item (replaced bytes) come first.
            self.queue.push_back(item);
        }
        self.queue.pop_front()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ids_are_file_colon_line() {
        for n in [0, 1, 9, 10, 99, 100, 73_001, usize::MAX] {
            assert_eq!(line_id("tin.txt", n), format!("tin.txt:{n}"));
        }
    }
}
