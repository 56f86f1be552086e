//! The second track the 2025 guidance asks for beside the level ("基准值+目标值"): how far the
//! city has come from its baseline toward its targets, per indicator, per dimension and overall,
//! and the combined result of level and progress.
//!
//! Progress of a node is `(now − baseline) / (target − baseline)` on the 0..1 score scale: 0 at
//! the baseline, 1 at the target, above 1 past it, below 0 when the city went back. For a
//! dimension and the whole, baseline, now and target are each the weighted mean (the framework's
//! aggregation, the weights in force) over the same indicators: those with a baseline figure, a
//! figure now and a target above the baseline, so none of the three is averaged over things the
//! others leave out.
//! A dimension's own target replaces the mean of its indicators' targets; its baseline and now
//! are then the means over the indicators that have both.

use std::collections::BTreeMap;

use super::assessment::Assessment;
use super::evaluate::{Evaluation, aggregate};
use super::framework::{Aggregation, Framework, GEOMETRIC_FLOOR};
use super::input::{IndicatorInput, InputError, entry_score, normalise_inputs};

/// The share progress carries in the combined result unless the city chooses otherwise. The
/// level stays the larger part: the evaluation is of a city, and a city that starts low should be
/// able to show movement without being ranked above one that is simply better.
pub const DEFAULT_PROGRESS_WEIGHT: f64 = 0.3;

/// Below this the target is taken to be at the baseline (scores are sums of products).
const SAME: f64 = 1e-9;

/// Why a node has no progress figure: never shown as 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoProgress {
    /// No earlier assessment was chosen as the baseline.
    NoBaseline,
    /// The baseline has no figure for it.
    NotInBaseline,
    /// It is not assessed now.
    NotAssessedNow,
    /// It has no target, from the framework or the city.
    NoTarget,
    /// Nothing below it has a baseline figure, a figure now and a target.
    NothingComparable,
    /// The target is at or below the baseline, so there is no way to cover.
    TargetNotAboveBaseline,
}

impl NoProgress {
    /// The id used in files (the results CSV).
    pub fn id(self) -> &'static str {
        match self {
            NoProgress::NoBaseline => "no-baseline",
            NoProgress::NotInBaseline => "not-in-baseline",
            NoProgress::NotAssessedNow => "not-assessed-now",
            NoProgress::NoTarget => "no-target",
            NoProgress::NothingComparable => "nothing-comparable",
            NoProgress::TargetNotAboveBaseline => "target-not-above-baseline",
        }
    }

    /// The reason in the official's words.
    pub fn message(self) -> crate::SelfcheckMsg {
        use crate::SelfcheckMsg as M;
        match self {
            NoProgress::NoBaseline => M::ProgressNoBaseline,
            NoProgress::NotInBaseline => M::ProgressNotInBaseline,
            NoProgress::NotAssessedNow => M::ProgressNotAssessedNow,
            NoProgress::NoTarget => M::ProgressNoTarget,
            NoProgress::NothingComparable => M::ProgressNothingComparable,
            NoProgress::TargetNotAboveBaseline => M::ProgressTargetNotAbove,
        }
    }
}

/// One node on the progress track (scores on 0..1).
#[derive(Clone, Debug, PartialEq)]
pub struct NodeProgress {
    pub baseline: Option<f64>,
    pub now: Option<f64>,
    pub target: Option<f64>,
    /// The share of the way from baseline to target covered now, or why there is none.
    pub progress: Result<f64, NoProgress>,
}

/// The progress track, indexed like `framework.nodes` (node 0 is the whole).
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub nodes: Vec<NodeProgress>,
}

impl Progress {
    pub fn overall(&self) -> Result<f64, NoProgress> {
        self.nodes[0].progress
    }

    /// The result for a node code.
    pub fn node<'a>(&'a self, framework: &Framework, code: &str) -> Option<&'a NodeProgress> {
        framework.index_of(code).map(|index| &self.nodes[index])
    }
}

