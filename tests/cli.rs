//! The real `chiso` binary: inputs, formats, errors and exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// The binary started with `args`, its three streams piped.
fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs")
}

fn chiso(args: &[&str], stdin: &str) -> Output {
    let mut child = spawn(args);
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A fresh scratch folder under the target dir.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The names of the files in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn annotates_the_corpus_folder_in_order() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = chiso(&["annotate", corpus.to_str().unwrap(), "--no-tokens"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert!(!docs.is_empty());
    assert_eq!(docs[0]["id"], "001-ben-tre-2023-06-16");
    assert_eq!(docs[0]["date"], "2023-06-16");
    assert!(docs[0].get("tokens").is_none());
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "corpus files are read in sorted order");
}

#[test]
fn stdin_text_and_jsonl_are_told_apart() {
    let out = chiso(&["annotate"], "Tỉnh có 3.120 hộ.\n");
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["text"], "Tỉnh có 3.120 hộ.\n");
    let out = chiso(
        &["annotate", "-"],
        "\n  {\"id\": \"a\", \"text\": \"Một\"}\n{\"id\": \"b\", \"text\": \"Hai\"}\n",
    );
    let ids: Vec<_> = lines(&out).iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["a", "b"]);
    let out = chiso(&["annotate", "--input", "text"], "{\"text\": \"x\"}");
    assert_eq!(lines(&out)[0]["text"], "{\"text\": \"x\"}");
}

