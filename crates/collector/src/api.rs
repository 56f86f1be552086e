//! The HTTP API, documented in the README:
//! POST /v1/ratings, GET /v1/receipts/{code}, GET /v1/summary.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use civic_pulse_core::{Day, RatingV1, ServiceId};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::app::AppState;
use crate::summary::summarise;

/// One thing wrong with a request, machine-readable: the JSON path of the field and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

fn problem(field: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        field: field.into(),
        message: message.into(),
    }
}

fn problems(status: StatusCode, problems: Vec<Problem>) -> Response {
    (status, Json(json!({ "problems": problems }))).into_response()
}

fn unavailable(error: &crate::storage::StorageError) -> Response {
    eprintln!("storage: {error}");
    let mut response = problems(
        StatusCode::SERVICE_UNAVAILABLE,
        vec![problem("", "the ratings store is unavailable; try again")],
    );
    response.headers_mut().insert(RETRY_AFTER, 5.into());
    response
}

/// Reads one rating from JSON, with every problem named by its field.
fn rating_from(value: Value, path: &str) -> Result<RatingV1, Vec<Problem>> {
    let rating: RatingV1 =
        serde_json::from_value(value).map_err(|e| vec![problem(path, e.to_string())])?;
    let found = rating.problems();
    if found.is_empty() {
        Ok(rating)
    } else {
        Err(found
            .iter()
            .map(|p| problem(format!("{path}/{}", p.field()), p.message()))
            .collect())
    }
}

/// POST /v1/ratings: one rating (an object) or a batch (an array). 201 when anything new was
/// stored, 200 when every id was already stored (same receipts); answered after the commit.
pub async fn post_ratings(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let is_json = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
        });
    if !is_json {
        return problems(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            vec![problem(
                "",
                "send the rating as Content-Type: application/json",
            )],
        );
    }
    let value: Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(e) => {
            return problems(
                StatusCode::BAD_REQUEST,
                vec![problem("", format!("the body is not valid JSON: {e}"))],
            );
        }
    };
    let batch = value.is_array();
    let items = match value {
        Value::Array(items) if items.is_empty() => {
            return problems(
                StatusCode::BAD_REQUEST,
                vec![problem("", "the batch is empty")],
            );
        }
        Value::Array(items) if items.len() > state.config.max_batch => {
            let message = format!("a batch holds at most {} ratings", state.config.max_batch);
            return problems(StatusCode::BAD_REQUEST, vec![problem("", message)]);
        }
        Value::Array(items) => items,
        other => vec![other],
    };
    let mut ratings = Vec::with_capacity(items.len());
    let mut found = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let path = if batch {
            format!("/{index}")
        } else {
            String::new()
        };
        match rating_from(item, &path) {
            Ok(rating) => ratings.push(rating),
            Err(mut more) => found.append(&mut more),
        }
    }
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok());
    if let Some(key) = key
        && (batch || ratings.first().is_some_and(|r| r.id != key))
    {
        found.push(problem("/id", "the Idempotency-Key header must equal the rating's id (and is only for single ratings)"));
    }
    if !found.is_empty() {
        return problems(StatusCode::BAD_REQUEST, found);
    }
    match state.store.insert(ratings).await {
        Err(error) => unavailable(&error),
        Ok(stored) => {
            let status = if stored.iter().any(|s| s.new) {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let body = if batch {
                let results: Vec<Value> = stored
                    .iter()
                    .map(|s| json!({"id": s.id, "receipt": s.receipt, "new": s.new}))
                    .collect();
                json!({ "results": results })
            } else {
                json!({ "id": stored[0].id, "receipt": stored[0].receipt })
            };
            (status, Json(body)).into_response()
        }
    }
}

/// GET /v1/receipts/{code}: the follow-up status of one rating, for the resident who holds the code.
pub async fn get_receipt(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let code = code.trim().to_ascii_uppercase();
    if code.len() != 8 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return problems(
            StatusCode::BAD_REQUEST,
            vec![problem("code", "a receipt code has 8 letters and digits")],
        );
    }
    match state.store.receipt(code).await {
        Ok(Some(status)) => Json(status).into_response(),
        Ok(None) => problems(
            StatusCode::NOT_FOUND,
            vec![problem("code", "no rating has this receipt code")],
        ),
        Err(error) => unavailable(&error),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryQuery {
    service: Option<String>,
    from: Option<String>,
    to: Option<String>,
    by: Option<String>,
}

/// GET /v1/summary?service=&from=&to=&by=month|day
pub async fn get_summary(
    State(state): State<AppState>,
    query: Result<Query<SummaryQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(query)) = query else {
        return problems(
            StatusCode::BAD_REQUEST,
            vec![problem(
                "",
                "use only the parameters service, from, to and by",
            )],
        );
    };
    let mut found = Vec::new();
    if query
        .service
        .as_deref()
        .is_some_and(|s| ServiceId::parse(s).is_none_or(|id| id.as_str() != s))
    {
        found.push(problem(
            "service",
            "a service id is lowercase letters and digits in hyphen-separated words",
        ));
    }
    for (name, day) in [("from", &query.from), ("to", &query.to)] {
        if day.as_deref().is_some_and(|d| Day::parse(d).is_none()) {
            found.push(problem(name, "a date is written YYYY-MM-DD"));
        }
    }
    let period_chars = match query.by.as_deref() {
        None | Some("month") => 7,
        Some("day") => 10,
        Some(_) => {
            found.push(problem("by", "group by month or day"));
            7
        }
    };
    if !found.is_empty() {
        return problems(StatusCode::BAD_REQUEST, found);
    }
    match state
        .store
        .score_counts(query.service, query.from, query.to, period_chars)
        .await
    {
        Err(error) => unavailable(&error),
        Ok(rows) => {
            let (services, periods) = summarise(&rows, state.config.min_cell);
            Json(json!({ "min_cell": state.config.min_cell, "services": services, "periods": periods })).into_response()
        }
    }
}
