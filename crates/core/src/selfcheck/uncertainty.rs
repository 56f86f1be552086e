//! Monte Carlo uncertainty: how far the index could move given uncertain weights, weak data and
//! missing indicators. Seeded ChaCha8, whose stream is the same on 64-bit native and wasm32, so
//! the same inputs give the same interval everywhere.
//!
//! The model, as the method section states it:
//! - every weight is multiplied by a factor drawn from 1 ± the band (then renormalised);
//! - a weak rubric level moves one level down, stays or moves one up, equally likely; a weak score
//!   or value moves up to 25 points either way;
//! - the indicators not assessed move together: a city weak in one indicator is likely weak in
//!   its neighbours, so independent draws, which average out over many unknowns and make the
//!   interval narrower the less is known, would mislead. In each draw every dimension (top-level
//!   node) takes one score, shared by all its indicators not assessed, from a distribution on
//!   0..100 whose median is the framework's published average for that dimension (else for the
//!   index, else 50) and which reaches both 0 and 100: uniform between 0 and the median half the
//!   time, between the median and 100 the other half.
//!
//! Common random numbers: each draw takes one number for every weight, every dimension and every
//! indicator, in that order, whether it uses it or not, so two runs that differ in one entry
//! differ only where that entry matters.

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
    /// Not assessed: its dimension's shared score, the dimension being `groups[_]`.
    Missing(usize),
}

impl Spread {
    /// The score in one draw, from the indicator's own number and its dimension's shared scores.
    fn draw(self, own: f64, shared: &[f64]) -> f64 {
        match self {
            Spread::Fixed(score) => score,
            Spread::WeakLevel(level) => {
                // `own` is below 1, so the step is -1, 0 or +1.
                let moved = i16::from(level) + (own * 3.0) as i16 - 1;
                f64::from(moved.clamp(0, 4)) * 0.25
            }
            Spread::WeakScore(score) => (score + 0.25 * (2.0 * own - 1.0)).clamp(0.0, 1.0),
            Spread::Missing(group) => shared[group],
        }
    }

    /// The lowest and highest score any draw can give it (missing ones at 0 and 1).
    fn extremes(self) -> (f64, f64) {
        match self {
            Spread::Fixed(score) => (score, score),
            Spread::WeakLevel(level) => {
                (f64::from(level.saturating_sub(1)) * 0.25, f64::from(level.saturating_add(1).min(4)) * 0.25)
            }
            Spread::WeakScore(score) => ((score - 0.25).max(0.0), (score + 0.25).min(1.0)),
            Spread::Missing(_) => (0.0, 1.0),
        }
    }
}

fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    // 53 random bits, the precision of an f64 mantissa: exact and platform-independent.
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// A score on 0..1 with median `centre`: uniform below it half the time, above it otherwise,
/// so every score from 0 to 1 stays possible whatever the centre.
fn around(centre: f64, u: f64) -> f64 {
    if u < 0.5 { centre * 2.0 * u } else { centre + (1.0 - centre) * (2.0 * u - 1.0) }
}

fn quantile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// The dimension an indicator belongs to: its top-level ancestor (the index itself for an
/// indicator directly under it).
fn dimension_of(framework: &Framework, indicator: usize) -> usize {
    let mut index = indicator;
    while let Some(parent) = framework.nodes[index].parent {
        if parent == 0 {
            return if index == indicator { 0 } else { index };
        }
        index = parent;
    }
    0
}

/// The median a dimension's missing indicators are drawn around: its published average, else
/// the index's, else the middle.
fn centre_of(framework: &Framework, dimension: usize) -> f64 {
    let code = &framework.nodes[dimension].code;
    let published = if dimension == 0 { None } else { framework.average(code) };
    published.or_else(|| framework.average("overall")).map_or(0.5, |average| average.value.clamp(0.0, 1.0))
}

/// The model's inputs for one assessment: how each indicator moves and each dimension's centre.
struct Model {
    /// Indexed like the framework's nodes; `None` for nodes that are not indicators.
    spreads: Vec<Option<Spread>>,
    /// The centre of each dimension's shared score; index 0 is the index's own (for indicators
    /// directly under it), then the top-level nodes in framework order.
    centres: Vec<f64>,
}

impl Model {
    fn new(framework: &Framework, inputs: &BTreeMap<String, IndicatorInput>, scores: &[Option<f64>]) -> Model {
        let dimensions: Vec<usize> = std::iter::once(0).chain(framework.nodes[0].children.iter().copied()).collect();
        let centres = dimensions.iter().map(|&dimension| centre_of(framework, dimension)).collect();
        let spreads = framework
            .nodes
            .iter()
            .enumerate()
            .map(|(index, node)| {
                node.is_indicator().then(|| match (scores[index], inputs.get(&node.code)) {
                    (None, _) => {
                        let dimension = dimension_of(framework, index);
                        Spread::Missing(dimensions.iter().position(|&d| d == dimension).unwrap_or(0))
                    }
                    (Some(score), Some(input)) if input.is_weak() => match input.measure() {
                        Some(Measure::Level(level)) => Spread::WeakLevel(level),
                        _ => Spread::WeakScore(score),
                    },
                    (Some(score), _) => Spread::Fixed(score),
                })
            })
            .collect();
        Model { spreads, centres }
    }
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
    let model = Model::new(framework, inputs, &scores);

    let draws = settings.draws.max(1);
    let band = settings.weight_band.clamp(0.0, 1.0);
    let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
    let mut weights = base_weights.clone();
    let mut shared = vec![0.0; model.centres.len()];
    let mut trial = vec![None; framework.nodes.len()];
    let mut values = vec![None; framework.nodes.len()];
    let mut indexes = Vec::with_capacity(draws as usize);
    for _ in 0..draws {
        for (weight, base) in weights.iter_mut().zip(&base_weights).skip(1) {
            *weight = base * (1.0 + band * (2.0 * uniform(&mut rng) - 1.0));
        }
        for (score, &centre) in shared.iter_mut().zip(&model.centres) {
            *score = around(centre, uniform(&mut rng));
        }
        for (slot, spread) in trial.iter_mut().zip(&model.spreads) {
            if let Some(spread) = spread {
                let own = uniform(&mut rng);
                *slot = Some(spread.draw(own, &shared));
            }
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

/// The lowest and highest index any draw can give with the weights as given (a band of 0): every
/// indicator at the bottom, then the top, of its spread. The interval lies within it.
pub fn draw_extremes(
    framework: &Framework,
    inputs: &BTreeMap<String, IndicatorInput>,
    options: &Options,
) -> Result<(f64, f64), EngineError> {
    let scores = normalise_inputs(framework, inputs).map_err(EngineError::Inputs)?;
    let weights = weights_with_overrides(framework, &options.weights).map_err(EngineError::Weights)?;
    let mode = options.aggregation.unwrap_or(framework.aggregation);
    let model = Model::new(framework, inputs, &scores);
    let mut values = vec![None; framework.nodes.len()];
    let mut at = |pick: fn((f64, f64)) -> f64| {
        let filled: Vec<Option<f64>> = model.spreads.iter().map(|spread| spread.map(|s| pick(s.extremes()))).collect();
        aggregate(framework, &weights, &filled, mode, &mut values);
        values[0].unwrap_or(0.0)
    };
    Ok((at(|(low, _)| low), at(|(_, high)| high)))
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