/// The framework's own targets as entries: each indicator with a target value in its unit.
pub fn framework_targets(framework: &Framework) -> BTreeMap<String, IndicatorInput> {
    framework
        .indicators()
        .filter_map(|(_, node)| node.target.map(|t| (node.code.clone(), IndicatorInput::value(t.value))))
        .collect()
}

/// Every target as a 0..1 score, indexed like `framework.nodes`: an indicator's in its own terms
/// (level, score or value), a dimension's as a score. Or every problem.
pub fn target_scores(
    framework: &Framework,
    targets: &BTreeMap<String, IndicatorInput>,
) -> Result<Vec<Option<f64>>, Vec<InputError>> {
    let mut scores = vec![None; framework.nodes.len()];
    let mut problems = Vec::new();
    for (code, target) in targets {
        let Some(index) = framework.index_of(code).filter(|&index| index > 0) else {
            problems.push(InputError::UnknownCode { code: code.clone() });
            continue;
        };
        let node = &framework.nodes[index];
        let score = if node.is_indicator() {
            entry_score(node, code, target)
        } else {
            match (target.score, target.level, target.value) {
                (Some(score), None, None) if (0.0..=100.0).contains(&score) => Ok(score),
                (Some(score), None, None) => Err(InputError::ScoreOutOfRange { code: code.clone(), score }),
                _ => Err(InputError::DimensionTargetNotScore { code: code.clone() }),
            }
        };
        match score {
            Ok(score) => scores[index] = Some(score / 100.0),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() { Ok(scores) } else { Err(problems) }
}

/// The weighted mean the framework uses, over `(weight, value)` pairs with weight above 0.
fn mean(mode: Aggregation, parts: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (mut weight_sum, mut total) = (0.0, 0.0);
    for (weight, value) in parts.filter(|(weight, _)| *weight > 0.0) {
        weight_sum += weight;
        total += match mode {
            Aggregation::Arithmetic => weight * value,
            Aggregation::Geometric => weight * value.max(GEOMETRIC_FLOOR).ln(),
        };
    }
    (weight_sum > 0.0).then(|| match mode {
        Aggregation::Arithmetic => total / weight_sum,
        Aggregation::Geometric => (total / weight_sum).exp(),
    })
}

/// The share of the way from `baseline` to `target` that `now` covers.
pub fn share_covered(baseline: f64, now: f64, target: f64) -> Result<f64, NoProgress> {
    if target - baseline <= SAME {
        return Err(NoProgress::TargetNotAboveBaseline);
    }
    Ok((now - baseline) / (target - baseline))
}

/// The progress track. Scores are 0..1 and indexed like `framework.nodes` (`baseline` from the
/// chosen earlier assessment, `targets` from [`target_scores`]); `weights` and `mode` are the
/// ones in force for this assessment (an [`super::Evaluation`]'s), so both years are weighed
/// alike.
pub fn progress(
    framework: &Framework,
    weights: &[f64],
    mode: Aggregation,
    baseline: Option<&[Option<f64>]>,
    now: &[Option<f64>],
    targets: &[Option<f64>],
) -> Progress {
    let count = framework.nodes.len();
    let Some(baseline) = baseline else {
        let none = NodeProgress { baseline: None, now: None, target: None, progress: Err(NoProgress::NoBaseline) };
        return Progress { nodes: vec![none; count] };
    };
    // Baseline and now over the indicators that have both, for dimensions with their own target.
    let both = |mine: &[Option<f64>], other: &[Option<f64>]| -> Vec<Option<f64>> {
        mine.iter().zip(other).map(|(a, b)| a.filter(|_| b.is_some())).collect()
    };
    let (mut paired_baseline, mut paired_now) = (vec![None; count], vec![None; count]);
    aggregate(framework, weights, &both(baseline, now), mode, &mut paired_baseline);
    aggregate(framework, weights, &both(now, baseline), mode, &mut paired_now);

    let mut nodes: Vec<NodeProgress> =
        vec![
            NodeProgress { baseline: None, now: None, target: None, progress: Err(NoProgress::NothingComparable) };
            count
        ];
    // Children come after their parent, so walking backwards visits children first.
    for index in (0..count).rev() {
        let node = &framework.nodes[index];
        let triple = if node.is_indicator() {
            match (baseline[index], now[index], targets[index]) {
                (None, _, _) => Err(NoProgress::NotInBaseline),
                (_, None, _) => Err(NoProgress::NotAssessedNow),
                (_, _, None) => Err(NoProgress::NoTarget),
                (Some(b), Some(n), Some(t)) => Ok((b, n, t)),
            }
        } else if let Some(target) = targets[index].filter(|_| index > 0) {
            paired_baseline[index]
                .zip(paired_now[index])
                .map(|(b, n)| (b, n, target))
                .ok_or(NoProgress::NothingComparable)
        } else {
            let comparable: Vec<(f64, (f64, f64, f64))> = node
                .children
                .iter()
                .filter_map(|&child| {
                    let c = &nodes[child];
                    c.progress.is_ok().then_some(())?;
                    Some((weights[child], (c.baseline?, c.now?, c.target?)))
                })
                .collect();
            let part = |pick: fn(&(f64, f64, f64)) -> f64| mean(mode, comparable.iter().map(|(w, t)| (*w, pick(t))));
            match (part(|t| t.0), part(|t| t.1), part(|t| t.2)) {
                (Some(b), Some(n), Some(t)) => Ok((b, n, t)),
                _ => Err(NoProgress::NothingComparable),
            }
        };
        nodes[index] = match triple {
            Ok((b, n, t)) => {
                NodeProgress { baseline: Some(b), now: Some(n), target: Some(t), progress: share_covered(b, n, t) }
            }
            Err(reason) => NodeProgress {
                baseline: baseline[index].filter(|_| node.is_indicator()),
                now: now[index].filter(|_| node.is_indicator()),
                target: targets[index],
                progress: Err(reason),
            },
        };
    }
    Progress { nodes }
}

/// The progress track of an assessment already evaluated (its weights and aggregation are the
/// evaluation's). Entries that cannot be scored count as absent here: the evaluation, or the
/// check on opening, has said so already.
pub fn assessment_progress(framework: &Framework, assessment: &Assessment, evaluation: &Evaluation) -> Progress {
    let now = normalise_inputs(framework, &assessment.inputs).unwrap_or_else(|_| vec![None; framework.nodes.len()]);
    let targets = target_scores(framework, &assessment.targets_in_force(framework))
        .unwrap_or_else(|_| vec![None; framework.nodes.len()]);
    let baseline = assessment.baseline.as_ref().and_then(|baseline| normalise_inputs(framework, &baseline.inputs).ok());
    progress(framework, &evaluation.weights, evaluation.aggregation, baseline.as_deref(), &now, &targets)
}

/// Level and progress weighted together: `(1 − w) · level + w · progress`, with progress counted
/// from 0 (no movement, or a step back) to 1 (target reached or passed), so the result is on the
/// index's own 0..1 scale and lies between the two.
pub fn combined(level: f64, progress: f64, progress_weight: f64) -> f64 {
    let w = progress_weight.clamp(0.0, 1.0);
    (1.0 - w) * level + w * progress.clamp(0.0, 1.0)
}

/// One indicator short of its target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetGap {
    pub code: String,
    /// The score now (0..1); `None` when not assessed yet.
    pub now: Option<f64>,
    pub target: f64,
    /// Index points gained if it reached its target (all else as now).
    pub index_gain: f64,
}

/// The indicators below their targets (or with a target but not assessed), the largest index
/// gain first (ties by code).
pub fn target_gaps(
    framework: &Framework,
    weights: &[f64],
    mode: Aggregation,
    now: &[Option<f64>],
    targets: &[Option<f64>],
) -> Vec<TargetGap> {
    let mut values = vec![None; framework.nodes.len()];
    aggregate(framework, weights, now, mode, &mut values);
    let base = values[0].unwrap_or(0.0);
    let mut trial = now.to_vec();
    let mut gaps = Vec::new();
    for (index, node) in framework.indicators() {
        let Some(target) = targets[index] else { continue };
        if now[index].is_some_and(|score| score >= target - SAME) {
            continue;
        }
        trial[index] = Some(target);
        aggregate(framework, weights, &trial, mode, &mut values);
        trial[index] = now[index];
        let index_gain = values[0].unwrap_or(0.0) - base;
        gaps.push(TargetGap { code: node.code.clone(), now: now[index], target, index_gain });
    }
    gaps.sort_by(|a, b| b.index_gain.total_cmp(&a.index_gain).then_with(|| a.code.cmp(&b.code)));
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selfcheck::{Options, evaluate};

    fn scores(framework: &Framework, given: &[(&str, f64)]) -> Vec<Option<f64>> {
        let mut scores = vec![None; framework.nodes.len()];
        for (code, score) in given {
            scores[framework.index_of(code).unwrap()] = Some(*score);
        }
        scores
    }

    fn track(framework: &Framework, base: &[(&str, f64)], now: &[(&str, f64)], target: &[(&str, f64)]) -> Progress {
        let weights: Vec<f64> = framework.nodes.iter().map(|n| n.weight).collect();
        let base = scores(framework, base);
        progress(
            framework,
            &weights,
            framework.aggregation,
            Some(&base),
            &scores(framework, now),
            &scores(framework, target),
        )
    }

    #[test]
    fn halfway_exceeded_regressed_and_undefined() {
        let f = Framework::builtin("smart-2021").unwrap();
        let p = track(
            &f,
            &[("T1.1", 0.4), ("T1.2", 0.4), ("T1.3", 0.5), ("T1.4", 0.6), ("R1.1", 0.2)],
            &[("T1.1", 0.6), ("T1.2", 0.9), ("T1.3", 0.25), ("T1.4", 0.7), ("R1.2", 0.5)],
            &[("T1.1", 0.8), ("T1.2", 0.8), ("T1.3", 0.75), ("T1.4", 0.6), ("R1.1", 0.5), ("R1.2", 0.9)],
        );
        let at = |code| p.node(&f, code).unwrap().progress;
        assert!((at("T1.1").unwrap() - 0.5).abs() < 1e-12, "halfway");
        assert!((at("T1.2").unwrap() - 1.25).abs() < 1e-12, "past the target");
        assert!((at("T1.3").unwrap() + 1.0).abs() < 1e-12, "went back as far as it meant to go forward");
        assert_eq!(at("T1.4"), Err(NoProgress::TargetNotAboveBaseline));
        assert_eq!(at("R1.1"), Err(NoProgress::NotAssessedNow));
        assert_eq!(at("R1.2"), Err(NoProgress::NotInBaseline));
        assert_eq!(at("R1"), Err(NoProgress::NothingComparable));
        assert_eq!(at("T2.1"), Err(NoProgress::NotInBaseline));
        // T1 over T1.1..T1.3 (T1.4 has no way to cover, so it is left out of all three means).
        let t1 = p.node(&f, "T1").unwrap();
        let (b, n, t) = (1.3 / 3.0, 1.75 / 3.0, 2.35 / 3.0);
        assert!((t1.baseline.unwrap() - b).abs() < 1e-12 && (t1.now.unwrap() - n).abs() < 1e-12);
        assert!((t1.target.unwrap() - t).abs() < 1e-12);
        assert!((at("T1").unwrap() - (n - b) / (t - b)).abs() < 1e-12);
        // The whole is T alone here (R has nothing comparable), T is T1 alone.
        assert!((p.overall().unwrap() - at("T1").unwrap()).abs() < 1e-12);
    }

    #[test]
    fn a_dimension_target_replaces_its_indicators_targets() {
        let f = Framework::builtin("smart-2021").unwrap();
        let p = track(&f, &[("S2.3", 0.4), ("S2.1", 0.6)], &[("S2.3", 0.6), ("S2.1", 0.6)], &[("S", 0.9)]);
        let s = p.node(&f, "S").unwrap();
        assert!((s.baseline.unwrap() - 0.5).abs() < 1e-12 && (s.now.unwrap() - 0.6).abs() < 1e-12);
        assert!((s.progress.unwrap() - 0.25).abs() < 1e-12);
        assert_eq!(p.node(&f, "S2.3").unwrap().progress, Err(NoProgress::NoTarget));
    }

    #[test]
    fn without_a_baseline_nothing_has_progress() {
        let f = Framework::builtin("qa-2025").unwrap();
        let weights: Vec<f64> = f.nodes.iter().map(|n| n.weight).collect();
        let now = scores(&f, &[("B1.1", 0.9)]);
        let p = progress(&f, &weights, f.aggregation, None, &now, &now);
        assert!(p.nodes.iter().all(|n| n.progress == Err(NoProgress::NoBaseline)));
    }

    #[test]
    fn targets_are_scored_in_each_indicators_terms() {
        let f = Framework::builtin("qa-2025").unwrap();
        let defaults = framework_targets(&f);
        assert_eq!(defaults.len(), 9, "qa-2025 gives every indicator a target");
        let scores = target_scores(&f, &defaults).unwrap();
        assert!(f.indicators().all(|(i, _)| scores[i] == Some(1.0)), "its own targets are full marks");
        let own = BTreeMap::from([
            ("E1.2".to_owned(), IndicatorInput::value(80.0)),
            ("B".to_owned(), IndicatorInput::score(90.0)),
            ("E".to_owned(), IndicatorInput::level(3)),
            ("overall".to_owned(), IndicatorInput::score(90.0)),
        ]);
        assert_eq!(
            target_scores(&f, &own).unwrap_err(),
            [
                InputError::DimensionTargetNotScore { code: "E".into() },
                InputError::UnknownCode { code: "overall".into() }
            ]
        );
        let own = BTreeMap::from([("E1.2".to_owned(), IndicatorInput::value(80.0))]);
        let scores = target_scores(&f, &own).unwrap();
        assert!((scores[f.index_of("E1.2").unwrap()].unwrap() - 80.0 / 85.0).abs() < 1e-12);
    }

    #[test]
    fn gaps_to_targets_list_the_largest_gain_first() {
        let f = Framework::builtin("qa-2025").unwrap();
        let inputs = BTreeMap::from([
            ("B1.1".to_owned(), IndicatorInput::value(99.9)),
            ("E1.1".to_owned(), IndicatorInput::value(72.0)),
            ("I2.1".to_owned(), IndicatorInput::value(1.5)),
        ]);
        let now = normalise_inputs(&f, &inputs).unwrap();
        let targets = target_scores(&f, &framework_targets(&f)).unwrap();
        let e = evaluate(&f, &now, &Options::default()).unwrap();
        let gaps = target_gaps(&f, &e.weights, e.aggregation, &now, &targets);
        assert!(gaps.iter().all(|g| g.code != "B1.1"), "at its target already");
        assert_eq!(gaps.len(), 8);
        let assessed: Vec<&str> = gaps.iter().filter(|g| g.now.is_some()).map(|g| g.code.as_str()).collect();
        assert_eq!(assessed, ["I2.1", "E1.1"], "0.5 short in I (20 %) beats 0.2 short in E (40 %, two sub-dimensions)");
        assert!(gaps.windows(2).all(|w| w[0].index_gain >= w[1].index_gain));
    }

    #[test]
    fn combined_lies_between_level_and_progress() {
        assert!((combined(0.6, 0.5, 0.3) - 0.57).abs() < 1e-12);
        assert_eq!(combined(0.6, -0.4, 0.3), 0.42, "a step back counts as no progress");
        assert_eq!(combined(0.6, 2.0, 0.0), 0.6);
    }
}
