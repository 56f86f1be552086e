//! The staff token as an extractor: a handler that takes [`Staff`] runs only for a request with
//! the city's staff token or a department's token, and knows whose cases it may touch.

use axum::extract::FromRequestParts;
use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::api::{problem, problems};
use crate::app::AppState;
use crate::departments::{Scope, same_secret};

/// A request from staff, with the reach of its token.
#[derive(Clone, Debug)]
pub struct Staff(pub Scope);

/// A department's token used where only the city's will do.
#[derive(Clone, Copy, Debug)]
pub struct CityWideOnly;

impl IntoResponse for CityWideOnly {
    fn into_response(self) -> Response {
        let message = "a department's token reaches its own inbox only; this needs the city's staff token";
        problems(StatusCode::FORBIDDEN, vec![problem("", message)])
    }
}

impl Staff {
    /// Exports and imports take in every department's cases: the city's token only.
    pub fn city_wide(&self) -> Result<(), CityWideOnly> {
        match self.0 {
            Scope::City => Ok(()),
            Scope::Department(_) => Err(CityWideOnly),
        }
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Staff, Response> {
        let config = &state.config;
        let departments_open = config.departments.by_token_exists();
        if config.staff_token.is_none() && !departments_open {
            let message = "staff access is off: set CIVIC_PULSE_STAFF_TOKEN on the collector";
            return Err(problems(StatusCode::FORBIDDEN, vec![problem("", message)]));
        }
        let given = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        let city = config.staff_token.as_deref().is_some_and(|token| same_secret(given, token));
        let department = config.departments.by_token(given);
        match (city, department) {
            (true, _) => Ok(Staff(Scope::City)),
            (false, Some(department)) => Ok(Staff(Scope::Department(department.id.clone()))),
            (false, None) => {
                let mut response =
                    problems(StatusCode::UNAUTHORIZED, vec![problem("", "a valid staff token is needed")]);
                response.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                Err(response)
            }
        }
    }
}
