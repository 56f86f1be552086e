//! Deflate-raw compression for long share links, with the browser's own CompressionStream and
//! DecompressionStream (no compression library in the bundle). Reached through `js_sys::Reflect`
//! because web-sys has no stable bindings for them yet.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

async fn transform(bytes: &[u8], constructor: &str) -> Result<Vec<u8>, JsValue> {
    let global = js_sys::global();
    let class: js_sys::Function = Reflect::get(&global, &JsValue::from_str(constructor))?.dyn_into()?;
    let stream = Reflect::construct(&class, &js_sys::Array::of1(&JsValue::from_str("deflate-raw")))?;
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let readable = blob.stream();
    let pipe: js_sys::Function = Reflect::get(&readable, &JsValue::from_str("pipeThrough"))?.dyn_into()?;
    let piped: web_sys::ReadableStream = pipe.call1(&readable, &stream)?.dyn_into()?;
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&piped))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The deflate-raw compressed bytes.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    transform(bytes, "CompressionStream").await
}

/// The inflated bytes; an error for damaged data.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    transform(bytes, "DecompressionStream").await
}
