//! What the widget's two parts share. The first part (plain DOM, no Leptos) owns the widget's
//! state; the second part (Leptos) mirrors what it shows into signals when it arrives and writes
//! back what the resident changes there (the language, text size and contrast).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use civic_pulse_core::display::DisplayPrefs;
use civic_pulse_core::{Lang, ScaleId, Score};
use web_sys::Element;

use crate::delivery::{QueueCounts, QueueFlusher};

type Watcher<T> = Rc<dyn Fn(T)>;

/// A value with watchers: each is told of every change, in the order they started watching.
pub struct Watch<T> {
    value: Cell<T>,
    watchers: RefCell<Vec<Watcher<T>>>,
}

impl<T: Copy + PartialEq + 'static> Watch<T> {
    pub fn new(value: T) -> Watch<T> {
        Watch { value: Cell::new(value), watchers: RefCell::new(Vec::new()) }
    }

    pub fn get(&self) -> T {
        self.value.get()
    }

    /// Sets the value; the watchers hear of it only if it changed.
    pub fn set(&self, value: T) {
        if self.value.replace(value) != value {
            // A copy of the list: a watcher may start or stop others while it runs.
            let watchers = self.watchers.borrow().clone();
            for watcher in watchers {
                watcher(value);
            }
        }
    }

    pub fn watch(&self, watcher: impl Fn(T) + 'static) {
        self.watchers.borrow_mut().push(Rc::new(watcher));
    }
}

/// One widget's shared state.
pub struct Bridge {
    pub lang: Watch<Lang>,
    pub prefs: Watch<DisplayPrefs>,
    /// The answer chosen on the rating screen, which decides the chips on offer.
    pub score: Watch<Option<Score>>,
    pub counts: Watch<QueueCounts>,
    pub flusher: Rc<QueueFlusher>,
    pub scale: ScaleId,
    /// The element holding the current screen, which read-aloud reads.
    pub screen: Element,
    /// Read-aloud before the text controls: on a shared device many who come cannot read small print.
    pub read_aloud_first: bool,
}
