//! Evaluation against gold annotations: per-type precision, recall and F1 for
//! exact and overlapping spans, value accuracy on exactly matched spans, and
//! statistics-record precision and recall.
//!
//! Gold documents are JSON lines in the output format (`docs/format.md`) with
//! hand-written `entities` and `statistics`; CoNLL-style BIO files can be read
//! with [`read_conll`]. Offsets in gold files count code points.

use crate::annotator::Annotator;
use crate::input::parse_json_line;
use crate::output::json::{to_value, JsonOptions};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One entity as the evaluation sees it: type, code-point span, value fields.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalEntity {
    /// Entity type ("money", "official", …).
    pub kind: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The value fields (everything but type, start, end, text, ref).
    pub fields: Map<String, Value>,
}

/// One statistics record as the evaluation sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalStatistic {
    /// Indicator, lower-cased.
    pub indicator: String,
    /// The record's fields as JSON.
    pub fields: Map<String, Value>,
}

/// A document with its annotations (gold or predicted).
#[derive(Debug, Clone, PartialEq)]
pub struct EvalDocument {
    /// Document id.
    pub id: String,
    /// Reference date, if any.
    pub date: Option<crate::Date>,
    /// Text.
    pub text: String,
    /// Entities.
    pub entities: Vec<EvalEntity>,
    /// Statistics records, when the source has them (`None`: not annotated).
    pub statistics: Option<Vec<EvalStatistic>>,
}

fn entity_from_json(v: &Value) -> Result<EvalEntity, String> {
    let obj = v.as_object().ok_or("an entity is not an object")?;
    let kind = obj
        .get("type")
        .and_then(Value::as_str)
        .ok_or("an entity has no \"type\"")?
        .to_owned();
    let num = |k: &str| {
        obj.get(k)
            .and_then(Value::as_u64)
            .map(|n| n as usize)
            .ok_or(format!("an entity has no \"{k}\""))
    };
    let (start, end) = (num("start")?, num("end")?);
    let fields = obj
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "type" | "start" | "end" | "text" | "ref"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(EvalEntity {
        kind,
        start,
        end,
        fields,
    })
}

fn statistic_from_json(v: &Value) -> Result<EvalStatistic, String> {
    let obj = v.as_object().ok_or("a statistics record is not an object")?;
    let indicator = obj
        .get("indicator")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_lowercase();
    Ok(EvalStatistic {
        indicator,
        fields: obj.clone(),
    })
}

/// Parses one document line (gold or predicted, in the output format).
///
/// ```
/// let line = r#"{"id":"a","text":"Có 3 tấn","entities":[{"type":"number","start":3,"end":4,"text":"3","value":3}]}"#;
/// let doc = chiso::eval::parse_document(line).unwrap();
/// assert_eq!(doc.entities[0].kind, "number");
/// ```
pub fn parse_document(line: &str) -> Result<EvalDocument, String> {
    let input = parse_json_line(line).map_err(|e| e.to_string())?;
    let value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let chars = input.text.chars().count();
    let mut entities = Vec::new();
    for e in value.get("entities").and_then(Value::as_array).into_iter().flatten() {
        let e = entity_from_json(e)?;
        if e.start > e.end || e.end > chars {
            return Err(format!(
                "entity {}..{} lies outside the text ({chars} code points)",
                e.start, e.end
            ));
        }
        entities.push(e);
    }
    let statistics = match value.get("statistics").and_then(Value::as_array) {
        Some(list) => Some(list.iter().map(statistic_from_json).collect::<Result<_, _>>()?),
        None => None,
    };
    Ok(EvalDocument {
        id: input.id.unwrap_or_default(),
        date: input.date,
        text: input.text,
        entities,
        statistics,
    })
}

