//! Entry point of the staff console bundle: mounts the console into the page's `#staff` element.
// No `main`: the page starts from a wasm-bindgen start function, since std's `main` links its
// runtime start-up and stdout flush (154 B gzip in the widget, measured).
#![no_main]

use civic_pulse::staff::StaffApp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(start)]
fn start() {
    let root = document().get_element_by_id("staff").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, StaffApp).forget();
        }
        None => leptos::mount::mount_to_body(StaffApp),
    }
}
