//! Entry point of the feedback bundle. `embed.js` calls `mount` for every `<civic-feedback>`.
// No `main`: the widget starts from `mount`, and an empty `main` still linked std's runtime start-up
// and stdout flush into the first part (154 B gzip, measured).
#![no_main]

use wasm_bindgen::prelude::*;

/// Mounts a widget for `host` into `container`; returns the function that unmounts it.
#[wasm_bindgen]
pub fn mount(container: web_sys::HtmlElement, host: web_sys::HtmlElement) -> JsValue {
    civic_pulse::embed::mount_feedback(container, host)
}