/// Annotates a gold document's text (with its date) and returns the prediction.
pub fn predict(annotator: &Annotator, gold: &EvalDocument) -> EvalDocument {
    let mut doc = annotator.annotate_dated(&gold.text, gold.date);
    doc.id = Some(gold.id.clone());
    let json = to_value(
        &doc,
        JsonOptions {
            tokens: false,
            ..JsonOptions::default()
        },
    );
    let entities = json["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| entity_from_json(e).ok())
        .collect();
    let statistics = json["statistics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| statistic_from_json(s).ok())
        .collect();
    EvalDocument {
        id: gold.id.clone(),
        date: gold.date,
        text: gold.text.clone(),
        entities,
        statistics: Some(statistics),
    }
}

/// Reads a CoNLL-style BIO file: one token per line with its tag in the last
/// field (whitespace-separated; with tabs, the token is the first field and may
/// contain spaces), a blank line between sentences, `#` comment lines and
/// `-DOCSTART-` lines ignored. Sentences become one document each (tokens
/// joined by spaces); `map` turns the file's labels into chiso types, and
/// labels not in it are ignored.
///
/// ```
/// use std::collections::HashMap;
/// let map = HashMap::from([("LOC".to_string(), "place".to_string())]);
/// let docs = chiso::eval::read_conll("Tỉnh O\nBến B-LOC\nTre I-LOC\n", "x.conll", &map).unwrap();
/// assert_eq!(docs[0].text, "Tỉnh Bến Tre");
/// assert_eq!((docs[0].entities[0].start, docs[0].entities[0].end), (5, 12));
/// ```
pub fn read_conll(
    content: &str,
    name: &str,
    map: &std::collections::HashMap<String, String>,
) -> Result<Vec<EvalDocument>, String> {
    let mut docs = Vec::new();
    let mut sentence: Vec<(&str, &str)> = Vec::new();
    let mut first_line = 1;
    for (i, raw) in content.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !sentence.is_empty() {
                docs.push(bio_document(&sentence, format!("{name}:{first_line}"), map));
                sentence.clear();
            }
            first_line = i + 2;
            continue;
        }
        if line.starts_with('#') || line.starts_with("-DOCSTART-") {
            continue;
        }
        let pair = if line.contains('\t') {
            let fields: Vec<&str> = line.split('\t').collect();
            (fields[0], fields[fields.len() - 1])
        } else {
            let fields: Vec<&str> = line.split_whitespace().collect();
            (fields[0], fields[fields.len() - 1])
        };
        if pair.0.is_empty() || std::ptr::eq(pair.0, pair.1) {
            return Err(format!("{name}:{}: expected a token and a tag", i + 1));
        }
        if pair.1 != "O" && !matches!(pair.1.split_once('-'), Some(("B" | "I" | "E" | "S", _))) {
            return Err(format!(
                "{name}:{}: tag {:?} is not O, B-X, I-X, E-X or S-X",
                i + 1,
                pair.1
            ));
        }
        sentence.push(pair);
    }
    if !sentence.is_empty() {
        docs.push(bio_document(&sentence, format!("{name}:{first_line}"), map));
    }
    Ok(docs)
}

/// One BIO sentence → a document: tokens joined by spaces, tagged runs as entities.
fn bio_document(
    sentence: &[(&str, &str)],
    id: String,
    map: &std::collections::HashMap<String, String>,
) -> EvalDocument {
    let mut text = String::new();
    let mut chars = 0;
    let mut entities = Vec::new();
    let mut open: Option<EvalEntity> = None;
    for (token, tag) in sentence {
        if !text.is_empty() {
            text.push(' ');
            chars += 1;
        }
        let (start, end) = (chars, chars + token.chars().count());
        text.push_str(token);
        chars = end;
        let (prefix, label) = tag.split_once('-').unwrap_or(("O", ""));
        let kind = map.get(label);
        match (&mut open, kind) {
            (Some(e), Some(k)) if matches!(prefix, "I" | "E") && &e.kind == k => e.end = end,
            _ => {
                entities.extend(open.take());
                open = kind.map(|k| EvalEntity {
                    kind: k.clone(),
                    start,
                    end,
                    fields: Map::new(),
                });
            }
        }
        if matches!(prefix, "E" | "S") {
            entities.extend(open.take());
        }
    }
    entities.extend(open);
    EvalDocument {
        id,
        date: None,
        text,
        entities,
        statistics: None,
    }
}

