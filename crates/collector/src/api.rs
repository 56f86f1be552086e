//! The HTTP API, documented in the README and `openapi.json`:
//! POST /v1/ratings, GET /v1/receipts/{code}, POST /v1/receipts/{code}/confirmation,
//! GET /v1/summary, GET /v1/figures, GET /healthz, GET /readyz; for staff (bearer token)
//! POST /v1/staff/receipts/{code}, POST /v1/staff/receipts/{code}/transfer, GET /v1/staff/inbox,
//! POST /v1/staff/import/hotline, GET /v1/export.json and /v1/export.csv.
//! Every handler returns `Result<_, AppError>`: a refusal is the API's problem answer.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use civic_pulse_core::collector_api::{
    DayCounting, HotlineImportAnswer, ImportedRow, InboxAnswer, InboxScope, ServiceNames, ServicesAnswer,
    StatedDeadlines,
};
use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::{Day, Lang, RatingV1, ServiceId};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::calendar::{Grain, calendar};
use crate::departments::Scope;
use crate::json_body::JsonBody;
use crate::problem::{AppError, Problem, problem};
use crate::staff_auth::Staff;
use crate::state::AppState;
use crate::storage::{CaseRefusal, ConfirmRefusal, ReceiptStatus, Scoped, StatusUpdate, Storage, Transfer};
use crate::summary::summarise;

/// Reads one rating from JSON, with every problem named by its field. Its comment is redacted
/// here with the widget's own redactor: anyone can POST, not only our widget, so a phone number
/// another client sends must not reach staff or an export.
fn rating_from(value: Value, path: &str) -> Result<RatingV1, Vec<Problem>> {
    let mut rating = civic_pulse_core::rating_json::read_rating(value).map_err(|shape| {
        shape
            .into_iter()
            .map(|p| {
                problem(if p.field.is_empty() { path.to_owned() } else { format!("{path}/{}", p.field) }, p.message)
            })
            .collect::<Vec<_>>()
    })?;
    let found = rating.problems();
    if found.is_empty() {
        rating.comment = rating.comment.map(|text| civic_pulse_core::redact::redact(&text).text);
        Ok(rating)
    } else {
        Err(found.iter().map(|p| problem(format!("{path}/{}", p.field()), p.message())).collect())
    }
}

/// A query string with a parameter this route does not take, or a value of the wrong kind.
fn query<T>(query: Result<Query<T>, QueryRejection>, names: &str) -> Result<T, AppError> {
    query.map(|Query(query)| query).map_err(|_| AppError::bad_request("", format!("use only the parameters {names}")))
}

/// A receipt code from the path.
fn receipt_code(code: &str) -> Result<Receipt, AppError> {
    Receipt::parse(code).ok_or_else(|| AppError::bad_request("code", "a receipt code has 8 letters and digits"))
}

fn unknown_receipt() -> AppError {
    AppError::not_found("code", "no rating has this receipt code")
}

