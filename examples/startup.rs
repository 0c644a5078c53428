//! Measures the first `Annotator::new()` (which parses every embedded grammar
//! file) and one short sentence: `cargo run --release --example startup`.

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let annotator = chiso::Annotator::new();
    let built = start.elapsed();
    let sentence = "Tăng trưởng GRDP 6 tháng đầu năm 2023 ước đạt 3,4%.";
    let _ = annotator.annotate(sentence); // first call: finishes lazy start-up
    let start = Instant::now();
    let n = 10_000;
    for _ in 0..n {
        std::hint::black_box(annotator.annotate(std::hint::black_box(sentence)));
    }
    println!(
        "first Annotator::new(): {built:?}; one short sentence: {:?}",
        start.elapsed() / n
    );
}