/// Counts for one entity type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Predicted entities with exactly a gold entity's type and span.
    pub exact: usize,
    /// Gold entities overlapped by a predicted entity of the same type.
    pub gold_overlapped: usize,
    /// Predicted entities overlapping a gold entity of the same type.
    pub predicted_overlapping: usize,
    /// Exact matches whose value fields equal the gold ones.
    pub value_correct: usize,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

/// `a / b`, and 0 when `b` is 0 (nothing predicted: no precision to credit).
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf { precision, recall, f1 }
    }
}

impl Counts {
    /// Scores for exact spans.
    pub fn exact(&self) -> Prf {
        Prf::new(ratio(self.exact, self.predicted), ratio(self.exact, self.gold))
    }

    /// Scores for overlapping spans.
    pub fn overlap(&self) -> Prf {
        Prf::new(
            ratio(self.predicted_overlapping, self.predicted),
            ratio(self.gold_overlapped, self.gold),
        )
    }

    /// Share of exact matches with the right value.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.exact)
    }

    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.exact += other.exact;
        self.gold_overlapped += other.gold_overlapped;
        self.predicted_overlapping += other.predicted_overlapping;
        self.value_correct += other.value_correct;
    }
}

/// A miss, a false alarm or a wrong value, with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalError {
    /// Document id.
    pub id: String,
    /// "miss" (gold not found exactly), "false_alarm" (predicted, not in gold) or "wrong_value".
    pub kind: &'static str,
    /// Entity type.
    pub entity_type: String,
    /// Code-point span.
    pub start: usize,
    /// Code-point span end.
    pub end: usize,
    /// The entity's text.
    pub text: String,
    /// Up to 40 code points either side, with the entity in `[brackets]`.
    pub context: String,
    /// Gold value fields (for misses and wrong values).
    pub gold: Option<Map<String, Value>>,
    /// Predicted value fields (for false alarms and wrong values).
    pub predicted: Option<Map<String, Value>>,
}

/// Counts for statistics records.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StatisticCounts {
    /// Gold records (in documents whose gold has statistics).
    pub gold: usize,
    /// Predicted records (in the same documents).
    pub predicted: usize,
    /// Predicted records matching a gold one (same value and unit, overlapping indicator).
    pub matched: usize,
    /// Matched records whose change, base, qualifier, period and place all agree.
    pub fields_correct: usize,
    /// Matched records whose `change` agrees.
    pub change_correct: usize,
    /// Matched records whose `base` agrees.
    pub base_correct: usize,
    /// Matched records whose `qualifier` agrees.
    pub qualifier_correct: usize,
    /// Matched records whose period value agrees.
    pub period_correct: usize,
    /// Matched records whose `place` agrees.
    pub place_correct: usize,
    /// Matched records whose indicator is exactly the gold one (not only overlapping).
    pub indicator_exact: usize,
}

/// The per-field comparison of matched statistics records, in report order.
pub const STATISTIC_FIELDS: [&str; 6] = ["change", "base", "qualifier", "period", "place", "indicator"];

impl StatisticCounts {
    /// (field name, matched records with that field right), for
    /// [`STATISTIC_FIELDS`].
    pub fn field_counts(&self) -> [(&'static str, usize); 6] {
        [
            ("change", self.change_correct),
            ("base", self.base_correct),
            ("qualifier", self.qualifier_correct),
            ("period", self.period_correct),
            ("place", self.place_correct),
            ("indicator", self.indicator_exact),
        ]
    }
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Documents evaluated.
    pub documents: usize,
    /// Counts per entity type.
    pub by_type: BTreeMap<String, Counts>,
    /// Statistics records.
    pub statistics: StatisticCounts,
    /// Every miss, false alarm and wrong value.
    #[serde(skip)]
    pub errors: Vec<EvalError>,
}

fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => a == b,
    }
}

fn fields_equal(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| numbers_equal(v, w)))
}

