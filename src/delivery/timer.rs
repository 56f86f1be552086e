//! Pauses and the queue's retry timer.

use std::cell::RefCell;

use crate::dom::Timeout;

/// A promise that resolves after `ms`: the promise's own `resolve` is the timer callback, so no
/// closure is created or leaked.
pub fn sleep(ms: u32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    })
}

/// The one pending "try the queue again" of a widget: setting a new time replaces the old one.
#[derive(Default)]
pub struct RetryTimer {
    pending: RefCell<Option<Timeout>>,
}

impl RetryTimer {
    /// Runs `retry` at `at_ms` (ms since the epoch), or soon when that has passed; `None` only
    /// cancels what was pending.
    pub fn set(&self, at_ms: Option<u64>, retry: impl FnOnce() + 'static) {
        self.cancel();
        let Some(at_ms) = at_ms else { return };
        let wait = at_ms.saturating_sub(now_ms()).max(50);
        *self.pending.borrow_mut() = Timeout::new(u32::try_from(wait).unwrap_or(u32::MAX), retry);
    }

    pub fn cancel(&self) {
        // Dropped, it is cleared.
        self.pending.borrow_mut().take();
    }
}

/// The device's clock, in ms since the epoch, as the core's queue policy counts time.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
