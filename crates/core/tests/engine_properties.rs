//! Properties of the engine over random inputs, weights and frameworks: weights renormalise to
//! 1 at every node, the index never leaves 0..1, all-missing is missing, and no file or input,
//! however malformed, makes the engine panic.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use civic_pulse_core::selfcheck::{
    Framework, IndicatorInput, Options, Quality, UncertaintyOptions, draw_extremes, evaluate, gains, normalise_inputs,
    plan_to_next_tier, simulate,
};
use proptest::prelude::*;

fn smart() -> &'static Framework {
    static SMART: OnceLock<Framework> = OnceLock::new();
    SMART.get_or_init(|| Framework::builtin("smart-2021").unwrap())
}

fn entry() -> impl Strategy<Value = Option<IndicatorInput>> {
    prop_oneof![
        2 => Just(None),
        2 => (0u8..=4).prop_map(|l| Some(IndicatorInput::level(l))),
        1 => (0.0f64..=100.0).prop_map(|s| Some(IndicatorInput::score(s))),
    ]
}

/// An entry that may also be weak (estimated or of unknown source).
fn entry_of_any_quality() -> impl Strategy<Value = Option<IndicatorInput>> {
    (entry(), prop::sample::select(Quality::ALL.to_vec()))
        .prop_map(|(entry, quality)| entry.map(|input| IndicatorInput { quality: Some(quality), ..input }))
}

/// The 5 % to 95 % width of a run.
fn width(inputs: &BTreeMap<String, IndicatorInput>, settings: &UncertaintyOptions) -> f64 {
    let spread = simulate(smart(), inputs, &Options::default(), settings).unwrap();
    spread.p95 - spread.p05
}

