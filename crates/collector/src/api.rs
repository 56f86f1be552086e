//! The HTTP API, documented in the README:
//! POST /v1/ratings, GET /v1/receipts/{code}, POST /v1/receipts/{code}/confirmation,
//! GET /v1/summary, GET /v1/figures; for staff (bearer token)
//! POST /v1/staff/receipts/{code}, POST /v1/staff/receipts/{code}/transfer, GET /v1/staff/inbox,
//! POST /v1/staff/import/hotline,
//! GET /v1/export.json and /v1/export.csv.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::{Day, RatingV1, ServiceId};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::app::AppState;
use crate::departments::Scope;
use crate::staff_auth::Staff;
use crate::storage::{CaseRefusal, Scoped, StatusUpdate, Transfer};
use crate::summary::summarise;

/// One thing wrong with a request, machine-readable: the JSON path of the field and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

pub(crate) fn problem(field: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem { field: field.into(), message: message.into() }
}

pub(crate) fn problems(status: StatusCode, problems: Vec<Problem>) -> Response {
    (status, Json(json!({ "problems": problems }))).into_response()
}

fn unavailable(error: &crate::storage::StorageError) -> Response {
    eprintln!("storage: {error}");
    let mut response =
        problems(StatusCode::SERVICE_UNAVAILABLE, vec![problem("", "the ratings store is unavailable; try again")]);
    response.headers_mut().insert(RETRY_AFTER, 5.into());
    response
}

/// Reads one rating from JSON, with every problem named by its field. Its comment is redacted
/// here with the widget's own redactor: anyone can POST, not only our widget, so a phone number
/// another client sends must not reach staff or an export.
fn rating_from(value: Value, path: &str) -> Result<RatingV1, Vec<Problem>> {
    let mut rating: RatingV1 = serde_json::from_value(value).map_err(|e| vec![problem(path, e.to_string())])?;
    let found = rating.problems();
    if found.is_empty() {
        rating.comment = rating.comment.map(|text| civic_pulse_core::redact::redact(&text).text);
        Ok(rating)
    } else {
        Err(found.iter().map(|p| problem(format!("{path}/{}", p.field()), p.message())).collect())
    }
}

