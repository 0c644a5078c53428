//! Where output goes: standard output, or a file that appears only when
//! complete (written under a temporary name, renamed at the end). A target
//! that exists and is not a regular file (`/dev/null`, a named pipe), or
//! that names an open descriptor (`/dev/stdout`), is written in place:
//! renaming over it would replace the device with a file. A symbolic link
//! to a file stays a link: the file it points to is the one replaced.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written, removed by the Ctrl-C handler.
static IN_PROGRESS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn track(temp: &Path) {
    IN_PROGRESS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(temp.to_owned());
}

fn untrack(temp: &Path) {
    IN_PROGRESS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|p| p != temp);
}

/// On Ctrl-C (or SIGTERM), removes every temporary file being written and
/// exits with status 130, so no half-written output is ever left behind.
pub fn remove_temporaries_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        for temp in IN_PROGRESS.lock().unwrap_or_else(|e| e.into_inner()).drain(..) {
            let _ = std::fs::remove_file(temp);
        }
        std::process::exit(130);
    });
}

/// An output destination.
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A device, a named pipe or a descriptor alias such as `/dev/stdout`,
    /// written in place (appended to: what the shell wrote first stays).
    Special(BufWriter<File>),
    /// A temporary file renamed to `target` by [`Sink::finish`].
    File {
        file: BufWriter<File>,
        temp: PathBuf,
        target: PathBuf,
    },
}

/// The temporary name used while writing `target`.
pub fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

impl Sink {
    /// Standard output, or a new temporary file next to `path`.
    pub fn open(path: Option<&Path>) -> io::Result<Sink> {
        match path {
            None => Ok(Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))),
            // Found now, not when the finished file is renamed at the end.
            Some(target) if target.is_dir() => Err(io::Error::other("is a folder")),
            Some(target) if written_in_place(target) => {
                let file = std::fs::OpenOptions::new().append(true).open(target)?;
                Ok(Sink::Special(BufWriter::with_capacity(1 << 16, file)))
            }
            Some(target) => {
                // An existing link's final file is replaced, not the link.
                let target = std::fs::canonicalize(target).unwrap_or_else(|_| target.to_owned());
                let temp = temp_path(&target);
                track(&temp);
                let file = File::create(&temp).inspect_err(|_| untrack(&temp))?;
                Ok(Sink::File {
                    file: BufWriter::with_capacity(1 << 16, file),
                    temp,
                    target,
                })
            }
        }
    }

    /// Writes bytes.
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(bytes),
            Sink::Special(w) => w.write_all(bytes),
            Sink::File { file, .. } => file.write_all(bytes),
        }
    }

    /// Flushes and, for a file, renames it into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush(),
            Sink::Special(mut w) => w.flush(),
            Sink::File { file, temp, target } => {
                let result = file.into_inner().map_err(|e| e.into_error()).and_then(|file| {
                    file.sync_all()?;
                    drop(file);
                    std::fs::rename(&temp, &target)
                });
                if result.is_err() {
                    let _ = std::fs::remove_file(&temp);
                }
                untrack(&temp);
                result
            }
        }
    }

    /// Removes the temporary file after a failure.
    pub fn abandon(self) {
        if let Sink::File { file, temp, .. } = self {
            drop(file);
            let _ = std::fs::remove_file(&temp);
            untrack(&temp);
        }
    }
}

/// Whether `path` is written in place rather than replaced: it exists and
/// is something other than a regular file or a directory (`/dev/null`, a
/// named pipe, a socket), or it names an open descriptor (`/dev/stdout`,
/// `/dev/fd/1`, `/proc/self/fd/1`), whatever that is open on.
fn written_in_place(path: &Path) -> bool {
    let special = std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir());
    let into_proc = |p: &Path| p.starts_with("/proc");
    let descriptor = std::fs::read_link(path).is_ok_and(|target| into_proc(&target))
        || path
            .parent()
            .and_then(|dir| std::fs::canonicalize(dir).ok())
            .is_some_and(|dir| into_proc(&dir));
    special || (descriptor && path.exists())
}

/// Writes `bytes` to `path` atomically (temporary file, then rename).
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut sink = Sink::open(Some(path))?;
    match sink.write_all(bytes) {
        Ok(()) => sink.finish(),
        Err(e) => {
            sink.abandon();
            Err(e)
        }
    }
}
