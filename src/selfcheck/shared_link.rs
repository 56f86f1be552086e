use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Assessment, Shelf};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::assessment_shelf::open_beside;
use super::framework_library;
use super::link_compression::inflate;
use super::problem_alert::ProblemAlert;
use crate::i18n::{tr, use_lang};

/// Takes the page's `#data=` or `#zdata=` fragment, if any, out of the address bar (so a reload
/// does not offer it again) and returns it.
fn take_fragment() -> Option<String> {
    let location = window().location();
    let hash = location.hash().ok().filter(|h| h.starts_with("#data=") || h.starts_with("#zdata="))?;
    if let (Ok(history), Ok(path), Ok(search)) = (window().history(), location.pathname(), location.search()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
    Some(hash)
}

/// The assessment a fragment carries, checked against its framework on this device.
async fn read_fragment(fragment: &str) -> Result<Assessment, Vec<String>> {
    let damaged = || vec!["the link is damaged or incomplete: ask for it again".to_owned()];
    let candidate = if let Some(bytes) = Assessment::compressed_in_fragment(fragment) {
        let inflated = inflate(&bytes.map_err(|_| damaged())?).await.map_err(|_| damaged())?;
        Assessment::from_shared_bytes(inflated).map_err(|e| vec![e])?
    } else {
        Assessment::from_fragment(fragment).ok_or_else(damaged)?.map_err(|e| vec![e])?
    };
    framework_library::check(candidate)
}

/// Opens an assessment from a share link. A device with nothing entered simply opens it; one
/// with work is asked first, and choosing the link adds it beside the work rather than over it.
/// A damaged link is explained.
#[component]
pub fn SharedLinkOffer(shelf: RwSignal<Shelf>, assessment: RwSignal<Assessment>) -> impl IntoView {
    let lang = use_lang();
    let offered = RwSignal::new(None::<Assessment>);
    let problems = RwSignal::new(Vec::<String>::new());
    if let Some(fragment) = take_fragment() {
        spawn_local(async move {
            match read_fragment(&fragment).await {
                Ok(shared) if assessment.with_untracked(|a| a.inputs.is_empty() && a.city.trim().is_empty()) => {
                    assessment.set(shared);
                }
                Ok(shared) => offered.set(Some(shared)),
                Err(found) => problems.set(found),
            }
        });
    }
    let open_link = move |_| {
        if let Some(shared) = offered.get_untracked() {
            open_beside(shelf, assessment, shared);
        }
        offered.set(None);
    };
    view! {
        <div role="alert">
            {move || {
                offered
                    .with(|o| o.as_ref().map(|a| a.city.clone()))
                    .map(|city| {
                        view! {
                            <div class="sc-offer">
                                <p>{move || lang.get().format(SelfcheckMsg::LinkFound, &[("city", &city)])}</p>
                                <button type="button" on:click=open_link>{tr(SelfcheckMsg::LinkOpen)}</button>
                                <button type="button" on:click=move |_| offered.set(None)>{tr(SelfcheckMsg::LinkIgnore)}</button>
                            </div>
                        }
                    })
            }}
        </div>
        <ProblemAlert title=SelfcheckMsg::LinkProblems problems=problems />
    }
}
