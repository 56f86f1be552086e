//! A JSON body extractor whose every rejection is the API's own problem answer: 415 for another
//! content type, 413 for a body over the limit, 400 for anything that is not the JSON expected
//! (axum's `Json` answers 422 with its own text by default).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::problem::AppError;

/// What a client whose body is over the limit is told (here and before the body is read).
pub const TOO_LARGE: &str = "the body is larger than this collector takes";

/// The body as `T`, or the refusal a client can act on.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<JsonBody<T>, AppError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(JsonBody(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::one(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "",
                "send the body as Content-Type: application/json",
            )),
            Err(JsonRejection::BytesRejection(rejection)) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::one(StatusCode::PAYLOAD_TOO_LARGE, "", TOO_LARGE))
            }
            Err(JsonRejection::JsonSyntaxError(error)) => {
                Err(AppError::bad_request("", format!("the body is not valid JSON: {}", error.body_text())))
            }
            Err(rejection) => Err(AppError::bad_request("", rejection.body_text())),
        }
    }
}
