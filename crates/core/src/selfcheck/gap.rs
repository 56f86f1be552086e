//! Gap analysis: which indicators would raise the index most, and the fewest one-level steps
//! that reach the next tier.

use super::evaluate::{Options, WeightError, aggregate, weights_with_overrides};
use super::framework::Framework;

/// One rubric level on the 0..1 scale.
const STEP: f64 = 0.25;

/// What raising one indicator is worth, in index points (0..1).
#[derive(Clone, Debug, PartialEq)]
pub struct Gain {
    pub code: String,
    /// The current score (0..1); `None` when not assessed.
    pub score: Option<f64>,
    /// Index gain if this indicator scored full marks (for a missing one: if it were assessed
    /// at full marks).
    pub to_full: f64,
    /// Index gain of one rubric level (25 points, capped at full marks); `None` when not assessed.
    pub one_step: Option<f64>,
}

/// One step of a plan: an indicator raised by one level.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanStep {
    pub code: String,
    pub from: f64,
    pub to: f64,
    pub index_after: f64,
}

/// The fewest one-level steps on assessed indicators that reach the next tier.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub target_tier: String,
    pub target_min: f64,
    pub steps: Vec<PlanStep>,
    /// False when even full marks on every assessed indicator stay below the next tier.
    pub reached: bool,
}

struct Scratch<'a> {
    framework: &'a Framework,
    weights: Vec<f64>,
    options: &'a Options,
    values: Vec<Option<f64>>,
}

impl Scratch<'_> {
    fn index(&mut self, scores: &[Option<f64>]) -> Option<f64> {
        let mode = self.options.aggregation.unwrap_or(self.framework.aggregation);
        aggregate(self.framework, &self.weights, scores, mode, &mut self.values);
        self.values[0]
    }
}

fn scratch<'a>(framework: &'a Framework, options: &'a Options) -> Result<Scratch<'a>, Vec<WeightError>> {
    let weights = weights_with_overrides(framework, &options.weights)?;
    Ok(Scratch { framework, weights, options, values: vec![None; framework.nodes.len()] })
}

/// Every indicator's worth, largest first (ties by code, so the order is stable).
pub fn gains(framework: &Framework, scores: &[Option<f64>], options: &Options) -> Result<Vec<Gain>, Vec<WeightError>> {
    let mut scratch = scratch(framework, options)?;
    let base = scratch.index(scores).unwrap_or(0.0);
    let mut trial = scores.to_vec();
    let mut gains = Vec::new();
    for (index, node) in framework.indicators() {
        let score = scores[index];
        trial[index] = Some(1.0);
        let to_full = scratch.index(&trial).unwrap_or(0.0) - base;
        let one_step = score.map(|s| {
            trial[index] = Some((s + STEP).min(1.0));
            scratch.index(&trial).unwrap_or(0.0) - base
        });
        trial[index] = score;
        gains.push(Gain { code: node.code.clone(), score, to_full, one_step });
    }
    gains.sort_by(|a, b| b.to_full.total_cmp(&a.to_full).then_with(|| a.code.cmp(&b.code)));
    Ok(gains)
}

/// The fewest one-level steps to the next tier. Each step takes the assessed indicator whose
/// next level adds most; with the arithmetic mean every step's gain is fixed, so taking the
/// largest first needs the fewest steps. `None` when nothing is assessed or the index is in the
/// top tier already.
pub fn plan_to_next_tier(
    framework: &Framework,
    scores: &[Option<f64>],
    options: &Options,
) -> Result<Option<Plan>, Vec<WeightError>> {
    let mut scratch = scratch(framework, options)?;
    let Some(mut index) = scratch.index(scores) else {
        return Ok(None);
    };
    let Some(current) = framework.tier_for(index) else {
        return Ok(None);
    };
    let Some(target) = framework.tier_above(&current.id) else {
        return Ok(None);
    };
    let mut trial = scores.to_vec();
    let mut steps = Vec::new();
    while index < target.min {
        let mut best: Option<(usize, f64, f64)> = None;
        for (at, _) in framework.indicators() {
            let Some(score) = trial[at].filter(|&s| s < 1.0) else {
                continue;
            };
            let raised = (score + STEP).min(1.0);
            trial[at] = Some(raised);
            let after = scratch.index(&trial).unwrap_or(index);
            trial[at] = Some(score);
            if best.is_none_or(|(_, _, best_after)| after > best_after + 1e-15) {
                best = Some((at, raised, after));
            }
        }
        let Some((at, raised, after)) = best.filter(|&(_, _, after)| after > index) else {
            return Ok(Some(Plan { target_tier: target.id.clone(), target_min: target.min, steps, reached: false }));
        };
        steps.push(PlanStep {
            code: framework.nodes[at].code.clone(),
            from: trial[at].unwrap_or(0.0),
            to: raised,
            index_after: after,
        });
        trial[at] = Some(raised);
        index = after;
    }
    Ok(Some(Plan { target_tier: target.id.clone(), target_min: target.min, steps, reached: true }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn smart_scores(given: &[(&str, f64)]) -> (Framework, Vec<Option<f64>>) {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut scores = vec![None; framework.nodes.len()];
        for (code, score) in given {
            scores[framework.index_of(code).unwrap()] = Some(*score);
        }
        (framework, scores)
    }

    #[test]
    fn the_heaviest_weak_indicator_gains_most() {
        // S carries 30 % and T 10 %: the same shortfall is worth three times as much in S.
        let (framework, scores) = smart_scores(&[("T1.1", 0.5), ("S1.1", 0.5)]);
        let gains = gains(&framework, &scores, &Options::default()).unwrap();
        assert_eq!(gains[0].code, "S1.1");
        assert!((gains[0].to_full - 0.5 * 0.75).abs() < 1e-12, "{:?}", gains[0]);
        assert!((gains[0].one_step.unwrap() - 0.25 * 0.75).abs() < 1e-12);
        let t11 = gains.iter().find(|g| g.code == "T1.1").unwrap();
        assert!((t11.to_full - 0.5 * 0.25).abs() < 1e-12);
        assert!(gains.iter().filter(|g| g.score.is_none()).all(|g| g.one_step.is_none()));
    }

    #[test]
    fn the_plan_reaches_the_next_tier_in_the_fewest_steps() {
        // Index 0.5 (explorer); pioneer needs 0.70. A step on S1.1 adds 0.1875, on T1.1 0.0625.
        let (framework, scores) = smart_scores(&[("T1.1", 0.5), ("S1.1", 0.5)]);
        let plan = plan_to_next_tier(&framework, &scores, &Options::default()).unwrap().unwrap();
        assert_eq!(plan.target_tier, "pioneer");
        assert!(plan.reached);
        let codes: Vec<&str> = plan.steps.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, ["S1.1", "S1.1"]);
        assert!(plan.steps.last().unwrap().index_after >= 0.70);
    }

    #[test]
    fn an_unreachable_tier_is_said_so() {
        let (framework, scores) = smart_scores(&[("T1.1", 1.0), ("S1.1", 0.0)]);
        let plan = plan_to_next_tier(&framework, &scores, &Options::default()).unwrap().unwrap();
        assert!(plan.reached, "S1.1 can still rise: {plan:?}");
        let (framework, scores) = smart_scores(&[("T1.1", 1.0)]);
        assert_eq!(plan_to_next_tier(&framework, &scores, &Options::default()).unwrap(), None, "already a leader");
    }
}
