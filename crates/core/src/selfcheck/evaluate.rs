//! Aggregation: weighted means over the children that have a value, weights renormalised over
//! those children, so a missing indicator is left out rather than counted as zero. Coverage says
//! how much of the framework's weight that leaves assessed.

use std::collections::BTreeMap;

use super::framework::{Aggregation, Framework, GEOMETRIC_FLOOR};

/// Choices the official may change without editing the framework.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Overrides the framework's aggregation.
    pub aggregation: Option<Aggregation>,
    /// Overrides node weights by code (relative to siblings).
    pub weights: BTreeMap<String, f64>,
    /// Overrides the framework's coverage gate (0..1).
    pub coverage_gate: Option<f64>,
}

/// Why the weight overrides cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum WeightError {
    UnknownCode { code: String },
    BadWeight { code: String, weight: f64 },
    AllZero { parent: String },
}

impl std::fmt::Display for WeightError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WeightError::UnknownCode { code } => {
                write!(f, "weight given for {code}, which is not part of this framework")
            }
            WeightError::BadWeight { code, weight } => {
                write!(f, "the weight of {code} must be a number of 0 or more (found {weight})")
            }
            WeightError::AllZero { parent } => {
                write!(f, "the parts of {parent} all weigh 0; give at least one a weight above 0")
            }
        }
    }
}

impl std::error::Error for WeightError {}

impl WeightError {
    /// The problem in the official's language.
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::SelfcheckMsg as M;
        match self {
            WeightError::UnknownCode { code } => lang.format(M::ProblemWeightUnknown, &[("code", code)]),
            WeightError::BadWeight { code, weight } => {
                lang.format(M::ProblemWeightBad, &[("code", code), ("weight", &weight.to_string())])
            }
            WeightError::AllZero { parent } => lang.format(M::ProblemWeightAllZero, &[("code", parent)]),
        }
    }
}

/// Red, yellow or green, from the framework's light thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Light {
    Red,
    Yellow,
    Green,
}

impl Light {
    /// The light in words, so colour is never the only signal.
    pub fn message(self) -> crate::SelfcheckMsg {
        match self {
            Light::Green => crate::SelfcheckMsg::LightGreen,
            Light::Yellow => crate::SelfcheckMsg::LightYellow,
            Light::Red => crate::SelfcheckMsg::LightRed,
        }
    }
}

/// One node's result.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeResult {
    /// On 0..1; `None` when nothing below it was assessed.
    pub value: Option<f64>,
    /// Share of the index this node carries when everything is assessed (product of sibling
    /// shares along its path).
    pub nominal_weight: f64,
    /// Share it actually carries, after renormalising over assessed siblings; 0 when missing.
    pub effective_weight: f64,
    pub light: Option<Light>,
    /// Its value with every indicator below it not assessed at 0, and at 100: where it can lie
    /// whatever they turn out to be.
    pub low: f64,
    pub high: f64,
}

/// The result of one evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The overall index on 0..1; `None` when nothing was assessed.
    pub index: Option<f64>,
    /// Indexed like `framework.nodes` (node 0 is the overall index).
    pub nodes: Vec<NodeResult>,
    /// Share of the framework's weight that was assessed, 0..1.
    pub coverage: f64,
    pub coverage_gate: f64,
    pub low_coverage: bool,
    /// Id of the tier the index falls in.
    pub tier: Option<String>,
    /// Where the index can lie whatever the indicators not assessed turn out to be.
    pub bounds: IndexBounds,
    pub aggregation: Aggregation,
    /// The weights used, relative to siblings, indexed like `framework.nodes`.
    pub weights: Vec<f64>,
}

/// The index with every indicator not assessed at 0 (`low`) and at 100 (`high`), the assessed
/// ones as given, with the weights given: exact, not simulated. Both means are monotone in every
/// score, so no outcome of the missing indicators leaves this range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndexBounds {
    pub low: f64,
    pub high: f64,
}

