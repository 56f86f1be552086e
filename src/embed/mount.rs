use civic_pulse_core::{Lang, WidgetConfig};
use leptos::either::Either;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use web_sys::HtmlElement;

use super::host_events::dispatch;
use crate::feedback::{ConfigProblems, FeedbackEvent, FeedbackWidget};
use crate::i18n::browser_languages;

/// Renders the widget for `host`'s attributes into `container` (inside the host's shadow root)
/// and returns a function that unmounts it. A bad configuration renders the list of problems in
/// place of the widget and logs it once, so the portal team sees what to fix.
pub fn mount_feedback(container: HtmlElement, host: HtmlElement) -> JsValue {
    // One `mount_to` for both outcomes: each instantiation of it carries its own copy of the
    // mounting code.
    let handle = mount_to(container, move || match WidgetConfig::from_attributes(|name| host.get_attribute(name)) {
        Ok(config) => {
            let on_event = Callback::new(move |event: FeedbackEvent| dispatch(&host, &event));
            Either::Left(view! { <FeedbackWidget config=config on_event=on_event /> })
        }
        Err(problems) => {
            // The messages follow the language the portal asked for when it is valid.
            let lang = host
                .get_attribute("lang")
                .and_then(|tag| Lang::from_tag(&tag))
                .unwrap_or_else(|| Lang::negotiate(&browser_languages()));
            Either::Right(view! { <ConfigProblems problems=problems lang=lang /> })
        }
    });
    // Dropping the handle unmounts the view and disposes its reactive owner.
    Closure::once_into_js(move || drop(handle))
}
