//! A pause as a promise, for racing an attempt against a deadline and for the minimum human time.

/// A promise that resolves after `ms`: the promise's own `resolve` is the timer callback, so no
/// closure is created or leaked.
pub fn sleep(ms: u32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    })
}
