//! One POST of one rating to the configured endpoint, anonymously: no cookies, no referrer,
//! and the rating's id as the idempotency key so a retry can never count twice.

use civic_pulse_core::delivery::{Answer, Outcome, Parcel, classify};
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
    let Some(window) = web_sys::window() else { return (classify(Answer::Failed, true, None, 0), None) };
    let online = window.navigator().on_line();
    let now_ms = js_sys::Date::now() as u64;
    let failed = |answer| (classify(answer, online, None, now_ms), None);
    let Ok(request) = build_request(endpoint, parcel, options, lifetime) else { return failed(Answer::Failed) };
    let response = match JsFuture::from(window.fetch_with_request(&request)).await {
        Ok(answer) => answer.dyn_into::<Response>(),
        // `AbortSignal.timeout` rejects with a DOMException named TimeoutError; anything else is
        // a request that got no answer at all.
        Err(error) => {
            let timed_out = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
                .ok()
                .and_then(|name| name.as_string())
                .is_some_and(|name| name == "TimeoutError");
            return failed(if timed_out { Answer::TimedOut } else { Answer::Failed });
        }
    };
    let Ok(response) = response else { return failed(Answer::Failed) };
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let outcome = classify(Answer::Status(response.status()), online, retry_after.as_deref(), now_ms);
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
