//! The staff token as an extractor: a handler that takes [`Staff`] runs only for a request with
//! the city's staff token or a department's token, and knows whose cases it may touch.

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::departments::{Scope, same_secret};
use crate::problem::AppError;
use crate::state::AppState;

const TOKEN_NEEDED: &str = "a valid staff token is needed";
const STAFF_OFF: &str = civic_pulse_core::collector_api::STAFF_ACCESS_OFF;

/// A request from staff, with the reach of its token.
#[derive(Clone, Debug)]
pub struct Staff(pub Scope);

impl Staff {
    /// Exports, imports and the public report take in every department: the city's token only.
    pub fn city_wide(&self) -> Result<(), AppError> {
        match self.0 {
            Scope::City => Ok(()),
            Scope::Department(_) => Err(AppError::one(
                StatusCode::FORBIDDEN,
                "",
                "a department's token reaches its own inbox only; this needs the city's staff token",
            )),
        }
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Staff, AppError> {
        let config = &state.config;
        let off = config.staff_token.is_none() && !config.departments.by_token_exists();
        let Some(header) = parts.headers.get(AUTHORIZATION) else {
            // No credentials at all: 401 asks for them (RFC 9110), and says when none would do.
            return Err(AppError::Unauthorized(if off { STAFF_OFF } else { TOKEN_NEEDED }));
        };
        if off {
            return Err(AppError::one(StatusCode::FORBIDDEN, "", STAFF_OFF));
        }
        let given = header.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).unwrap_or_default();
        // Both compared in full, so timing tells nothing about either.
        let city = config.staff_token.as_deref().is_some_and(|token| same_secret(given, token));
        let department = config.departments.by_token(given);
        match (city, department) {
            (true, _) => Ok(Staff(Scope::City)),
            (false, Some(department)) => Ok(Staff(Scope::Department(department.id.clone()))),
            (false, None) => Err(AppError::Unauthorized(TOKEN_NEEDED)),
        }
    }
}
