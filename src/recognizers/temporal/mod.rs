//! Dates, times, periods and durations, resolved against the document's date.
//!
//! Two steps, kept apart:
//! 1. **Recognition** ([`parse`], nom over tokens, and [`token`], nom inside
//!    one number-shaped token) turns "ngày 16/6", "quý III/2023", "hôm qua",
//!    "14 giờ 30 phút chiều 12/10" into a partial value, an [`expr::Expr`]:
//!    what the text says, with the unknown parts left unknown. Durations
//!    ("3 tháng" → `P3M`) are final already.
//! 2. **Resolution** ([`resolve`]) runs in [`Recognizer::finish`], once the
//!    document's entities are chosen: every date, time and period is resolved
//!    against `doc.date` (the reference date) and, when there is none, the
//!    year the document itself names. It never reads the clock.
//!
//! The partial value travels from step 1 to step 2 inside the candidate: the
//! candidate's `Temporal::value` holds `~` + a compact encoding of the
//! expression ([`expr::encode`]); `finish` decodes and replaces it. So the entity type
//! (date, time, period) is fixed at recognition, where the overlap resolver
//! needs it, and the value at the end, where the whole document is known.
//!
//! At each trigger token, [`parse`] tries only the rules that can start
//! there (by its word; at a plain number, by the word after it), from a
//! table built out of the rules themselves.
//!
//! The grammar is written out in [`parse`]; the resolution rules (nearest
//! reading, the document's year, `X` for unknown parts) in [`resolve`]; the
//! vocabulary (month and weekday names, parts of the day, relative words,
//! units, fraction context) is `grammars/temporal.tsv`.
//!
//! ```
//! let date = "2023-06-20".parse().unwrap();
//! let doc = chiso::Annotator::new().annotate_dated("Ngày 16/6, trời mưa.", Some(date));
//! let e = &doc.entities[0];
//! assert_eq!(e.text(&doc.text), "Ngày 16/6");
//! assert_eq!(e.value.temporal().unwrap().value, "2023-06-16");
//! ```

pub mod data;
pub mod expr;
pub mod lunar;
pub mod parse;
pub mod resolve;
pub mod token;

use super::{Candidate, Recognizer, SentenceView, Triggers};
use crate::model::{Document, EntityValue, Temporal as TemporalValue};
use crate::tokenizer::TokenKind;
use data::DATA;
use expr::{Expr, Year};
use parse::{Context, Found};
use resolve::{Ctx, Resolved};

/// The temporal recognizer.
#[derive(Debug, Default)]
pub struct Temporal;

impl Temporal {
    /// A temporal recognizer.
    pub fn new() -> Temporal {
        Temporal
    }
}

/// The entity type an expression is reported as.
fn wrap(e: &Expr) -> fn(TemporalValue) -> EntityValue {
    match e {
        Expr::Day { .. }
        | Expr::Month { .. }
        | Expr::Year(_)
        | Expr::RelDay(_)
        | Expr::RelWeek(_)
        | Expr::RelMonth(_)
        | Expr::Weekday { .. }
        | Expr::PartOfDay { .. }
        | Expr::Lunar { d: Some(_), .. } => EntityValue::Date,
        Expr::Time { .. } => EntityValue::Time,
        // "cuối năm 2025": the type of the whole unit.
        Expr::Part { of, .. } => wrap(of),
        Expr::Range(a, _) if matches!(**a, Expr::Time { .. }) => EntityValue::Time,
        _ => EntityValue::Period,
    }
}

/// The year an expression writes out, if it writes one single year.
fn explicit_year(e: &Expr) -> Option<i32> {
    match e {
        Expr::Day { y: Year::Abs(y), .. }
        | Expr::Month { y: Year::Abs(y), .. }
        | Expr::Year(Year::Abs(y))
        | Expr::Quarter { y: Year::Abs(y), .. }
        | Expr::Half { y: Year::Abs(y), .. }
        | Expr::Months { y: Year::Abs(y), .. } => Some(*y),
        Expr::Weekday { date: Some(d), .. } => explicit_year(d),
        Expr::Time { on: Some(d), .. } | Expr::PartOfDay { on: d, .. } => explicit_year(d),
        Expr::Part { of, .. } => explicit_year(of),
        _ => None,
    }
}

fn to_value(r: Resolved) -> TemporalValue {
    TemporalValue {
        value: r.value,
        from: r.from.map(resolve::iso_date),
        to: r.to.map(resolve::iso_date),
    }
}

/// The words before document-wide token `at` of `sentence`, as the rules read them.
fn context<'a>(sentence: &SentenceView<'a>, at: usize) -> Context<'a> {
    let start = sentence.range.0;
    let word = |i: usize| (sentence.tokens[i].word, sentence.key(i));
    let at_start = (start..at).all(|i| sentence.tokens[i].kind == TokenKind::Punct);
    let prev_count = at > start && {
        let t = &sentence.tokens[at - 1];
        if t.kind == TokenKind::Number {
            token::uint(sentence.text_of(at - 1)).is_some()
        } else {
            let p = sentence.key(at - 1);
            DATA.count_words.contains(word(at - 1)) || p == "mươi" || p == "lăm" || p == "trăm"
        }
    };
    // A name up to six words back, none of them opening the sentence:
    // "Luật Đất đai 2024", "Chương trình giáo dục phổ thông 2018".
    // Read only by a rule that starts with a number.
    let prev_name = !at_start && sentence.tokens[at].kind == TokenKind::Number && {
        let lo = at.saturating_sub(6).max(start + 1);
        // A lower-case word that puts a figure after it ends the name ("ở mức
        // 1950", "đạt 2024"); capitalized, it is part of the name ("vụ Hè Thu 2024").
        let words = (lo..at).rev().take_while(|&i| {
            let t = &sentence.tokens[i];
            t.kind == TokenKind::Word && (t.capitalized || !DATA.name_enders.contains((t.word, sentence.key(i))))
        });
        let mut n = 0;
        let mut cap = false;
        for i in words {
            n += 1;
            cap |= sentence.tokens[i].capitalized;
        }
        n > 0 && cap
    };
    Context {
        prev: (at > start).then(|| word(at - 1)),
        prev2: (at > start + 1).then(|| word(at - 2)),
        at_start,
        prev_count,
        prev_name,
    }
}

