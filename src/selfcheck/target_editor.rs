use civic_pulse_core::SelfcheckMsg;
use leptos::prelude::*;

use super::state::{Workbench, use_workbench};
use super::target_row::TargetRow;
use crate::i18n::tr;

/// Where the city means to be: a target per dimension (a score) and per indicator (in its own
/// terms), beside the figure now. The framework's own targets apply where the city sets none.
/// Targets are part of the assessment, so they are saved, exported and shared with it.
#[component]
pub fn TargetEditor() -> impl IntoView {
    let Workbench { framework, assessment, .. } = use_workbench();
    // Dimensions, each followed by its indicators (sub-dimensions are left to their means).
    let rows: Vec<usize> = framework.with_value(|f| {
        f.nodes[0]
            .children
            .iter()
            .flat_map(|&dimension| std::iter::once(dimension).chain(f.indicators_under(dimension).map(|(i, _)| i)))
            .collect()
    });
    let clear = move |_| assessment.update(|a| a.targets.clear());
    view! {
        <details class="sc-targets sc-screen-only">
            <summary>{tr(SelfcheckMsg::TargetsTitle)}</summary>
            <p>{tr(SelfcheckMsg::TargetsHelp)}</p>
            <button type="button" on:click=clear disabled=move || assessment.with(|a| a.targets.is_empty())>
                {tr(SelfcheckMsg::TargetsReset)}
            </button>
            <table class="sc-table">
                <caption>{tr(SelfcheckMsg::TargetsCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(SelfcheckMsg::ColumnDimension)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnNow)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnTarget)}</th>
                    </tr>
                </thead>
                <tbody>{rows.into_iter().map(|index| view! { <TargetRow index=index /> }).collect_view()}</tbody>
            </table>
        </details>
    }
}
