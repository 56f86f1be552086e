use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use civic_pulse_core::{ConfigError, Lang, Msg};
use js_sys::Function;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use web_sys::HtmlElement;

use super::later_texts;
use crate::dom;
use crate::task;

/// Shown in place of the widget when its configuration cannot work. The list of what to fix comes
/// with the second part and its texts (`more_texts`), fetched at once, since a good configuration
/// never needs them; returns the function that unmounts it.
pub fn mount_problems(
    container: HtmlElement,
    problems: Vec<ConfigError>,
    lang: Lang,
    more_texts: &Function,
) -> JsValue {
    let shown: Rc<RefCell<Option<Box<dyn Any>>>> = Rc::default();
    let gone = Rc::new(std::cell::Cell::new(false));
    {
        let (container, shown, gone) = (container.clone(), shown.clone(), gone.clone());
        let arriving = later_texts::with_second_part(Some(more_texts));
        task::spawn(async move {
            let part = arriving.await;
            if gone.get() {
                return;
            }
            match part {
                Some(part) => *shown.borrow_mut() = Some((part.problem_screen)(&container, problems, lang)),
                None => {
                    let missing = dom::element(&container, "p", "cp-missing");
                    missing.set_text_content(Some(lang.text(Msg::ConfigScreenMissing)));
                }
            }
        });
    }
    Closure::once_into_js(move || {
        gone.set(true);
        shown.borrow_mut().take();
        container.set_text_content(None);
    })
}
