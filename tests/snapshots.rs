//! Golden snapshots of every rendering of one document: jsonl, conll, brat,
//! pretty and html. A change in output shows up as a diff here; after
//! checking it, refresh with `CHISO_UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

use chiso::output::json::{write_document, JsonOptions};
use chiso::output::{brat, conll, html, pretty, Offsets};
use chiso::Annotator;
use std::path::Path;

const TEXT: &str = "Ngày 16/6, Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ chủ trì Hội nghị lần thứ 13. \
Tăng trưởng GRDP 6 tháng đầu năm 2023 ước đạt 3,4%; thu ngân sách 1.234,5 tỷ đồng, bằng 48,2% dự toán.";

fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    if std::env::var_os("CHISO_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with CHISO_UPDATE_SNAPSHOTS=1", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{name} differs from its snapshot at line {}:\n  expected: {:?}\n  actual:   {:?}\nrefresh with CHISO_UPDATE_SNAPSHOTS=1 after checking",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn every_rendering_matches_its_snapshot() {
    let mut doc = Annotator::new().annotate_dated(TEXT, "2023-06-16".parse().ok());
    doc.id = Some("snapshot".into());
    let render = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    };
    check(
        "document.jsonl",
        &render(&|o| write_document(&doc, JsonOptions::default(), o)),
    );
    check(
        "document.conll",
        &render(&|o| conll::write_document(&doc, Offsets::Chars, o)),
    );
    check("document.ann", &render(&|o| brat::write_annotations(&doc, o)));
    check("document.pretty", &render(&|o| pretty::write_document(&doc, false, o)));
    let page = render(&|o| {
        o.extend_from_slice(html::page_start("snapshot").as_bytes());
        html::write_document(&doc, o);
        o.extend_from_slice(html::page_end().as_bytes());
    });
    check("document.html", &page);
}
