use civic_pulse_core::SelfcheckMsg;
use leptos::prelude::*;

use super::state::{Workbench, use_workbench};
use crate::i18n::use_lang;

/// Every dimension with how many of its indicators are assessed; choosing one opens it. The
/// open dimension is marked for screen readers with `aria-current`.
#[component]
pub fn DimensionOverview(
    /// Position of the open dimension among the framework's dimensions.
    current: RwSignal<usize>,
    /// Opens the dimension at a position (and moves focus to its heading).
    open: Callback<usize>,
) -> impl IntoView {
    let Workbench { framework, assessment, .. } = use_workbench();
    let lang = use_lang();
    let dimensions: Vec<(usize, Vec<String>)> = framework.with_value(|f| {
        f.nodes[0]
            .children
            .iter()
            .map(|&index| (index, f.indicators_under(index).map(|(_, n)| n.code.clone()).collect()))
            .collect()
    });
    let items = dimensions
        .into_iter()
        .enumerate()
        .map(|(position, (index, codes))| {
            let total = codes.len();
            let text = move || {
                let done = assessment.with(|a| codes.iter().filter(|c| a.inputs.contains_key(c.as_str())).count());
                let dimension = framework.with_value(|f| f.nodes[index].label(lang.get().tag()));
                lang.get().format(
                    SelfcheckMsg::DimensionProgress,
                    &[("dimension", &dimension), ("done", &done.to_string()), ("total", &total.to_string())],
                )
            };
            view! {
                <li>
                    <button
                        type="button"
                        aria-current=move || (current.get() == position).then_some("step")
                        on:click=move |_| open.run(position)
                    >
                        {text}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="sc-overview" aria-label=move || lang.get().text(SelfcheckMsg::ProgressOverview)>
            <ol>{items}</ol>
        </nav>
    }
}
