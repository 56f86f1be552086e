use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{DEFAULT_PROGRESS_WEIGHT, NodeProgress, parse_value};
use leptos::prelude::*;

use super::scoring::{percent, two_decimals_or_dash};
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// The progress track beside the level: for the whole, each dimension and each indicator with a
/// target, the baseline, now, the target and the share of the way covered, in words when the
/// city went back and with the reason when it is not defined (never a 0 in its place). Then how
/// much progress counts in the combined result.
#[component]
pub fn ProgressTrack() -> impl IntoView {
    let Workbench { framework, assessment, scoring } = use_workbench();
    let lang = use_lang();
    let baseline_year = move || assessment.with(|a| a.baseline.as_ref().map(|b| b.year));
    let in_words = move |node: &NodeProgress| -> (String, bool) {
        let lang = lang.get();
        match node.progress {
            Ok(share) if share < 0.0 => {
                (lang.format(SelfcheckMsg::ProgressBack, &[("percent", &percent(-share))]), true)
            }
            Ok(share) => (lang.format(SelfcheckMsg::ProgressForward, &[("percent", &percent(share))]), false),
            Err(reason) => {
                (lang.format(SelfcheckMsg::ProgressNotDefined, &[("reason", lang.text(reason.message()))]), false)
            }
        }
    };
    let table = move || {
        let year = baseline_year()?.map(|y| y.to_string()).unwrap_or_else(|| "—".to_owned());
        let rows = scoring.progress.with(|track| {
            let track = track.as_ref()?;
            let has_target = |index: usize| track.nodes[index].target.is_some();
            Some(framework.with_value(|f| {
                let shown = std::iter::once(0).chain(f.nodes[0].children.iter().flat_map(|&dimension| {
                    std::iter::once(dimension)
                        .chain(f.indicators_under(dimension).map(|(i, _)| i).filter(|&i| has_target(i)))
                }));
                shown
                    .map(|index| {
                        let node = &track.nodes[index];
                        let name = if index == 0 {
                            lang.get().text(SelfcheckMsg::OverallIndex).to_owned()
                        } else {
                            f.nodes[index].label(lang.get().tag())
                        };
                        let (words, back) = in_words(node);
                        let class = match (index, f.nodes[index].depth) {
                            (0, _) | (_, 1) => "sc-weight-dimension",
                            _ => "sc-weight-sub",
                        };
                        view! {
                            <tr class=class data-code=f.nodes[index].code.clone()>
                                <th scope="row">{name}</th>
                                <td>{two_decimals_or_dash(node.baseline)}</td>
                                <td>{two_decimals_or_dash(node.now)}</td>
                                <td>{two_decimals_or_dash(node.target)}</td>
                                <td class=back.then_some("sc-progress-back")>{words}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            }))
        })?;
        Some(view! {
            <table class="sc-table sc-data" data-testid="progress-track">
                <caption>{lang.get().format(SelfcheckMsg::ProgressCaption, &[("year", &year)])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(SelfcheckMsg::ColumnDimension)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnBaseline)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnNow)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnTarget)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnProgress)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };
    let weight_problem = RwSignal::new(false);
    let set_weight = move |event: leptos::ev::Event| {
        let typed = event_target_value(&event);
        let weight = if typed.trim().is_empty() {
            Some(None)
        } else {
            parse_value(&typed).filter(|w| (0.0..=1.0).contains(w)).map(Some)
        };
        weight_problem.set(weight.is_none());
        if let Some(weight) = weight {
            assessment.update(|a| a.progress_weight = weight);
        }
    };
    view! {
        // Without a baseline there is nothing to print: the section stays on screen only.
        <section
            class=move || if baseline_year().is_some() { "sc-section" } else { "sc-section sc-screen-only" }
            aria-labelledby="sc-progress-title"
        >
            <h2 id="sc-progress-title">{tr(SelfcheckMsg::ProgressTitle)}</h2>
            <p>{tr(SelfcheckMsg::ProgressIntro)}</p>
            {move || baseline_year().is_none().then(|| view! { <p data-testid="progress-choose-baseline">{tr(SelfcheckMsg::ProgressChooseBaseline)}</p> })}
            {table}
            <div class="sc-progress-weight sc-screen-only">
                <label for="sc-progress-weight">{tr(SelfcheckMsg::ProgressWeightLabel)}</label>
                <input
                    id="sc-progress-weight"
                    type="text"
                    inputmode="decimal"
                    aria-invalid=move || weight_problem.get().then_some("true")
                    prop:value=move || assessment.with(|a| a.progress_weight.unwrap_or(DEFAULT_PROGRESS_WEIGHT)).to_string()
                    on:change=set_weight
                />
                {move || weight_problem.get().then(|| view! { <p class="sc-error" role="alert">{tr(SelfcheckMsg::ProgressWeightRange)}</p> })}
            </div>
        </section>
    }
}
