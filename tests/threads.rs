//! One Annotator shared by many threads gives the same results as one thread.

use chiso::output::json::{to_value, JsonOptions};
use chiso::Annotator;
use std::sync::Arc;

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