#[test]
fn input_lines_makes_each_line_a_document() {
    let dir = scratch("input-lines");
    let file = dir.join("bai.txt");
    // CRLF endings, a blank line, a byte-order mark and a last line with no newline.
    std::fs::write(
        &file,
        "\u{feff}Năm 2023 có 5 tấn.\r\n\r\nQuý I/2024 tăng 3%.\r\nGiá 41.500 đồng",
    )
    .unwrap();
    let out = chiso(
        &["annotate", "--input", "lines", "--no-tokens", file.to_str().unwrap()],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    let ids: Vec<String> = docs.iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect();
    let name = file.display().to_string();
    assert_eq!(ids, [format!("{name}:1"), format!("{name}:3"), format!("{name}:4")]);
    assert_eq!(docs[0]["text"], "Năm 2023 có 5 tấn.");
    assert_eq!(docs[1]["entities"][0]["text"], "Quý I/2024");
    assert_eq!(docs[2]["entities"][0]["type"], "money");
    // From standard input too.
    let out = chiso(&["annotate", "--input", "lines"], "Có 3 hộ.\nCó 4 hộ.\n");
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn offsets_are_code_points_by_default_and_bytes_on_request() {
    let text = "{\"text\": \"Đạt 3,4 điểm\"}";
    let chars = lines(&chiso(&["annotate"], text));
    let bytes = lines(&chiso(&["annotate", "--offsets", "bytes"], text));
    assert_eq!(chars[0]["entities"][0]["start"], 4);
    assert_eq!(bytes[0]["entities"][0]["start"], "Đạt ".len());
}

#[test]
fn bad_json_lines_stop_the_run_unless_skipped() {
    let dir = scratch("bad_lines");
    let file = dir.join("docs.jsonl");
    std::fs::write(&file, "{\"text\": \"Một\"}\nkhông phải JSON\n{\"id\": 3}\n{\"text\": 4}\n{\"text\": \"Hai\", \"date\": \"2023-02-30\"}\n{\"text\": \"Ba\"}\n").unwrap();
    let out = chiso(&["annotate", file.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("docs.jsonl:2: not a JSON object"), "{err}");
    assert!(err.contains("--skip-bad"), "{err}");
    assert_eq!(lines(&out).len(), 1, "documents before the bad line are written");

    let out = chiso(&["annotate", "--skip-bad", file.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("docs.jsonl:3: the object has no \"text\" field"), "{err}");
    assert!(err.contains("docs.jsonl:4: \"text\" is not a string"), "{err}");
    assert!(
        err.contains("docs.jsonl:5: \"date\" \"2023-02-30\" is not a YYYY-MM-DD calendar date"),
        "{err}"
    );
    assert!(err.contains("2 document(s) written, 4 bad input(s) skipped"), "{err}");
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn a_stopped_run_leaves_no_output_file() {
    let dir = scratch("stopped");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, "{\"text\": \"Một\"}\n{\"text\": 1}\n").unwrap();
    let target = dir.join("out.jsonl");
    let out = chiso(
        &["annotate", input.to_str().unwrap(), "-o", target.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    let names = names_in(&dir);
    assert_eq!(names, ["in.jsonl"], "neither the output nor a temporary file remains");
}

#[test]
fn lossy_replaces_invalid_utf8_with_a_warning() {
    let dir = scratch("lossy");
    let file = dir.join("bad.txt");
    std::fs::write(&file, b"Ng\xC3\xA0y 16/6 \xFF tail").unwrap();
    let out = chiso(&["annotate", "--lossy", file.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("bad.txt: invalid UTF-8 at byte 11 replaced by U+FFFD"));
    assert_eq!(lines(&out)[0]["text"], "Ngày 16/6 \u{FFFD} tail");
}

#[test]
fn binary_files_are_skipped_and_empty_files_are_empty_documents() {
    let dir = scratch("binary");
    std::fs::write(dir.join("a.txt"), b"\x00\x01\x02ELF").unwrap();
    std::fs::write(dir.join("b.txt"), b"").unwrap();
    let out = chiso(&["annotate", dir.to_str().unwrap()], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("a.txt: looks like a binary file"),
        "{}",
        stderr(&out)
    );
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["text"], "");
    assert_eq!(docs[0]["entities"], serde_json::json!([]));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let big: String = (0..20_000)
        .map(|i| format!("{{\"text\": \"Văn bản số {i} có 3,4 tấn.\"}}\n"))
        .collect();
    let mut child = spawn(&["annotate"]);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    let mut first = [0u8; 100];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// "tail -f log | chiso annotate | head": once the output pipe is closed the
/// run ends, even while the input is still open and the reader waits on it.
#[test]
fn a_closed_pipe_ends_the_run_while_the_input_stays_open() {
    let line = "Năm 2023, xã thu hoạch 1.250 tấn lúa, tăng 4,5% so với cùng kỳ.\n";
    // More than the first batch (128 KB), less than the first two.
    let text = line.repeat(200_000 / line.len());
    let mut child = spawn(&["annotate", "--input", "lines", "--no-tokens"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(text.as_bytes()).unwrap();
    let mut first = [0u8; 100];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > std::time::Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("chiso still runs 30 s after its output was closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    drop(stdin);
    assert_eq!(status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    let out = chiso(&["annotate", "--reference-date", "2023-13-01"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2023-13-01"));
    let out = chiso(&["annotate", "/no/such/path.txt"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/path.txt: no such file or folder"));
    let out = chiso(&["annotate", "--format", "xml"], "");
    assert_eq!(out.status.code(), Some(2));
    // Too many worker threads is refused before any is started (the system
    // would refuse some of them, with a panic in the starting thread).
    for jobs in ["100000", "hai"] {
        let out = chiso(&["annotate", "--jobs", jobs], "");
        assert_eq!(out.status.code(), Some(2), "--jobs {jobs}");
        assert!(
            stderr(&out).contains("from 1 to 1024"),
            "--jobs {jobs}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "--jobs {jobs}");
    }
    let out = chiso(&["annotate", "--jobs", "0"], "Năm 2023.");
    assert_eq!(out.status.code(), Some(0), "--jobs 0 is every core");
}

#[test]
fn invalid_utf8_names_file_and_byte() {
    let dir = scratch("utf8");
    let file = dir.join("bad.txt");
    std::fs::write(&file, b"Ng\xC3\xA0y 16/6 \xFF tail").unwrap();
    let out = chiso(&["annotate", file.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.txt: invalid UTF-8 at byte 11"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_file_is_complete_and_no_temporary_is_left() {
    let dir = scratch("output");
    let target = dir.join("out.jsonl");
    let out = chiso(&["annotate", "--output", target.to_str().unwrap()], "Có 3 tấn.");
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 1);
    let names = names_in(&dir);
    assert_eq!(names.len(), 1, "only the output file remains: {names:?}");
}

/// `--output` naming a device or a named pipe writes into it: renaming a
/// finished temporary file over it would replace `/dev/null` with a file.
#[test]
fn output_to_a_named_pipe_writes_into_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("fifo");
    let fifo = dir.join("out.pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = chiso(&["annotate", "--output", fifo.to_str().unwrap()], "Có 3 tấn.");
    assert!(out.status.success(), "{}", stderr(&out));
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe is still a pipe: {kind:?}");
    let written = reader.join().unwrap();
    assert_eq!(written.lines().count(), 1, "{written}");
    assert!(written.contains("\"3 tấn\""), "{written}");
    let names = names_in(&dir);
    assert_eq!(names.len(), 1, "no temporary is left: {names:?}");
}

/// A symbolic link named by `--output` stays a link to the new output, and
/// `/dev/stdout` appends to whatever standard output is open on.
#[test]
fn output_through_a_link_or_dev_stdout_keeps_the_link() {
    let dir = scratch("links");
    let real = dir.join("real.jsonl");
    std::fs::write(&real, "old\n").unwrap();
    let link = dir.join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = chiso(&["annotate", "--output", link.to_str().unwrap()], "Có 3 tấn.");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    let written = std::fs::read_to_string(&real).unwrap();
    assert!(written.contains("\"3 tấn\"") && !written.contains("old"), "{written}");
    assert_eq!(names_in(&dir), ["link.jsonl", "real.jsonl"], "no temporary is left");

    let captured = dir.join("stdout.jsonl");
    std::fs::write(&captured, "header\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(["annotate", "--output", "/dev/stdout"])
        .stdin(Stdio::piped())
        .stdout(std::fs::OpenOptions::new().append(true).open(&captured).unwrap())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("Có 5 tấn.".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&captured).unwrap();
    assert!(
        written.starts_with("header\n{") && written.contains("\"5 tấn\""),
        "{written}"
    );
    assert!(std::fs::symlink_metadata("/dev/stdout").is_ok_and(|m| !m.is_file()));
}

/// A file under /dev that is a plain file (a tmpfs such as /dev/shm) is
/// replaced like any other, not appended to.
#[test]
fn a_plain_file_under_dev_is_replaced() {
    let shm = Path::new("/dev/shm");
    if !shm.is_dir() {
        eprintln!("skipped: no /dev/shm");
        return;
    }
    let target = shm.join(format!("chiso-test-{}.jsonl", std::process::id()));
    for text in ["Có 3 tấn.", "Có 5 tấn."] {
        let out = chiso(&["annotate", "--output", target.to_str().unwrap()], text);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let written = std::fs::read_to_string(&target).unwrap();
    std::fs::remove_file(&target).unwrap();
    assert_eq!(written.lines().count(), 1, "{written}");
    assert!(written.contains("\"5 tấn\""), "{written}");
}

/// `--output` naming a folder fails before any input is read.
#[test]
fn output_to_a_folder_is_refused_at_once() {
    let dir = scratch("output-folder");
    let out = chiso(&["annotate", "--output", dir.to_str().unwrap()], "Có 3 tấn.");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a folder"), "{}", stderr(&out));
    assert!(names_in(&dir).is_empty(), "no temporary is left: {:?}", names_in(&dir));
}

#[test]
fn conll_brat_and_pretty_formats() {
    let text = "Có 3 tấn.";
    let conll = stdout(&chiso(&["annotate", "--format", "conll"], text));
    assert!(
        conll.contains("3\t3\t4\tB-quantity\ntấn\t5\t8\tI-quantity\n"),
        "{conll}"
    );
    assert!(conll.ends_with("\n\n"));
    let pretty = stdout(&chiso(&["annotate", "--format", "pretty", "--color", "never"], text));
    assert!(pretty.contains("Có [3 tấn]{quantity}."), "{pretty}");
    let dir = scratch("brat");
    let input = dir.join("tin.txt");
    std::fs::write(&input, text).unwrap();
    let out_dir = dir.join("ann");
    let out = chiso(
        &[
            "annotate",
            input.to_str().unwrap(),
            "--format",
            "brat",
            "--output",
            out_dir.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(out_dir.join("tin.txt")).unwrap(), text);
    let ann = std::fs::read_to_string(out_dir.join("tin.ann")).unwrap();
    assert!(
        ann.starts_with("T1\tquantity 3 8\t3 tấn\n#1\tAnnotatorNotes T1\t"),
        "{ann}"
    );
}

#[test]
fn help_explains_the_options() {
    let out = chiso(&["annotate", "--help"], "");
    let help = stdout(&out);
    for option in [
        "--format",
        "--reference-date",
        "--no-tokens",
        "--offsets",
        "--output",
        "--input",
        "--jobs",
    ] {
        assert!(help.contains(option), "{option} missing from --help");
    }
}

/// Splits RFC 4180 CSV into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn stats_writes_a_spreadsheet_ready_csv_and_jsonl() {
    let text = "{\"id\": \"t1\", \"date\": \"2024-10-05\", \"text\": \"Quý III/2024, GRDP của tỉnh Bến Tre ước tăng 6,1%, kim ngạch xuất khẩu đạt 1.234,5 triệu USD; thu ngân sách \\\"vượt\\\" 12%.\"}";
    let out = chiso(&["stats", "--bom"], text);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "BOM first");
    let csv = String::from_utf8(out.stdout[3..].to_vec()).unwrap();
    let rows = parse_csv(&csv);
    assert_eq!(rows[0][..3], ["id", "indicator", "value"]);
    assert!(rows.len() >= 2, "{csv}");
    assert!(
        rows.iter().all(|r| r.len() == rows[0].len()),
        "every row has every column: {rows:?}"
    );
    let grdp = rows
        .iter()
        .find(|r| r[1] == "GRDP")
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(
        (grdp[0].as_str(), grdp[2].as_str(), grdp[6].as_str()),
        ("t1", "6.1", "%")
    );
    let last = rows[0].len() - 1;
    assert!(
        grdp[last].contains("\"vượt\""),
        "the sentence column keeps its quotes: {:?}",
        grdp[last]
    );
    let out = chiso(&["stats", "--format", "jsonl"], text);
    let records = lines(&out);
    assert!(records
        .iter()
        .any(|r| r["indicator"] == "GRDP" && r["id"] == "t1" && r["period"]["value"] == "2024-Q3"));
}

/// A bad line far into the input (past the first batches, read while the
/// workers annotate) is named by its line, every document before it is
/// written, and none after it.
#[test]
fn a_bad_line_in_a_later_batch_stops_the_run_in_order() {
    let dir = scratch("later_batch");
    let file = dir.join("docs.jsonl");
    let mut text = String::new();
    for i in 1..=3000 {
        if i == 2500 {
            text.push_str("{\"text\": \"hỏng\"\n");
        } else {
            text.push_str(&format!(
                "{{\"id\": \"d{i}\", \"text\": \"Văn bản số {i} có 3,4 tấn lúa và {i} hộ dân.\"}}\n"
            ));
        }
        if i % 100 == 0 {
            text.push('\n');
        }
    }
    std::fs::write(&file, &text).unwrap();
    let out = chiso(&["annotate", "--no-tokens", file.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("docs.jsonl:2524: not a JSON object"), "{err}");
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, (1..2500).map(|i| format!("d{i}")).collect::<Vec<_>>());
}
