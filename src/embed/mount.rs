use civic_pulse_core::{Lang, WidgetConfig};
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

use crate::feedback::{mount_problems, mount_widget};
use crate::i18n::browser_languages;

/// Renders the widget for `host`'s attributes into `container` (inside the host's shadow root)
/// and returns a function that unmounts it. A bad configuration renders the list of problems in
/// place of the widget and logs it once, so the portal team sees what to fix.
pub fn mount_feedback(container: HtmlElement, host: HtmlElement) -> JsValue {
    match WidgetConfig::from_attributes(|name| host.get_attribute(name)) {
        Ok(config) => mount_widget(container, host, config),
        Err(problems) => {
            // The messages follow the language the portal asked for when it is valid.
            let lang = host
                .get_attribute("lang")
                .and_then(|tag| Lang::from_tag(&tag))
                .unwrap_or_else(|| Lang::negotiate(&browser_languages()));
            mount_problems(container, problems, lang)
        }
    }
}
