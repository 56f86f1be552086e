//! The API's one error type: every refusal is a status with `{"problems": [{"field", "message"}]}`,
//! so a handler returns `Result<_, AppError>` and says what went wrong with `?`.

use axum::Json;
use axum::http::header::{RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::storage::StorageError;

/// One thing wrong with a request, machine-readable: the JSON path of the field and why.
pub use civic_pulse_core::collector_api::Problem;

pub fn problem(field: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem { field: field.into(), message: message.into() }
}

/// Why a request was not done, as the answer the client gets.
#[derive(Debug)]
pub enum AppError {
    /// The request itself is wrong (400, 404, 409, 413, 415…), each problem by field.
    Refused(StatusCode, Vec<Problem>),
    /// No valid staff token: 401 with `WWW-Authenticate: Bearer`.
    Unauthorized(&'static str),
    /// Too many requests: 429 with `Retry-After` in seconds.
    TooMany { retry_after: u64 },
    /// The store cannot be reached now: 503 with `Retry-After`, which the widget honours.
    Unavailable(StorageError),
}

impl AppError {
    /// A refusal with one problem.
    pub fn one(status: StatusCode, field: impl Into<String>, message: impl Into<String>) -> AppError {
        AppError::Refused(status, vec![problem(field, message)])
    }

    pub fn bad_request(field: impl Into<String>, message: impl Into<String>) -> AppError {
        AppError::one(StatusCode::BAD_REQUEST, field, message)
    }

    pub fn not_found(field: impl Into<String>, message: impl Into<String>) -> AppError {
        AppError::one(StatusCode::NOT_FOUND, field, message)
    }
}

impl From<StorageError> for AppError {
    fn from(error: StorageError) -> AppError {
        AppError::Unavailable(error)
    }
}

fn answer(status: StatusCode, problems: Vec<Problem>) -> Response {
    (status, Json(json!({ "problems": problems }))).into_response()
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Refused(status, problems) => answer(status, problems),
            AppError::Unauthorized(why) => {
                let mut response = answer(StatusCode::UNAUTHORIZED, vec![problem("", why)]);
                response.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                response
            }
            AppError::TooMany { retry_after } => {
                let refusal = problem("", "too many ratings from this address; try again later");
                let mut response = answer(StatusCode::TOO_MANY_REQUESTS, vec![refusal]);
                response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(retry_after.max(1)));
                response
            }
            AppError::Unavailable(error) => {
                // The cause is for the operator's log; the client only learns to try again.
                tracing::error!(%error, "storage");
                let refusal = problem("", "the ratings store is unavailable; try again");
                let mut response = answer(StatusCode::SERVICE_UNAVAILABLE, vec![refusal]);
                response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(5));
                response
            }
        }
    }
}
