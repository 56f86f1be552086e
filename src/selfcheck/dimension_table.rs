use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Framework, localized_text};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// The framework's dimensions with their weights and, where the framework has them, the
/// published averages and whether each was published, rounded or derived.
#[component]
pub fn DimensionTable(framework: Framework) -> impl IntoView {
    let lang = use_lang();
    let framework_name = framework.name.clone();
    let average_label = framework.benchmark.as_ref().map(|b| b.label.clone());
    let has_average = average_label.is_some();
    let root = &framework.nodes[0];
    let total: f64 = root.children.iter().map(|&c| framework.nodes[c].weight).sum();
    let rows: Vec<_> = root
        .children
        .iter()
        .map(|&c| {
            let node = &framework.nodes[c];
            let average = framework.average(&node.code).map(|v| (v.value, v.status));
            (node.code.clone(), node.name.clone(), node.weight / total * 100.0, average)
        })
        .collect();
    view! {
        <table class="sc-table">
            <caption>{move || lang.get().format(SelfcheckMsg::DimensionsCaption, &[("framework", localized_text(&framework_name, lang.get().tag()))])}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(SelfcheckMsg::ColumnDimension)}</th>
                    <th scope="col">{tr(SelfcheckMsg::ColumnWeight)}</th>
                    {average_label.map(|label| view! { <th scope="col">{move || localized_text(&label, lang.get().tag()).to_owned()}</th> })}
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(code, name, percent, average)| {
                        let label = code.clone();
                        view! {
                            <tr data-code=code>
                                <th scope="row">{label}" · "{move || localized_text(&name, lang.get().tag()).to_owned()}</th>
                                <td>{format!("{percent:.0} %")}</td>
                                {has_average
                                    .then(|| {
                                        view! {
                                            <td>
                                                {move || {
                                                    average.map(|(value, status)| {
                                                        format!("{} ({})", at_least_two_decimals(value), lang.get().text(status.message()))
                                                    })
                                                }}
                                            </td>
                                        }
                                    })}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// A figure as written in its source (0.295 stays 0.295, not a rounded 0.29 or 0.30), padded to
/// two decimals so a column of averages lines up (0.8 shows as 0.80).
fn at_least_two_decimals(value: f64) -> String {
    let text = value.to_string();
    let decimals = text.split_once('.').map_or(0, |(_, fraction)| fraction.len());
    match decimals {
        0 => format!("{text}.00"),
        1 => format!("{text}0"),
        _ => text,
    }
}