impl IndexBounds {
    pub fn width(&self) -> f64 {
        self.high - self.low
    }

    /// The range rounded outward to two decimals, so the rounded claim stays true: 0.075 to 0.975
    /// reads 0.07 to 0.98, never 0.08 to 0.97 (a hair of tolerance keeps an exact 0.50 at 0.50).
    pub fn to_two_decimals(&self) -> (f64, f64) {
        (((self.low * 100.0) + 1e-9).floor() / 100.0, ((self.high * 100.0) - 1e-9).ceil() / 100.0)
    }
}

/// Every node's value with the missing indicators filled with `fill` (0 or 1).
fn values_with_missing_at(
    framework: &Framework,
    weights: &[f64],
    scores: &[Option<f64>],
    mode: Aggregation,
    fill: f64,
) -> Vec<Option<f64>> {
    let filled: Vec<Option<f64>> = framework
        .nodes
        .iter()
        .zip(scores)
        .map(|(node, score)| node.is_indicator().then(|| score.unwrap_or(fill)))
        .collect();
    let mut values = vec![None; framework.nodes.len()];
    aggregate(framework, weights, &filled, mode, &mut values);
    values
}

impl Evaluation {
    /// The indicators not assessed that carry the most weight, heaviest first (framework order
    /// among equals), just enough of them that assessing them lifts coverage to the gate. Empty
    /// at or above the gate.
    pub fn to_reach_gate<'a>(&self, framework: &'a Framework) -> Vec<&'a str> {
        let mut open: Vec<(usize, f64)> = framework
            .indicators()
            .filter(|(index, _)| self.nodes[*index].value.is_none())
            .map(|(index, _)| (index, self.nodes[index].nominal_weight))
            .collect();
        open.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut coverage = self.coverage;
        let mut named = Vec::new();
        for (index, weight) in open {
            // A hair of tolerance: shares are sums of products and may miss the gate by 1e-15.
            if coverage + 1e-12 >= self.coverage_gate {
                break;
            }
            coverage += weight;
            named.push(framework.nodes[index].code.as_str());
        }
        named
    }

    /// The result for a node code.
    pub fn node<'a>(&'a self, framework: &Framework, code: &str) -> Option<&'a NodeResult> {
        framework.index_of(code).map(|index| &self.nodes[index])
    }
}

/// The weights in force: the framework's, with the official's overrides.
pub fn weights_with_overrides(
    framework: &Framework,
    overrides: &BTreeMap<String, f64>,
) -> Result<Vec<f64>, Vec<WeightError>> {
    let mut weights: Vec<f64> = framework.nodes.iter().map(|node| node.weight).collect();
    let mut problems = Vec::new();
    for (code, &weight) in overrides {
        match framework.index_of(code) {
            Some(0) | None => problems.push(WeightError::UnknownCode { code: code.clone() }),
            Some(_) if !(weight.is_finite() && weight >= 0.0) => {
                problems.push(WeightError::BadWeight { code: code.clone(), weight });
            }
            Some(index) => weights[index] = weight,
        }
    }
    for node in &framework.nodes {
        if !node.children.is_empty() && node.children.iter().map(|&c| weights[c]).sum::<f64>() <= 0.0 {
            problems.push(WeightError::AllZero { parent: node.code.clone() });
        }
    }
    if problems.is_empty() { Ok(weights) } else { Err(problems) }
}

