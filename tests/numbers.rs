//! Data-driven tests of the numeric recognizers, through the whole annotator.
//!
//! Every `tests/data/numbers*.tsv` line is
//! `sentence <TAB> type <TAB> span <TAB> value <TAB> fields`:
//! - `type`: number, percent, money, quantity, ordinal — or `-` for a
//!   NEGATIVE line: `span` is text that must not be inside any numeric entity;
//! - `span`: the exact entity text expected in the sentence;
//! - `value`: the figure ("3.4", "1700988000000000"), or `min..max` for a range;
//! - `fields` (optional, space-separated): `unit=…` `per=…` `approx=…` `points`
//!   `permille` (`unit=` values may not contain spaces; write `_` for a space).
//!
//! The runner collects every mismatch, prints per-type recall, and fails
//! when any line fails (so the printed recall is the real state).
//! Run `cargo test --test numbers -- --nocapture` to see the table.

use chiso::model::{Approx, EntityValue};
use chiso::Annotator;
use std::collections::BTreeMap;

const FILES: [(&str, &str); 7] = [
    ("numbers_multiplier.tsv", include_str!("data/numbers_multiplier.tsv")),
    ("numbers.tsv", include_str!("data/numbers.tsv")),
    ("numbers_percent.tsv", include_str!("data/numbers_percent.tsv")),
    ("numbers_money.tsv", include_str!("data/numbers_money.tsv")),
    ("numbers_quantity.tsv", include_str!("data/numbers_quantity.tsv")),
    ("numbers_ordinal.tsv", include_str!("data/numbers_ordinal.tsv")),
    ("numbers_negative.tsv", include_str!("data/numbers_negative.tsv")),
];

const NUMERIC: [&str; 5] = ["number", "percent", "money", "quantity", "ordinal"];

fn approx_name(a: Approx) -> &'static str {
    match a {
        Approx::About => "about",
        Approx::Over => "over",
        Approx::Under => "under",
        Approx::AtLeast => "at_least",
        Approx::AtMost => "at_most",
        Approx::Nearly => "nearly",
    }
}

/// Checks one positive line; `Err` says what is wrong.
fn check(sentence: &str, ty: &str, span: &str, value: &str, fields: &str) -> Result<(), String> {
    let date = "2024-06-20".parse().ok();
    let doc = Annotator::new().annotate_dated(sentence, date);
    let found: Vec<String> = doc
        .entities
        .iter()
        .map(|e| format!("{}:{:?}", e.value.type_name(), e.text(&doc.text)))
        .collect();
    let Some(e) = doc.entities.iter().find(|e| e.text(&doc.text) == span) else {
        return Err(format!("no entity {span:?}; found {found:?}"));
    };
    if e.value.type_name() != ty {
        return Err(format!("{span:?} is {} not {ty}", e.value.type_name()));
    }
    let mut unit = None;
    let mut per = None;
    let mut points = false;
    let mut sign = "%";
    let mut approx = None;
    match &e.value {
        EntityValue::Ordinal(n) => {
            return (n.to_string() == value)
                .then_some(())
                .ok_or(format!("ordinal {n} ≠ {value}"));
        }
        EntityValue::Percent { points: p, sign: s, .. } => {
            points = *p;
            sign = s;
        }
        EntityValue::Money { unit: u, per: p, .. } | EntityValue::Quantity { unit: u, per: p, .. } => {
            unit = Some(u.to_string());
            per = p.as_ref().map(|p| p.to_string());
        }
        _ => {}
    }
    let amount = e.value.amount().ok_or("not numeric")?;
    if let Some(a) = amount.approx {
        approx = Some(approx_name(a));
    }
    let got = match (&amount.value, &amount.min, &amount.max) {
        (Some(v), _, _) => v.to_string(),
        (None, Some(lo), Some(hi)) => format!("{lo}..{hi}"),
        _ => "?".into(),
    };
    if got != value {
        return Err(format!("{span:?} value {got} ≠ {value}"));
    }
    let mut want_unit = None;
    let mut want_per = None;
    let mut want_approx = None;
    let mut want_points = false;
    let mut want_permille = false;
    for f in fields.split_whitespace() {
        match f.split_once('=') {
            Some(("unit", u)) => want_unit = Some(u.replace('_', " ")),
            Some(("per", p)) => want_per = Some(p.replace('_', " ")),
            Some(("approx", a)) => want_approx = Some(a.to_owned()),
            None if f == "points" => want_points = true,
            None if f == "permille" => want_permille = true,
            _ => return Err(format!("bad field {f:?} in the test data")),
        }
    }
    if matches!(ty, "money" | "quantity") && unit != want_unit {
        return Err(format!("{span:?} unit {unit:?} ≠ {want_unit:?}"));
    }
    if per != want_per {
        return Err(format!("{span:?} per {per:?} ≠ {want_per:?}"));
    }
    if approx.map(str::to_owned) != want_approx {
        return Err(format!("{span:?} approx {approx:?} ≠ {want_approx:?}"));
    }
    if points != want_points || (sign == "‰") != want_permille {
        return Err(format!("{span:?} points/sign {points}/{sign}"));
    }
    Ok(())
}

