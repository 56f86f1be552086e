//! Entry point of the staff console bundle: mounts the console into the page's `#staff` element.

use civic_pulse::staff::StaffApp;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    let root = document().get_element_by_id("staff").and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, StaffApp).forget();
        }
        None => leptos::mount::mount_to_body(StaffApp),
    }
}
