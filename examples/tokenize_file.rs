//! Tokenizes (or annotates, with `annotate`) a file line by line and prints
//! the throughput: a quick profiling target.
//! `cargo run --release --example tokenize_file -- FILE [annotate]`

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: tokenize_file FILE [annotate]");
    let annotate = args.next().as_deref() == Some("annotate");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let annotator = chiso::Annotator::new();
    let start = Instant::now();
    let mut count = 0;
    for line in text.lines() {
        count += if annotate {
            annotator.annotate(line).entities.len()
        } else {
            chiso::tokenizer::tokenize(line).tokens.len()
        };
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{count} items, {:.1} MB/s", text.len() as f64 / secs / 1e6);
}
