//! Focus and id helpers that keep keyboard and screen-reader users oriented.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// An id unique in the page, so several widgets (or tests) can share one document.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Moves focus to `node` once it is in the page, when `enabled`. Used on each new screen's
/// heading after the resident acted, never on first render (that would steal focus from the host).
pub fn focus_when_mounted<E>(node: NodeRef<E>, enabled: bool)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    if enabled {
        Effect::new(move |_| {
            if let Some(element) = node.get() {
                let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
            }
        });
    }
}
