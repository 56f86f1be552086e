use civic_pulse_core::Msg;
use civic_pulse_core::selfcheck::{Assessment, Framework, localized_text};
use leptos::prelude::*;

use super::indicator_field::IndicatorField;
use crate::i18n::use_lang;

/// Every indicator of one dimension (node `dimension` of the framework), with the dimension's
/// own progress.
#[component]
pub fn DimensionForm(
    framework: StoredValue<Framework>,
    dimension: usize,
    assessment: RwSignal<Assessment>,
) -> impl IntoView {
    let lang = use_lang();
    let indicators: Vec<usize> = framework.with_value(|f| f.indicators_under(dimension).map(|(i, _)| i).collect());
    let codes: Vec<String> = framework.with_value(|f| indicators.iter().map(|&i| f.nodes[i].code.clone()).collect());
    let total = codes.len();
    let done = {
        let codes = codes.clone();
        move || assessment.with(|a| codes.iter().filter(|code| a.inputs.contains_key(code.as_str())).count())
    };
    let title = move || {
        framework.with_value(|f| {
            let node = &f.nodes[dimension];
            format!("{} · {}", node.code, localized_text(&node.name, lang.get().tag()))
        })
    };
    view! {
        <section class="sc-dimension" aria-labelledby="sc-dimension-title">
            <h2 id="sc-dimension-title" tabindex="-1">{title}</h2>
            <p class="sc-progress" role="status">
                {move || {
                    lang.get().format(Msg::SelfcheckProgress, &[("done", &done().to_string()), ("total", &total.to_string())])
                }}
            </p>
            {indicators
                .into_iter()
                .map(|index| {
                    let code = framework.with_value(|f| f.nodes[index].code.clone());
                    let name = Signal::derive(move || {
                        framework.with_value(|f| localized_text(&f.nodes[index].name, lang.get().tag()).to_owned())
                    });
                    let description = Signal::derive(move || {
                        framework.with_value(|f| {
                            f.nodes[index].description.as_ref().map(|d| localized_text(d, lang.get().tag()).to_owned())
                        })
                    });
                    view! { <IndicatorField code=code name=name description=description assessment=assessment /> }
                })
                .collect_view()}
        </section>
    }
}