impl Recognizer for Temporal {
    fn name(&self) -> &'static str {
        "temporal"
    }

    fn triggers(&self) -> Triggers {
        Triggers {
            keys: parse::first_words().map(str::to_owned).collect(),
            kinds: vec![TokenKind::Number],
            capitalized: false,
        }
    }

    fn recognize_at(&self, sentence: &SentenceView<'_>, at: usize, out: &mut Vec<Candidate>) {
        let start = sentence.range.0;
        let word = |i: usize| (sentence.tokens[i].word, sentence.key(i));
        let Some((found, n)) = parse::parse_at_with(sentence.from(at), || context(sentence, at)) else {
            return;
        };
        // "khoảng 5 ngày", "hơn 20 năm", "chưa đến 2 giờ": the bound word is inside a duration.
        let mut first = at;
        if matches!(found, Found::Duration(_)) {
            // "sớm hơn 5 tháng": "hơn" of a comparison, outside.
            let comparison = at > start + 1 && sentence.key(at - 1) == "hơn" && DATA.comparative.contains(word(at - 2));
            if at > start + 1 && DATA.approx.has(&[word(at - 2), word(at - 1)]) {
                first = at - 2;
            } else if at > start && DATA.approx.has(&[word(at - 1)]) && !comparison {
                first = at - 1;
            }
        }
        let (value, rule) = match found {
            Found::Duration(iso) => (EntityValue::Duration(iso), "temporal::duration"),
            Found::Expr(e) => {
                let wrap = wrap(&e);
                let value = wrap(TemporalValue {
                    value: expr::encode(&e),
                    from: None,
                    to: None,
                });
                (value, "temporal::expr")
            }
        };
        out.push(Candidate {
            tokens: first..at + n,
            value,
            rule,
        });
    }

    fn finish(&self, doc: &mut Document) {
        // Decode every partial value this recognizer left.
        let parsed: Vec<(usize, Expr)> = doc
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((i, expr::decode(&e.value.temporal()?.value)?)))
            .collect();
        if parsed.is_empty() {
            return;
        }
        let years: Vec<Option<i32>> = parsed.iter().map(|(_, e)| explicit_year(e)).collect();
        let sentence_of = |token: usize| doc.sentences.partition_point(|s| s.tokens.end <= token);
        let mut results: Vec<Option<Resolved>> = Vec::with_capacity(parsed.len());
        // The first explicit year at or after each entity (one backward pass: no quadratic scans).
        let mut next_year = vec![None; years.len() + 1];
        for k in (0..years.len()).rev() {
            next_year[k] = years[k].or(next_year[k + 1]);
        }
        let mut last_year = None;
        for (k, (_, e)) in parsed.iter().enumerate() {
            let doc_year = last_year.or(next_year[k]);
            let cx = Ctx {
                reference: doc.date,
                doc_year,
            };
            results.push(resolve::resolve(e, &cx));
            if years[k].is_some() {
                last_year = years[k];
            }
        }
        // A clock time with no day written takes the day of the nearest date
        // before it in the same sentence, else the reference date ("Sáng 5/9,
        // lúc 8 giờ 30" → 2023-09-05T08:30); the first end of a clock range
        // takes the day written with the second. One forward pass.
        let mut last_day: Option<(usize, crate::calendar::Date)> = None;
        for (k, (i, e)) in parsed.iter().enumerate() {
            let here = sentence_of(doc.entities[*i].tokens.start);
            if let Expr::Time { h, min, on: None } = e {
                // "từ 8h đến 11h ngày 27/6": the first end takes the day of the second.
                let partner = parsed.get(k + 1).and_then(|(j, next)| {
                    let gap = doc.entities[*j]
                        .tokens
                        .start
                        .saturating_sub(doc.entities[*i].tokens.end);
                    let day = results[k + 1]
                        .as_ref()
                        .and_then(|r| r.from.filter(|f| Some(*f) == r.to));
                    (matches!(next, Expr::Time { on: Some(_), .. }) && gap <= 1)
                        .then_some(day)
                        .flatten()
                });
                let day = partner
                    .or(last_day.filter(|(s, _)| *s == here).map(|(_, d)| d))
                    .or(doc.date);
                if let Some(d) = day {
                    results[k] = Some(Resolved {
                        value: format!("{d}T{h:02}:{min:02}"),
                        from: Some(d),
                        to: Some(d),
                    });
                }
                continue;
            }
            if let Some(r) = &results[k] {
                if let (Some(f), Some(t)) = (r.from, r.to) {
                    if f == t {
                        last_day = Some((here, f));
                    }
                }
            }
        }
        let mut drop = Vec::new();
        for ((i, _), r) in parsed.iter().zip(results) {
            let entity = &mut doc.entities[*i];
            match r {
                Some(r) => {
                    let v = to_value(r);
                    entity.value = match entity.value {
                        EntityValue::Time(_) => EntityValue::Time(v),
                        EntityValue::Period(_) => EntityValue::Period(v),
                        _ => EntityValue::Date(v),
                    };
                }
                None => drop.push(*i),
            }
        }
        for i in drop.into_iter().rev() {
            doc.entities.remove(i);
        }
    }
}
