//! The Monte Carlo analysis gives the same numbers on every platform: this vector was produced
//! natively, and the same file is checked in Chromium as Wasm by `tests/web.rs` at the top level.
//! Regenerate it only when the engine's results are meant to change (and bump ENGINE_VERSION).

use civic_pulse_core::selfcheck::uncertainty_vector::{Vector, run};

#[test]
fn monte_carlo_reproduces_the_recorded_vector_exactly() {
    let vector: Vector = serde_json::from_str(include_str!("vectors/uncertainty-smart-2021.json")).unwrap();
    assert_eq!(run(&vector), vector.expected);
}
