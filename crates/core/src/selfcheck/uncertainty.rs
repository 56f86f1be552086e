//! Monte Carlo uncertainty: how far the index could move given uncertain weights, weak data and
//! missing indicators. Seeded ChaCha8, whose stream is the same on 64-bit native and wasm32, so
//! the same inputs give the same interval everywhere.

use std::collections::BTreeMap;

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use super::EngineError;
use super::evaluate::{Options, aggregate, weights_with_overrides};
use super::framework::Framework;
use super::input::{IndicatorInput, Measure, normalise_inputs};

#[derive(Clone, Debug, PartialEq)]
pub struct UncertaintyOptions {
    pub draws: u32,
    pub seed: u64,
    /// Each weight is multiplied by a factor drawn uniformly from 1 ± band (then renormalised).
    pub weight_band: f64,
}

impl Default for UncertaintyOptions {
    fn default() -> Self {
        UncertaintyOptions { draws: 10_000, seed: 2021, weight_band: 0.2 }
    }
}

/// The spread of the index over the draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    pub draws: u32,
    pub median: f64,
    pub p05: f64,
    pub p95: f64,
    /// Share of draws in each tier, in the framework's tier order (highest first).
    pub tier_probabilities: Vec<(String, f64)>,
}

/// How one indicator may move in a draw.
#[derive(Clone, Copy)]
enum Spread {
    /// Solid figure: stays.
    Fixed(f64),
    /// Weak rubric level: one level down, the same, or one up, equally likely.
    WeakLevel(u8),
    /// Weak score or value: up to one level's worth (25 points) either way.
    WeakScore(f64),
    /// Not assessed: anywhere in 0..1.
    Missing,
}

fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    // 53 random bits, the precision of an f64 mantissa: exact and platform-independent.
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

fn quantile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Runs the draws. Inputs and weight overrides are checked as in evaluation.
pub fn simulate(
    framework: &Framework,
    inputs: &BTreeMap<String, IndicatorInput>,
    options: &Options,
    settings: &UncertaintyOptions,
) -> Result<Uncertainty, EngineError> {
    let scores = normalise_inputs(framework, inputs).map_err(EngineError::Inputs)?;
    let base_weights = weights_with_overrides(framework, &options.weights).map_err(EngineError::Weights)?;
    let mode = options.aggregation.unwrap_or(framework.aggregation);
    let spreads: Vec<(usize, Spread)> = framework
        .indicators()
        .map(|(index, node)| {
            let input = inputs.get(&node.code);
            let spread = match (scores[index], input) {
                (None, _) => Spread::Missing,
                (Some(_), Some(input)) if input.is_weak() => match input.measure() {
                    Some(Measure::Level(level)) => Spread::WeakLevel(level),
                    _ => Spread::WeakScore(scores[index].unwrap_or(0.0)),
                },
                (Some(score), _) => Spread::Fixed(score),
            };
            (index, spread)
        })
        .collect();

    let draws = settings.draws.max(1);
    let band = settings.weight_band.clamp(0.0, 1.0);
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let mut weights = base_weights.clone();
    let mut trial = vec![None; framework.nodes.len()];
    let mut values = vec![None; framework.nodes.len()];
    let mut indexes = Vec::with_capacity(draws as usize);
    for _ in 0..draws {
        for (weight, base) in weights.iter_mut().zip(&base_weights).skip(1) {
            *weight = base * (1.0 + band * (2.0 * uniform(&mut rng) - 1.0));
        }
        for &(index, spread) in &spreads {
            trial[index] = Some(match spread {
                Spread::Fixed(score) => score,
                Spread::WeakLevel(level) => {
                    let moved = i16::from(level) + (rng.next_u64() % 3) as i16 - 1;
                    f64::from(moved.clamp(0, 4)) * 0.25
                }
                Spread::WeakScore(score) => (score + 0.25 * (2.0 * uniform(&mut rng) - 1.0)).clamp(0.0, 1.0),
                Spread::Missing => uniform(&mut rng),
            });
        }
        aggregate(framework, &weights, &trial, mode, &mut values);
        indexes.push(values[0].unwrap_or(0.0));
    }
    indexes.sort_by(f64::total_cmp);
    let tier_probabilities = framework
        .tiers
        .iter()
        .map(|tier| {
            let count =
                indexes.iter().filter(|&&index| framework.tier_for(index).is_some_and(|t| t.id == tier.id)).count();
            (tier.id.clone(), count as f64 / f64::from(draws))
        })
        .collect();
    Ok(Uncertainty {
        draws,
        median: quantile(&indexes, 0.5),
        p05: quantile(&indexes, 0.05),
        p95: quantile(&indexes, 0.95),
        tier_probabilities,
    })
}

