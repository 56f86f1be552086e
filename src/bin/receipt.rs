//! Entry point of the receipt page bundle: mounts the page into the collector's `#receipt` element.
// No `main`: the page starts from a wasm-bindgen start function, since std's `main` links its
// runtime start-up and stdout flush (154 B gzip in the widget, measured).
#![no_main]

use civic_pulse::receipt::ReceiptApp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(start)]
fn start() {
    let root = document().get_element_by_id("receipt").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, ReceiptApp).forget();
        }
        None => leptos::mount::mount_to_body(ReceiptApp),
    }
}
