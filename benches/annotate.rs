//! Throughput in bytes per second: the tokenizer alone, the whole annotator,
//! and a "read lines and split on whitespace" baseline over the same text.
//!
//! Inputs: the documents of corpus/ (always), and the real news and legal
//! prose of ../shared/data/throughput/ when it is present (skipped with a
//! message otherwise). Run: `cargo bench --bench annotate`.

use chiso::Annotator;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// (name, file, text) triples to measure: the baseline reads the file, the
/// others annotate the text in memory.
fn inputs() -> Vec<(String, PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(root.join("corpus"))
        .expect("corpus/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    for path in paths {
        for line in std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let doc = chiso::input::parse_json_line(line).expect("corpus lines parse");
            corpus.push_str(&doc.text);
            corpus.push_str("\n\n");
        }
    }
    let corpus_file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-texts.txt");
    std::fs::write(&corpus_file, &corpus).expect("the target folder is writable");
    let mut inputs = vec![("corpus".to_owned(), corpus_file, corpus)];
    let shared = root.join("../shared/data/throughput");
    match std::fs::read_dir(&shared) {
        Ok(entries) => {
            let mut files: Vec<_> = entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt") && !p.ends_with("SOURCE.txt"))
                .collect();
            files.sort();
            for file in files {
                let name = file.file_stem().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&file).expect("throughput files are UTF-8");
                inputs.push((name, file, text));
            }
        }
        Err(_) => eprintln!("note: {} is absent; benchmarking corpus/ only", shared.display()),
    }
    inputs
}

/// One document per line, as the CLI reads one-article-per-line corpora.
fn documents(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

/// The floor tokenizer: runs of letters and digits and single other
/// characters, each looked up once in a table of the words seen (direct
/// mapped, 2^14 slots, as the tokenizer's word cache), pushed as (start, end,
/// slot). Letters are decided on their first bytes as in the tokenizer: ASCII,
/// U+00C0–U+024F (without × ÷) and U+1E00–U+1EFF.
fn split_letters_look_up_words<'t>(text: &'t str, seen: &mut [&'t [u8]], tokens: &mut Vec<(u32, u32, u32)>) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let start = pos;
        while pos < bytes.len() {
            let (b, next) = (bytes[pos], bytes.get(pos + 1).copied().unwrap_or(0));
            pos += match b {
                b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => 1,
                0xC3 if next != 0x97 && next != 0xB7 => 2,
                0xC4..=0xC8 => 2,
                0xC9 if next < 0x90 => 2,
                0xE1 if (0xB8..=0xBB).contains(&next) => 3,
                _ => break,
            };
        }
        if pos == start {
            pos += text[pos..].chars().next().map_or(1, char::len_utf8);
            if bytes[start].is_ascii_whitespace() {
                continue;
            }
        }
        let word = &bytes[start..pos];
        let mut hash = rustc_hash::FxHasher::default();
        word.hash(&mut hash);
        let slot = hash.finish() as usize & (seen.len() - 1);
        if seen[slot] != word {
            seen[slot] = word;
        }
        tokens.push((start as u32, pos as u32, slot as u32));
    }
}

fn bench(c: &mut Criterion) {
    let annotator = Annotator::new();
    for (name, file, text) in inputs() {
        let docs = documents(&text);
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        // Read the file line by line (UTF-8 checked) and split on whitespace:
        // the least any tool does with the text.
        group.bench_function("baseline_read_lines_split_whitespace", |b| {
            b.iter(|| {
                let lines = BufReader::new(File::open(&file).expect("readable")).lines();
                lines
                    .map(|l| l.expect("UTF-8").split_whitespace().count())
                    .sum::<usize>()
            })
        });
        // The least a tokenizer that gives word ids does (see
        // `split_letters_look_up_words`), into one reused vector: the ceiling
        // for `tokenize`, which also reads numbers, abbreviations, addresses,
        // keys, capitals and sentences, and returns each document's own tokens.
        group.bench_function("floor_split_letters_look_up_words", |b| {
            let mut seen: Vec<&[u8]> = vec![&[]; 1 << 14];
            let mut tokens = Vec::new();
            b.iter(|| {
                docs.iter()
                    .map(|d| {
                        tokens.clear();
                        split_letters_look_up_words(black_box(d), &mut seen, &mut tokens);
                        tokens.len()
                    })
                    .sum::<usize>()
            })
        });
        group.bench_function("tokenize", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| chiso::tokenizer::tokenize(black_box(d)).tokens.len())
                    .sum::<usize>()
            })
        });
        group.bench_function("annotate", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| annotator.annotate(black_box(d)).entities.len())
                    .sum::<usize>()
            })
        });
        group.finish();
    }
    c.bench_function("annotator_new", |b| b.iter(Annotator::new));
    // Pathological inputs at full size: 1,000,000 repetitions of a unit, and
    // one 100 MB line with no sentence end (the linear-time tests in
    // tests/pathological.rs compare small sizes; this shows the large ones).
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let mut line = "tăng 3,4% so với cùng kỳ năm 2023 và Nguyễn Văn An ".repeat(2_000_000);
    let mut cut = 100_000_000.min(line.len());
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    line.truncate(cut);
    for (name, text) in [
        ("mot_x1M", "một ".repeat(1_000_000)),
        ("one_dot_x1M", "1.".repeat(1_000_000)),
        ("paren_x1M", "(".repeat(1_000_000)),
        ("capitals_x1M", "Nguyễn ".repeat(1_000_000)),
        ("line_100MB", line),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| annotator.annotate(black_box(&text)).entities.len()));
    }
    group.finish();
    let sentence = "Tăng trưởng GRDP 6 tháng đầu năm 2023 ước đạt 3,4%.";
    c.bench_function("short_sentence", |b| b.iter(|| annotator.annotate(black_box(sentence))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
