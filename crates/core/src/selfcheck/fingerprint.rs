//! A reproducibility fingerprint: SHA-256 of the canonical JSON of everything that determines a
//! result (engine version, framework id and version, inputs, weight overrides, options).
//! Evidence notes are left out: they explain a figure but do not change the result.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

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
}

/// The fingerprint as 64 lowercase hex digits.
pub fn fingerprint(framework: &Framework, inputs: &BTreeMap<String, IndicatorInput>, options: &Options) -> String {
    let canonical = Canonical {
        engine: ENGINE_VERSION,
        framework: [&framework.id, &framework.version],
        inputs: inputs
            .iter()
            .map(|(code, input)| (code.as_str(), IndicatorInput { note: None, ..input.clone() }))
            .collect(),
        weights: &options.weights,
        aggregation: options.aggregation.unwrap_or(framework.aggregation),
        coverage_gate: options.coverage_gate.unwrap_or(framework.coverage_gate),
    };
    let json = serde_json::to_string(&canonical).expect("maps of strings and numbers always serialise");
    Sha256::digest(json.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
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
}
