//! The ratchet: chiso's scores on the gold corpus never go down.
//!
//! Runs the evaluation over every gold document in corpus/ and fails when any
//! type's exact-span F1 (or the statistics F1) falls below the score recorded
//! in corpus/scores.json. When the code gets better, raise the record with
//! `CHISO_RATCHET=1 cargo test --test gold` (it only ever raises) and commit
//! corpus/scores.json.

use chiso::eval::{parse_document, predict, Report};
use chiso::Annotator;
use serde_json::{Map, Value};
use std::path::Path;

fn corpus_report() -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let annotator = Annotator::new();
    let mut report = Report::default();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let gold = parse_document(line).unwrap_or_else(|e| panic!("{}:{}: {e}", file.display(), i + 1));
            report.add(&gold, &predict(&annotator, &gold), None);
        }
    }
    report
}

/// Current scores: exact-span F1 per type, and "statistics" F1.
fn scores(report: &Report) -> Map<String, Value> {
    let mut scores: Map<String, Value> = Map::new();
    for (kind, counts) in &report.by_type {
        if counts.gold > 0 {
            scores.insert(kind.clone(), round(counts.exact().f1).into());
        }
    }
    let s = &report.statistics;
    if s.gold > 0 {
        let p = if s.predicted == 0 {
            0.0
        } else {
            s.matched as f64 / s.predicted as f64
        };
        let r = s.matched as f64 / s.gold as f64;
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        scores.insert("statistics".into(), round(f1).into());
    }
    scores
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).floor() / 10_000.0
}

#[test]
fn no_score_falls_below_the_record() {
    let report = corpus_report();
    assert!(report.documents > 0, "corpus/ has gold documents");
    let now = scores(&report);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/scores.json");
    let recorded: Map<String, Value> = std::fs::read_to_string(&path)
        .map(|t| serde_json::from_str(&t).expect("corpus/scores.json is a JSON object"))
        .unwrap_or_default();
    println!("{}", report.to_table());
    let mut fallen = Vec::new();
    let mut raised = recorded.clone();
    for (kind, old) in &recorded {
        let old = old.as_f64().expect("scores are numbers");
        let new = now.get(kind).and_then(Value::as_f64).unwrap_or(0.0);
        if new + 1e-9 < old {
            fallen.push(format!("{kind}: F1 {new:.4} < recorded {old:.4}"));
        }
    }
    for (kind, new) in &now {
        let better = recorded
            .get(kind)
            .and_then(Value::as_f64)
            .is_none_or(|old| new.as_f64().unwrap() > old + 1e-9);
        if better {
            println!("note: {kind} F1 is now {new}, above the record; raise it with CHISO_RATCHET=1");
            raised.insert(kind.clone(), new.clone());
        }
    }
    assert!(
        fallen.is_empty(),
        "scores fell below corpus/scores.json:\n{}",
        fallen.join("\n")
    );
    if std::env::var_os("CHISO_RATCHET").is_some() {
        let text = serde_json::to_string_pretty(&Value::Object(raised)).unwrap() + "\n";
        std::fs::write(&path, text).expect("corpus/scores.json is writable");
    }
}