/// POST /v1/ratings: one rating (an object) or a batch (an array). 201 when anything new was
/// stored, 200 when every id was already stored (same receipts); answered after the commit.
pub async fn post_ratings(
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody(value): JsonBody<Value>,
) -> Result<Response, AppError> {
    let batch = value.is_array();
    let items = match value {
        Value::Array(items) if items.is_empty() => return Err(AppError::bad_request("", "the batch is empty")),
        Value::Array(items) if items.len() > state.config.max_batch => {
            return Err(AppError::bad_request("", format!("a batch holds at most {} ratings", state.config.max_batch)));
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
        return Err(AppError::Refused(StatusCode::BAD_REQUEST, found));
    }
    let stored = state.store.insert(ratings).await?;
    let status = if stored.iter().any(|s| s.new) { StatusCode::CREATED } else { StatusCode::OK };
    let body = if batch {
        let results: Vec<Value> =
            stored.iter().map(|s| json!({"id": s.id, "receipt": s.receipt, "new": s.new})).collect();
        json!({ "results": results })
    } else {
        json!({ "id": stored[0].id, "receipt": stored[0].receipt })
    };
    Ok((status, Json(body)).into_response())
}

/// GET /v1/receipts/{code}: the follow-up status of one rating, for the resident who holds the code.
pub async fn get_receipt(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<ReceiptStatus>, AppError> {
    let code = receipt_code(&code)?;
    let status = state.store.receipt(code.as_str().to_owned()).await?.ok_or_else(unknown_receipt)?;
    Ok(Json(state.departments.named(status)))
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
pub async fn confirm_receipt(
    State(state): State<AppState>,
    Path(code): Path<String>,
    JsonBody(answer): JsonBody<Value>,
) -> Result<Json<ReceiptStatus>, AppError> {
    let code = receipt_code(&code)?;
    let Confirmation { solved } = serde_json::from_value(answer)
        .map_err(|_| AppError::bad_request("/solved", "send {\"solved\": true} or {\"solved\": false}"))?;
    match state.store.confirm(code.as_str().to_owned(), solved).await? {
        Ok(status) => Ok(Json(state.departments.named(status))),
        Err(ConfirmRefusal::UnknownReceipt) => Err(unknown_receipt()),
        Err(ConfirmRefusal::NotAnswered) => Err(AppError::one(
            StatusCode::CONFLICT,
            "",
            "there is no answer to confirm yet, or this answer was already confirmed or reopened",
        )),
    }
}

/// The dates of a `from`/`to` filter, each checked.
fn date_problems(dates: [(&str, &Option<String>); 2]) -> Vec<Problem> {
    dates
        .into_iter()
        .filter(|(_, day)| day.as_deref().is_some_and(|d| Day::parse(d).is_none()))
        .map(|(name, _)| problem(name, "a date is written YYYY-MM-DD"))
        .collect()
}

/// GET /v1/summary?service=&from=&to=&by=month|day|week|quarter|channel
pub async fn get_summary(
    State(state): State<AppState>,
    asked: Result<Query<SummaryQuery>, QueryRejection>,
) -> Result<Json<Value>, AppError> {
    let query = query(asked, "service, from, to and by")?;
    let mut found = Vec::new();
    if query.service.as_deref().is_some_and(|s| ServiceId::parse(s).is_none_or(|id| id.as_str() != s)) {
        found.push(problem("service", "a service id is lowercase letters and digits in hyphen-separated words"));
    }
    found.extend(date_problems([("from", &query.from), ("to", &query.to)]));
    let (period_chars, grain) = match query.by.as_deref() {
        None | Some("month") | Some("channel") => (7, None),
        Some("day") => (10, None),
        Some("week") => (7, Some(Grain::Week)),
        Some("quarter") => (7, Some(Grain::Quarter)),
        Some(_) => {
            found.push(problem("by", "group by month, day, week, quarter or channel"));
            (7, None)
        }
    };
    if !found.is_empty() {
        return Err(AppError::Refused(StatusCode::BAD_REQUEST, found));
    }
    // Whole months only: two answers whose ranges differ by a day could otherwise be subtracted
    // to give that day's ratings, however few.
    let from = query.from.as_deref().and_then(Day::parse).map(|day| format!("{}-01", &day.to_string()[..7]));
    let to = query.to.as_deref().and_then(Day::parse).and_then(|day| month_end(&day.to_string()[..7]));
    let query = SummaryQuery { from, to, ..query };
    let min_cell = state.config.min_cell;
    let rows =
        state.store.score_counts(query.service.clone(), query.from.clone(), query.to.clone(), period_chars).await?;
    if let Some(grain) = grain {
        // Weeks and quarters are decided over the whole history (see `calendar`), then the range
        // picks the ones it overlaps.
        let history = state.store.score_counts(query.service.clone(), None, None, 10).await?;
        let (services, _) = summarise(&rows, min_cell);
        let day = |text: &Option<String>| text.as_deref().and_then(Day::parse);
        let periods = calendar(&history, min_cell, grain, day(&query.from), day(&query.to));
        return Ok(Json(
            json!({ "min_cell": min_cell, "from": query.from, "to": query.to, "services": services, "periods": periods }),
        ));
    }
    if query.by.as_deref() == Some("channel") {
        let channels = state.store.channel_counts(query.service, query.from.clone(), query.to.clone()).await?;
        let (services, _) = summarise(&rows, min_cell);
        let channels = crate::summary::by_channel(&channels, min_cell);
        return Ok(Json(json!({
            "min_cell": min_cell, "from": query.from, "to": query.to, "services": services, "channels": channels,
        })));
    }
    let (services, periods) = summarise(&rows, min_cell);
    Ok(Json(
        json!({ "min_cell": min_cell, "from": query.from, "to": query.to, "services": services, "periods": periods }),
    ))
}

/// The last day of a month written `2026-11`.
fn month_end(month: &str) -> Option<String> {
    let (year, number): (i64, i64) = (month.get(..4)?.parse().ok()?, month.get(5..7)?.parse().ok()?);
    crate::deadlines::last_day_of_month(year, number).map(|day| day.to_string())
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
    asked: Result<Query<FiguresQuery>, QueryRejection>,
) -> Result<Json<crate::figures::Report>, AppError> {
    let query = query(asked, "by, from and to")?;
    let mut found = Vec::new();
    let by = match query.by.as_deref() {
        None | Some("month") => crate::figures::Period::Month,
        Some("quarter") => crate::figures::Period::Quarter,
        Some(_) => {
            found.push(problem("by", "group by month or quarter"));
            crate::figures::Period::Month
        }
    };
    found.extend(date_problems([("from", &query.from), ("to", &query.to)]));
    if !found.is_empty() {
        return Err(AppError::Refused(StatusCode::BAD_REQUEST, found));
    }
    let (from, to) = crate::figures::whole_quarters(query.from.as_deref(), query.to.as_deref());
    let cases = state.store.cases(state.departments.clone(), from.clone(), to.clone()).await?;
    let now = crate::deadlines::now();
    let report = crate::figures::report(&cases, &state.config.deadlines, now, by, state.config.min_cell);
    Ok(Json(crate::figures::Report { from, to, ..report }))
}

/// The staff inbox's filters and paging.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InboxParams {
    department: Option<String>,
    service: Option<String>,
    status: Option<String>,
    urgency: Option<String>,
    after: Option<String>,
    limit: Option<u32>,
}

/// Most items one inbox page holds, and how many unless asked.
pub const MAX_INBOX_PAGE: u32 = 200;
pub const INBOX_PAGE: u32 = 50;

/// The scope a change runs under: the token's, with the city's departments.
fn scoped(state: &AppState, staff: Staff) -> Scoped {
    Scoped { scope: staff.0, departments: state.departments.clone() }
}

/// GET /v1/staff/inbox?department=&service=&status=&urgency=&after=&limit=: one page of bad
/// reviews, most urgent first, with their age against the deadlines, the department each is
/// with, the count under each filter value, the departments to filter by and transfer to, and
/// the token for the next page. A department's token sees its own cases only, whatever it asks.
pub async fn staff_inbox(
    State(state): State<AppState>,
    staff: Staff,
    asked: Result<Query<InboxParams>, QueryRejection>,
) -> Result<Json<InboxAnswer>, AppError> {
    let params = query(asked, "department, service, status, urgency, after and limit")?;
    let mut found = Vec::new();
    let unknown_department = params
        .department
        .as_deref()
        .filter(|id| state.departments.get(id).is_none())
        .map(|asked| problem("department", format!("no department has the id {asked}")));
    if params.service.as_deref().is_some_and(|s| ServiceId::parse(s).is_none_or(|id| id.as_str() != s)) {
        found.push(problem("service", "a service id is lowercase letters and digits in hyphen-separated words"));
    }
    let status = params.status.as_deref().map(civic_pulse_core::follow_up::FollowUp::parse);
    if status == Some(None) {
        let codes: Vec<&str> = civic_pulse_core::follow_up::FollowUp::ALL.iter().map(|s| s.code()).collect();
        found.push(problem("status", format!("one of {}", codes.join(", "))));
    }
    let urgency = params
        .urgency
        .as_deref()
        .map(|code| civic_pulse_core::follow_up::Urgency::ALL.into_iter().find(|u| u.code() == code));
    if urgency == Some(None) {
        let codes: Vec<&str> = civic_pulse_core::follow_up::Urgency::ALL.iter().map(|u| u.code()).collect();
        found.push(problem("urgency", format!("one of {}", codes.join(", "))));
    }
    let after = params.after.as_deref().map(crate::inbox::PageKey::parse);
    if after == Some(None) {
        found.push(problem("after", "not a page token this collector gave: start again from the first page"));
    }
    let limit = params.limit.unwrap_or(INBOX_PAGE);
    if !(1..=MAX_INBOX_PAGE).contains(&limit) {
        found.push(problem("limit", format!("from 1 to {MAX_INBOX_PAGE} items a page")));
    }
    if !found.is_empty() {
        found.extend(unknown_department);
        return Err(AppError::Refused(StatusCode::BAD_REQUEST, found));
    }
    // A well-formed request for a department the city does not have: nothing by that name.
    if let Some(unknown) = unknown_department {
        return Err(AppError::Refused(StatusCode::NOT_FOUND, vec![unknown]));
    }
    let after = after.flatten();
    // Every page of one session ranks the cases at the moment of its first page.
    let now = after.map_or_else(crate::deadlines::now, |key| key.now);
    let today = crate::storage::day_of(now)?;
    let deadlines = state.config.deadlines.clone();
    let stated = StatedDeadlines {
        acknowledge_hours: deadlines.acknowledge_hours,
        close_days: deadlines.close_days,
        counting: match deadlines.counting {
            crate::deadlines::Counting::Calendar => DayCounting::Calendar,
            crate::deadlines::Counting::Working { .. } => DayCounting::Working,
        },
    };
    let (scope, department) = match staff.0 {
        Scope::City => (None, params.department),
        Scope::Department(own) => (Some(own.clone()), Some(own)),
    };
    let inbox = crate::inbox::InboxQuery {
        department,
        service: params.service,
        status: status.flatten(),
        urgency: urgency.flatten(),
        open_only: false,
        after,
        limit,
    };
    let page = state.store.inbox(inbox, deadlines, state.departments.clone(), now).await?;
    Ok(Json(InboxAnswer {
        today: today.to_string(),
        deadlines: stated,
        scope: InboxScope { department: scope },
        departments: state.departments.public(),
        counts: page.counts,
        items: page.items,
        next: page.next,
    }))
}

impl From<CaseRefusal> for AppError {
    fn from(refusal: CaseRefusal) -> AppError {
        match refusal {
            CaseRefusal::UnknownReceipt => unknown_receipt(),
            CaseRefusal::OtherDepartment => AppError::one(
                StatusCode::FORBIDDEN,
                "code",
                "this case is with another department; its token, or the city's, can change it",
            ),
            CaseRefusal::UnknownDepartment => {
                AppError::bad_request("/department", "no department has this id in the collector's departments file")
            }
            CaseRefusal::SameDepartment => {
                AppError::one(StatusCode::CONFLICT, "/department", "the case is already with this department")
            }
        }
    }
}

/// POST /v1/staff/receipts/{code}: set the follow-up status and the public reply of a rating.
pub async fn set_receipt_status(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    JsonBody(body): JsonBody<Value>,
) -> Result<Json<ReceiptStatus>, AppError> {
    let mut update: StatusUpdate = serde_json::from_value(body).map_err(|_| {
        AppError::bad_request(
            "",
            "send {\"status\": \"acknowledged\", \"in-progress\" or \"answered\", \"reply\": \"…\"}",
        )
    })?;
    if !update.status.staff_may_set() {
        let message = "staff set acknowledged, in-progress or answered; only the resident confirms or reopens";
        return Err(AppError::bad_request("/status", message));
    }
    if update.reply.as_ref().is_some_and(|r| r.chars().count() > RatingV1::MAX_COMMENT_CHARS) {
        return Err(AppError::bad_request("/reply", "a reply has at most 2000 characters"));
    }
    // The public reply as staff wrote it, less any NUL character (PostgreSQL cannot store one).
    update.reply = update.reply.map(|reply| reply.replace('\0', ""));
    update.receipt = code.trim().to_ascii_uppercase();
    let status = state.store.set_status(update, scoped(&state, staff)).await??;
    Ok(Json(state.departments.named(status)))
}

/// The longest reason a transfer takes.
pub const MAX_REASON_CHARS: usize = 500;

/// POST /v1/staff/receipts/{code}/transfer: `{"department": "…", "reason": "…"}` moves a case to
/// another department, the reason on its timeline for staff; the resident sees where it went.
pub async fn transfer_case(
    State(state): State<AppState>,
    staff: Staff,
    Path(code): Path<String>,
    JsonBody(body): JsonBody<Value>,
) -> Result<Json<ReceiptStatus>, AppError> {
    let mut transfer: Transfer = serde_json::from_value(body)
        .map_err(|_| AppError::bad_request("", "send {\"department\": \"<id>\", \"reason\": \"<why>\"}"))?;
    // As the API's document states it: at most so many characters as sent, not all of them blank.
    if transfer.reason.trim().is_empty() || transfer.reason.chars().count() > MAX_REASON_CHARS {
        let message = format!("give the reason for the transfer, in at most {MAX_REASON_CHARS} characters");
        return Err(AppError::bad_request("/reason", message));
    }
    // Staff write the reason; a phone number in it must not stay on the case either.
    transfer.reason = civic_pulse_core::redact::redact(transfer.reason.trim()).text;
    transfer.receipt = code.trim().to_ascii_uppercase();
    let status = state.store.transfer(transfer, scoped(&state, staff)).await??;
    Ok(Json(state.departments.named(status)))
}

/// POST /v1/staff/import/hotline: ratings taken by the hotline, as CSV (see `hotline`). Good
/// rows are stored (each once, however often the file comes), bad ones reported by line; 201
/// when anything new was stored, else 200.
pub async fn import_hotline(State(state): State<AppState>, staff: Staff, body: Bytes) -> Result<Response, AppError> {
    staff.city_wide()?;
    let text = std::str::from_utf8(&body).map_err(|_| AppError::bad_request("", "the file must be CSV in UTF-8"))?;
    let file = crate::hotline::read(text).map_err(|found| AppError::Refused(StatusCode::BAD_REQUEST, found))?;
    let (lines, ratings): (Vec<usize>, Vec<RatingV1>) = file.ratings.into_iter().unzip();
    let stored = if ratings.is_empty() { Vec::new() } else { state.store.insert(ratings).await? };
    let status = if stored.iter().any(|s| s.new) { StatusCode::CREATED } else { StatusCode::OK };
    // The receipt lets the operator give a caller with a bad review the code to follow it up.
    let rows = lines
        .iter()
        .zip(&stored)
        .map(|(line, s)| ImportedRow { line: *line, id: s.id.clone(), receipt: s.receipt.clone(), new: s.new })
        .collect();
    let body = HotlineImportAnswer {
        stored: stored.iter().filter(|s| s.new).count(),
        already: stored.iter().filter(|s| !s.new).count(),
        rows,
        refused: file.refused,
    };
    Ok((status, Json(body)).into_response())
}

/// GET /v1/export.json: every rating in the rating schema, as a JSON array.
pub async fn export_json(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    staff.city_wide()?;
    let body = streamed_export(
        &state,
        "[".to_owned(),
        |rating, first| {
            let json = serde_json::to_string(rating).unwrap_or_default();
            if first { json } else { format!(",{json}") }
        },
        "]",
    )
    .await?;
    Ok(([(CONTENT_TYPE, "application/json")], body).into_response())
}

/// GET /v1/export.csv: the same as CSV (see `civic_pulse_core::ratings_csv`), for spreadsheets
/// and the self-check's import.
pub async fn export_csv(State(state): State<AppState>, staff: Staff) -> Result<Response, AppError> {
    staff.city_wide()?;
    let body = streamed_export(
        &state,
        civic_pulse_core::ratings_csv::header(),
        |rating, _| civic_pulse_core::ratings_csv::csv_row(rating),
        "",
    )
    .await?;
    Ok((
        [(CONTENT_TYPE, "text/csv; charset=utf-8"), (CONTENT_DISPOSITION, "attachment; filename=\"ratings.csv\"")],
        body,
    )
        .into_response())
}

/// An export written as the store reads it: `start`, each rating as `write` puts it (told
/// whether it is the first), then `end`. Whether the first row can be read decides the status
/// (503 if not); a failure after it cuts the download off, so a client never takes a shortened
/// file for a whole one.
async fn streamed_export(
    state: &AppState,
    start: String,
    write: fn(&RatingV1, bool) -> String,
    end: &'static str,
) -> Result<axum::body::Body, AppError> {
    use futures_util::StreamExt;
    let mut rows = state.store.export().await?;
    let head = match rows.recv().await.transpose()? {
        Some(first) => start + &write(&first, true),
        None => start,
    };
    let rest = futures_util::stream::unfold(rows, move |mut rows| async move {
        let row = rows.recv().await?;
        Some((row.map(|rating| write(&rating, false)), rows))
    });
    let body = futures_util::stream::once(async move { Ok(head) })
        .chain(rest)
        .chain(futures_util::stream::once(async move { Ok(end.to_owned()) }));
    Ok(axum::body::Body::from_stream(body))
}

/// GET /v1/services: every service this collector can name, built-in or the portal's own
/// (`CIVIC_PULSE_SERVICE_LABELS`), with its name in each language, for staff pages.
pub async fn get_services(State(state): State<AppState>) -> Json<ServicesAnswer> {
    let labels = &state.config.service_labels;
    let mut ids: Vec<ServiceId> = civic_pulse_core::service::default_services();
    ids.extend(labels.ids().filter_map(ServiceId::parse).filter(|id| !ids.contains(id)).collect::<Vec<_>>());
    let services = ids
        .iter()
        .map(|id| ServiceNames {
            id: id.as_str().to_owned(),
            names: Lang::all().map(|lang| (lang.tag().to_owned(), labels.label(id, lang))).collect(),
        })
        .collect();
    Json(ServicesAnswer { services })
}

/// GET /healthz: the process answers (liveness), whatever the database does.
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// GET /readyz: the database answers a read (readiness), so a load balancer can route around a
/// collector that cannot store.
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Value>, AppError> {
    state.store.ready().await?;
    Ok(Json(json!({ "status": "ready" })))
}
