//! One POST of one rating to the configured endpoint, anonymously: no cookies, no referrer,
//! and the rating's id as the idempotency key so a retry can never count twice.

use civic_pulse_core::delivery::{Outcome, Parcel, classify};
use civic_pulse_core::delivery_options::DeliveryOptions;
use civic_pulse_core::receipt::Receipt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, ReferrerPolicy, Request, RequestCredentials, RequestInit, RequestMode, Response};

/// Whether the request must outlive the page (sent from `pagehide`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifetime {
    Page,
    KeepAlive,
}

/// Sends the rating once and says what the answer means (see `civic_pulse_core::delivery`): a
/// network failure or timeout is worth retrying, like 408, 429 and 5xx; 2xx and 409 mean stored.
/// A receiver that gives receipt codes (such as the reference collector) answers
/// `{"id": …, "receipt": …}`; the code comes back with the outcome when there is one.
pub async fn post_rating(
    endpoint: &str,
    parcel: &Parcel,
    options: &DeliveryOptions,
    lifetime: Lifetime,
) -> (Outcome, Option<Receipt>) {
    let retry = (Outcome::Retry { not_before_ms: None }, None);
    let (Ok(request), Some(window)) = (build_request(endpoint, parcel, options, lifetime), web_sys::window()) else {
        return retry;
    };
    let Ok(answer) = JsFuture::from(window.fetch_with_request(&request)).await else { return retry };
    let Ok(response) = answer.dyn_into::<Response>() else { return retry };
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let outcome = classify(Some(response.status()), retry_after.as_deref(), js_sys::Date::now() as u64);
    let receipt = match outcome {
        Outcome::Delivered => receipt_in(&response).await,
        _ => None,
    };
    (outcome, receipt)
}

/// The `receipt` field of a JSON answer, read by the browser's own JSON parser (the widget
/// carries none), and only if it is a well-formed code.
async fn receipt_in(response: &Response) -> Option<Receipt> {
    let body = JsFuture::from(response.json().ok()?).await.ok()?;
    let code = js_sys::Reflect::get(&body, &JsValue::from_str("receipt")).ok()?.as_string()?;
    Receipt::parse(&code)
}

fn build_request(
    endpoint: &str,
    parcel: &Parcel,
    options: &DeliveryOptions,
    lifetime: Lifetime,
) -> Result<Request, JsValue> {
    let headers = Headers::new()?;
    for (name, value) in &options.headers {
        headers.set(name, value)?;
    }
    headers.set("Content-Type", "application/json")?;
    headers.set("Idempotency-Key", &parcel.id)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&parcel.body));
    // A request that hangs counts as a network failure after the timeout; the browser cancels it.
    init.set_signal(Some(&AbortSignal::timeout_with_u32(options.timeout_ms)));
    if lifetime == Lifetime::KeepAlive {
        // web-sys has no setter for `keepalive`; it is a plain dictionary member.
        js_sys::Reflect::set(&init, &JsValue::from_str("keepalive"), &JsValue::TRUE)?;
    }
    Request::new_with_str_and_init(endpoint, &init)
}
