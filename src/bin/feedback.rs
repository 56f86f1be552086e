//! Entry point of the feedback bundle. `embed.js` calls `mount` for every `<civic-feedback>`.
// No `main`: the widget starts from `mount`, and an empty `main` still linked std's runtime start-up
// and stdout flush into the first part (154 B gzip, measured).
#![no_main]

use wasm_bindgen::prelude::*;

/// Mounts a widget for `host` into `container` in the language of `texts` (the first part's texts
/// file `embed.js` fetched beside the first part); `more_texts` fetches the file with every
/// language's texts, for the second part. Returns the function that unmounts it; throws when
/// `texts` is not a texts file of this build, and `embed.js` then shows its fallback.
#[wasm_bindgen]
pub fn mount(
    container: web_sys::HtmlElement,
    host: web_sys::HtmlElement,
    texts: String,
    more_texts: js_sys::Function,
) -> Result<JsValue, JsValue> {
    civic_pulse::embed::mount_feedback(container, host, texts, more_texts)
}