fn context(text: &[char], start: usize, end: usize) -> String {
    let from = start.saturating_sub(40);
    let to = (end + 40).min(text.len());
    let s: String = text[from..start].iter().collect();
    let m: String = text[start..end].iter().collect();
    let e: String = text[end..to].iter().collect();
    format!("{s}[{m}]{e}").replace(['\n', '\t'], " ")
}

impl Report {
    /// Adds one document pair; `only` restricts the evaluation to some types.
    pub fn add(&mut self, gold: &EvalDocument, predicted: &EvalDocument, only: Option<&[String]>) {
        self.documents += 1;
        let keep = |kind: &str| only.is_none_or(|types| types.iter().any(|t| t == kind));
        let gold_entities: Vec<&EvalEntity> = gold.entities.iter().filter(|e| keep(&e.kind)).collect();
        let pred_entities: Vec<&EvalEntity> = predicted.entities.iter().filter(|e| keep(&e.kind)).collect();
        let chars: Vec<char> = gold.text.chars().collect();
        let error = |kind: &'static str, e: &EvalEntity, g: Option<&EvalEntity>, p: Option<&EvalEntity>| EvalError {
            id: gold.id.clone(),
            kind,
            entity_type: e.kind.clone(),
            start: e.start,
            end: e.end,
            text: chars[e.start.min(chars.len())..e.end.min(chars.len())].iter().collect(),
            context: context(&chars, e.start.min(chars.len()), e.end.min(chars.len())),
            gold: g.map(|g| g.fields.clone()),
            predicted: p.map(|p| p.fields.clone()),
        };
        let overlaps = |a: &EvalEntity, b: &EvalEntity| a.kind == b.kind && a.start < b.end && b.start < a.end;
        let mut doc_counts: BTreeMap<String, Counts> = BTreeMap::new();
        let mut used = vec![false; pred_entities.len()];
        for g in &gold_entities {
            let c = doc_counts.entry(g.kind.clone()).or_default();
            c.gold += 1;
            if pred_entities.iter().any(|p| overlaps(g, p)) {
                c.gold_overlapped += 1;
            }
            let exact = pred_entities
                .iter()
                .enumerate()
                .position(|(i, p)| !used[i] && p.kind == g.kind && p.start == g.start && p.end == g.end);
            match exact {
                Some(i) => {
                    used[i] = true;
                    c.exact += 1;
                    if fields_equal(&g.fields, &pred_entities[i].fields) {
                        c.value_correct += 1;
                    } else {
                        self.errors
                            .push(error("wrong_value", g, Some(g), Some(pred_entities[i])));
                    }
                }
                None => self.errors.push(error("miss", g, Some(g), None)),
            }
        }
        for (i, p) in pred_entities.iter().enumerate() {
            let c = doc_counts.entry(p.kind.clone()).or_default();
            c.predicted += 1;
            if gold_entities.iter().any(|g| overlaps(g, p)) {
                c.predicted_overlapping += 1;
            }
            if !used[i] {
                self.errors.push(error("false_alarm", p, None, Some(p)));
            }
        }
        for (kind, c) in doc_counts {
            self.by_type.entry(kind).or_default().add(&c);
        }
        if let (Some(gold_stats), Some(pred_stats)) = (&gold.statistics, &predicted.statistics) {
            self.add_statistics(&gold.id, gold_stats, pred_stats);
        }
    }

    fn add_statistics(&mut self, id: &str, gold: &[EvalStatistic], predicted: &[EvalStatistic]) {
        self.statistics.gold += gold.len();
        self.statistics.predicted += predicted.len();
        let mut used = vec![false; predicted.len()];
        let get = |s: &EvalStatistic, k: &str| s.fields.get(k).cloned().unwrap_or(Value::Null);
        let period = |s: &EvalStatistic| get(s, "period").get("value").cloned().unwrap_or(Value::Null);
        let show = |v: &Value| match v {
            Value::Null => "-".to_owned(),
            Value::String(s) => s.clone(),
            v => v.to_string(),
        };
        let figure = |s: &EvalStatistic| {
            let value = get(s, "value");
            let value = if value.is_null() {
                format!("{}..{}", show(&get(s, "min")), show(&get(s, "max")))
            } else {
                show(&value)
            };
            format!("{} = {} {}", s.indicator, value, show(&get(s, "unit")))
        };
        let span = |s: &EvalStatistic| {
            let n = |k: &str| s.fields.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
            (n("start"), n("end"))
        };
        let clause = |s: &EvalStatistic| {
            let text = get(s, "text");
            show(&text).replace(['\n', '\t'], " ")
        };
        let record_error = |kind: &'static str, s: &EvalStatistic, detail: String| {
            let (start, end) = span(s);
            EvalError {
                id: id.to_owned(),
                kind,
                entity_type: "statistics".to_owned(),
                start,
                end,
                text: figure(s),
                context: format!("{} | {} | {}", figure(s), detail, clause(s)),
                gold: None,
                predicted: None,
            }
        };
        for g in gold {
            let found = predicted.iter().enumerate().position(|(i, p)| {
                !used[i]
                    && numbers_equal(&get(g, "value"), &get(p, "value"))
                    && numbers_equal(&get(g, "min"), &get(p, "min"))
                    && numbers_equal(&get(g, "max"), &get(p, "max"))
                    && get(g, "unit") == get(p, "unit")
                    && (g.indicator.contains(&p.indicator) || p.indicator.contains(&g.indicator))
                    && !p.indicator.is_empty()
            });
            let Some(i) = found else {
                self.errors.push(record_error("miss", g, String::new()));
                continue;
            };
            used[i] = true;
            let s = &mut self.statistics;
            s.matched += 1;
            let p = &predicted[i];
            let mut wrong = Vec::new();
            for (k, counter) in [
                ("change", &mut s.change_correct),
                ("base", &mut s.base_correct),
                ("qualifier", &mut s.qualifier_correct),
                ("place", &mut s.place_correct),
            ] {
                if get(g, k) == get(p, k) {
                    *counter += 1;
                } else {
                    wrong.push(format!("{k}: {} ≠ {}", show(&get(g, k)), show(&get(p, k))));
                }
            }
            if period(g) == period(p) {
                s.period_correct += 1;
            } else {
                wrong.push(format!("period: {} ≠ {}", show(&period(g)), show(&period(p))));
            }
            let fields_right = wrong.is_empty();
            if g.indicator == p.indicator {
                s.indicator_exact += 1;
            } else {
                wrong.push(format!("indicator: {} ≠ {}", g.indicator, p.indicator));
            }
            if fields_right {
                s.fields_correct += 1;
            }
            if !wrong.is_empty() {
                self.errors.push(record_error(
                    "wrong_value",
                    g,
                    format!("gold ≠ predicted: {}", wrong.join("; ")),
                ));
            }
        }
        for (i, p) in predicted.iter().enumerate() {
            if !used[i] {
                self.errors.push(record_error("false_alarm", p, String::new()));
            }
        }
    }

    /// Counts over every type.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.by_type.values() {
            total.add(c);
        }
        total
    }

    /// The scores as JSON: per type and overall, exact and overlap P/R/F1,
    /// value accuracy, and statistics precision/recall.
    pub fn to_json(&self) -> Value {
        let row = |c: &Counts| {
            serde_json::json!({
                "gold": c.gold, "predicted": c.predicted,
                "exact": c.exact(), "overlap": c.overlap(), "value_accuracy": c.value_accuracy(),
            })
        };
        let types: Map<String, Value> = self.by_type.iter().map(|(k, c)| (k.clone(), row(c))).collect();
        let s = &self.statistics;
        serde_json::json!({
            "documents": self.documents,
            "types": types,
            "all": row(&self.total()),
            "statistics": {
                "gold": s.gold, "predicted": s.predicted, "matched": s.matched,
                "precision": ratio(s.matched, s.predicted), "recall": ratio(s.matched, s.gold),
                "fields_accuracy": ratio(s.fields_correct, s.matched),
                "field_accuracy": s.field_counts().iter()
                    .map(|&(k, n)| (k.to_owned(), Value::from(ratio(n, s.matched))))
                    .collect::<Map<String, Value>>(),
            },
        })
    }

    /// The scores as a text table.
    pub fn to_table(&self) -> String {
        let mut out = format!(
            "{:<10} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6}\n",
            "type", "gold", "pred", "P", "R", "F1", "P~", "R~", "F1~", "value"
        );
        let mut line = |name: &str, c: &Counts| {
            let (e, o) = (c.exact(), c.overlap());
            out.push_str(&format!(
                "{name:<10} {:>6} {:>6}   {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}   {:>6.3}\n",
                c.gold,
                c.predicted,
                e.precision,
                e.recall,
                e.f1,
                o.precision,
                o.recall,
                o.f1,
                c.value_accuracy()
            ));
        };
        for (k, c) in &self.by_type {
            line(k, c);
        }
        line("all", &self.total());
        let s = &self.statistics;
        out.push_str(&format!(
            "\nstatistics: {} gold, {} predicted, {} matched: P {:.3} R {:.3}, fields right on {:.3} of matches\n",
            s.gold,
            s.predicted,
            s.matched,
            ratio(s.matched, s.predicted),
            ratio(s.matched, s.gold),
            ratio(s.fields_correct, s.matched)
        ));
        let fields: Vec<String> = s
            .field_counts()
            .iter()
            .map(|&(k, n)| format!("{k} {:.3}", ratio(n, s.matched)))
            .collect();
        out.push_str(&format!("statistics fields right on matches: {}\n", fields.join(", ")));
        out.push_str("P/R/F1: exact spans; ~: overlapping spans; value: share of exact matches with the right value\n");
        out
    }
}

