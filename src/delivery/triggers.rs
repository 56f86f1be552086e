//! When the queue is flushed besides its own timer: at once when the widget starts (the next
//! page load, with what was set aside too), when the browser comes back online, when the page
//! becomes visible again; and a last keep-alive send when the page is hidden. Every listener goes away with the widget.

use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use super::Courier;

/// Starts delivering for the widget being built (call inside its component).
pub fn keep_delivering(courier: Rc<Courier>) {
    let flush_now = {
        let courier = courier.clone();
        move || {
            let courier = courier.clone();
            spawn_local(async move { courier.flush(true).await });
        }
    };
    // The start-up flush also tries once more what an earlier visit set aside after repeated
    // server errors, so a long outage heals by itself.
    {
        let courier = courier.clone();
        spawn_local(async move { courier.flush_all().await });
    }
    let online = window_event_listener(ev::online, {
        let flush_now = flush_now.clone();
        move |_| flush_now()
    });
    // `visibilitychange` is fired at the document and bubbles to the window.
    let visible = window_event_listener(ev::visibilitychange, {
        let courier = courier.clone();
        move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                flush_now();
            } else {
                courier.send_before_leaving();
            }
        }
    });
    let hidden = window_event_listener(ev::pagehide, {
        let courier = courier.clone();
        move |_| courier.send_before_leaving()
    });
    let listeners = SendWrapper::new((courier, [online, visible, hidden]));
    on_cleanup(move || {
        let (courier, listeners) = listeners.take();
        courier.stop();
        for listener in listeners {
            listener.remove();
        }
    });
}
