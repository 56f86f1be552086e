//! The first part's words: each text node remembers how to say itself, so a change of language
//! rewrites the words in place and leaves everything else (the chosen answer, what is typed, the
//! focus) as it is.

use std::cell::RefCell;
use std::rc::Rc;

use civic_pulse_core::{Lang, Msg};
use web_sys::Element;

type Say = Rc<dyn Fn(Lang) -> String>;

#[derive(Default)]
pub struct Texts {
    bound: RefCell<Vec<(Element, Say)>>,
}

impl Texts {
    /// Gives `element` the text `say` makes in `lang`, and again at every change of language.
    pub fn bind(&self, element: &Element, lang: Lang, say: impl Fn(Lang) -> String + 'static) {
        element.set_text_content(Some(&say(lang)));
        self.bound.borrow_mut().push((element.clone(), Rc::new(say)));
    }

    /// The same for a message of the catalogue.
    pub fn message(&self, element: &Element, lang: Lang, msg: Msg) {
        self.bind(element, lang, move |lang| lang.text(msg).to_owned());
    }

    pub fn translate(&self, lang: Lang) {
        let bound = self.bound.borrow().clone();
        for (element, say) in bound {
            element.set_text_content(Some(&say(lang)));
        }
    }

    /// Forgets the texts of elements no longer shown.
    pub fn forget_all(&self) {
        self.bound.borrow_mut().clear();
    }
}
