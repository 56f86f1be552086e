//! Requests from the collector's own pages (the staff console, the receipt page) to the collector
//! that serves them: a path relative to the page, no cookies, no referrer. Written on web-sys
//! rather than with gloo-net: the same few calls, and the widget's bundles link web-sys anyway.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, ReferrerPolicy, Request, RequestCredentials, RequestInit, Response};

/// No answer came: the device is offline, or the collector could not be reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreached;

/// Sends one request; any answer (2xx or not) is the response. `bearer` goes in the
/// `Authorization` header, never in the address; `body` is its content type and text.
pub async fn send(
    method: &str,
    path: &str,
    body: Option<(&str, String)>,
    bearer: Option<&str>,
) -> Result<Response, Unreached> {
    let window = web_sys::window().ok_or(Unreached)?;
    let request = request(method, path, body, bearer).map_err(|_| Unreached)?;
    JsFuture::from(window.fetch_with_request(&request))
        .await
        .and_then(|answer| answer.dyn_into())
        .map_err(|_| Unreached)
}

/// The answer's body as text (empty when it has none).
pub async fn text(response: &Response) -> Result<String, Unreached> {
    let text = JsFuture::from(response.text().map_err(|_| Unreached)?).await.map_err(|_| Unreached)?;
    Ok(text.as_string().unwrap_or_default())
}

fn request(method: &str, path: &str, body: Option<(&str, String)>, bearer: Option<&str>) -> Result<Request, JsValue> {
    let headers = Headers::new()?;
    if let Some(token) = bearer {
        headers.set("Authorization", &format!("Bearer {token}"))?;
    }
    let init = RequestInit::new();
    init.set_method(method);
    init.set_credentials(RequestCredentials::Omit);
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    if let Some((content_type, body)) = body {
        headers.set("Content-Type", content_type)?;
        init.set_body(&JsValue::from_str(&body));
    }
    init.set_headers(&headers);
    Request::new_with_str_and_init(path, &init)
}
