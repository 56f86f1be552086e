use civic_pulse_core::LaterMsg;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::i18n::{tr, use_lang};

/// The browser's speech synthesis, if it has one. Checked as an object rather than by class,
/// since only its `speak` and `cancel` methods are used.
fn speech() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    value.is_object().then(|| value.unchecked_into())
}

/// Reads the current screen (question, answers, buttons) aloud in the current language. Shown
/// only where the browser can speak.
#[component]
pub fn ReadAloudButton(
    /// The element holding the current screen.
    screen: SendWrapper<web_sys::Element>,
) -> impl IntoView {
    let lang = use_lang();
    let speak = move |_| {
        let Some(synthesis) = speech() else { return };
        let Some(screen) = screen.dyn_ref::<web_sys::HtmlElement>() else { return };
        let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&screen.inner_text()) else { return };
        utterance.set_lang(lang.get_untracked().speech_tag());
        // A second press starts again from the top rather than queueing a second reading.
        synthesis.cancel();
        synthesis.speak(&utterance);
    };
    speech().map(|_| {
        view! {
            <button type="button" class="cp-toggle" on:click=speak>
                {tr(LaterMsg::ReadAloud)}
            </button>
        }
    })
}
