use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Aggregation, ENGINE_VERSION, UncertaintyOptions, fingerprint, localized_text};
use leptos::prelude::*;

use super::scoring::{options_with, percent, two_decimals};
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// How the result was made, so another official can check or reproduce it: the framework, the
/// weights actually used, the missing-data policy, the tiers, the uncertainty settings and the
/// fingerprint of everything that determines the result.
#[component]
pub fn MethodNote() -> impl IntoView {
    let Workbench { framework, scoring, .. } = use_workbench();
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
    let print = move || {
        scoring
            .figures
            .with(|(inputs, weights)| framework.with_value(|f| fingerprint(f, inputs, &options_with(weights))))
    };
    view! {
        <section class="sc-section sc-method" aria-labelledby="sc-method-title">
            <h2 id="sc-method-title">{tr(SelfcheckMsg::MethodTitle)}</h2>
            <dl class="sc-method-list">
                <dt>{tr(SelfcheckMsg::MethodFramework)}</dt>
                <dd>{framework_line}{source.map(|s| view! { <br /><small>{s}</small> })}</dd>
                <dt>{tr(SelfcheckMsg::MethodAggregation)}</dt>
                <dd>{aggregation}</dd>
                <dt>{tr(SelfcheckMsg::MethodMissingTitle)}</dt>
                <dd>{missing}</dd>
                <dt>{tr(SelfcheckMsg::Tier)}</dt>
                <dd>{tiers}</dd>
                <dt>{tr(SelfcheckMsg::MethodUncertaintyTitle)}</dt>
                <dd>{uncertainty}</dd>
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