/// A recorded Monte Carlo run (`crates/core/tests/vectors/uncertainty-*.json`), shared by the
/// native test and the Wasm test in Chromium that prove the results are the same everywhere.
pub mod uncertainty_vector {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::{UncertaintyOptions, simulate};
    use crate::selfcheck::{Framework, IndicatorInput, Options};

    #[derive(Debug, Deserialize)]
    pub struct Vector {
        pub framework: String,
        pub inputs: BTreeMap<String, IndicatorInput>,
        pub draws: u32,
        pub seed: u64,
        pub weight_band: f64,
        pub expected: Expected,
    }

    /// Compared exactly: the same bits, not merely close.
    #[derive(Debug, PartialEq, Deserialize)]
    pub struct Expected {
        pub median: f64,
        pub p05: f64,
        pub p95: f64,
        pub tier_probabilities: Vec<(String, f64)>,
    }

    /// Runs the vector's analysis; panics on a malformed vector (a test fixture).
    pub fn run(vector: &Vector) -> Expected {
        let framework = Framework::builtin(&vector.framework).expect("a built-in framework");
        let settings = UncertaintyOptions { draws: vector.draws, seed: vector.seed, weight_band: vector.weight_band };
        let result = simulate(&framework, &vector.inputs, &Options::default(), &settings).expect("valid inputs");
        Expected {
            median: result.median,
            p05: result.p05,
            p95: result.p95,
            tier_probabilities: result.tier_probabilities,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selfcheck::Quality;

    fn all_level(framework: &Framework, level: u8, quality: Option<Quality>) -> BTreeMap<String, IndicatorInput> {
        framework
            .indicators()
            .map(|(_, node)| {
                let input = IndicatorInput { quality, ..IndicatorInput::level(level) };
                (node.code.clone(), input)
            })
            .collect()
    }

    #[test]
    fn solid_complete_data_leaves_only_weight_uncertainty() {
        let framework = Framework::builtin("smart-2021").unwrap();
        // Every indicator equal: weights cannot move a mean of equal values.
        let result =
            simulate(&framework, &all_level(&framework, 3, None), &Options::default(), &UncertaintyOptions::default())
                .unwrap();
        assert!((result.p05 - 0.75).abs() < 1e-9 && (result.p95 - 0.75).abs() < 1e-9, "{result:?}");
        assert_eq!(result.tier_probabilities[1], ("pioneer".to_owned(), 1.0));
    }

    #[test]
    fn weak_and_missing_data_widen_the_interval_and_the_same_seed_repeats() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut inputs = all_level(&framework, 3, Some(Quality::Estimated));
        inputs.retain(|code, _| !code.starts_with('S'));
        let settings = UncertaintyOptions { draws: 2000, ..UncertaintyOptions::default() };
        let first = simulate(&framework, &inputs, &Options::default(), &settings).unwrap();
        assert!(first.p95 - first.p05 > 0.05, "{first:?}");
        assert!(first.p05 <= first.median && first.median <= first.p95);
        let total: f64 = first.tier_probabilities.iter().map(|(_, p)| p).sum();
        assert!((total - 1.0).abs() < 1e-12);
        assert_eq!(simulate(&framework, &inputs, &Options::default(), &settings).unwrap(), first);
        let other = UncertaintyOptions { seed: 7, ..settings };
        assert_ne!(simulate(&framework, &inputs, &Options::default(), &other).unwrap(), first);
    }
}