/// Fills `values` bottom-up from the indicator scores. Allocation-free, for Monte Carlo.
pub(crate) fn aggregate(
    framework: &Framework,
    weights: &[f64],
    scores: &[Option<f64>],
    mode: Aggregation,
    values: &mut [Option<f64>],
) {
    // Children always come after their parent, so walking backwards visits children first.
    for index in (0..framework.nodes.len()).rev() {
        let node = &framework.nodes[index];
        if node.children.is_empty() {
            values[index] = if node.is_indicator() { scores[index] } else { None };
            continue;
        }
        let (mut weight_sum, mut total) = (0.0, 0.0);
        for &child in &node.children {
            let weight = weights[child];
            if let Some(value) = values[child]
                && weight > 0.0
            {
                weight_sum += weight;
                total += match mode {
                    Aggregation::Arithmetic => weight * value,
                    Aggregation::Geometric => weight * value.max(GEOMETRIC_FLOOR).ln(),
                };
            }
        }
        values[index] = (weight_sum > 0.0).then(|| {
            let mean = match mode {
                Aggregation::Arithmetic => total / weight_sum,
                Aggregation::Geometric => (total / weight_sum).exp(),
            };
            mean.clamp(0.0, 1.0)
        });
    }
}

/// Evaluates indicator scores (0..1, indexed like `framework.nodes`, from `normalise_inputs`).
pub fn evaluate(
    framework: &Framework,
    scores: &[Option<f64>],
    options: &Options,
) -> Result<Evaluation, Vec<WeightError>> {
    let weights = weights_with_overrides(framework, &options.weights)?;
    let aggregation = options.aggregation.unwrap_or(framework.aggregation);
    let count = framework.nodes.len();
    let mut values = vec![None; count];
    aggregate(framework, &weights, scores, aggregation, &mut values);

    let mut nominal = vec![0.0; count];
    let mut effective = vec![0.0; count];
    nominal[0] = 1.0;
    effective[0] = if values[0].is_some() { 1.0 } else { 0.0 };
    for (index, node) in framework.nodes.iter().enumerate() {
        let all: f64 = node.children.iter().map(|&c| weights[c]).sum();
        let assessed: f64 = node.children.iter().filter(|&&c| values[c].is_some()).map(|&c| weights[c]).sum();
        for &child in &node.children {
            nominal[child] = nominal[index] * weights[child] / all;
            if values[child].is_some() && assessed > 0.0 {
                effective[child] = effective[index] * weights[child] / assessed;
            }
        }
    }
    let coverage = framework
        .indicators()
        .filter(|(index, _)| scores[*index].is_some())
        .map(|(index, _)| nominal[index])
        .sum::<f64>()
        .clamp(0.0, 1.0);
    let coverage_gate = options.coverage_gate.unwrap_or(framework.coverage_gate);
    let light = |value: Option<f64>| {
        let lights = framework.lights.as_ref()?;
        let score = value? * 100.0;
        Some(if score >= lights.green {
            Light::Green
        } else if score >= lights.yellow {
            Light::Yellow
        } else {
            Light::Red
        })
    };
    let lows = values_with_missing_at(framework, &weights, scores, aggregation, 0.0);
    let highs = values_with_missing_at(framework, &weights, scores, aggregation, 1.0);
    let nodes: Vec<NodeResult> = (0..count)
        .map(|i| NodeResult {
            value: values[i],
            nominal_weight: nominal[i],
            effective_weight: effective[i],
            light: light(values[i]),
            // A node with no indicator below it (a malformed framework) has no value either way.
            low: lows[i].unwrap_or(0.0),
            high: highs[i].unwrap_or(1.0),
        })
        .collect();
    let bounds = IndexBounds { low: nodes[0].low, high: nodes[0].high };
    Ok(Evaluation {
        index: values[0],
        nodes,
        coverage,
        coverage_gate,
        low_coverage: coverage < coverage_gate,
        tier: values[0].and_then(|index| framework.tier_for(index)).map(|tier| tier.id.clone()),
        bounds,
        aggregation,
        weights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn smart() -> Framework {
        Framework::builtin("smart-2021").unwrap()
    }

    fn scores_for(framework: &Framework, given: &[(&str, f64)]) -> Vec<Option<f64>> {
        let mut scores = vec![None; framework.nodes.len()];
        for (code, score) in given {
            scores[framework.index_of(code).unwrap()] = Some(*score);
        }
        scores
    }

    #[test]
    fn nothing_assessed_is_missing_not_zero() {
        let framework = smart();
        let evaluation = evaluate(&framework, &vec![None; framework.nodes.len()], &Options::default()).unwrap();
        assert_eq!(evaluation.index, None);
        assert_eq!(evaluation.tier, None);
        assert_eq!(evaluation.coverage, 0.0);
        assert!(evaluation.low_coverage);
        assert!(evaluation.nodes.iter().all(|n| n.value.is_none() && n.effective_weight == 0.0));
    }

    #[test]
    fn nominal_weights_follow_the_published_first_level() {
        let framework = smart();
        let evaluation = evaluate(&framework, &scores_for(&framework, &[("T1.1", 1.0)]), &Options::default()).unwrap();
        let s23 = evaluation.node(&framework, "S2.3").unwrap();
        assert!((s23.nominal_weight - 0.30 / 2.0 / 3.0).abs() < 1e-12);
        let sum: f64 = framework.indicators().map(|(i, _)| evaluation.nodes[i].nominal_weight).sum();
        assert!((sum - 1.0).abs() < 1e-12);
        // The one assessed indicator carries the whole index after renormalisation.
        assert_eq!(evaluation.node(&framework, "T1.1").unwrap().effective_weight, 1.0);
        assert_eq!(evaluation.index, Some(1.0));
    }

    #[test]
    fn bounds_are_the_index_with_every_missing_indicator_at_0_and_at_100() {
        let framework = smart();
        let none = evaluate(&framework, &vec![None; framework.nodes.len()], &Options::default()).unwrap();
        assert_eq!(none.bounds, IndexBounds { low: 0.0, high: 1.0 }, "nothing assessed: anything is possible");
        // With T1.1 alone at 100, the low bound is exactly the share of the index T1.1 carries.
        let one = evaluate(&framework, &scores_for(&framework, &[("T1.1", 1.0)]), &Options::default()).unwrap();
        let share = one.node(&framework, "T1.1").unwrap().nominal_weight;
        assert!((one.bounds.low - share).abs() < 1e-12, "{:?} vs {share}", one.bounds);
        assert!((one.bounds.high - 1.0).abs() < 1e-12);
        let all: Vec<(String, f64)> = framework.indicators().map(|(_, n)| (n.code.clone(), 0.5)).collect();
        let given: Vec<(&str, f64)> = all.iter().map(|(c, s)| (c.as_str(), *s)).collect();
        let full = evaluate(&framework, &scores_for(&framework, &given), &Options::default()).unwrap();
        assert!(full.bounds.width().abs() < 1e-12, "everything assessed: the bounds meet at the index");
        assert_eq!(IndexBounds { low: 0.075, high: 0.975 }.to_two_decimals(), (0.07, 0.98), "rounded outward");
        assert_eq!(IndexBounds { low: 0.5, high: 0.5 }.to_two_decimals(), (0.5, 0.5));
    }

    #[test]
    fn weight_overrides_are_checked_and_applied() {
        let framework = smart();
        let scores = scores_for(&framework, &[("T1.1", 1.0), ("R1.1", 0.0)]);
        let options = Options { weights: BTreeMap::from([("T".into(), 0.0)]), ..Options::default() };
        assert_eq!(evaluate(&framework, &scores, &options).unwrap().index, Some(0.0));
        let bad =
            Options { weights: BTreeMap::from([("Q".into(), 1.0), ("R".into(), f64::NAN)]), ..Options::default() };
        let problems = evaluate(&framework, &scores, &bad).unwrap_err();
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn geometric_mean_punishes_imbalance_and_floors_zero() {
        let framework = smart();
        let scores = scores_for(&framework, &[("T1.1", 1.0), ("T1.2", 0.0)]);
        let options = Options { aggregation: Some(Aggregation::Geometric), ..Options::default() };
        let index = evaluate(&framework, &scores, &options).unwrap().index.unwrap();
        assert!((index - GEOMETRIC_FLOOR.sqrt()).abs() < 1e-12, "{index}");
    }
}
