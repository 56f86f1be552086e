use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::CitizenRatings;
use leptos::prelude::*;

use super::indicator_field::IndicatorField;
use super::state::{Workbench, use_workbench};
use crate::i18n::use_lang;

/// Every indicator of one dimension (node `dimension` of the framework), with the dimension's
/// own progress.
#[component]
pub fn DimensionForm(dimension: usize, ratings: RwSignal<Option<CitizenRatings>>) -> impl IntoView {
    let Workbench { framework, assessment, .. } = use_workbench();
    let lang = use_lang();
    let indicators: Vec<usize> = framework.with_value(|f| f.indicators_under(dimension).map(|(i, _)| i).collect());
    let codes: Vec<String> = framework.with_value(|f| indicators.iter().map(|&i| f.nodes[i].code.clone()).collect());
    let total = codes.len();
    let done = move || assessment.with(|a| codes.iter().filter(|code| a.inputs.contains_key(code.as_str())).count());
    let title = move || {
        framework.with_value(|f| {
            let node = &f.nodes[dimension];
            node.label(lang.get().tag())
        })
    };
    view! {
        <section class="sc-dimension" aria-labelledby="sc-dimension-title">
            <h2 id="sc-dimension-title" tabindex="-1">{title}</h2>
            <p class="sc-progress" role="status">
                {move || {
                    lang.get().format(SelfcheckMsg::Progress, &[("done", &done().to_string()), ("total", &total.to_string())])
                }}
            </p>
            {indicators
                .into_iter()
                .map(|index| {
                    let code = framework.with_value(|f| f.nodes[index].code.clone());
                    let evidence = Signal::derive(move || {
                        ratings.with(|r| {
                            r.as_ref().and_then(|r| framework.with_value(|f| r.by_indicator(f).remove(&code)))
                        })
                    });
                    view! { <IndicatorField index=index evidence=evidence /> }
                })
                .collect_view()}
        </section>
    }
}