fn inputs_from(framework: &Framework, entries: Vec<Option<IndicatorInput>>) -> BTreeMap<String, IndicatorInput> {
    framework
        .indicators()
        .zip(entries)
        .filter_map(|((_, node), entry)| entry.map(|input| (node.code.clone(), input)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn weights_renormalise_and_the_index_stays_in_range(
        entries in prop::collection::vec(entry(), 52),
        top in prop::collection::vec(0.1f64..10.0, 5),
    ) {
        let framework = smart();
        let inputs = inputs_from(framework, entries);
        let scores = normalise_inputs(framework, &inputs).unwrap();
        let weights = ["T", "R", "A", "M", "S"].iter().zip(&top).map(|(c, w)| ((*c).to_owned(), *w)).collect();
        let result = evaluate(framework, &scores, &Options { weights, ..Options::default() }).unwrap();

        prop_assert_eq!(result.index.is_none(), inputs.is_empty(), "missing exactly when nothing is assessed");
        if let Some(index) = result.index {
            prop_assert!((0.0..=1.0).contains(&index));
        }
        prop_assert!((0.0..=1.0).contains(&result.coverage));
        for (at, node) in framework.nodes.iter().enumerate() {
            if node.children.is_empty() {
                continue;
            }
            let nominal: f64 = node.children.iter().map(|&c| result.nodes[c].nominal_weight).sum();
            prop_assert!((nominal - result.nodes[at].nominal_weight).abs() < 1e-9, "nominal shares of {} sum to its own", node.code);
            if result.nodes[at].value.is_some() {
                let effective: f64 = node.children.iter().map(|&c| result.nodes[c].effective_weight).sum();
                prop_assert!((effective - result.nodes[at].effective_weight).abs() < 1e-9, "effective shares renormalise at {}", node.code);
            }
        }
        if result.index.is_some() {
            let total: f64 = framework.indicators().map(|(i, _)| result.nodes[i].effective_weight).sum();
            prop_assert!((total - 1.0).abs() < 1e-9, "assessed indicators carry the whole index");
        }
    }

    #[test]
    fn analyses_stay_in_range(entries in prop::collection::vec(entry(), 52), seed in any::<u64>()) {
        let framework = smart();
        let inputs = inputs_from(framework, entries);
        let scores = normalise_inputs(framework, &inputs).unwrap();
        for gain in gains(framework, &scores, &Options::default()).unwrap() {
            prop_assert!((-1e-12..=1.0).contains(&gain.to_full), "{gain:?}");
        }
        if let Some(plan) = plan_to_next_tier(framework, &scores, &Options::default()).unwrap() {
            prop_assert!(plan.steps.windows(2).all(|w| w[0].index_after <= w[1].index_after + 1e-12));
        }
        let settings = UncertaintyOptions { draws: 64, seed, ..UncertaintyOptions::default() };
        let spread = simulate(framework, &inputs, &Options::default(), &settings).unwrap();
        prop_assert!(0.0 <= spread.p05 && spread.p05 <= spread.median && spread.median <= spread.p95 && spread.p95 <= 1.0);
    }

    #[test]
    fn the_interval_lies_within_what_the_draws_can_reach(
        entries in prop::collection::vec(entry_of_any_quality(), 52),
        seed in any::<u64>(),
    ) {
        let framework = smart();
        let inputs = inputs_from(framework, entries);
        let settings = UncertaintyOptions { draws: 200, seed, weight_band: 0.0 };
        let spread = simulate(framework, &inputs, &Options::default(), &settings).unwrap();
        let (low, high) = draw_extremes(framework, &inputs, &Options::default()).unwrap();
        prop_assert!(low - 1e-12 <= spread.p05 && spread.p95 <= high + 1e-12, "{spread:?} outside {low}..{high}");
        // The exact bounds (missing at 0 and 100, weak figures as given) hold the index itself.
        let scores = normalise_inputs(framework, &inputs).unwrap();
        let result = evaluate(framework, &scores, &Options::default()).unwrap();
        let bounds = result.bounds;
        prop_assert!(low <= bounds.low + 1e-12 && bounds.high <= high + 1e-12);
        if let Some(index) = result.index {
            prop_assert!(bounds.low - 1e-12 <= index && index <= bounds.high + 1e-12, "{index} outside {bounds:?}");
        }
    }

    #[test]
    fn knowing_less_never_narrows_the_interval(
        entries in prop::collection::vec(entry_of_any_quality(), 52),
        forget in any::<prop::sample::Index>(),
        seed in any::<u64>(),
    ) {
        let framework = smart();
        let inputs = inputs_from(framework, entries);
        prop_assume!(!inputs.is_empty());
        let settings = UncertaintyOptions { draws: 400, seed, ..UncertaintyOptions::default() };
        let mut fewer = inputs.clone();
        let code = inputs.keys().nth(forget.index(inputs.len())).unwrap().clone();
        fewer.remove(&code);
        let (before, after) = (width(&inputs, &settings), width(&fewer, &settings));
        prop_assert!(after >= before - 0.02, "forgetting {code} narrowed the interval from {before} to {after}");
    }

    #[test]
    fn solid_complete_figures_with_fixed_weights_leave_no_uncertainty(levels in prop::collection::vec(0u8..=4, 52)) {
        let framework = smart();
        let inputs: BTreeMap<String, IndicatorInput> =
            framework.indicators().zip(levels).map(|((_, node), level)| (node.code.clone(), IndicatorInput::level(level))).collect();
        let settings = UncertaintyOptions { draws: 50, weight_band: 0.0, ..UncertaintyOptions::default() };
        prop_assert!(width(&inputs, &settings).abs() < 1e-12);
    }

    #[test]
    fn random_frameworks_load_or_explain_and_never_panic(
        dimensions in prop::collection::vec(
            (-1.0f64..10.0, prop::collection::vec((prop::option::of(-1.0f64..5.0), prop::option::of(-2.0f64..200.0)), 0..4)),
            0..5,
        ),
        tier_min in 0.0f64..1.0,
        levels in prop::collection::vec(prop::option::of(0u8..=5), 20),
    ) {
        let nodes: Vec<serde_json::Value> = dimensions.iter().enumerate().map(|(d, (weight, children))| {
            let children: Vec<serde_json::Value> = children.iter().enumerate().map(|(c, (weight, target))| {
                let mut node = serde_json::json!({"code": format!("D{d}.{c}"), "name": {"en": "x"}});
                if let Some(w) = weight { node["weight"] = (*w).into(); }
                if let Some(t) = target { node["target"] = serde_json::json!({"value": t, "direction": "higher"}); }
                node
            }).collect();
            serde_json::json!({"code": format!("D{d}"), "name": {"en": "d"}, "weight": weight, "children": children})
        }).collect();
        let file = serde_json::json!({
            "schema": "civic-pulse.framework.v1", "id": "random", "version": "1", "name": {"en": "random"},
            "tiers": [{"id": "high", "min": tier_min, "name": {}}, {"id": "low", "min": 0.0, "name": {}}],
            "nodes": nodes,
        });
        match Framework::from_json(&file.to_string()) {
            Err(problems) => prop_assert!(!problems.is_empty() && problems.iter().all(|p| !p.message(civic_pulse_core::Lang::fallback()).is_empty())),
            Ok(framework) => {
                let inputs: BTreeMap<String, IndicatorInput> = framework.indicators().zip(&levels)
                    .filter_map(|((_, node), level)| level.map(|l| (node.code.clone(), IndicatorInput::level(l))))
                    .collect();
                if let Ok(scores) = normalise_inputs(&framework, &inputs) {
                    let result = evaluate(&framework, &scores, &Options::default()).unwrap();
                    prop_assert!(result.index.is_none_or(|i| (0.0..=1.0).contains(&i)));
                    let _ = plan_to_next_tier(&framework, &scores, &Options::default()).unwrap();
                }
            }
        }
    }

    #[test]
    fn garbage_and_truncated_files_are_errors_not_panics(text in ".{0,200}", cut in 0usize..10_000) {
        prop_assert!(Framework::from_json(&text).is_err());
        // Without its trailing newline: every shorter prefix of the document is cut short (the
        // whole file less only that newline is a whole file, and reads).
        let full = include_str!("../frameworks/qa-2025.json").trim_end();
        let cut = cut % full.len();
        if full.is_char_boundary(cut) {
            prop_assert!(Framework::from_json(&full[..cut]).is_err());
        }
    }
}

mod progress_properties {
    use civic_pulse_core::selfcheck::{Assessment, combined, progress, share_covered};

    use super::*;

    fn scores_of(framework: &Framework, entries: &[Option<IndicatorInput>]) -> Vec<Option<f64>> {
        normalise_inputs(framework, &inputs_from(framework, entries.to_vec())).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Progress is exactly 0 at the baseline and exactly 1 at the target, at every node that
        /// has it, whatever the baseline, targets and weights profile.
        #[test]
        fn progress_is_0_at_the_baseline_and_1_at_the_target(
            base in prop::collection::vec(entry(), 52),
            target in prop::collection::vec(entry(), 52),
            profile in prop::sample::select(vec!["published", "very-large-city", "small-medium-city"]),
        ) {
            let framework = smart();
            let base = scores_of(framework, &base);
            let target = scores_of(framework, &target);
            let mut assessment = Assessment::new(framework);
            assessment.use_profile(Some(profile.to_owned()));
            let options = Options { weights: assessment.weights_in_force(framework), ..Options::default() };
            let evaluation = evaluate(framework, &base, &options).unwrap();
            let (w, mode) = (&evaluation.weights, evaluation.aggregation);
            let at_base = progress(framework, w, mode, Some(&base), &base, &target);
            let at_target = progress(framework, w, mode, Some(&base), &target, &target);
            for (index, (b, t)) in at_base.nodes.iter().zip(&at_target.nodes).enumerate() {
                if let Ok(p) = b.progress { prop_assert_eq!(p, 0.0, "node {}", index); }
                // At the target the same indicators are comparable, so the means are the same sums.
                if (framework.nodes[index].is_indicator() || b.progress.is_ok()) && let Ok(p) = t.progress {
                    prop_assert_eq!(p, 1.0, "node {}", index);
                }
            }
        }

        /// A profile never changes which indicators exist or what was entered: only the weights.
        #[test]
        fn a_profile_changes_weights_only(
            entries in prop::collection::vec(entry(), 52),
            profile in prop::sample::select(vec!["published", "very-large-city", "small-medium-city"]),
        ) {
            let framework = smart();
            let mut assessment = Assessment::new(framework);
            assessment.inputs = inputs_from(framework, entries);
            let before = assessment.clone();
            assessment.use_profile(Some(profile.to_owned()));
            prop_assert_eq!(&assessment.inputs, &before.inputs);
            prop_assert!(assessment.problems_with(framework).is_empty());
            let weights = assessment.weights_in_force(framework);
            // Every weight it sets is of a node the framework has; none adds or drops one.
            prop_assert!(weights.keys().all(|code| framework.index_of(code).is_some_and(|i| i > 0)));
            let scores = normalise_inputs(framework, &assessment.inputs).unwrap();
            prop_assert_eq!(scores, normalise_inputs(framework, &before.inputs).unwrap());
            let with = evaluate(framework, &normalise_inputs(framework, &assessment.inputs).unwrap(),
                &Options { weights, ..Options::default() }).unwrap();
            let without = evaluate(framework, &normalise_inputs(framework, &before.inputs).unwrap(), &Options::default()).unwrap();
            prop_assert_eq!(with.coverage > 0.0, without.coverage > 0.0);
            prop_assert_eq!(with.index.is_some(), without.index.is_some());
        }

        /// The combined result lies between the level and progress (counted from 0 to 1).
        #[test]
        fn combined_lies_between_level_and_progress(
            level in 0.0f64..=1.0,
            base in 0.0f64..=1.0,
            now in 0.0f64..=1.0,
            target in 0.0f64..=1.0,
            weight in 0.0f64..=1.0,
        ) {
            if let Ok(p) = share_covered(base, now, target) {
                let p = p.clamp(0.0, 1.0);
                let c = combined(level, p, weight);
                prop_assert!(c >= level.min(p) - 1e-12 && c <= level.max(p) + 1e-12, "{} not between {} and {}", c, level, p);
            }
        }
    }
}
