//! A reproducibility fingerprint: SHA-256 of the canonical JSON of everything that determines a
//! result (engine version, framework id and version, inputs, weights in force, options, and for
//! the progress track the targets, the baseline's figures and the combined result's weighting).
//! Evidence notes are left out: they explain a figure but do not change the result. Fields that
//! are empty are left out too, so an assessment without targets keeps the fingerprint it had.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::assessment::Assessment;
use super::evaluate::Options;
use super::framework::{Aggregation, Framework};
use super::input::IndicatorInput;

/// Bumped whenever the same inputs could give a different result.
pub const ENGINE_VERSION: &str = "2";

#[derive(Serialize)]
struct Canonical<'a> {
    engine: &'a str,
    framework: [&'a str; 2],
    inputs: BTreeMap<&'a str, IndicatorInput>,
    weights: &'a BTreeMap<String, f64>,
    aggregation: Aggregation,
    coverage_gate: f64,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    targets: BTreeMap<&'a str, IndicatorInput>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BTreeMap<&'a str, IndicatorInput>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    progress_weight: Option<f64>,
}

fn figures_only(inputs: &BTreeMap<String, IndicatorInput>) -> BTreeMap<&str, IndicatorInput> {
    inputs.iter().map(|(code, input)| (code.as_str(), IndicatorInput { note: None, ..input.clone() })).collect()
}

fn digest(canonical: &Canonical) -> String {
    let json = serde_json::to_string(canonical).expect("maps of strings and numbers always serialise");
    Sha256::digest(json.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The fingerprint as 64 lowercase hex digits.
pub fn fingerprint(framework: &Framework, inputs: &BTreeMap<String, IndicatorInput>, options: &Options) -> String {
    digest(&Canonical {
        engine: ENGINE_VERSION,
        framework: [&framework.id, &framework.version],
        inputs: figures_only(inputs),
        weights: &options.weights,
        aggregation: options.aggregation.unwrap_or(framework.aggregation),
        coverage_gate: options.coverage_gate.unwrap_or(framework.coverage_gate),
        targets: BTreeMap::new(),
        baseline: None,
        progress_weight: None,
    })
}

/// The fingerprint of a whole assessment: its level and its progress track. The weights are
/// those in force (profile and own changes), so two ways to the same weights agree.
pub fn assessment_fingerprint(framework: &Framework, assessment: &Assessment) -> String {
    let weights = assessment.weights_in_force(framework);
    let targets = assessment.targets_in_force(framework);
    let baseline = assessment.baseline.as_ref();
    digest(&Canonical {
        engine: ENGINE_VERSION,
        framework: [&framework.id, &framework.version],
        inputs: figures_only(&assessment.inputs),
        weights: &weights,
        aggregation: framework.aggregation,
        coverage_gate: framework.coverage_gate,
        // Targets only count for progress, which needs a baseline.
        targets: baseline.map(|_| figures_only(&targets)).unwrap_or_default(),
        baseline: baseline.map(|b| figures_only(&b.inputs)),
        progress_weight: baseline.map(|_| assessment.progress_weight()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_inputs_same_fingerprint_notes_aside() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut inputs = BTreeMap::from([("T1.1".to_owned(), IndicatorInput::level(3))]);
        let first = fingerprint(&framework, &inputs, &Options::default());
        assert_eq!(first.len(), 64);
        inputs.get_mut("T1.1").unwrap().note = Some("from the 2025 yearbook".into());
        assert_eq!(fingerprint(&framework, &inputs, &Options::default()), first);
        inputs.insert("T1.2".to_owned(), IndicatorInput::level(1));
        assert_ne!(fingerprint(&framework, &inputs, &Options::default()), first);
        let weighted = Options { weights: BTreeMap::from([("T".into(), 20.0)]), ..Options::default() };
        assert_ne!(fingerprint(&framework, &inputs, &weighted), fingerprint(&framework, &inputs, &Options::default()));
    }

    #[test]
    fn an_assessment_without_progress_keeps_its_fingerprint_and_progress_changes_it() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut assessment = Assessment::new(&framework);
        assessment.set_level("T1.1", Some(3));
        let level_only = assessment_fingerprint(&framework, &assessment);
        assert_eq!(level_only, fingerprint(&framework, &assessment.inputs, &Options::default()));
        assessment.targets.insert("T1.1".into(), IndicatorInput::level(4));
        assert_eq!(assessment_fingerprint(&framework, &assessment), level_only, "no baseline, no progress");
        let mut earlier = Assessment::new(&framework);
        earlier.set_level("T1.1", Some(1));
        assessment.baseline = Some(super::super::Baseline::of(&earlier));
        let with_progress = assessment_fingerprint(&framework, &assessment);
        assert_ne!(with_progress, level_only);
        assessment.progress_weight = Some(0.5);
        assert_ne!(assessment_fingerprint(&framework, &assessment), with_progress);
        assessment.use_profile(Some("very-large-city".into()));
        let profiled = assessment_fingerprint(&framework, &assessment);
        assessment.use_profile(None);
        assessment.weights = framework.profile_weights(Some("very-large-city"));
        assert_eq!(assessment_fingerprint(&framework, &assessment), profiled, "the same weights, either way");
    }
}
