use civic_pulse_core::{WidgetConfig, widget_texts};
use js_sys::Function;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

use crate::feedback::{mount_problems, mount_widget};

/// Renders the widget for `host`'s attributes into `container` (inside the host's shadow root)
/// and returns a function that unmounts it. A bad configuration renders the list of problems in
/// place of the widget and logs it once, so the portal team sees what to fix.
///
/// The widget speaks the language of `texts`: `embed.js` chose it as `Lang::from_tag` and
/// `Lang::negotiate` do (the `lang` attribute when valid, else the browser's preference) and
/// fetched its texts file. A file this build cannot read is an error for `embed.js` to show.
pub fn mount_feedback(
    container: HtmlElement,
    host: HtmlElement,
    texts: String,
    more_texts: Function,
) -> Result<JsValue, JsValue> {
    let lang = widget_texts::load(texts).map_err(|error| JsValue::from_str(error.explain()))?;
    Ok(match WidgetConfig::from_attributes(|name| host.get_attribute(name)) {
        Ok(config) => mount_widget(container, host, config, lang, more_texts),
        Err(problems) => mount_problems(container, problems, lang, &more_texts),
    })
}
