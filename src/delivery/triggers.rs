//! When the queue is flushed besides its own timer: at once when the widget starts (the next
//! page load, with what was set aside too), when the browser comes back online, when the page
//! becomes visible again; and a last keep-alive send when the page is hidden. Every listener goes away with the widget.

use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use super::QueueFlusher;

/// Starts delivering for the widget being built (call inside its component).
pub fn keep_delivering(flusher: Rc<QueueFlusher>) {
    let send_waiting = {
        let flusher = flusher.clone();
        move || {
            let flusher = flusher.clone();
            spawn_local(async move { flusher.send_waiting().await });
        }
    };
    // The start-up flush also tries once more what an earlier visit set aside after repeated
    // server errors, so a long outage heals by itself.
    {
        let flusher = flusher.clone();
        spawn_local(async move { flusher.send_everything().await });
    }
    let online = window_event_listener(ev::online, {
        let send_waiting = send_waiting.clone();
        move |_| send_waiting()
    });
    // `visibilitychange` is fired at the document and bubbles to the window.
    let visible = window_event_listener(ev::visibilitychange, {
        let flusher = flusher.clone();
        move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                send_waiting();
            } else {
                flusher.send_before_leaving();
            }
        }
    });
    let hidden = window_event_listener(ev::pagehide, {
        let flusher = flusher.clone();
        move |_| flusher.send_before_leaving()
    });
    let listeners = SendWrapper::new((flusher, [online, visible, hidden]));
    on_cleanup(move || {
        let (flusher, listeners) = listeners.take();
        flusher.stop();
        for listener in listeners {
            listener.remove();
        }
    });
}
