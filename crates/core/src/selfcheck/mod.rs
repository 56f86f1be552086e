//! The city self-check engine: frameworks as data, single-city normalisation, weighted
//! aggregation with honest handling of missing data, coverage, tiers, gap analysis,
//! Monte Carlo uncertainty, comparisons, progress from a baseline toward targets, weight profiles
//! and a reproducibility fingerprint.
//!
//! Pure and deterministic: the same inputs give the same results natively and in Wasm.

mod assessment;
mod assessment_error;
mod citizen_ratings;
mod compare;
mod error;
mod evaluate;
mod fingerprint;
mod framework;
mod framework_error;
mod gap;
mod input;
mod loop_figures;
mod progress;
mod results_csv;
mod shelf;
mod template;
mod uncertainty;

pub use assessment::{
    ASSESSMENT_SCHEMA, ASSESSMENT_SCHEMA_V1, ASSESSMENT_SCHEMA_V2, Assessment, Baseline, FrameworkRef,
};
pub use assessment_error::{AssessmentError, Kind};
pub use citizen_ratings::{CitizenRatings, Place, RatingsError, read_ratings};
pub use compare::{BenchmarkComparison, NodeDelta, compare_with_benchmark, compare_with_earlier};
pub use error::EngineError;
pub use evaluate::{
    Evaluation, IndexBounds, Light, NodeResult, Options, WeightError, evaluate, weights_with_overrides,
};
pub use fingerprint::{ENGINE_VERSION, assessment_fingerprint, fingerprint};
pub use framework::{
    Aggregation, BenchmarkValue, CitizenFeedback, Direction, FieldKind, Framework, FrameworkError, Goalposts,
    Localized, Node, Status, Target, Tier, TierProblem, WeightProfile, localized_text,
};
pub use gap::{Gain, Plan, PlanStep, gains, plan_to_next_tier};
pub use input::{
    IndicatorInput, InputError, Measure, Quality, RUBRIC_LEVELS, RUBRIC_TEXTS, normalise_inputs, parse_value,
};
pub use loop_figures::{FiguresError, LoopFigures, Tally, read_figures};
pub use progress::{
    DEFAULT_PROGRESS_WEIGHT, NoProgress, NodeProgress, Progress, TargetGap, assessment_progress, combined,
    framework_targets, progress, share_covered, target_gaps, target_scores,
};
pub use results_csv::{RESULT_COLUMNS, results_csv};
pub use shelf::Shelf;
pub use template::{TEMPLATE_COLUMNS, TemplateError, read_template, template_csv};
pub use uncertainty::{Uncertainty, UncertaintyOptions, draw_extremes, simulate, uncertainty_vector};

/// A problem the self-check explains to the official, in their language: what every refused file
/// or link shows, whatever its kind.
pub trait Explained {
    fn explain(&self, lang: crate::Lang) -> String;
}

macro_rules! explained_by_message {
    ($($problem:ty),*) => {$(
        impl Explained for $problem {
            fn explain(&self, lang: crate::Lang) -> String {
                self.message(lang)
            }
        }
    )*};
}
explained_by_message!(AssessmentError, TemplateError, RatingsError, FrameworkError, FiguresError);
