//! Helpers shared by the integration tests.
#![allow(dead_code)]

use chiso::input::{parse_json_line, InputDocument};
use std::path::{Path, PathBuf};

/// The repository's corpus folder.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Every document of corpus/ (every line of every .jsonl file, sorted by path).
pub fn corpus_documents() -> Vec<InputDocument> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("corpus/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    let mut docs = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let doc = parse_json_line(line).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
            docs.push(doc);
        }
    }
    assert!(!docs.is_empty(), "corpus/ holds documents");
    docs
}
