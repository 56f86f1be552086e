//! Worked examples for each built-in framework, kept as data in `tests/vectors/` (the working
//! is in `tests/vectors/README.md`): expected figures computed by hand, matched to 1e-9.

use std::collections::BTreeMap;

use civic_pulse_core::selfcheck::{Framework, IndicatorInput, Light, Options, evaluate, normalise_inputs};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vector {
    framework: String,
    inputs: BTreeMap<String, IndicatorInput>,
    expected: Expected,
}

#[derive(Deserialize)]
struct Expected {
    index: f64,
    coverage: f64,
    low_coverage: bool,
    tier: String,
    nodes: BTreeMap<String, Option<f64>>,
    #[serde(default)]
    lights: BTreeMap<String, String>,
    #[serde(default)]
    effective_weights: BTreeMap<String, f64>,
    /// The index with every indicator not assessed at 0 and at 100.
    bounds: [f64; 2],
    /// The heaviest indicators not assessed, just enough to reach the coverage gate.
    to_reach_gate: Vec<String>,
}

fn check(file: &str) {
    let vector: Vector = serde_json::from_str(file).expect("vector parses");
    let framework = Framework::builtin(&vector.framework).expect("built-in framework");
    let scores = normalise_inputs(&framework, &vector.inputs).expect("inputs are valid");
    let result = evaluate(&framework, &scores, &Options::default()).expect("weights are valid");
    let close = |a: f64, b: f64, what: &str| {
        assert!((a - b).abs() < 1e-9, "{}: {what}: got {a}, expected {b}", vector.framework)
    };
    close(result.index.expect("an index"), vector.expected.index, "index");
    close(result.coverage, vector.expected.coverage, "coverage");
    assert_eq!(result.low_coverage, vector.expected.low_coverage);
    assert_eq!(result.tier.as_deref(), Some(vector.expected.tier.as_str()));
    for (code, expected) in &vector.expected.nodes {
        let got = result.node(&framework, code).expect("node exists").value;
        match (got, expected) {
            (Some(got), Some(expected)) => close(got, *expected, code),
            (got, expected) => assert_eq!(got, *expected, "{code}"),
        }
    }
    for (code, expected) in &vector.expected.effective_weights {
        close(
            result.node(&framework, code).unwrap().effective_weight,
            *expected,
            &format!("effective weight of {code}"),
        );
    }
    close(result.bounds.low, vector.expected.bounds[0], "low bound");
    close(result.bounds.high, vector.expected.bounds[1], "high bound");
    assert_eq!(result.to_reach_gate(&framework), vector.expected.to_reach_gate, "indicators to reach the gate");
    for (code, expected) in &vector.expected.lights {
        let light = match result.node(&framework, code).unwrap().light {
            Some(Light::Green) => "green",
            Some(Light::Yellow) => "yellow",
            Some(Light::Red) => "red",
            None => "none",
        };
        assert_eq!(light, expected, "light of {code}");
    }
}

#[test]
fn smart_2021_worked_example() {
    check(include_str!("vectors/smart-2021-example.json"));
}

#[test]
fn qa_2025_worked_example() {
    check(include_str!("vectors/qa-2025-example.json"));
}

#[test]
fn smart_2021_technology_only() {
    check(include_str!("vectors/smart-2021-technology-only.json"));
}
