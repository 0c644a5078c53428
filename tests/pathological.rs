//! Cost is linear in the input on pathological inputs: four times the input
//! must take about four times as long (quadratic work would take sixteen).
//! Inputs are 64 KB and 256 KB; `benches/` and the CLI cover large sizes.

use chiso::Annotator;
use std::time::{Duration, Instant};

fn time(annotator: &Annotator, text: &str) -> Duration {
    // Best of three, to damp noise from other work on the machine.
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(annotator.annotate(text));
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Bytes of the smaller input.
const SIZE: usize = 64 << 10;

fn assert_linear(name: &str, unit: &str) {
    assert_linear_from(name, unit, SIZE);
}

fn assert_linear_from(name: &str, unit: &str, size: usize) {
    let annotator = Annotator::new();
    let n = size / unit.len();
    let small = unit.repeat(n);
    let large = unit.repeat(4 * n);
    time(&annotator, &large); // warm up the allocator
                              // Linear growth gives a ratio near 4 (a little more as the larger input
                              // leaves the caches); quadratic near 16. The best ratio of five
                              // interleaved rounds: load on the machine can only make one worse.
    let mut best = f64::INFINITY;
    let mut seen = (Duration::ZERO, Duration::ZERO);
    for _ in 0..5 {
        let (t1, t2) = (time(&annotator, &small), time(&annotator, &large));
        let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        if ratio < best {
            best = ratio;
            seen = (t1, t2);
        }
        if best < 5.0 {
            break;
        }
    }
    assert!(
        best < 9.0,
        "{name}: 4× the input took {best:.1}× the time ({:?} → {:?})",
        seen.0,
        seen.1
    );
}

#[test]
fn runs_of_number_words() {
    assert_linear("một", "một ");
    assert_linear("spelled", "hai mươi lăm nghìn ");
}

#[test]
fn runs_of_digits_and_dots() {
    assert_linear("1.", "1.");
    assert_linear("digits", "1234567890");
    assert_linear("grouped", "1.234.567 ");
}

#[test]
fn runs_of_brackets_and_punctuation() {
    assert_linear("(", "(");
    assert_linear("…", "… ");
}

#[test]
fn runs_of_capitalized_syllables() {
    assert_linear("capitals", "Nguyễn Văn ");
    assert_linear("title chain", "Bí thư Tỉnh ủy ");
}

#[test]
fn one_long_line_without_sentence_ends() {
    // Sentence-long work (statistics clauses, figures, names) shows its
    // growth only on longer sentences: start at 256 KB.
    assert_linear_from("line", "tăng 3,4% so với cùng kỳ năm 2023 và Nguyễn Văn An ", 4 * SIZE);
}
