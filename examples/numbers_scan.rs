//! Runs the numeric recognizers alone over text files and prints what they
//! find (or, with `--speed`, only the throughput; `--baseline` runs no
//! recognizer, to see what tokenizing alone costs; `--triggers-only` looks up
//! the triggers and does nothing else).
//!
//! `cargo run --release --example numbers_scan -- [--speed] FILE...`
use chiso::annotator::Annotator;
use chiso::recognizers::numbers::Numbers;
use chiso::recognizers::{Candidate, Recognizer, SentenceView, Triggers};
use std::time::Instant;

/// The numbers recognizer's triggers with no work behind them: what the
/// trigger lookup alone costs (`--triggers-only`).
struct TriggersOnly;

impl Recognizer for TriggersOnly {
    fn name(&self) -> &'static str {
        "triggers-only"
    }
    fn triggers(&self) -> Triggers {
        Numbers::new().triggers()
    }
    fn recognize_at(&self, _: &SentenceView<'_>, _: usize, _: &mut Vec<Candidate>) {}
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let speed = args.iter().any(|a| a == "--speed");
    // `--baseline`: no recognizer at all (tokenizing and bookkeeping only).
    let annotator = if args.iter().any(|a| a == "--baseline") {
        Annotator::with_recognizers(Vec::new())
    } else if args.iter().any(|a| a == "--triggers-only") {
        Annotator::with_recognizers(vec![Box::new(TriggersOnly)])
    } else {
        Annotator::with_recognizers(vec![Box::new(Numbers::new())])
    };
    for path in args.iter().filter(|a| !a.starts_with("--")) {
        let bytes = std::fs::read(path).expect("readable file");
        let text = String::from_utf8_lossy(&bytes);
        let start = Instant::now();
        let mut count = 0;
        let mut by_type = std::collections::BTreeMap::new();
        for line in text.lines() {
            let doc = annotator.annotate(line);
            count += doc.entities.len();
            for e in &doc.entities {
                *by_type.entry(e.value.type_name()).or_insert(0) += 1;
                if !speed {
                    println!("{}\t{}", e.value.type_name(), e.text(&doc.text));
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        eprintln!(
            "{path}: {:.1} MB in {secs:.2} s = {:.1} MB/s, {count} entities {by_type:?}",
            text.len() as f64 / 1e6,
            text.len() as f64 / 1e6 / secs
        );
    }
}
