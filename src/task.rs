//! Starting the widget's futures. `spawn_local` and `future_to_promise` are generic over the
//! future, and js_sys compiles its task set-up (and the JSPI path it carries) again for each
//! async block handed to them. Every task goes through one boxed type here, so that set-up is in
//! the Wasm once (486 B gzip of the first part, measured); the price is one more small allocation
//! a task, as js_sys boxes the boxed future again.

use std::future::Future;
use std::pin::Pin;

use js_sys::Promise;
use wasm_bindgen::JsValue;

type Task = Pin<Box<dyn Future<Output = ()>>>;
type PromiseTask = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

/// Runs `task` on the page's event loop, as `wasm_bindgen_futures::spawn_local`.
#[allow(clippy::disallowed_methods)] // the one place that may call it (clippy.toml)
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(Box::pin(task) as Task);
}

/// A JS promise settled by `task`, as `wasm_bindgen_futures::future_to_promise`.
#[allow(clippy::disallowed_methods)] // the one place that may call it (clippy.toml)
pub fn promise(task: impl Future<Output = Result<JsValue, JsValue>> + 'static) -> Promise {
    wasm_bindgen_futures::future_to_promise(Box::pin(task) as PromiseTask)
}
