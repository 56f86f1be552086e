//! The results of the open assessment, recomputed once per change and shared by every results
//! component: the evaluation, its Monte Carlo uncertainty and the plan to the next tier.

use civic_pulse_core::selfcheck::{
    Assessment, Evaluation, Framework, Options, Plan, Uncertainty, UncertaintyOptions, evaluate, normalise_inputs,
    plan_to_next_tier, simulate,
};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Scoring {
    /// The evaluation, or every problem that stops it (figures or weights out of range).
    pub evaluation: Memo<Result<Evaluation, Vec<String>>>,
    pub uncertainty: Memo<Option<Uncertainty>>,
    pub plan: Memo<Option<Plan>>,
    /// The 0..1 score of each node's entry, indexed like the framework's nodes.
    pub scores: Memo<Vec<Option<f64>>>,
}

/// The options an assessment implies: the framework's defaults with its weight overrides.
pub fn options_of(assessment: &Assessment) -> Options {
    Options { weights: assessment.weights.clone(), ..Options::default() }
}

/// Evaluates `assessment` against `framework` (both may be `None`-free snapshots from a file).
pub fn evaluate_assessment(framework: &Framework, assessment: &Assessment) -> Result<Evaluation, Vec<String>> {
    let scores = normalise_inputs(framework, &assessment.inputs)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    evaluate(framework, &scores, &options_of(assessment))
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

impl Scoring {
    pub fn new(framework: StoredValue<Framework>, assessment: RwSignal<Assessment>) -> Scoring {
        let scores = Memo::new(move |_| {
            assessment.with(|a| framework.with_value(|f| normalise_inputs(f, &a.inputs).unwrap_or_default()))
        });
        let evaluation = Memo::new(move |_| assessment.with(|a| framework.with_value(|f| evaluate_assessment(f, a))));
        let uncertainty = Memo::new(move |_| {
            // Only a result worth showing is simulated; the draws are seeded, so equal inputs give
            // equal intervals on every device.
            evaluation.with(|e| e.as_ref().is_ok_and(|e| e.index.is_some())).then_some(())?;
            assessment.with(|a| {
                framework.with_value(|f| simulate(f, &a.inputs, &options_of(a), &UncertaintyOptions::default()).ok())
            })
        });
        let plan = Memo::new(move |_| {
            assessment.with(|a| {
                framework.with_value(|f| scores.with(|s| plan_to_next_tier(f, s, &options_of(a)).ok().flatten()))
            })
        });
        Scoring { evaluation, uncertainty, plan, scores }
    }

    /// The evaluation if there is one.
    pub fn with_evaluation<T>(&self, read: impl FnOnce(&Evaluation) -> T) -> Option<T> {
        self.evaluation.with(|e| e.as_ref().ok().map(read))
    }
}

/// A 0..1 figure as the page shows it: two decimals.
pub fn two_decimals(value: f64) -> String {
    format!("{value:.2}")
}

/// A share as a whole percentage, with "under 1 %" rather than a misleading 0 %.
pub fn percent(share: f64) -> String {
    match share {
        s if s > 0.0 && s < 0.005 => "<1 %".to_owned(),
        s => format!("{:.0} %", s * 100.0),
    }
}
