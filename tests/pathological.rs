//! Cost is linear in the input on pathological inputs: doubling the input
//! must not much more than double the time (quadratic work would quadruple
//! it). Each input is a few hundred KB, past the caches and the allocator's
//! small-block pools, so both sizes pay the same per-byte costs.

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
const SIZE: usize = 256 << 10;

fn assert_linear(name: &str, unit: &str) {
    let annotator = Annotator::new();
    let n = SIZE / unit.len();
    let small = unit.repeat(n);
    let large = unit.repeat(2 * n);
    time(&annotator, &large); // warm up the allocator
    let (t1, t2) = (time(&annotator, &small), time(&annotator, &large));
    // Linear growth gives a ratio near 2; quadratic near 4.
    let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-6);
    assert!(
        ratio < 3.0,
        "{name}: 2× the input took {ratio:.1}× the time ({t1:?} → {t2:?})"
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
    assert_linear("line", "tăng 3,4% so với cùng kỳ năm 2023 và ");
}
