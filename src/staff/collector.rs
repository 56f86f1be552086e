//! Requests to the collector's staff API, with the token in the `Authorization` header (never in
//! a URL) and no cookies. Every answer is read as the shared types of `collector_api`; whatever
//! goes wrong is a [`StaffError`] the console can put in words. The session is passed in, not
//! read from context: these run in tasks, outside the component tree.

use civic_pulse_core::staff_error::StaffError;
use leptos::prelude::GetUntracked;
use serde::Serialize;
use serde::de::DeserializeOwned;
use web_sys::Response;

use super::session::Session;
use crate::http;

/// GET `path` (relative to the page, as the collector serves it) and read the JSON answer.
pub async fn get<T: DeserializeOwned>(session: Session, path: &str) -> Result<T, StaffError> {
    read(&send(session, "GET", path, None).await?)
}

/// POST a JSON body; the answer's JSON read as `T`.
pub async fn post_json<B: Serialize, T: DeserializeOwned>(
    session: Session,
    path: &str,
    body: &B,
) -> Result<T, StaffError> {
    let body = serde_json::to_string(body).map_err(|_| StaffError::Unreadable)?;
    read(&send(session, "POST", path, Some(("application/json", body))).await?)
}

/// POST a text body of the given type (a CSV file).
pub async fn post_text<T: DeserializeOwned>(
    session: Session,
    path: &str,
    content_type: &str,
    body: String,
) -> Result<T, StaffError> {
    read(&send(session, "POST", path, Some((content_type, body))).await?)
}

/// An answer's JSON as `T`; anything else is an answer this console cannot read.
fn read<T: DeserializeOwned>(text: &str) -> Result<T, StaffError> {
    serde_json::from_str(text).map_err(|_| StaffError::Unreadable)
}

/// GET `path` as a response whose body the caller reads itself (a download).
pub async fn get_response(session: Session, path: &str) -> Result<Response, StaffError> {
    fetch(session, "GET", path, None).await
}

async fn send(session: Session, method: &str, path: &str, body: Option<(&str, String)>) -> Result<String, StaffError> {
    let response = fetch(session, method, path, body).await?;
    http::text(&response).await.map_err(|_| StaffError::Offline)
}

/// Sends the request; an answer other than 2xx is the error it means (and a refused token
/// signs the session out).
async fn fetch(
    session: Session,
    method: &str,
    path: &str,
    body: Option<(&str, String)>,
) -> Result<Response, StaffError> {
    let token = session.token_untracked().unwrap_or_default();
    let response = http::send(method, path, body, Some(&token)).await.map_err(|_| StaffError::Offline)?;
    if response.ok() {
        return Ok(response);
    }
    let text = http::text(&response).await.unwrap_or_default();
    let error = StaffError::from_answer(response.status(), &text, session.signed_in.get_untracked());
    session.failed(&error);
    Err(error)
}
