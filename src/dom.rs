//! Plain DOM helpers for the code that runs without Leptos: the widget's first part and the
//! delivery layer under it. Hand-written on purpose: with Leptos's views and reactive code the
//! first part weighed 140 KB gzip, and written on these helpers about 80 (`BENCHMARKS.md`,
//! "Widget first part without Leptos"); every byte of it is on a resident's first load.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Element, EventTarget};

/// An event listener that is removed when dropped.
pub struct Listener {
    target: EventTarget,
    event: &'static str,
    handler: Closure<dyn Fn(web_sys::Event)>,
}

impl Listener {
    pub fn new(target: &EventTarget, event: &'static str, handler: impl Fn(web_sys::Event) + 'static) -> Listener {
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        Listener { target: target.clone(), event, handler }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.event, self.handler.as_ref().unchecked_ref());
    }
}

/// A timeout that is cleared when dropped.
pub struct Timeout {
    id: i32,
    _handler: Closure<dyn FnMut()>,
}

impl Timeout {
    pub fn new(ms: u32, run: impl FnOnce() + 'static) -> Option<Timeout> {
        let mut run = Some(run);
        let handler = Closure::<dyn FnMut()>::new(move || {
            if let Some(run) = run.take() {
                run();
            }
        });
        let id = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                handler.as_ref().unchecked_ref(),
                i32::try_from(ms).unwrap_or(i32::MAX),
            )
            .ok()?;
        Some(Timeout { id, _handler: handler })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.id);
        }
    }
}

/// Runs `run` once after `ms`, with nothing to cancel it (it checks for itself whether it still
/// applies).
pub fn after(ms: u32, run: impl FnOnce() + 'static) {
    let run = Closure::once_into_js(run);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            run.unchecked_ref(),
            i32::try_from(ms).unwrap_or(i32::MAX),
        );
    }
}

/// Runs `run` in the next animation frame's callbacks.
pub fn next_frame(run: impl FnOnce() + 'static) {
    let run = Closure::once_into_js(run);
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(run.unchecked_ref());
    }
}

pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// A new element, not yet in the page: `tag` with `class` (none when empty), in the document of
/// `near`. `None` only for a tag name the browser refuses; ours are literals.
pub fn create(near: &Element, tag: &str, class: &str) -> Option<Element> {
    let element = near.owner_document().or_else(document)?.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Some(element)
}

/// A new element: `tag` with `class` (none when empty), appended to `parent`.
pub fn element(parent: &Element, tag: &str, class: &str) -> Element {
    let element = create(parent, tag, class).unwrap_or_else(|| parent.clone());
    let _ = parent.append_child(&element);
    element
}

/// The same for an SVG element.
pub fn svg_element(parent: &Element, tag: &str, attributes: &[(&str, &str)]) -> Element {
    const SVG: &str = "http://www.w3.org/2000/svg";
    let document = parent.owner_document().or_else(document);
    let element = document.and_then(|d| d.create_element_ns(Some(SVG), tag).ok()).unwrap_or_else(|| parent.clone());
    set_attributes(&element, attributes);
    let _ = parent.append_child(&element);
    element
}

pub fn set_attributes(element: &Element, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
}

/// Moves the focus to `element`, which must be focusable (a heading has `tabindex="-1"`).
pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