/// The error report as one self-contained HTML page: the scores table, then,
/// for every document with a difference, gold and predicted side by side with
/// misses (solid red), false alarms (dashed orange) and wrong values (dotted)
/// outlined. Hover shows values.
pub fn html_report(pairs: &[(EvalDocument, EvalDocument)], report: &Report) -> String {
    use crate::output::html::{escape, page_end, page_start, render_text, value_title, Highlight};
    let mut page = page_start("chiso eval — errors");
    page.push_str(&format!("<pre>{}</pre>\n", escape(&report.to_table())));
    let same = |a: &EvalEntity, b: &EvalEntity| a.kind == b.kind && a.start == b.start && a.end == b.end;
    let highlight = |e: &EvalEntity, mark: &'static str| Highlight {
        start: e.start,
        end: e.end,
        kind: e.kind.clone(),
        title: value_title(&e.fields),
        mark,
    };
    let sorted = |mut v: Vec<Highlight>| {
        v.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        v
    };
    for (gold, predicted) in pairs {
        // Each side's entities, marked by what the other side has at the same span.
        let marks = |ours: &[EvalEntity], theirs: &[EvalEntity], absent: &'static str| -> Vec<Highlight> {
            ours.iter()
                .map(|e| match theirs.iter().find(|o| same(e, o)) {
                    None => highlight(e, absent),
                    Some(o) if !fields_equal(&e.fields, &o.fields) => highlight(e, "wrong-value"),
                    Some(_) => highlight(e, ""),
                })
                .collect()
        };
        let gold_marks = marks(&gold.entities, &predicted.entities, "miss");
        let pred_marks = marks(&predicted.entities, &gold.entities, "false-alarm");
        if gold_marks.iter().chain(&pred_marks).all(|h| h.mark.is_empty()) {
            continue;
        }
        page.push_str(&format!(
            "<section>\n<h2>{}</h2>\n<table class=\"cmp\"><tr><th>gold</th><th>chiso</th></tr><tr><td class=\"doc\">{}</td><td class=\"doc\">{}</td></tr></table>\n</section>\n",
            escape(&gold.id),
            render_text(&gold.text, &sorted(gold_marks)),
            render_text(&predicted.text, &sorted(pred_marks)),
        ));
    }
    page.push_str(page_end());
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(kind: &str, start: usize, end: usize, value: Value) -> EvalEntity {
        let mut fields = Map::new();
        fields.insert("value".into(), value);
        EvalEntity {
            kind: kind.into(),
            start,
            end,
            fields,
        }
    }

    fn doc(entities: Vec<EvalEntity>) -> EvalDocument {
        EvalDocument {
            id: "d".into(),
            date: None,
            text: "x".repeat(40),
            entities,
            statistics: None,
        }
    }

    #[test]
    fn exact_overlap_and_value_scores() {
        let gold = doc(vec![
            entity("number", 0, 3, 5.into()),
            entity("percent", 10, 15, 3.4.into()),
        ]);
        let pred = doc(vec![
            entity("number", 0, 3, 6.into()),
            entity("percent", 11, 15, 3.4.into()),
            entity("date", 20, 25, "2023".into()),
        ]);
        let mut report = Report::default();
        report.add(&gold, &pred, None);
        let number = &report.by_type["number"];
        assert_eq!((number.exact, number.value_correct), (1, 0));
        let percent = &report.by_type["percent"];
        assert_eq!(
            (percent.exact, percent.gold_overlapped, percent.predicted_overlapping),
            (0, 1, 1)
        );
        assert_eq!(report.by_type["date"].predicted, 1);
        let kinds: Vec<_> = report.errors.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, ["wrong_value", "miss", "false_alarm", "false_alarm"]);
        let total = report.total().exact();
        assert!((total.precision - 1.0 / 3.0).abs() < 1e-12 && (total.recall - 0.5).abs() < 1e-12);
    }

    #[test]
    fn statistics_field_breakdown() {
        let record = |json: Value| statistic_from_json(&json).unwrap();
        let gold = vec![
            record(
                serde_json::json!({"indicator": "kim ngạch xuất khẩu", "value": 3.2, "unit": "%",
                "change": "increase", "base": "same_period", "qualifier": null,
                "period": {"value": "2024-11"}, "place": "Bình Dương"}),
            ),
            record(
                serde_json::json!({"indicator": "sản lượng lúa", "value": 5, "unit": "tấn",
                "change": "level", "base": null, "qualifier": null, "period": null, "place": null}),
            ),
        ];
        let pred = vec![
            record(serde_json::json!({"indicator": "xuất khẩu", "value": 3.2, "unit": "%",
                "change": "increase", "base": "same_period", "qualifier": "estimate",
                "period": {"value": "2024-11"}, "place": null})),
            record(serde_json::json!({"indicator": "giá gạo", "value": 7, "unit": "%"})),
        ];
        let mut report = Report::default();
        let (mut g, mut p) = (doc(vec![]), doc(vec![]));
        g.statistics = Some(gold);
        p.statistics = Some(pred);
        report.add(&g, &p, None);
        let s = &report.statistics;
        assert_eq!((s.gold, s.predicted, s.matched, s.fields_correct), (2, 2, 1, 0));
        assert_eq!(
            s.field_counts(),
            [
                ("change", 1),
                ("base", 1),
                ("qualifier", 0),
                ("period", 1),
                ("place", 0),
                ("indicator", 0)
            ]
        );
        let kinds: Vec<_> = report.errors.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, ["wrong_value", "miss", "false_alarm"]);
        assert!(report.errors[0].context.contains("qualifier: - ≠ estimate"));
        assert!(report
            .to_table()
            .contains("statistics fields right on matches: change 1.000, base 1.000"));
        assert_eq!(report.to_json()["statistics"]["field_accuracy"]["place"], 0.0);
    }

    #[test]
    fn conll_with_tabs_keeps_spaces_in_tokens() {
        let map = std::collections::HashMap::from([("PER".to_string(), "person".to_string())]);
        let docs = read_conll("Ông\tO\nLê Đức\tB-PER\nThọ\tI-PER\n\nMột\tO\n", "t", &map).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Ông Lê Đức Thọ");
        assert_eq!((docs[0].entities[0].start, docs[0].entities[0].end), (4, 14));
        assert!(read_conll("Một X-Y\n", "t", &map).is_err());
    }
}
