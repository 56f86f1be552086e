//! The results of the open assessment, recomputed once per change and shared by every results
//! component: the evaluation, its Monte Carlo uncertainty, the plan to the next tier, and the
//! progress track from the baseline toward the targets.

use std::collections::BTreeMap;

use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{
    Assessment, EngineError, Evaluation, Framework, IndexBounds, IndicatorInput, Options, Plan, Progress, TargetGap,
    Uncertainty, UncertaintyOptions, assessment_progress, evaluate, normalise_inputs, plan_to_next_tier, simulate,
    target_gaps, target_scores,
};
use leptos::prelude::*;

use super::state::OpenAssessment;

/// What the result depends on: the entries and the weights in force, the profile's with the
/// official's changes (not the city or year).
pub type Figures = (BTreeMap<String, IndicatorInput>, BTreeMap<String, f64>);

#[derive(Clone, Copy)]
pub struct Scoring {
    /// The entries and weights, changing only when they do, so typing a city name never
    /// recomputes the 10,000 Monte Carlo draws.
    pub figures: Memo<Figures>,
    /// The evaluation, or every problem that stops it (figures or weights out of range), typed
    /// so that it is said in whatever language the page is in when shown.
    pub evaluation: Memo<Result<Evaluation, EngineError>>,
    pub uncertainty: Memo<Option<Uncertainty>>,
    pub plan: Memo<Option<Plan>>,
    /// The progress track (every node "no baseline" until one is chosen).
    pub progress: Memo<Option<Progress>>,
    /// The indicators short of their targets, the largest index gain first.
    pub target_gaps: Memo<Vec<TargetGap>>,
    /// The 0..1 score of each node's entry, indexed like the framework's nodes, or every
    /// problem with the entries. Normalised once, for the evaluation, the plan and the report.
    pub scores: Memo<Result<Vec<Option<f64>>, EngineError>>,
}

/// The framework's default options with these weight overrides.
pub fn options_with(weights: &BTreeMap<String, f64>) -> Options {
    Options { weights: weights.clone(), ..Options::default() }
}

/// Each entry's 0..1 score, or every problem with the entries.
fn scores_of(
    framework: &Framework,
    inputs: &BTreeMap<String, IndicatorInput>,
) -> Result<Vec<Option<f64>>, EngineError> {
    normalise_inputs(framework, inputs).map_err(EngineError::Inputs)
}

/// Evaluates scores with these weight overrides, or gives every weight problem.
fn evaluate_scores(
    framework: &Framework,
    scores: &[Option<f64>],
    weights: &BTreeMap<String, f64>,
) -> Result<Evaluation, EngineError> {
    evaluate(framework, scores, &options_with(weights)).map_err(EngineError::Weights)
}

/// Evaluates a whole assessment (an earlier year's, say) against `framework`.
pub fn evaluate_assessment(framework: &Framework, assessment: &Assessment) -> Result<Evaluation, EngineError> {
    let scores = scores_of(framework, &assessment.inputs)?;
    evaluate_scores(framework, &scores, &assessment.weights_in_force(framework))
}

impl Scoring {
    pub fn new(framework: StoredValue<Framework>, assessment: OpenAssessment) -> Scoring {
        let figures = Memo::new(move |_| {
            assessment.with(|a| (a.inputs.clone(), framework.with_value(|f| a.weights_in_force(f))))
        });
        let scores = Memo::new(move |_| figures.with(|(inputs, _)| framework.with_value(|f| scores_of(f, inputs))));
        let evaluation = Memo::new(move |_| {
            scores.with(|scores| {
                let scores = scores.as_ref().map_err(Clone::clone)?;
                figures.with(|(_, weights)| framework.with_value(|f| evaluate_scores(f, scores, weights)))
            })
        });
        let uncertainty = Memo::new(move |_| {
            // Only a result worth showing is simulated; the draws are seeded, so equal inputs give
            // equal intervals on every device.
            evaluation.with(|e| e.as_ref().is_ok_and(|e| e.index.is_some())).then_some(())?;
            figures.with(|(inputs, weights)| {
                framework
                    .with_value(|f| simulate(f, inputs, &options_with(weights), &UncertaintyOptions::default()).ok())
            })
        });
        let plan = Memo::new(move |_| {
            scores.with(|scores| {
                let scores = scores.as_ref().ok()?;
                figures.with(|(_, weights)| {
                    framework.with_value(|f| plan_to_next_tier(f, scores, &options_with(weights)).ok().flatten())
                })
            })
        });
        let progress = Memo::new(move |_| {
            scoring_ok(evaluation, |e| assessment.with(|a| framework.with_value(|f| assessment_progress(f, a, e))))
        });
        let target_gaps = Memo::new(move |_| {
            let gaps = || {
                let now = scores.with(|s| s.as_ref().ok().cloned())?;
                let targets =
                    assessment.with(|a| framework.with_value(|f| target_scores(f, &a.targets_in_force(f)).ok()))?;
                scoring_ok(evaluation, |e| {
                    framework.with_value(|f| target_gaps(f, &e.weights, e.aggregation, &now, &targets))
                })
            };
            gaps().unwrap_or_default()
        });
        Scoring { figures, evaluation, uncertainty, plan, scores, progress, target_gaps }
    }

    /// The evaluation if there is one.
    pub fn with_evaluation<T>(&self, read: impl FnOnce(&Evaluation) -> T) -> Option<T> {
        self.evaluation.with(|e| e.as_ref().ok().map(read))
    }
}

/// What `read` gives of the evaluation, if there is one.
fn scoring_ok<T>(evaluation: Memo<Result<Evaluation, EngineError>>, read: impl FnOnce(&Evaluation) -> T) -> Option<T> {
    evaluation.with(|e| e.as_ref().ok().map(read))
}

/// A 0..1 figure as the page shows it: two decimals.
pub fn two_decimals(value: f64) -> String {
    format!("{value:.2}")
}

/// "Whatever the indicators not assessed turn out to be, the index lies between …", the range
/// rounded outward so the sentence stays true.
pub fn bounds_text(lang: civic_pulse_core::Lang, bounds: &IndexBounds) -> String {
    let (low, high) = bounds.to_two_decimals();
    lang.format(SelfcheckMsg::Bounds, &[("low", &two_decimals(low)), ("high", &two_decimals(high))])
}

/// A table cell's figure: two decimals, or a dash where there is none (not assessed).
pub fn two_decimals_or_dash(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), two_decimals)
}

/// A share as a whole percentage, with "under 1 %" rather than a misleading 0 %.
pub fn percent(share: f64) -> String {
    match share {
        s if s > 0.0 && s < 0.005 => "<1 %".to_owned(),
        s => format!("{:.0} %", s * 100.0),
    }
}
