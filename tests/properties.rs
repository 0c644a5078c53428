//! Properties that hold for any text: annotate never panics, spans lie on
//! char boundaries inside the text, are sorted, overlap only where an official
//! contains its parts, and the result is the same every time.

use chiso::{Annotator, Document, EntityValue};
use proptest::prelude::*;
use std::sync::LazyLock;

static ANNOTATOR: LazyLock<Annotator> = LazyLock::new(Annotator::new);

/// Text built from pieces that exercise the recognizers, mixed with arbitrary characters.
fn vietnamese_ish() -> impl Strategy<Value = String> {
    vietnamese_ish_of(60)
}

/// Like [`vietnamese_ish`], with fewer than `max_pieces` pieces (each at most 14 bytes).
fn vietnamese_ish_of(max_pieces: usize) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ngày",
        "16/6/2023",
        "tháng",
        "Sáu",
        "năm",
        "2023",
        "quý",
        "III/2023",
        "6",
        "đầu",
        "1.234,5",
        "3,4",
        "%",
        "tỷ",
        "đồng",
        "USD",
        "triệu",
        "hai",
        "mươi",
        "lăm",
        "nghìn",
        "mốt",
        "hơn",
        "khoảng",
        "từ",
        "đến",
        "-",
        "Bí",
        "thư",
        "Tỉnh",
        "ủy",
        "Bến",
        "Tre",
        "Lê",
        "Đức",
        "Thọ",
        "ông",
        "Nguyễn",
        "Văn",
        "A",
        ",",
        ".",
        "(",
        ")",
        "Ảnh",
        ":",
        "/",
        "TTXVN",
        "TP.HCM",
        "TP.",
        "GRDP",
        "tăng",
        "đạt",
        "so",
        "với",
        "cùng",
        "kỳ",
        "\n",
        "\n\n",
        "\t",
        "…/.",
        "khóa",
        "XI",
        "lần",
        "thứ",
        "13",
        "hộ",
        "ha",
        "tấn",
        "km2",
        "14h30",
        "giờ",
        "chiều",
        "thứ",
        "Hai",
        "mùng",
    ]);
    let piece = prop_oneof![
        4 => pieces.prop_map(str::to_owned),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[0-9.,/:-]{1,12}",
    ];
    prop::collection::vec((piece, prop::sample::select(vec!["", " ", " ", "  "])), 0..max_pieces)
        .prop_map(|parts| parts.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
}

fn check(doc: &Document) -> Result<(), TestCaseError> {
    let text = &doc.text;
    for t in &doc.tokens {
        prop_assert!(text.get(t.span.range()).is_some(), "token span off char boundaries");
    }
    for e in &doc.entities {
        prop_assert!(text.get(e.span.range()).is_some(), "entity span off char boundaries");
        prop_assert!(!e.span.is_empty());
    }
    prop_assert!(
        doc.entities.windows(2).all(|w| w[0].span.start <= w[1].span.start),
        "entities sorted"
    );
    for (i, a) in doc.entities.iter().enumerate() {
        for b in &doc.entities[i + 1..] {
            if a.span.overlaps(b.span) {
                let nested = a.span.contains(b.span)
                    && matches!(a.value, EntityValue::Official { .. })
                    && matches!(
                        b.value,
                        EntityValue::Person { .. } | EntityValue::Org(_) | EntityValue::Place(_)
                    );
                prop_assert!(nested, "{:?} overlaps {:?}", a.text(text), b.text(text));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_text_is_annotated_safely(text in any::<String>()) {
        check(&ANNOTATOR.annotate(&text))?;
    }

    #[test]
    fn recognizer_heavy_text_is_annotated_safely_and_deterministically(text in vietnamese_ish()) {
        let date = "2023-06-16".parse().ok();
        let a = ANNOTATOR.annotate_dated(&text, date);
        check(&a)?;
        let b = std::thread::scope(|s| s.spawn(|| ANNOTATOR.annotate_dated(&text, date)).join().unwrap());
        prop_assert_eq!(&a.entities, &b.entities);
        prop_assert_eq!(&a.statistics, &b.statistics);
    }
}

/// 150 to 400 paragraphs of recognizer-heavy text, each under 420 bytes,
/// joined by line or paragraph breaks: cut into sections of 8 KB (slack
/// 512 bytes), every cut falls at a break.
fn paragraphs() -> impl Strategy<Value = String> {
    let separator = prop::sample::select(vec!["\n\n", "\t", "\n", " \n\n ", "\r\n\r\n"]);
    prop::collection::vec((vietnamese_ish_of(30), separator), 150..400).prop_map(|parts| {
        let mut text = String::new();
        for (paragraph, separator) in parts {
            text.push_str(&paragraph);
            text.push_str(separator);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A text recognized in parallel sections and merged is the text
    /// annotated in one pass, token for token and record for record.
    #[test]
    fn sections_give_the_one_pass_result(text in paragraphs()) {
        let date = "2023-06-16".parse().ok();
        let whole = ANNOTATOR.annotate_dated(&text, date);
        let cut = Annotator::new().with_section_bytes(8 << 10).annotate_dated(&text, date);
        check(&cut)?;
        prop_assume!(text.len() > 16 << 10, "too short to be cut");
        prop_assert_eq!(&whole.tokens, &cut.tokens);
        prop_assert_eq!(&whole.keys, &cut.keys);
        prop_assert_eq!(&whole.sentences, &cut.sentences);
        prop_assert_eq!(&whole.entities, &cut.entities);
        prop_assert_eq!(&whole.statistics, &cut.statistics);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Word lists answer for a token by its word id exactly as a set of keys
    /// would: every token carries the id of its key, and keys of no grammar
    /// file (the fallback) are found too.
    #[test]
    fn word_ids_answer_as_keys_do(text in vietnamese_ish(), picks in prop::collection::vec(any::<bool>(), 64)) {
        use chiso::vocab::{word_id, WordSet};
        let toks = chiso::tokenizer::tokenize(&text);
        let keys: Vec<&str> = toks.tokens.iter().map(|t| toks.key_of(t)).collect();
        for (token, key) in toks.tokens.iter().zip(&keys) {
            prop_assert_eq!(token.word, word_id(key), "{:?}", key);
        }
        // Half of the text's keys (as picked), and words of no grammar file.
        let chosen: std::collections::HashSet<&str> = keys
            .iter()
            .zip(picks.iter().cycle())
            .filter(|(_, &pick)| pick)
            .map(|(k, _)| *k)
            .chain(["xyzzy", "16/6/2023", "zz-top"])
            .collect();
        let set = WordSet::from_keys(chosen.iter().copied());
        for (token, key) in toks.tokens.iter().zip(&keys) {
            prop_assert_eq!(set.contains((token.word, key)), chosen.contains(key), "{:?}", key);
        }
    }
}
