use civic_pulse_core::Msg;
use civic_pulse_core::selfcheck::{Assessment, Framework, Light, Options, evaluate, localized_text, normalise_inputs};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// The results, recomputed at every change: overall index, tier, coverage (with a warning below
/// the framework's gate) and each dimension's value and light. The `data-testid` hooks are
/// stable for automated checks.
#[component]
pub fn ResultsPanel(framework: StoredValue<Framework>, assessment: RwSignal<Assessment>) -> impl IntoView {
    let lang = use_lang();
    let evaluation = Memo::new(move |_| {
        assessment.with(|a| {
            framework.with_value(|f| {
                let scores = normalise_inputs(f, &a.inputs).ok()?;
                let options = Options { weights: a.weights.clone(), ..Options::default() };
                evaluate(f, &scores, &options).ok()
            })
        })
    });
    let percent = |share: f64| format!("{:.0} %", share * 100.0);
    let index = move || {
        evaluation
            .with(|e| e.as_ref().and_then(|e| e.index))
            .map_or_else(|| tr(Msg::SelfcheckNoIndex)().to_owned(), |v| format!("{v:.2}"))
    };
    let tier = move || {
        let id = evaluation.with(|e| e.as_ref().and_then(|e| e.tier.clone()))?;
        framework.with_value(|f| {
            f.tiers.iter().find(|t| t.id == id).map(|t| localized_text(&t.name, lang.get().tag()).to_owned())
        })
    };
    let coverage = move || evaluation.with(|e| e.as_ref().map(|e| (e.coverage, e.coverage_gate, e.low_coverage)));
    let dimensions = move || {
        framework.with_value(|f| {
            f.nodes[0]
                .children
                .iter()
                .map(|&index| {
                    let node = &f.nodes[index];
                    let result = evaluation.with(|e| e.as_ref().map(|e| (e.nodes[index].value, e.nodes[index].light)));
                    let (value, light) = result.unwrap_or((None, None));
                    let light = match light {
                        Some(Light::Green) => "●●● ",
                        Some(Light::Yellow) => "●● ",
                        Some(Light::Red) => "● ",
                        None => "",
                    };
                    view! {
                        <tr>
                            <th scope="row">{format!("{} · {}", node.code, localized_text(&node.name, lang.get().tag()))}</th>
                            <td>{format!("{light}{}", value.map_or("—".to_owned(), |v| format!("{v:.2}")))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="sc-results" aria-labelledby="sc-results-title">
            <h2 id="sc-results-title">{tr(Msg::SelfcheckResults)}</h2>
            <dl class="sc-figures">
                <dt>{tr(Msg::SelfcheckOverallIndex)}</dt>
                <dd data-testid="overall-index">{index}</dd>
                <dt>{tr(Msg::SelfcheckTier)}</dt>
                <dd data-testid="tier">{move || tier().unwrap_or_else(|| "—".to_owned())}</dd>
                <dt>{tr(Msg::SelfcheckCoverage)}</dt>
                <dd data-testid="coverage">{move || coverage().map_or("—".to_owned(), |(c, _, _)| percent(c))}</dd>
            </dl>
            {move || {
                coverage()
                    .filter(|(_, _, low)| *low)
                    .map(|(c, gate, _)| {
                        view! {
                            <p class="sc-warning" role="status">
                                {lang.get().format(Msg::SelfcheckLowCoverage, &[("coverage", &percent(c)), ("gate", &percent(gate))])}
                            </p>
                        }
                    })
            }}
            <table class="sc-table" aria-labelledby="sc-results-title">
                <tbody>{dimensions}</tbody>
            </table>
        </section>
    }
}
