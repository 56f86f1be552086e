//! Benchmark (prints figures, asserts nothing): one full evaluation of `smart-2021` and 10,000
//! Monte Carlo draws, natively. Run: `cargo run --release -p civic-pulse-core --example engine_bench`.

mod assessment;

use std::hint::black_box;
use std::time::Instant;

use assessment::assessment;
use civic_pulse_core::selfcheck::{Framework, Options, UncertaintyOptions, evaluate, normalise_inputs, simulate};

fn median_micros(runs: usize, mut work: impl FnMut()) -> (f64, f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[runs / 2], times[0], times[runs - 1])
}

fn main() {
    let framework = Framework::builtin("smart-2021").expect("built-in framework");
    let inputs = assessment(&framework);
    let options = Options::default();
    let (median, low, high) = median_micros(2001, || {
        let scores = normalise_inputs(&framework, black_box(&inputs)).unwrap();
        black_box(evaluate(&framework, &scores, &options).unwrap());
    });
    println!(
        "evaluate smart-2021 (normalise + aggregate), native: median {median:.1} µs (min {low:.1}, max {high:.1}, 2001 runs)"
    );
    let settings = UncertaintyOptions::default();
    let (median, low, high) = median_micros(21, || {
        black_box(simulate(&framework, black_box(&inputs), &options, &settings).unwrap());
    });
    println!(
        "monte carlo smart-2021, {} draws, native: median {:.2} ms (min {:.2}, max {:.2}, 21 runs)",
        settings.draws,
        median / 1000.0,
        low / 1000.0,
        high / 1000.0
    );
}
