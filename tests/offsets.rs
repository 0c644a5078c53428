//! Offsets are exact: every token, sentence and entity of every corpus
//! document slices the original text, in NFC and in NFD, in bytes (library)
//! and in code points (JSON output).

mod common;

use chiso::output::json::{to_value, JsonOptions};
use chiso::output::Offsets;
use chiso::{Annotator, Document, EntityValue};
use unicode_normalization::UnicodeNormalization;

fn check_byte_spans(doc: &Document, label: &str) {
    let text = &doc.text;
    let mut previous_end = 0;
    for t in &doc.tokens {
        let slice = text
            .get(t.span.range())
            .unwrap_or_else(|| panic!("{label}: token span {:?} off a char boundary", t.span));
        assert!(
            !slice.is_empty() && !slice.chars().any(char::is_whitespace),
            "{label}: token {slice:?}"
        );
        assert!(t.span.start >= previous_end, "{label}: tokens overlap or go backwards");
        previous_end = t.span.end;
    }
    let mut covered = 0;
    for s in &doc.sentences {
        assert_eq!(s.tokens.start, covered, "{label}: sentences cover every token once");
        covered = s.tokens.end;
        assert_eq!(s.span.start, doc.tokens[s.tokens.start].span.start);
        assert_eq!(s.span.end, doc.tokens[s.tokens.end - 1].span.end);
    }
    assert_eq!(covered, doc.tokens.len(), "{label}");
    for e in &doc.entities {
        assert_eq!(e.span.start, doc.tokens[e.tokens.start].span.start, "{label}");
        assert_eq!(e.span.end, doc.tokens[e.tokens.end - 1].span.end, "{label}");
    }
}

fn check_json_offsets(doc: &Document, label: &str) {
    let json = to_value(
        doc,
        JsonOptions {
            offsets: Offsets::Chars,
            tokens: true,
        },
    );
    let chars: Vec<char> = doc.text.chars().collect();
    let slice = |v: &serde_json::Value| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    for list in ["tokens", "entities", "statistics"] {
        for item in json[list].as_array().unwrap() {
            assert_eq!(slice(item), item["text"].as_str().unwrap(), "{label}: {list} {item}");
        }
    }
    let starts: Vec<u64> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["start"].as_u64().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "{label}: entities sorted by start"
    );
}

#[test]
fn every_corpus_document_slices_exactly_in_nfc_and_nfd() {
    let annotator = Annotator::new();
    for input in common::corpus_documents() {
        let id = input.id.clone().unwrap_or_default();
        let nfc: String = input.text.nfc().collect();
        let nfd: String = input.text.nfd().collect();
        let doc_nfc = annotator.annotate_dated(&nfc, input.date);
        let doc_nfd = annotator.annotate_dated(&nfd, input.date);
        for (doc, form) in [(&doc_nfc, "NFC"), (&doc_nfd, "NFD")] {
            let label = format!("{id} ({form})");
            check_byte_spans(doc, &label);
            check_json_offsets(doc, &label);
        }
        // The same things are found whatever the normalization.
        assert_eq!(
            doc_nfc.tokens.len(),
            doc_nfd.tokens.len(),
            "{id}: token count NFC vs NFD"
        );
        let keys = |d: &Document| -> Vec<String> { d.tokens.iter().map(|t| d.key(t).to_owned()).collect() };
        assert_eq!(keys(&doc_nfc), keys(&doc_nfd), "{id}: matching keys NFC vs NFD");
        let found = |d: &Document| -> Vec<(String, String)> {
            d.entities
                .iter()
                .map(|e| (e.value.type_name().to_owned(), e.text(&d.text).nfc().collect()))
                .collect()
        };
        assert_eq!(found(&doc_nfc), found(&doc_nfd), "{id}: entities NFC vs NFD");
        assert!(!doc_nfc.tokens.is_empty());
    }
}

