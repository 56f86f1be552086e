//! Entry point of the receipt page bundle: mounts the page into the collector's `#receipt` element.

use civic_pulse::receipt::ReceiptApp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let root = document().get_element_by_id("receipt").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, ReceiptApp).forget();
        }
        None => leptos::mount::mount_to_body(ReceiptApp),
    }
}
