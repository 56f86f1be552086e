use civic_pulse_core::Msg;
use civic_pulse_core::selfcheck::{Assessment, Framework};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::{tr, use_lang};
use crate::ui::ProblemList;

/// Reads an assessment from the page's `#data=` fragment, if any, and removes the fragment so a
/// reload does not offer it again. `Err` lists why it cannot be used.
pub fn take_shared_assessment(framework: &Framework) -> Option<Result<Assessment, Vec<String>>> {
    let location = window().location();
    let found = Assessment::from_fragment(&location.hash().ok()?)?;
    if let (Ok(history), Ok(path), Ok(search)) = (window().history(), location.pathname(), location.search()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
    Some(found.map_err(|e| vec![e]).and_then(|candidate| {
        let problems = candidate.problems_with(framework);
        if problems.is_empty() { Ok(candidate) } else { Err(problems) }
    }))
}

/// Offers a linked assessment when the device already holds one, so opening a link never
/// silently replaces unsaved work; or explains why a damaged link could not be used.
#[component]
pub fn SharedLinkOffer(
    offered: RwSignal<Option<Assessment>>,
    problems: RwSignal<Vec<String>>,
    assessment: RwSignal<Assessment>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div role="alert">
            {move || {
                offered
                    .with(|o| o.as_ref().map(|a| a.city.clone()))
                    .map(|city| {
                        view! {
                            <div class="sc-offer">
                                <p>{move || lang.get().format(Msg::SelfcheckLinkFound, &[("city", &city)])}</p>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        if let Some(candidate) = offered.get_untracked() {
                                            assessment.set(candidate);
                                        }
                                        offered.set(None);
                                    }
                                >
                                    {tr(Msg::SelfcheckReplace)}
                                </button>
                                <button type="button" on:click=move |_| offered.set(None)>{tr(Msg::SelfcheckKeep)}</button>
                            </div>
                        }
                    })
            }}
            {move || {
                let found = problems.get();
                (!found.is_empty())
                    .then(|| view! { <ProblemList title=lang.get().text(Msg::SelfcheckImportProblems).to_owned() problems=found /> })
            }}
        </div>
    }
}
