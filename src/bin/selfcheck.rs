//! Entry point of the self-check bundle: mounts the app into the page's `#selfcheck` element.
// No `main`: the page starts from a wasm-bindgen start function, since std's `main` links its
// runtime start-up and stdout flush (154 B gzip in the widget, measured).
#![no_main]

use civic_pulse::selfcheck::SelfcheckApp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(start)]
fn start() {
    let root = document().get_element_by_id("selfcheck").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => leptos::mount::mount_to(root, SelfcheckApp).forget(),
        None => leptos::mount::mount_to_body(SelfcheckApp),
    }
}
