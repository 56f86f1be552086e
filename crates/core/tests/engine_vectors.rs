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

/// The progress track and weight profiles, worked by hand in `tests/vectors/README.md`.
#[derive(Deserialize)]
struct ProgressVector {
    framework: String,
    progress: ProgressCase,
    profiles: ProfileCase,
}

#[derive(Deserialize)]
struct ProgressCase {
    baseline: BTreeMap<String, IndicatorInput>,
    inputs: BTreeMap<String, IndicatorInput>,
    targets: BTreeMap<String, IndicatorInput>,
    progress_weight: f64,
    expected: ProgressExpected,
}

#[derive(Deserialize)]
struct ProgressExpected {
    /// A share of the way, or the id of the reason there is none.
    progress: BTreeMap<String, serde_json::Value>,
    index: f64,
    combined: f64,
}

#[derive(Deserialize)]
struct ProfileCase {
    inputs: BTreeMap<String, IndicatorInput>,
    expected_index: BTreeMap<String, f64>,
}

#[test]
fn smart_2021_progress_and_profiles_worked_example() {
    use civic_pulse_core::selfcheck::{Assessment, Baseline, assessment_progress, combined};
    let vector: ProgressVector =
        serde_json::from_str(include_str!("vectors/smart-2021-progress.json")).expect("vector parses");
    let framework = Framework::builtin(&vector.framework).expect("built-in framework");
    let case = &vector.progress;
    let mut earlier = Assessment::new(&framework);
    earlier.inputs = case.baseline.clone();
    let mut assessment = Assessment::new(&framework);
    assessment.inputs = case.inputs.clone();
    assessment.targets = case.targets.clone();
    assessment.baseline = Some(Baseline::of(&earlier));
    assessment.progress_weight = Some(case.progress_weight);
    assert_eq!(assessment.problems_with(&framework), Vec::new());
    let scores = normalise_inputs(&framework, &assessment.inputs).unwrap();
    let evaluation = evaluate(&framework, &scores, &Options::default()).unwrap();
    let track = assessment_progress(&framework, &assessment, &evaluation);
    for (code, expected) in &case.expected.progress {
        let got = track.node(&framework, code).expect("node exists").progress;
        match (got, expected) {
            (Ok(got), serde_json::Value::Number(n)) => {
                assert!((got - n.as_f64().unwrap()).abs() < 1e-9, "progress of {code}: got {got}, expected {n}")
            }
            (Err(reason), serde_json::Value::String(id)) => assert_eq!(reason.id(), id, "{code}"),
            (got, expected) => panic!("{code}: got {got:?}, expected {expected}"),
        }
    }
    let index = evaluation.index.unwrap();
    assert!((index - case.expected.index).abs() < 1e-9, "index {index}");
    let both = combined(index, track.overall().unwrap(), assessment.progress_weight());
    assert!((both - case.expected.combined).abs() < 1e-9, "combined {both}");

    for (profile, expected) in &vector.profiles.expected_index {
        let mut assessment = Assessment::new(&framework);
        assessment.inputs = vector.profiles.inputs.clone();
        assessment.use_profile(Some(profile.clone()));
        let scores = normalise_inputs(&framework, &assessment.inputs).unwrap();
        let options = Options { weights: assessment.weights_in_force(&framework), ..Options::default() };
        let index = evaluate(&framework, &scores, &options).unwrap().index.unwrap();
        assert!((index - expected).abs() < 1e-9, "{profile}: got {index}, expected {expected}");
    }
}
