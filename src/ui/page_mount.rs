use leptos::prelude::*;
use leptos::tachys::dom::body;
use wasm_bindgen::JsCast;

/// Mounts a page's app (the self-check, the staff console, the receipt page) from its bundle's
/// start function: into the page's element `id`, else into the body. What the element holds
/// while the bundle loads stays: the page's loader removes the "starting" line once the bundle
/// has started, and shows the hidden "could not start" line when it has not, which a start
/// that traps must still find.
pub fn mount_page<F, N>(id: &str, app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let root = document().get_element_by_id(id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    leptos::mount::mount_to(root.unwrap_or_else(body), app).forget();
}
