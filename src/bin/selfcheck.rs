//! Entry point of the self-check bundle: mounts the app into the page's `#selfcheck` element.

use civic_pulse::selfcheck::SelfcheckApp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let root = document().get_element_by_id("selfcheck").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => leptos::mount::mount_to(root, SelfcheckApp).forget(),
        None => leptos::mount::mount_to_body(SelfcheckApp),
    }
}
