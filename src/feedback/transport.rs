//! One POST of one rating to the configured endpoint, anonymously: no cookies, no referrer,
//! and the rating's id as the idempotency key so a retry can never count twice.

use civic_pulse_core::RatingV1;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, ReferrerPolicy, Request, RequestCredentials, RequestInit, RequestMode, Response};

/// Why a rating was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendError {
    /// The browser could not reach the endpoint (offline, DNS, CORS, connection dropped).
    Network,
    /// The endpoint answered, but not with success.
    Status(u16),
}

impl SendError {
    /// A short machine-readable reason for host-page events and logs.
    pub fn reason(&self) -> String {
        match self {
            SendError::Network => "network".to_owned(),
            SendError::Status(code) => format!("http-{code}"),
        }
    }
}

/// Sends the rating; `Ok` carries the 2xx status.
pub async fn post_rating(endpoint: &str, rating: &RatingV1) -> Result<u16, SendError> {
    let request = build_request(endpoint, rating).map_err(|_| SendError::Network)?;
    let window = web_sys::window().ok_or(SendError::Network)?;
    let answer = JsFuture::from(window.fetch_with_request(&request)).await.map_err(|_| SendError::Network)?;
    let response: Response = answer.dyn_into().map_err(|_| SendError::Network)?;
    match response.status() {
        status @ 200..=299 => Ok(status),
        status => Err(SendError::Status(status)),
    }
}

fn build_request(endpoint: &str, rating: &RatingV1) -> Result<Request, JsValue> {
    let headers = Headers::new()?;
    headers.set("Content-Type", "application/json")?;
    headers.set("Idempotency-Key", &rating.id)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&rating.to_json()));
    Request::new_with_str_and_init(endpoint, &init)
}