#[test]
fn byte_offsets_mode_reports_library_spans() {
    let text = "Ngày 16/6, tỉnh thu 1.234,5 tỷ đồng.";
    let doc = Annotator::new().annotate(text);
    let json = to_value(
        &doc,
        JsonOptions {
            offsets: Offsets::Bytes,
            tokens: true,
        },
    );
    for (t, j) in doc.tokens.iter().zip(json["tokens"].as_array().unwrap()) {
        assert_eq!(j["start"].as_u64().unwrap() as usize, t.span.start);
        assert_eq!(j["end"].as_u64().unwrap() as usize, t.span.end);
    }
}

/// A text longer than two sections is recognized in parallel sections and
/// merged: offsets, token keys, sentences and paragraphs are those of one
/// document; each paragraph gets the entities it gets alone (the repeated
/// paragraphs below need no context); and what looks across the document
/// still does: a short mention at the end links to the full name at the
/// start, megabytes and sections away.
#[test]
fn long_texts_are_annotated_in_sections_with_exact_offsets() {
    let paragraphs = [
        "Ngày 12/3/2021, xã Tân Phú thu hoạch 1.250 tấn lúa, tăng 4,5% so với cùng kỳ.",
        "Giá cà phê đạt 41.500 đồng/kg.\tHai mươi ba hộ nhận hỗ trợ 15 triệu đồng.",
        "Quý II/2022, kim ngạch xuất khẩu ước đạt 2,3 tỷ USD.",
        "Trời mưa to suốt buổi chiều nên chợ vắng người.",
    ];
    let opening = "Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ đến thăm xã.";
    let closing = "Ông Thọ nói rằng năm nay được mùa.";
    let mut text = format!("{opening}\n\n");
    let mut starts = Vec::new();
    let mut n = 0;
    while text.len() <= 2 * chiso::annotator::SECTION_BYTES + 4096 {
        if n > 0 {
            text.push_str(if n % 7 == 0 { "\n" } else { "\n\n" });
        }
        starts.push(text.len());
        text.push_str(paragraphs[n % paragraphs.len()]);
        n += 1;
    }
    text.push_str("\n\n");
    let closing_at = text.len();
    text.push_str(closing);
    let annotator = Annotator::new();
    let doc = annotator.annotate(&text);
    check_byte_spans(&doc, "long text");
    for t in &doc.tokens {
        assert_eq!(doc.key(t), chiso::normalize::key(t.span.slice(&doc.text)));
    }
    assert!(doc.sentences.windows(2).all(|w| w[0].paragraph <= w[1].paragraph));
    let last_paragraph = doc.sentences.last().unwrap().paragraph;
    assert!(
        last_paragraph > n / 2,
        "paragraphs numbered on across sections: {last_paragraph} of {n}"
    );

    // The opening's and closing's entities, then each repeated paragraph's as alone.
    let (body_start, body_end) = (starts[0], closing_at);
    let body: Vec<_> = doc
        .entities
        .iter()
        .filter(|e| e.span.start >= body_start && e.span.end <= body_end)
        .map(|e| (e.span.start, e.span.end, e.value.clone()))
        .collect();
    let mut expected = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let alone = annotator.annotate(paragraphs[i % paragraphs.len()]);
        for e in alone.entities {
            expected.push((e.span.start + start, e.span.end + start, e.value));
        }
    }
    assert_eq!(body.len(), expected.len());
    assert!(body == expected, "entities differ from the paragraphs annotated alone");
    let full = doc
        .entities
        .iter()
        .find(|e| e.span.start < body_start && matches!(&e.value, EntityValue::Person { .. }))
        .expect("the full name at the start")
        .span;
    let short = doc
        .entities
        .iter()
        .find(|e| e.span.start >= closing_at)
        .expect("the short mention");
    assert_eq!(short.text(&doc.text), "Thọ");
    assert!(
        matches!(&short.value, EntityValue::Person { name, refers_to: Some(to) } if name == "Lê Đức Thọ" && *to == full),
        "{:?}",
        short.value
    );
    assert!(!doc.statistics.is_empty());
    for s in &doc.statistics {
        assert!(text.get(s.span.range()).is_some());
    }
}
