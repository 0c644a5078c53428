//! One Annotator shared by many threads gives the same results as one thread.

use chiso::output::json::{to_value, JsonOptions};
use chiso::Annotator;
use std::sync::Arc;

mod common;

#[test]
fn one_annotator_serves_many_threads() {
    let texts = [
        "Tăng trưởng GRDP ước đạt 3,4%; thu ngân sách 1.234,5 tỷ đồng.",
        "Ngày 16/6, Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ chủ trì hội nghị lần thứ 13.",
        "Quý III/2023, tỉnh có 3.120 hộ thoát nghèo; 6 tháng đầu năm đạt 48,2% kế hoạch.",
    ];
    let annotator = Arc::new(Annotator::new());
    let expected: Vec<serde_json::Value> = texts
        .iter()
        .map(|t| to_value(&annotator.annotate(t), JsonOptions::default()))
        .collect();
    let handles: Vec<_> = (0..8)
        .map(|worker| {
            let annotator = Arc::clone(&annotator);
            std::thread::spawn(move || {
                (0..50)
                    .map(|i| {
                        let k = (worker + i) % texts.len();
                        (k, to_value(&annotator.annotate(texts[k]), JsonOptions::default()))
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for handle in handles {
        for (k, value) in handle.join().expect("no thread panicked") {
            assert_eq!(value, expected[k], "text {k} annotated differently on another thread");
        }
    }
}

/// A thread's history changes no result: the corpus annotated in order on a
/// fresh thread equals it annotated in reverse order on another, after
/// tens of thousands of distinct words went through the thread's caches.
#[test]
fn results_do_not_depend_on_what_a_thread_annotated_before() {
    let texts: Vec<String> = common::corpus_documents().into_iter().map(|d| d.text).collect();
    assert!(texts.len() > 20, "{} corpus documents", texts.len());
    let annotator = Annotator::new();
    let json = |text: &str| to_value(&annotator.annotate(text), JsonOptions::default());
    let forward: Vec<_> = std::thread::scope(|s| s.spawn(|| texts.iter().map(|t| json(t)).collect()).join().unwrap());
    let backward: Vec<_> = std::thread::scope(|s| {
        s.spawn(|| {
            for round in 0..4 {
                let filler: String = (0..5000).map(|i| format!("Từ{round}x{i} TT. TP. ")).collect();
                json(&filler);
            }
            let mut out: Vec<_> = texts.iter().rev().map(|t| json(t)).collect();
            out.reverse();
            out
        })
        .join()
        .unwrap()
    });
    for (i, (a, b)) in forward.iter().zip(&backward).enumerate() {
        assert_eq!(a, b, "corpus document {i} annotated differently after another history");
    }
}

/// An abbreviation stays one token whatever the thread met before it, also
/// when it is the word that makes the thread's word cache grow: on fresh
/// threads, "TT." follows n distinct words for n around every power of two
/// a cache size can take.
#[test]
fn an_abbreviation_met_as_the_cache_grows_stays_one_token() {
    for bits in 8..=15 {
        for n in (1usize << bits) - 2..(1 << bits) + 3 {
            let mut text: String = (0..n).map(|i| format!("từ{i} ")).collect();
            text.push_str("TT. Phú Thứ");
            let words: Vec<String> = std::thread::spawn(move || {
                let toks = chiso::tokenizer::tokenize(&text);
                toks.tokens[n..]
                    .iter()
                    .map(|t| t.span.slice(&text).to_owned())
                    .collect()
            })
            .join()
            .unwrap();
            assert_eq!(words, ["TT.", "Phú", "Thứ"], "after {n} words");
        }
    }
}
