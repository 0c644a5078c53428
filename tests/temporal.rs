//! Table tests for dates, times, periods and durations.
//!
//! Each row of `tests/data/temporal*.tsv` is a sentence, a reference date,
//! and the temporal entity expected in it (type, exact span text, value,
//! from, to) — or, with type `none`, a piece of text no temporal entity may
//! touch. The runner goes through `Annotator::annotate_dated`, collects every
//! mismatch, prints recall and value accuracy, and fails below the bars.
//! `CHISO_FILTER=text cargo test --test temporal -- --nocapture` runs the rows
//! whose sentence contains `text`.

use chiso::{Annotator, Date, EntityValue};

const TABLES: [(&str, &str); 1] = [("temporal.tsv", include_str!("data/temporal.tsv"))];

const TEMPORAL: [&str; 4] = ["date", "time", "period", "duration"];

struct Row<'a> {
    file: &'a str,
    line: usize,
    reference: Option<Date>,
    sentence: &'a str,
    kind: &'a str,
    span: &'a str,
    value: &'a str,
    from: &'a str,
    to: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    let mut out = Vec::new();
    for (file, text) in TABLES {
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            assert!(
                c.len() >= 4,
                "{file}:{}: expected ref, sentence, type, span[, value, from, to]",
                n + 1
            );
            let get = |i: usize| c.get(i).copied().unwrap_or("").trim();
            out.push(Row {
                file,
                line: n + 1,
                reference: match get(0) {
                    "-" => None,
                    d => Some(d.parse().unwrap_or_else(|_| panic!("{file}:{}: bad date", n + 1))),
                },
                sentence: get(1),
                kind: get(2),
                span: get(3),
                value: get(4),
                from: get(5),
                to: get(6),
            });
        }
    }
    out
}

/// (type, value, from, to) of an entity, as the table writes them.
fn describe(v: &EntityValue) -> (String, String, String, String) {
    let kind = v.type_name().to_string();
    match v {
        EntityValue::Duration(d) => (kind, d.clone(), String::new(), String::new()),
        _ => match v.temporal() {
            Some(t) => (
                kind,
                t.value.clone(),
                t.from.clone().unwrap_or_default(),
                t.to.clone().unwrap_or_default(),
            ),
            None => (kind, String::new(), String::new(), String::new()),
        },
    }
}

#[test]
fn temporal_tables() {
    let annotator = Annotator::new();
    let filter = std::env::var("CHISO_FILTER").ok();
    let (mut positives, mut found, mut exact, mut negatives, mut clean) = (0, 0, 0, 0, 0);
    let mut failures = Vec::new();
    for row in rows() {
        if filter.as_deref().is_some_and(|f| !row.sentence.contains(f)) {
            continue;
        }
        let doc = annotator.annotate_dated(row.sentence, row.reference);
        let temporal: Vec<_> = doc
            .entities
            .iter()
            .filter(|e| TEMPORAL.contains(&e.value.type_name()))
            .collect();
        let got: Vec<String> = temporal
            .iter()
            .map(|e| {
                let (k, v, f, t) = describe(&e.value);
                format!("{k} {:?} {v} {f} {t}", e.text(&doc.text))
            })
            .collect();
        let at = format!("{}:{}", row.file, row.line);
        if row.kind == "none" {
            negatives += 1;
            let start = row
                .sentence
                .find(row.span)
                .unwrap_or_else(|| panic!("{at}: span not in sentence"));
            let end = start + row.span.len();
            let touched = temporal.iter().any(|e| e.span.start < end && start < e.span.end);
            if touched {
                failures.push(format!("{at}: {:?} must not be temporal; got {got:?}", row.span));
            } else {
                clean += 1;
            }
            continue;
        }
        positives += 1;
        let Some(e) = temporal.iter().find(|e| e.text(&doc.text) == row.span) else {
            failures.push(format!(
                "{at}: missed {:?} in {:?}; got {got:?}",
                row.span, row.sentence
            ));
            continue;
        };
        found += 1;
        let want = (
            row.kind.to_string(),
            row.value.to_string(),
            row.from.to_string(),
            row.to.to_string(),
        );
        let have = describe(&e.value);
        if have == want {
            exact += 1;
        } else {
            failures.push(format!("{at}: {:?}: want {want:?}, got {have:?}", row.span));
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "temporal tables: {positives} phrases, recall {found}/{positives} = {:.1}%, \
         value accuracy {exact}/{positives} = {:.1}%; negatives {clean}/{negatives} left alone",
        pct(found, positives),
        pct(exact, positives),
    );
    for f in &failures {
        println!("  {f}");
    }
    if filter.is_none() {
        assert!(positives >= 300, "the tables hold at least 300 phrases");
    }
    assert!(pct(found, positives) >= 95.0, "recall below 95%: {failures:#?}");
    assert!(pct(exact, positives) >= 95.0, "value accuracy below 95%: {failures:#?}");
    assert_eq!(clean, negatives, "negatives touched: {failures:#?}");
}
