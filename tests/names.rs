//! Officials, persons, organizations and places, end to end through
//! `Annotator::annotate_dated`.
//!
//! `tests/data/names.tsv` holds example sentences with every expected names
//! entity; the runner reports every mismatch and precision/recall per type
//! (`cargo test --test names -- --nocapture` prints them).

use chiso::model::{Document, EntityValue};
use chiso::Annotator;
use std::collections::BTreeMap;
use std::sync::LazyLock;

static ANNOTATOR: LazyLock<Annotator> = LazyLock::new(Annotator::new);

const TYPES: [&str; 4] = ["official", "person", "org", "place"];

fn annotate(text: &str) -> Document {
    ANNOTATOR.annotate_dated(text, "2025-08-01".parse().ok())
}

/// The value a gold line can check: the canonical name (place, org) or the
/// person's name (person, official).
fn value_name(v: &EntityValue) -> Option<&str> {
    match v {
        EntityValue::Place(n) | EntityValue::Org(n) => Some(n),
        EntityValue::Person { name, .. } | EntityValue::Official { name, .. } => Some(name),
        _ => None,
    }
}

/// (type, text, value) triples of the names entities of a document.
fn found(doc: &Document) -> Vec<(String, String, String)> {
    doc.entities
        .iter()
        .filter(|e| TYPES.contains(&e.value.type_name()))
        .map(|e| {
            (
                e.value.type_name().to_owned(),
                e.text(&doc.text).to_owned(),
                value_name(&e.value).unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[derive(Default, Debug, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

/// Gold line: `sentence<TAB>type:text[=value] ; type:text[=value] ; …`
/// ("\n" in the sentence is a line break; an empty second column means no entity).
#[test]
fn example_sentences_precision_and_recall() {
    let data = include_str!("data/names.tsv");
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut sentences = 0;
    for (line_no, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        sentences += 1;
        let (text, gold) = line.split_once('\t').unwrap_or((line, ""));
        let text = text.replace("\\n", "\n");
        let mut expected: Vec<(String, String, Option<String>)> = Vec::new();
        for item in gold.split(" ; ").map(str::trim).filter(|s| !s.is_empty()) {
            let (ty, rest) = item
                .split_once(':')
                .unwrap_or_else(|| panic!("line {}: bad item {item:?}", line_no + 1));
            assert!(TYPES.contains(&ty), "line {}: bad type {ty}", line_no + 1);
            let (span, value) = match rest.split_once('=') {
                Some((s, v)) => (s.to_owned(), Some(v.to_owned())),
                None => (rest.to_owned(), None),
            };
            expected.push((ty.to_owned(), span, value));
        }
        let doc = annotate(&text);
        let mut got = found(&doc);
        for (ty, span, value) in &expected {
            let score = scores.entry(TYPES.iter().find(|t| *t == ty).unwrap()).or_default();
            let hit = got
                .iter()
                .position(|(t, s, v)| t == ty && s == span && value.as_ref().is_none_or(|want| want == v));
            match hit {
                Some(i) => {
                    got.remove(i);
                    score.tp += 1;
                }
                None => {
                    score.fn_ += 1;
                    failures.push(format!(
                        "line {}: missed {ty}:{span}{} in {text:?}",
                        line_no + 1,
                        value.as_ref().map(|v| format!("={v}")).unwrap_or_default()
                    ));
                }
            }
        }
        for (ty, span, value) in got {
            let score = scores.entry(TYPES.iter().find(|t| **t == ty).unwrap()).or_default();
            score.fp += 1;
            failures.push(format!("line {}: extra {ty}:{span}={value} in {text:?}", line_no + 1));
        }
    }
    for f in &failures {
        println!("{f}");
    }
    let mut total = Score::default();
    println!("{sentences} sentences");
    for (ty, s) in &scores {
        println!(
            "{ty:9} tp {:4} fp {:3} fn {:3}  precision {:.3}  recall {:.3}",
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall()
        );
        total.tp += s.tp;
        total.fp += s.fp;
        total.fn_ += s.fn_;
    }
    println!(
        "all       tp {:4} fp {:3} fn {:3}  precision {:.3}  recall {:.3}",
        total.tp,
        total.fp,
        total.fn_,
        total.precision(),
        total.recall()
    );
    assert!(sentences >= 200, "only {sentences} example sentences");
    assert!(total.precision() >= 0.9, "precision {:.3}", total.precision());
    assert!(total.recall() >= 0.85, "recall {:.3}", total.recall());
}

fn official(text: &str) -> (String, String, String, Option<String>, Option<String>) {
    let doc = annotate(text);
    let e = doc
        .entities
        .iter()
        .find(|e| e.value.type_name() == "official")
        .unwrap_or_else(|| panic!("no official in {text:?}: {:?}", found(&doc)));
    match &e.value {
        EntityValue::Official {
            name,
            title,
            org,
            place,
            ..
        } => (
            e.text(&doc.text).to_owned(),
            name.clone(),
            title.clone(),
            org.clone(),
            place.clone(),
        ),
        _ => unreachable!(),
    }
}

/// (sentence, span, name, title, org, place).
type OfficialCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn official_fields() {
    let cases: [OfficialCase; 9] = [
        (
            "Bà Đỗ Thị Lành, Chánh Văn phòng UBND huyện, đọc quyết định.",
            "Đỗ Thị Lành, Chánh Văn phòng UBND huyện",
            "Đỗ Thị Lành",
            "Chánh Văn phòng UBND huyện",
            Some("Văn phòng Ủy ban nhân dân huyện"),
            None,
        ),
        (
            "Chánh án Tòa án nhân dân tỉnh Trà Vinh Thạch Sô Phol tuyên án.",
            "Chánh án Tòa án nhân dân tỉnh Trà Vinh Thạch Sô Phol",
            "Thạch Sô Phol",
            "Chánh án Tòa án nhân dân",
            Some("Tòa án nhân dân tỉnh Trà Vinh"),
            Some("Trà Vinh"),
        ),
        (
            "Đại tá Vũ Hồng Quân, Chính ủy Bộ Chỉ huy Quân sự tỉnh Kiên Giang, dự lễ.",
            "Đại tá Vũ Hồng Quân, Chính ủy Bộ Chỉ huy Quân sự tỉnh Kiên Giang",
            "Vũ Hồng Quân",
            "Chính ủy Bộ Chỉ huy Quân sự",
            Some("Bộ Chỉ huy Quân sự tỉnh Kiên Giang"),
            Some("Kiên Giang"),
        ),
        (
            "Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ dự hội nghị.",
            "Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ",
            "Lê Đức Thọ",
            "Bí thư Tỉnh ủy",
            Some("Tỉnh ủy Bến Tre"),
            Some("Bến Tre"),
        ),
        (
            "Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp.",
            "Thủ tướng Chính phủ Phạm Minh Chính",
            "Phạm Minh Chính",
            "Thủ tướng Chính phủ",
            Some("Chính phủ"),
            None,
        ),
        (
            "Theo ông Nguyễn Văn Hùng, Giám đốc Sở Công Thương, giá điện tăng.",
            "Nguyễn Văn Hùng, Giám đốc Sở Công Thương",
            "Nguyễn Văn Hùng",
            "Giám đốc Sở Công Thương",
            Some("Sở Công Thương"),
            None,
        ),
        (
            "Đồng chí Trần Thanh Mẫn, Ủy viên Bộ Chính trị, Chủ tịch Quốc hội phát biểu.",
            "Trần Thanh Mẫn, Ủy viên Bộ Chính trị, Chủ tịch Quốc hội",
            "Trần Thanh Mẫn",
            "Ủy viên Bộ Chính trị, Chủ tịch Quốc hội",
            Some("Quốc hội"),
            None,
        ),
        (
            "Thượng tướng Lương Tam Quang, Bộ trưởng Bộ Công an kiểm tra.",
            "Thượng tướng Lương Tam Quang, Bộ trưởng Bộ Công an",
            "Lương Tam Quang",
            "Bộ trưởng Bộ Công an",
            Some("Bộ Công an"),
            None,
        ),
        (
            "Phó Chủ tịch UBND tỉnh Cà Mau Lâm Văn Bi cho biết.",
            "Phó Chủ tịch UBND tỉnh Cà Mau Lâm Văn Bi",
            "Lâm Văn Bi",
            "Phó Chủ tịch UBND",
            Some("Ủy ban nhân dân tỉnh Cà Mau"),
            Some("Cà Mau"),
        ),
    ];
    for (text, span, name, title, org, place) in cases {
        let got = official(text);
        assert_eq!(
            got,
            (
                span.to_owned(),
                name.to_owned(),
                title.to_owned(),
                org.map(str::to_owned),
                place.map(str::to_owned)
            ),
            "{text}"
        );
    }
}

#[test]
fn short_mentions_link_to_the_first_full_mention() {
    let text =
        "Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ đến thăm xã. Ông Thọ nói rằng năm nay được mùa. Bí thư Thọ cũng tặng quà.";
    let doc = annotate(text);
    let full = doc
        .entities
        .iter()
        .find(|e| matches!(&e.value, EntityValue::Person { name, .. } if name == "Lê Đức Thọ"))
        .expect("full mention")
        .span;
    let shorts: Vec<_> = doc
        .entities
        .iter()
        .filter_map(|e| match &e.value {
            EntityValue::Person { name, refers_to } | EntityValue::Official { name, refers_to, .. }
                if refers_to.is_some() =>
            {
                Some((e.text(&doc.text), name.as_str(), *refers_to))
            }
            _ => None,
        })
        .collect();
    // A short mention carries the full name of the mention it refers to.
    assert!(shorts.contains(&("Thọ", "Lê Đức Thọ", Some(full))), "{shorts:?}");
    assert!(shorts.contains(&("Bí thư Thọ", "Lê Đức Thọ", Some(full))), "{shorts:?}");
}

#[test]
fn a_two_syllable_short_name_links_too() {
    let doc = annotate("Thủ tướng Phạm Minh Chính dự hội nghị. Ông Minh Chính nói thêm về kế hoạch.");
    let spans: Vec<_> = doc
        .entities
        .iter()
        .filter_map(|e| match &e.value {
            EntityValue::Person { name, refers_to } => Some((e.text(&doc.text), name.as_str(), *refers_to)),
            _ => None,
        })
        .collect();
    assert_eq!(spans.len(), 2, "{spans:?}");
    assert_eq!(spans[0].2, None);
    assert_eq!((spans[1].0, spans[1].1), ("Minh Chính", "Phạm Minh Chính"));
    assert!(spans[1].2.is_some_and(|s| s.slice(&doc.text) == "Phạm Minh Chính"));
}

#[test]
fn unlinked_title_plus_word_is_dropped() {
    let doc = annotate("Giám đốc Công cho biết như vậy.");
    assert!(
        doc.entities.iter().all(|e| e.value.type_name() != "official"),
        "{:?}",
        found(&doc)
    );
}

#[test]
fn byline_on_the_last_line() {
    let doc = annotate("Tỉnh Bến Tre thu hoạch lúa.\nNgười dân phấn khởi.\nMinh Thư");
    assert!(found(&doc).contains(&("person".into(), "Minh Thư".into(), "Minh Thư".into())));
}

/// Development aid: prints the names entities found in the file named by
/// `CHISO_NAMES_DUMP` (first 400 lines), to look for false positives in real text.
/// `CHISO_NAMES_DUMP=corpus.txt cargo test --test names dump -- --ignored --nocapture`
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("CHISO_NAMES_DUMP") else {
        return;
    };
    let text = String::from_utf8_lossy(&std::fs::read(path).expect("readable file")).into_owned();
    let lines: Vec<&str> = text.lines().take(400).collect();
    let doc = annotate(&lines.join("\n"));
    for e in &doc.entities {
        if TYPES.contains(&e.value.type_name()) {
            let line = doc.text[..e.span.start].matches('\n').count() + 1;
            let value = value_name(&e.value).unwrap_or("");
            let (ty, text) = (e.value.type_name(), e.text(&doc.text));
            println!("{line}\t{ty}\t{text}\t{value}\t{}", e.rule);
        }
    }
}

/// Development aid: times the names recognizer alone and the whole annotator on
/// the file named by `CHISO_NAMES_SPEED` (use a release build for real figures).
#[test]
#[ignore]
fn speed() {
    let Ok(path) = std::env::var("CHISO_NAMES_SPEED") else {
        return;
    };
    let text = String::from_utf8_lossy(&std::fs::read(path).expect("readable file")).into_owned();
    let names = Annotator::with_recognizers(vec![Box::new(chiso::recognizers::names::Names::new())]);
    let none = Annotator::with_recognizers(Vec::new());
    for (label, a) in [("tokenize only", &none), ("names", &names), ("all", &*ANNOTATOR)] {
        let t = std::time::Instant::now();
        let mut n = 0;
        for line in text.lines() {
            n += a.annotate(line).entities.len();
        }
        let s = t.elapsed().as_secs_f64();
        println!("{label}: {n} entities, {:.1} MB/s", text.len() as f64 / s / 1e6);
    }
}

#[test]
fn a_bare_title_is_no_official_even_after_its_holder() {
    let text =
        "Phó Thủ tướng Bùi Thanh Sơn đến Hải Phòng. Phó Thủ tướng yêu cầu rà soát các dự án. Bộ trưởng phát biểu.";
    let doc = annotate(text);
    let officials: Vec<_> = doc
        .entities
        .iter()
        .filter(|e| e.value.type_name() == "official")
        .map(|e| e.text(&doc.text))
        .collect();
    assert_eq!(officials, ["Phó Thủ tướng Bùi Thanh Sơn"]);
}

/// Every prefix of a text full of names ends somewhere in the middle of a
/// rule: nothing may panic, and every entity is a real slice of the text.
#[test]
fn every_prefix_is_safe() {
    let text = "Ủy viên Bộ Chính trị, Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ, ông Nguyễn Văn Hùng - Giám đốc \
                Sở Y tế tỉnh Cà Mau, Bệnh viện Đa khoa tỉnh Bến Tre, UBND TP. Hồ Chí Minh, huyện Châu Thành \
                Nguyễn Văn Bảy, Đại sứ Việt Nam tại Nhật Bản Phạm Quang Hiệu (Ảnh: Huỳnh Phúc Hậu/TTXVN) \
                Công ty Cổ phần Sữa Việt Nam, Phó Thủ tướng kiêm Bộ trưởng, ông Ba, bà Rịa\nMinh Thư";
    let mut ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    ends.push(text.len());
    for end in ends {
        let doc = annotate(&text[..end]);
        for e in &doc.entities {
            assert!(doc.text.get(e.span.range()).is_some(), "{end}");
        }
    }
}
