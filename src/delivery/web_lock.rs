//! Runs work while holding a named Web Lock, so that only one tab or widget on this device
//! flushes a queue at a time. Where the browser has no Web Locks (older browsers, or a page
//! that is not a secure context) the work runs unlocked: the receiver's idempotency key still
//! keeps a rating from counting twice.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::task;

/// Runs `work` under the lock `name` (waiting for it) and returns its result.
pub async fn with_lock<T: 'static>(name: &str, work: impl Future<Output = T> + 'static) -> T {
    let request = web_sys::window()
        .map(|window| window.navigator())
        .and_then(|navigator| Reflect::get(&navigator, &"locks".into()).ok())
        .filter(|locks| locks.is_object())
        .and_then(|locks| {
            let request = Reflect::get(&locks, &"request".into()).ok()?.dyn_into::<Function>().ok()?;
            Some((locks, request))
        });
    let Some((locks, request)) = request else { return work.await };

    let result = Rc::new(RefCell::new(None));
    let pending = Rc::new(RefCell::new(Some(work)));
    let callback = {
        let (result, pending) = (result.clone(), pending.clone());
        wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| {
            let work = pending.borrow_mut().take();
            task::promise(async move {
                if let Some(work) = work {
                    *result.borrow_mut() = Some(work.await);
                }
                Ok(JsValue::UNDEFINED)
            })
        })
    };
    if let Ok(promise) = request.call2(&locks, &JsValue::from_str(name), &callback) {
        let _ = JsFuture::from(js_sys::Promise::from(promise)).await;
    }
    let finished = result.borrow_mut().take();
    if let Some(value) = finished {
        return value;
    }
    // The lock manager refused or failed before running it: never lose the work over that.
    let work = pending.borrow_mut().take();
    match work {
        Some(work) => work.await,
        None => std::future::pending().await,
    }
}
