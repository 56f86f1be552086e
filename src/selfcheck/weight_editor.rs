use civic_pulse_core::SelfcheckMsg;
use leptos::prelude::*;

use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// Change the weight of any dimension or sub-dimension (relative to its siblings) and see the
/// result move at once; reset returns to the weights it started from: the chosen profile's, else
/// the framework's own. Changes are kept as differences from those, in the assessment, so they
/// are saved, exported and shared with it.
#[component]
pub fn WeightEditor() -> impl IntoView {
    let Workbench { framework, assessment, .. } = use_workbench();
    let lang = use_lang();
    let nodes: Vec<usize> = framework.with_value(|f| {
        f.nodes.iter().enumerate().filter(|(i, n)| *i > 0 && !n.is_indicator()).map(|(i, _)| i).collect()
    });
    let rows = nodes
        .into_iter()
        .map(|index| {
            let (code, depth) = framework.with_value(|f| (f.nodes[index].code.clone(), f.nodes[index].depth));
            let given = move || assessment.with(|a| framework.with_value(|f| a.starting_weight(f, index)));
            let id = format!("sc-weight-{code}");
            let label = move || framework.with_value(|f| f.nodes[index].label(lang.get().tag()));
            let value = {
                let code = code.clone();
                move || assessment.with(|a| a.weights.get(&code).copied()).unwrap_or_else(given).to_string()
            };
            // While typing, a weight counts as soon as the text is a number written in full
            // ("2", "0.5"); a half-typed "0." waits for the field's change event, so re-showing
            // the stored weight never rewrites what the official is typing.
            let set = {
                let code = code.clone();
                move |event: leptos::ev::Event, typing: bool| {
                    let typed = event_target_value(&event).trim().to_owned();
                    let parsed = typed.parse::<f64>().ok();
                    if typing && parsed.is_none_or(|weight| weight.to_string() != typed) {
                        return;
                    }
                    let starting = assessment.with_untracked(|a| framework.with_value(|f| a.starting_weight(f, index)));
                    assessment.update(|a| match parsed {
                        Some(weight) if weight != starting => {
                            a.weights.insert(code.clone(), weight);
                        }
                        _ => {
                            a.weights.remove(&code);
                        }
                    });
                }
            };
            let set_on_change = set.clone();
            let changed = {
                let code = code.clone();
                move || assessment.with(|a| a.weights.contains_key(&code))
            };
            view! {
                <tr class=if depth == 1 { "sc-weight-dimension" } else { "sc-weight-sub" }>
                    <th scope="row"><label for=id.clone()>{label}</label></th>
                    <td>{move || given().to_string()}</td>
                    <td>
                        <input id=id type="number" min="0" step="any" inputmode="decimal" prop:value=value on:input=move |e| set(e, true) on:change=move |e| set_on_change(e, false) />
                        {move || changed().then(|| view! { <span class="sc-changed">{tr(SelfcheckMsg::WeightChanged)}</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let reset = move |_| assessment.update(|a| a.weights.clear());
    // What the weights start from, in words: the chosen profile's, else the framework's own.
    let starting_from = move |with_profile: SelfcheckMsg, without: SelfcheckMsg| {
        move || lang.get().text(if assessment.with(|a| a.profile.is_some()) { with_profile } else { without })
    };
    view! {
        <details class="sc-weights sc-screen-only">
            <summary>{tr(SelfcheckMsg::WeightsTitle)}</summary>
            <p>{tr(SelfcheckMsg::WeightsHelp)}</p>
            <button type="button" on:click=reset disabled=move || assessment.with(|a| a.weights.is_empty())>
                {starting_from(SelfcheckMsg::WeightsResetProfile, SelfcheckMsg::WeightsReset)}
            </button>
            <table class="sc-table">
                <caption>{tr(SelfcheckMsg::WeightsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(SelfcheckMsg::ColumnDimension)}</th>
                        <th scope="col">{starting_from(SelfcheckMsg::WeightProfile, SelfcheckMsg::WeightFramework)}</th>
                        <th scope="col">{tr(SelfcheckMsg::WeightThisAssessment)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
