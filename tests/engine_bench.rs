//! Benchmark (prints figures, asserts nothing): the self-check engine as Wasm in headless
//! Chromium. Not part of ./test; run it with `scripts/bench-engine`.
#![cfg(target_arch = "wasm32")]

#[path = "../crates/core/examples/engine_bench/assessment.rs"]
mod assessment;

use std::hint::black_box;

use assessment::assessment;
use civic_pulse_core::selfcheck::{Framework, Options, UncertaintyOptions, evaluate, normalise_inputs, simulate};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn engine_in_chromium() {
    let framework = Framework::builtin("smart-2021").unwrap();
    let inputs = assessment(&framework);
    let options = Options::default();
    let runs = 2001;
    let start = js_sys::Date::now();
    for _ in 0..runs {
        let scores = normalise_inputs(&framework, black_box(&inputs)).unwrap();
        black_box(evaluate(&framework, &scores, &options).unwrap());
    }
    let per_run = (js_sys::Date::now() - start) * 1000.0 / f64::from(runs);
    console_log!("evaluate smart-2021 (normalise + aggregate), wasm in Chromium: mean {per_run:.1} µs ({runs} runs)");
    let settings = UncertaintyOptions::default();
    let mut times: Vec<f64> = (0..11)
        .map(|_| {
            let start = js_sys::Date::now();
            black_box(simulate(&framework, &inputs, &options, &settings).unwrap());
            js_sys::Date::now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    console_log!(
        "monte carlo smart-2021, {} draws, wasm in Chromium: median {:.1} ms (min {:.1}, max {:.1}, 11 runs)",
        settings.draws,
        times[5],
        times[0],
        times[10]
    );
}
