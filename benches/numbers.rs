//! Throughput of the numeric recognizers alone (bytes per second) on the
//! shared corpora in `../shared/data/throughput`, when they are present.
//!
//! `cargo bench --bench numbers`

use chiso::annotator::Annotator;
use chiso::recognizers::numbers::Numbers;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

/// At most this many bytes of each corpus (cut at a line end).
const SAMPLE: usize = 2_000_000;

fn load(name: &str) -> Option<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/throughput")
        .join(name);
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(SAMPLE)]).into_owned();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.pop(); // possibly cut
    Some(lines)
}

fn numbers(c: &mut Criterion) {
    let annotator = Annotator::with_recognizers(vec![Box::new(Numbers::new())]);
    let mut group = c.benchmark_group("numbers");
    group.sample_size(10);
    for name in [
        "vi_news_dantri_2020.txt",
        "vi_legal_vlc.txt",
        "vi_news_binhvq_sample.txt",
    ] {
        let Some(lines) = load(name) else {
            eprintln!("skipping {name}: not found");
            continue;
        };
        let bytes: usize = lines.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                lines
                    .iter()
                    .map(|l| annotator.annotate(l).entities.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, numbers);
criterion_main!(benches);
