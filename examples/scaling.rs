//! Core scaling of the library: annotates the lines of a file on a rayon pool
//! of one thread and of every core, alternately, and prints each round and
//! the medians. `cargo run --release --example scaling -- FILE [ROUNDS]`

use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: scaling FILE [ROUNDS]");
    let rounds: usize = args.next().map_or(5, |r| r.parse().expect("ROUNDS is a number"));
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let lines: Vec<&str> = text.lines().collect();
    let annotator = chiso::Annotator::new();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let speed = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        let start = Instant::now();
        let entities: usize = pool.install(|| lines.par_iter().map(|l| annotator.annotate(l).entities.len()).sum());
        std::hint::black_box(entities);
        text.len() as f64 / start.elapsed().as_secs_f64() / 1e6
    };
    let (mut one, mut all) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        one.push(speed(1));
        all.push(speed(cores));
        let (a, b) = (one[round - 1], all[round - 1]);
        println!(
            "round {round}: 1 thread {a:.1} MB/s, {cores} threads {b:.1} MB/s, {:.2}x",
            b / a
        );
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (a, b) = (median(&mut one), median(&mut all));
    println!(
        "median: 1 thread {a:.1} MB/s, {cores} threads {b:.1} MB/s, {:.2}x",
        b / a
    );
}
