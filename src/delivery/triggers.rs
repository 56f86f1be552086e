//! When the queue is flushed besides its own timer: at once when the widget starts (the next
//! page load, with what was set aside too), when the browser comes back online, when the page
//! becomes visible again; and a last keep-alive send when the page is hidden. Every listener goes
//! away with the widget, when it drops the [`Delivering`] this returns.

use std::rc::Rc;

use crate::task;

use super::QueueFlusher;
use crate::dom::Listener;

/// Delivery for one widget, running until dropped.
pub struct Delivering {
    flusher: Rc<QueueFlusher>,
    _listeners: Vec<Listener>,
}

impl Drop for Delivering {
    fn drop(&mut self) {
        self.flusher.stop();
    }
}

/// Starts delivering for a widget: the start-up flush, and the listeners that flush later.
pub fn keep_delivering(flusher: Rc<QueueFlusher>) -> Delivering {
    let send_waiting = {
        let flusher = flusher.clone();
        move || {
            let flusher = flusher.clone();
            task::spawn(async move { flusher.send_waiting().await });
        }
    };
    // The start-up flush also tries once more what an earlier visit set aside after repeated
    // server errors, so a long outage heals by itself.
    {
        let flusher = flusher.clone();
        task::spawn(async move { flusher.send_everything().await });
    }
    let Some(window) = web_sys::window() else { return Delivering { flusher, _listeners: Vec::new() } };
    let online = Listener::new(&window, "online", {
        let send_waiting = send_waiting.clone();
        move |_| send_waiting()
    });
    // `visibilitychange` is fired at the document and bubbles to the window.
    let visible = Listener::new(&window, "visibilitychange", {
        let flusher = flusher.clone();
        move |_| {
            let visible = crate::dom::document()
                .is_some_and(|document| document.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                send_waiting();
            } else {
                flusher.send_before_leaving();
            }
        }
    });
    let hidden = Listener::new(&window, "pagehide", {
        let flusher = flusher.clone();
        move |_| flusher.send_before_leaving()
    });
    Delivering { flusher, _listeners: vec![online, visible, hidden] }
}