/// Checks one negative line: `span` must not be inside a numeric entity.
fn check_negative(sentence: &str, span: &str) -> Result<(), String> {
    let doc = Annotator::new().annotate(sentence);
    let start = sentence
        .find(span)
        .ok_or_else(|| format!("{span:?} is not in the sentence"))?;
    let end = start + span.len();
    for e in &doc.entities {
        let r = e.span.range();
        if NUMERIC.contains(&e.value.type_name()) && r.start < end && start < r.end {
            return Err(format!(
                "{span:?} is inside {} {:?}",
                e.value.type_name(),
                e.text(&doc.text)
            ));
        }
    }
    Ok(())
}

#[test]
fn example_tables() {
    let mut per_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (name, text) in FILES {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(cols.len() >= 3, "{name}:{}: too few columns", i + 1);
            let (sentence, ty, span) = (cols[0], cols[1], cols[2]);
            let value = cols.get(3).copied().unwrap_or("");
            let fields = cols.get(4).copied().unwrap_or("");
            let (key, result) = if ty == "-" {
                ("negative".to_string(), check_negative(sentence, span))
            } else {
                (ty.to_string(), check(sentence, ty, span, value, fields))
            };
            let entry = per_type.entry(key).or_default();
            entry.1 += 1;
            match result {
                Ok(()) => entry.0 += 1,
                Err(e) => failures.push(format!("{name}:{}: {sentence:?}: {e}", i + 1)),
            }
        }
    }
    let (mut ok, mut total) = (0, 0);
    println!("\ntype        passed / lines   recall");
    for (ty, (p, n)) in &per_type {
        println!("{ty:<11} {p:>6} / {n:<6} {:>7.1}%", 100.0 * *p as f64 / *n as f64);
        ok += p;
        total += n;
    }
    println!(
        "{:<11} {ok:>6} / {total:<6} {:>7.1}%",
        "all",
        100.0 * ok as f64 / total as f64
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(total >= 300, "at least 300 example phrases");
    assert!(failures.is_empty(), "{} of {total} lines failed", failures.len());
}

/// Held-out phrases (written after the recognizer was frozen): the recall is
/// printed, and must stay at or above 80%.
#[test]
fn heldout() {
    let text = include_str!("data/numbers_heldout.tsv");
    let (mut ok, mut total) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let result = if cols[1] == "-" {
            check_negative(cols[0], cols[2])
        } else {
            let value = cols.get(3).copied().unwrap_or("");
            let fields = cols.get(4).copied().unwrap_or("");
            check(cols[0], cols[1], cols[2], value, fields)
        };
        total += 1;
        match result {
            Ok(()) => ok += 1,
            Err(e) => println!("HELD-OUT MISS {:?}: {e}", cols[0]),
        }
    }
    let recall = ok as f64 / total as f64;
    println!("held-out: {ok} / {total} = {:.1}%", 100.0 * recall);
    assert!(recall >= 0.8, "held-out recall {recall}");
}

#[test]
fn verbalizer_round_trip_small_numbers_exhaustively() {
    use chiso::recognizers::numbers::{parse_words, to_words};
    for n in 0..=20_000i64 {
        let w = to_words(n);
        assert_eq!(parse_words(&w).and_then(|d| d.to_i64()), Some(n), "{n} → {w:?}");
    }
}

mod property {
    use chiso::recognizers::numbers::{parse_words, to_words};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Every n up to a million (sampled; 0..=20 000 is checked exhaustively above).
        #[test]
        fn round_trip_up_to_a_million(n in 0i64..=1_000_000) {
            let w = to_words(n);
            prop_assert_eq!(parse_words(&w).and_then(|d| d.to_i64()), Some(n), "{}", w);
        }

        /// A random sample up to 10^15, and negatives.
        #[test]
        fn round_trip_up_to_ten_to_the_fifteen(n in -1_000_000_000_000_000i64..=1_000_000_000_000_000) {
            let w = to_words(n);
            prop_assert_eq!(parse_words(&w).and_then(|d| d.to_i64()), Some(n), "{}", w);
        }
    }
}

mod robustness {
    use chiso::Annotator;
    use proptest::prelude::*;

    const POOL: [&str; 48] = [
        "hai",
        "mươi",
        "mốt",
        "tư",
        "lăm",
        "trăm",
        "linh",
        "lẻ",
        "nghìn",
        "tỷ",
        "triệu",
        "rưỡi",
        "phẩy",
        "không",
        "một",
        "năm",
        "chục",
        "từ",
        "đến",
        "giữa",
        "và",
        "-",
        "khoảng",
        "hơn",
        "trở",
        "lên",
        "%",
        "phần",
        "trăm",
        "đồng",
        "/",
        "lít",
        "USD",
        "$",
        "thứ",
        "lần",
        "khóa",
        "XI",
        "1.234,5",
        "5-7",
        "2021-2025",
        "500k",
        "16/6",
        "âm",
        "gấp",
        "đôi",
        "hàng",
        "tuổi",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Any mix of number-ish words: no panic, spans inside the text and
        /// not overlapping.
        #[test]
        fn never_panics_on_number_soup(idx in proptest::collection::vec(0usize..POOL.len(), 0..24)) {
            let text: Vec<&str> = idx.iter().map(|&i| POOL[i]).collect();
            let text = text.join(" ");
            let doc = Annotator::new().annotate(&text);
            let mut end = 0;
            for e in &doc.entities {
                prop_assert!(e.span.start >= end, "overlap in {:?}", text);
                prop_assert!(doc.text.get(e.span.range()).is_some());
                end = e.span.end;
            }
        }
    }
}
