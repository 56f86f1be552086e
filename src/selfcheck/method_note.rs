use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{
    Aggregation, DEFAULT_PROGRESS_WEIGHT, ENGINE_VERSION, UncertaintyOptions, assessment_fingerprint, localized_text,
};
use leptos::prelude::*;

use super::scoring::{percent, two_decimals};
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// How the result was made, so another official can check or reproduce it: the framework, the
/// weight profile and the weights actually used, the missing-data policy, the tiers, the
/// uncertainty settings, how progress and the combined result are computed, and the fingerprint
/// of everything that determines the result.
#[component]
pub fn MethodNote() -> impl IntoView {
    let Workbench { framework, scoring, assessment } = use_workbench();
    let lang = use_lang();
    let text = move |msg| lang.get().text(msg);
    let framework_line = move || {
        framework.with_value(|f| format!("{} ({} {})", localized_text(&f.name, lang.get().tag()), f.id, f.version))
    };
    let source = framework.with_value(|f| f.source.clone());
    let aggregation = move || {
        let mode =
            scoring.with_evaluation(|e| e.aggregation).unwrap_or_else(|| framework.with_value(|f| f.aggregation));
        text(match mode {
            Aggregation::Arithmetic => SelfcheckMsg::MethodArithmetic,
            Aggregation::Geometric => SelfcheckMsg::MethodGeometric,
        })
    };
    let missing = move || {
        lang.get().format(SelfcheckMsg::MethodMissing, &[("gate", &percent(framework.with_value(|f| f.coverage_gate)))])
    };
    let tiers = move || {
        framework.with_value(|f| {
            let list: Vec<String> = f
                .tiers
                .iter()
                .map(|t| format!("{} ≥ {}", localized_text(&t.name, lang.get().tag()), two_decimals(t.min)))
                .collect();
            format!("{} ({})", list.join(", "), text(f.tiers_status.message()))
        })
    };
    let uncertainty = move || {
        let settings = UncertaintyOptions::default();
        lang.get().format(
            SelfcheckMsg::MethodUncertainty,
            &[
                ("draws", &settings.draws.to_string()),
                ("band", &percent(settings.weight_band)),
                ("seed", &settings.seed.to_string()),
            ],
        )
    };
    let weights = move || {
        framework.with_value(|f| {
            f.nodes[0]
                .children
                .iter()
                .map(|&index| {
                    let node = &f.nodes[index];
                    let (given, used) = scoring
                        .with_evaluation(|e| {
                            let siblings: f64 = f.nodes[0].children.iter().map(|&c| e.weights[c]).sum();
                            (e.weights[index] / siblings, e.nodes[index].effective_weight)
                        })
                        .unwrap_or((0.0, 0.0));
                    view! {
                        <tr>
                            <th scope="row">{node.label(lang.get().tag())}</th>
                            <td>{percent(given)}</td>
                            <td>{percent(used)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let print = move || assessment.with(|a| framework.with_value(|f| assessment_fingerprint(f, a)));
    // The profile in force, said with whether its weights were published or derived, and why.
    let profile = move || {
        let lang = lang.get();
        framework.with_value(|f| {
            let id =
                assessment.with(|a| a.profile.clone()).or_else(|| f.weight_profiles.first().map(|p| p.id.clone()))?;
            let profile = f.profile(&id)?;
            let line = lang.format(
                SelfcheckMsg::MethodProfile,
                &[("name", localized_text(&profile.name, lang.tag())), ("status", lang.text(profile.status.message()))],
            );
            let note = profile.note.as_ref().map(|n| localized_text(n, lang.tag()).to_owned()).unwrap_or_default();
            Some(view! {
                <dt>{lang.text(SelfcheckMsg::ProfileLabel)}</dt>
                <dd data-testid="method-profile">{line}" "{note}</dd>
            })
        })
    };
    let progress = move || {
        let weight = assessment.with(|a| a.progress_weight());
        lang.get().format(
            SelfcheckMsg::MethodProgress,
            &[("weight", &weight.to_string()), ("default", &DEFAULT_PROGRESS_WEIGHT.to_string())],
        )
    };
    view! {
        <section class="sc-section sc-method" aria-labelledby="sc-method-title">
            <h2 id="sc-method-title">{tr(SelfcheckMsg::MethodTitle)}</h2>
            <dl class="sc-method-list">
                <dt>{tr(SelfcheckMsg::MethodFramework)}</dt>
                <dd>{framework_line}{source.map(|s| view! { <br /><small>{s}</small> })}</dd>
                {profile}
                <dt>{tr(SelfcheckMsg::MethodAggregation)}</dt>
                <dd>{aggregation}</dd>
                <dt>{tr(SelfcheckMsg::MethodMissingTitle)}</dt>
                <dd>{missing}</dd>
                <dt>{tr(SelfcheckMsg::Tier)}</dt>
                <dd>{tiers}</dd>
                <dt>{tr(SelfcheckMsg::MethodUncertaintyTitle)}</dt>
                <dd>{uncertainty}</dd>
                <dt>{tr(SelfcheckMsg::MethodProgressTitle)}</dt>
                <dd data-testid="method-progress">{progress}</dd>
                <dt>{tr(SelfcheckMsg::MethodFingerprint)}</dt>
                <dd>
                    <code class="sc-fingerprint" data-testid="fingerprint">{print}</code>
                    <br />
                    <small>{move || lang.get().format(SelfcheckMsg::MethodEngine, &[("version", ENGINE_VERSION)])}</small>
                </dd>
            </dl>
            <table class="sc-table sc-data">
                <caption>{tr(SelfcheckMsg::MethodWeightsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(SelfcheckMsg::ColumnDimension)}</th>
                        <th scope="col">{tr(SelfcheckMsg::WeightGiven)}</th>
                        <th scope="col">{tr(SelfcheckMsg::WeightUsed)}</th>
                    </tr>
                </thead>
                <tbody data-testid="weights-used">{weights}</tbody>
            </table>
        </section>
    }
}