/// POST /v1/ratings: one rating (an object) or a batch (an array). 201 when anything new was
/// stored, 200 when every id was already stored (same receipts); answered after the commit.
pub async fn post_ratings(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let is_json = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json")));
    if !is_json {
        return problems(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            vec![problem("", "send the rating as Content-Type: application/json")],
        );
    }
    let value: Value = match serde_json::from_slice(&body) {
        Ok(value) => value,
        Err(e) => {
            return problems(StatusCode::BAD_REQUEST, vec![problem("", format!("the body is not valid JSON: {e}"))]);
        }
    };
    let batch = value.is_array();
    let items = match value {
        Value::Array(items) if items.is_empty() => {
            return problems(StatusCode::BAD_REQUEST, vec![problem("", "the batch is empty")]);
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
        let path = if batch { format!("/{index}") } else { String::new() };
        match rating_from(item, &path) {
            Ok(rating) => ratings.push(rating),
            Err(mut more) => found.append(&mut more),
        }
    }
    let key = headers.get("idempotency-key").and_then(|v| v.to_str().ok());
    if let Some(key) = key
        && (batch || ratings.first().is_some_and(|r| r.id != key))
    {
        found.push(problem(
            "/id",
            "the Idempotency-Key header must equal the rating's id (and is only for single ratings)",
        ));
    }
    if !found.is_empty() {
        return problems(StatusCode::BAD_REQUEST, found);
    }
    match state.store.insert(ratings).await {
        Err(error) => unavailable(&error),
        Ok(stored) => {
            let status = if stored.iter().any(|s| s.new) { StatusCode::CREATED } else { StatusCode::OK };
            let body = if batch {
                let results: Vec<Value> =
                    stored.iter().map(|s| json!({"id": s.id, "receipt": s.receipt, "new": s.new})).collect();
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
    let Some(code) = Receipt::parse(&code) else {
        return problems(StatusCode::BAD_REQUEST, vec![problem("code", "a receipt code has 8 letters and digits")]);
    };
    match state.store.receipt(code.as_str().to_owned()).await {
        Ok(Some(status)) => Json(status.naming(&state.departments)).into_response(),
        Ok(None) => problems(StatusCode::NOT_FOUND, vec![problem("code", "no rating has this receipt code")]),
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

/// The resident's answer to "was your problem solved?".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Confirmation {
    solved: bool,
}

/// POST /v1/receipts/{code}/confirmation: after an answer, the resident who holds the code says
/// whether it solved the problem: `confirmed`, or `reopened` with the deadline running again.
/// Once per answer (409 otherwise); nothing identifies the resident but the code.
pub async fn confirm_receipt(State(state): State<AppState>, Path(code): Path<String>, body: Bytes) -> Response {
    let Some(code) = Receipt::parse(&code) else {
        return problems(StatusCode::BAD_REQUEST, vec![problem("code", "a receipt code has 8 letters and digits")]);
    };
    let Ok(Confirmation { solved }) = serde_json::from_slice::<Confirmation>(&body) else {
        return problems(
            StatusCode::BAD_REQUEST,
            vec![problem("/solved", "send {\"solved\": true} or {\"solved\": false}")],
        );
    };
    match state.store.confirm(code.as_str().to_owned(), solved).await {
        Ok(Ok(status)) => Json(status.naming(&state.departments)).into_response(),
        Ok(Err(crate::storage::ConfirmRefusal::UnknownReceipt)) => {
            problems(StatusCode::NOT_FOUND, vec![problem("code", "no rating has this receipt code")])
        }
        Ok(Err(crate::storage::ConfirmRefusal::NotAnswered)) => problems(
            StatusCode::CONFLICT,
            vec![problem("", "there is no answer to confirm yet, or this answer was already confirmed or reopened")],
        ),
        Err(error) => unavailable(&error),
    }
}

/// GET /v1/summary?service=&from=&to=&by=month|day|channel
pub async fn get_summary(
    State(state): State<AppState>,
    query: Result<Query<SummaryQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(query)) = query else {
        return problems(
            StatusCode::BAD_REQUEST,
            vec![problem("", "use only the parameters service, from, to and by")],
        );
    };
    let mut found = Vec::new();
    if query.service.as_deref().is_some_and(|s| ServiceId::parse(s).is_none_or(|id| id.as_str() != s)) {
        found.push(problem("service", "a service id is lowercase letters and digits in hyphen-separated words"));
    }
    for (name, day) in [("from", &query.from), ("to", &query.to)] {
        if day.as_deref().is_some_and(|d| Day::parse(d).is_none()) {
            found.push(problem(name, "a date is written YYYY-MM-DD"));
        }
    }
    let period_chars = match query.by.as_deref() {
        None | Some("month") | Some("channel") => 7,
        Some("day") => 10,
        Some(_) => {
            found.push(problem("by", "group by month, day or channel"));
            7
        }
    };
    if !found.is_empty() {
        return problems(StatusCode::BAD_REQUEST, found);
    }
    if query.by.as_deref() == Some("channel") {
        let services =
            state.store.score_counts(query.service.clone(), query.from.clone(), query.to.clone(), period_chars).await;
        let channels = state.store.channel_counts(query.service, query.from, query.to).await;
        return match (services, channels) {
            (Ok(services), Ok(channels)) => {
                let (services, _) = summarise(&services, state.config.min_cell);
                let channels = crate::summary::by_channel(&channels, state.config.min_cell);
                Json(json!({ "min_cell": state.config.min_cell, "services": services, "channels": channels }))
                    .into_response()
            }
            (Err(error), _) | (_, Err(error)) => unavailable(&error),
        };
    }
    match state.store.score_counts(query.service, query.from, query.to, period_chars).await {
        Err(error) => unavailable(&error),
        Ok(rows) => {
            let (services, periods) = summarise(&rows, state.config.min_cell);
            Json(json!({ "min_cell": state.config.min_cell, "services": services, "periods": periods })).into_response()
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresQuery {
    by: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// GET /v1/figures?by=month|quarter&from=&to=: how the city answers bad reviews, per service
/// and department (see `figures`), k-suppressed; public, like the summary.
pub async fn get_figures(
    State(state): State<AppState>,
    query: Result<Query<FiguresQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(query)) = query else {
        return problems(StatusCode::BAD_REQUEST, vec![problem("", "use only the parameters by, from and to")]);
    };
    let mut found = Vec::new();
    let by = match query.by.as_deref() {
        None | Some("month") => crate::figures::Period::Month,
        Some("quarter") => crate::figures::Period::Quarter,
        Some(_) => {
            found.push(problem("by", "group by month or quarter"));
            crate::figures::Period::Month
        }
    };
    for (name, day) in [("from", &query.from), ("to", &query.to)] {
        if day.as_deref().is_some_and(|d| Day::parse(d).is_none()) {
            found.push(problem(name, "a date is written YYYY-MM-DD"));
        }
    }
    if !found.is_empty() {
        return problems(StatusCode::BAD_REQUEST, found);
    }
    match state.store.cases(state.departments.clone(), query.from, query.to).await {
        Ok(cases) => {
            let now = crate::deadlines::now();
            Json(crate::figures::report(&cases, &state.config.deadlines, now, by, state.config.min_cell))
                .into_response()
        }
        Err(error) => unavailable(&error),
    }
}

/// The staff inbox's filters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InboxQuery {
    department: Option<String>,
}

/// The scope a change runs under: the token's, with the city's departments.
fn scoped(state: &AppState, staff: Staff) -> Scoped {
    Scoped { scope: staff.0, departments: state.departments.clone() }
}

/// GET /v1/staff/inbox?department=: bad reviews with their age against the deadlines, the
/// department each is with, and the departments to filter by and transfer to. A department's
/// token sees its own cases only, whatever it asks for.
pub async fn staff_inbox(
    State(state): State<AppState>,
    staff: Staff,
    query: Result<Query<InboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(query)) = query else {
        return problems(StatusCode::BAD_REQUEST, vec![problem("", "use only the parameter department")]);
    };
    if let Some(asked) = query.department.as_deref().filter(|id| state.departments.get(id).is_none()) {
        return problems(
            StatusCode::BAD_REQUEST,
            vec![problem("department", format!("no department has the id {asked}"))],
        );
    }
    let Some(today) = today_utc() else { return unavailable(&crate::storage::StorageError::Read("no clock".into())) };
    let deadlines = state.config.deadlines.clone();
    let counting = match deadlines.counting {
        crate::deadlines::Counting::Calendar => "calendar",
        crate::deadlines::Counting::Working { .. } => "working",
    };
    let stated = json!({
        "acknowledge_hours": deadlines.acknowledge_hours,
        "close_days": deadlines.close_days,
        "counting": counting,
    });
    let (scope, only) = match staff.0 {
        Scope::City => (Value::Null, query.department),
        Scope::Department(own) => (Value::String(own.clone()), Some(own)),
    };
    match state.store.bad_reviews(deadlines, state.departments.clone(), only, false, 500).await {
        Ok(items) => Json(json!({
            "today": today.to_string(),
            "deadlines": stated,
            "scope": { "department": scope },
            "departments": state.departments.public(),
            "items": items,
        }))
        .into_response(),
        Err(error) => unavailable(&error),
    }
}

/// Today's date in UTC, the collector's calendar for the inbox's ages.
fn today_utc() -> Option<Day> {
    Day::from_days_since_epoch(crate::deadlines::now().div_euclid(1440))
}

/// A staff change refused, as a response.
fn case_refusal(refusal: &CaseRefusal) -> Response {
    match refusal {
        CaseRefusal::UnknownReceipt => {
            problems(StatusCode::NOT_FOUND, vec![problem("code", "no rating has this receipt code")])
        }
        CaseRefusal::OtherDepartment => problems(
            StatusCode::FORBIDDEN,
            vec![problem("code", "this case is with another department; its token, or the city's, can change it")],
        ),
        CaseRefusal::UnknownDepartment => problems(
            StatusCode::BAD_REQUEST,
            vec![problem("/department", "no department has this id in the collector's departments file")],
        ),
        CaseRefusal::SameDepartment => {
            problems(StatusCode::CONFLICT, vec![problem("/department", "the case is already with this department")])
        }
    }
}

/// POST /v1/staff/receipts/{code}: set the follow-up status and the public reply of a rating.
pub async fn set_receipt_status(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    body: Bytes,
) -> Response {
    let mut update: StatusUpdate = match serde_json::from_slice(&body) {
        Ok(update) => update,
        Err(e) => return problems(StatusCode::BAD_REQUEST, vec![problem("", e.to_string())]),
    };
    if !update.status.staff_may_set() {
        let message = "staff set acknowledged, in-progress or answered; only the resident confirms or reopens";
        return problems(StatusCode::BAD_REQUEST, vec![problem("/status", message)]);
    }
    if update.reply.as_ref().is_some_and(|r| r.chars().count() > RatingV1::MAX_COMMENT_CHARS) {
        return problems(StatusCode::BAD_REQUEST, vec![problem("/reply", "a reply has at most 2000 characters")]);
    }
    update.receipt = code.trim().to_ascii_uppercase();
    match state.store.set_status(update, scoped(&state, staff)).await {
        Ok(Ok(status)) => Json(status.naming(&state.departments)).into_response(),
        Ok(Err(refusal)) => case_refusal(&refusal),
        Err(error) => unavailable(&error),
    }
}

/// POST /v1/staff/receipts/{code}/transfer: `{"department": "…", "reason": "…"}` moves a case to
/// another department, the reason on its timeline for staff; the resident sees where it went.
pub async fn transfer_case(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    body: Bytes,
) -> Response {
    let mut transfer: Transfer = match serde_json::from_slice(&body) {
        Ok(transfer) => transfer,
        Err(_) => {
            let message = "send {\"department\": \"<id>\", \"reason\": \"<why>\"}";
            return problems(StatusCode::BAD_REQUEST, vec![problem("", message)]);
        }
    };
    transfer.reason = transfer.reason.trim().to_owned();
    if transfer.reason.is_empty() || transfer.reason.chars().count() > MAX_REASON_CHARS {
        let message = format!("give the reason for the transfer, in at most {MAX_REASON_CHARS} characters");
        return problems(StatusCode::BAD_REQUEST, vec![problem("/reason", message)]);
    }
    // Staff write the reason; a phone number in it must not stay on the case either.
    transfer.reason = civic_pulse_core::redact::redact(&transfer.reason).text;
    transfer.receipt = code.trim().to_ascii_uppercase();
    match state.store.transfer(transfer, scoped(&state, staff)).await {
        Ok(Ok(status)) => Json(status.naming(&state.departments)).into_response(),
        Ok(Err(refusal)) => case_refusal(&refusal),
        Err(error) => unavailable(&error),
    }
}

/// The longest reason a transfer takes.
pub const MAX_REASON_CHARS: usize = 500;

/// POST /v1/staff/import/hotline: ratings taken by the hotline, as CSV (see `hotline`). Good
/// rows are stored (each once, however often the file comes), bad ones reported by line; 201
/// when anything new was stored, else 200.
pub async fn import_hotline(State(state): State<AppState>, staff: Staff, body: Bytes) -> Response {
    if let Err(refused) = staff.city_wide() {
        return refused.into_response();
    }
    let Ok(text) = std::str::from_utf8(&body) else {
        return problems(StatusCode::BAD_REQUEST, vec![problem("", "the file must be CSV in UTF-8")]);
    };
    let file = match crate::hotline::read(text) {
        Ok(file) => file,
        Err(found) => return problems(StatusCode::BAD_REQUEST, found),
    };
    let (lines, ratings): (Vec<usize>, Vec<RatingV1>) = file.ratings.into_iter().unzip();
    let stored = if ratings.is_empty() {
        Vec::new()
    } else {
        match state.store.insert(ratings).await {
            Ok(stored) => stored,
            Err(error) => return unavailable(&error),
        }
    };
    let status = if stored.iter().any(|s| s.new) { StatusCode::CREATED } else { StatusCode::OK };
    // The receipt lets the operator give a caller with a bad review the code to follow it up.
    let rows: Vec<Value> = lines
        .iter()
        .zip(&stored)
        .map(|(line, s)| json!({ "line": line, "id": s.id, "receipt": s.receipt, "new": s.new }))
        .collect();
    let body = json!({
        "stored": stored.iter().filter(|s| s.new).count(),
        "already": stored.iter().filter(|s| !s.new).count(),
        "rows": rows,
        "refused": file.refused,
    });
    (status, Json(body)).into_response()
}

/// GET /v1/export.json: every rating in the rating schema, as a JSON array.
pub async fn export_json(State(state): State<AppState>, staff: Staff) -> Response {
    if let Err(refused) = staff.city_wide() {
        return refused.into_response();
    }
    match state.store.export().await {
        Ok(ratings) => Json(ratings).into_response(),
        Err(error) => unavailable(&error),
    }
}

/// GET /v1/export.csv: the same as CSV (see `civic_pulse_core::ratings_csv`), for spreadsheets
/// and the self-check's import.
pub async fn export_csv(State(state): State<AppState>, staff: Staff) -> Response {
    if let Err(refused) = staff.city_wide() {
        return refused.into_response();
    }
    match state.store.export().await {
        Ok(ratings) => (
            [(CONTENT_TYPE, "text/csv; charset=utf-8"), (CONTENT_DISPOSITION, "attachment; filename=\"ratings.csv\"")],
            civic_pulse_core::ratings_csv::to_csv(&ratings),
        )
            .into_response(),
        Err(error) => unavailable(&error),
    }
}
