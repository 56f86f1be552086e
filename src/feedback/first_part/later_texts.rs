//! The texts only the second part shows, in every language (`civic_pulse_core::widget_texts`):
//! asked of `embed.js` together with the second part, which shows none of its pieces without
//! them.

use civic_pulse_core::widget_texts;
use js_sys::{Function, Promise};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Starts fetching the file with every language's texts with `embed.js`'s function; `None`
/// when it could not even start.
pub fn fetch(more_texts: &Function) -> Option<JsFuture> {
    more_texts.call0(&JsValue::NULL).ok().map(|file| JsFuture::from(Promise::from(file)))
}

/// Keeps the texts `fetch` brought; whether they came and are texts of this build.
pub async fn arrived(fetch: Option<JsFuture>) -> bool {
    let Some(fetch) = fetch else { return false };
    match fetch.await.ok().and_then(|file| file.as_string()) {
        Some(file) => widget_texts::load(file).is_ok(),
        None => false,
    }
}
