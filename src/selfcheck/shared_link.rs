use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Assessment, AssessmentError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::framework_library;
use super::link_compression::inflate;
use super::problem_alert::{ProblemAlert, in_page_language};
use super::state::use_selfcheck;
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
async fn read_fragment(fragment: &str) -> Result<Assessment, Vec<AssessmentError>> {
    let damaged = || vec![AssessmentError::DamagedLink];
    let candidate = if let Some(bytes) = Assessment::compressed_in_fragment(fragment) {
        let inflated = inflate(&bytes.map_err(|problem| vec![problem])?).await.map_err(|_| damaged())?;
        Assessment::from_shared_bytes(inflated)?
    } else {
        Assessment::from_fragment(fragment).ok_or_else(damaged)??
    };
    framework_library::check(candidate)
}

/// Opens an assessment from a share link, at load and whenever another link is opened in the same
/// tab. A device with nothing entered simply opens it; one with work is asked first, and choosing
/// the link adds it beside the work rather than over it. A damaged link is explained.
#[component]
pub fn SharedLinkOffer() -> impl IntoView {
    let state = use_selfcheck();
    let assessment = state.open();
    let lang = use_lang();
    let offered = RwSignal::new(None::<Assessment>);
    let problems = RwSignal::new(Vec::<AssessmentError>::new());
    let receive = move || {
        let Some(fragment) = take_fragment() else { return };
        problems.set(Vec::new());
        spawn_local(async move {
            match read_fragment(&fragment).await {
                Ok(shared) if assessment.with_untracked(|a| a.inputs.is_empty() && a.city.trim().is_empty()) => {
                    offered.set(None);
                    assessment.set(shared);
                }
                Ok(shared) => offered.set(Some(shared)),
                Err(found) => problems.set(found),
            }
        });
    };
    receive();
    // A second link opened in this tab (another link in the same mail) changes only the
    // fragment: no page load, so it is taken the same way as the first.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| receive());
    on_cleanup(move || listener.remove());
    let open_link = move |_| {
        if let Some(shared) = offered.get_untracked() {
            state.open_beside(shared);
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
        <ProblemAlert title=SelfcheckMsg::LinkProblems problems=in_page_language(problems) />
    }
}
