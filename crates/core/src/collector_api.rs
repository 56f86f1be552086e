//! The reference collector's JSON answers that the staff console reads, as one set of types:
//! the collector serialises them and the console deserialises them, so the two cannot drift.
//! `crates/collector/openapi.json` documents the same shapes for other clients.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::follow_up::Urgency;

/// One bad review as staff see it. No address, device or time of day exists to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxItem {
    pub receipt: String,
    /// The department the case is with, if the city has departments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    pub service: String,
    pub scale: String,
    pub score: u8,
    pub aspects: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub lang: String,
    pub day: String,
    /// The day its close deadline counts from: the day it came in, or was last reopened.
    pub since: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// Days open, counted as the close deadline counts them (calendar or working days).
    pub days_open: i64,
    pub urgency: Urgency,
    /// Every step of the case, to the minute (UTC).
    pub timeline: Vec<CaseEvent>,
}

/// One step of a case's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub kind: String,
    /// UTC, to the minute for staff; cut to the day for residents.
    pub at: String,
    /// For a transfer: the department the case went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// For a transfer: why, for staff only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Cases per urgency, per status and per service, each within the page's other filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxCounts {
    pub urgency: BTreeMap<String, u32>,
    pub status: BTreeMap<String, u32>,
    pub service: BTreeMap<String, u32>,
}

/// What the staff page and the receipt page are told about a department: never its token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentInfo {
    pub id: String,
    pub names: BTreeMap<String, String>,
    pub services: Vec<String>,
}

impl DepartmentInfo {
    /// Its name in a language (else English, else any it has), or its id.
    pub fn name(&self, lang: &str) -> &str {
        self.names.get(lang).or_else(|| self.names.get("en")).or_else(|| self.names.values().next()).unwrap_or(&self.id)
    }
}

/// GET /v1/receipts/{code}, and the answer to a staff change or to the resident's "was it
/// solved?": what a resident may learn from a receipt code, never who they are. The receipt page
/// builds it from the browser's own JSON parse (`src/receipt/lookup.rs`), not with serde.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReceiptStatus {
    pub receipt: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// The case's steps, each with its day (a resident is not told the minute).
    pub timeline: Vec<ResidentEvent>,
    /// Whether the resident may now say if the answer solved the problem (once per answer).
    pub can_confirm: bool,
    /// The departments the timeline mentions, with their names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<DepartmentInfo>,
}

/// One step of a case as the resident sees it: what happened, and on which day (UTC); for a
/// transfer, the department it went to (never the staff's reason).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResidentEvent {
    pub kind: String,
    pub day: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

impl ReceiptStatus {
    /// What the resident sees of a case from its status and its steps: each step's day, never
    /// its minute, nor a transfer's reason. The departments are named by the collector.
    pub fn from_case(receipt: String, status: String, reply: Option<String>, steps: Vec<CaseEvent>) -> ReceiptStatus {
        let timeline = steps
            .into_iter()
            .map(|event| ResidentEvent {
                kind: event.kind,
                day: event.at.chars().take(10).collect(),
                department: event.department,
            })
            .collect();
        let can_confirm = status == crate::follow_up::FollowUp::Answered.code();
        ReceiptStatus { receipt, status, reply, timeline, can_confirm, departments: Vec::new() }
    }

    /// A department the timeline mentions, by its name in a language (else its id).
    pub fn department_name(&self, id: &str, lang: &str) -> String {
        self.departments.iter().find(|d| d.id == id).map_or(id, |d| d.name(lang)).to_owned()
    }
}

/// The deadlines the collector counts by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedDeadlines {
    pub acknowledge_hours: i64,
    pub close_days: i64,
    pub counting: DayCounting,
}

/// How the close deadline counts days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DayCounting {
    Calendar,
    /// Monday to Friday, less the city's holidays.
    Working,
}

/// Whose inbox this is: a department's token sees its own department's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxScope {
    pub department: Option<String>,
}

/// GET /v1/staff/inbox: one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxAnswer {
    /// Today in UTC, as the page's urgencies were computed.
    pub today: String,
    pub deadlines: StatedDeadlines,
    pub scope: InboxScope,
    pub departments: Vec<DepartmentInfo>,
    pub counts: InboxCounts,
    pub items: Vec<InboxItem>,
    /// The token for the next page, if there is one.
    pub next: Option<String>,
}

/// A summary cell: one service in one period (or over the range), or hidden.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryCell {
    pub service: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// How the ratings were collected, in a split by channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// True when the cell holds fewer than k ratings: nothing else about it is published.
    pub suppressed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Ratings per score, index 0 for score 1 … index 4 for score 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<[u32; 5]>,
    /// Share of scores 1 and 2 (bad reviews), 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad_share: Option<f64>,
    /// 0..100: mean of (score - 1) x 25.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<f64>,
}

impl SummaryCell {
    /// A cell of fewer than k ratings: its service and period, and nothing else.
    pub fn suppressed(service: &str, period: Option<&str>) -> SummaryCell {
        SummaryCell {
            service: service.to_owned(),
            period: period.map(str::to_owned),
            channel: None,
            suppressed: true,
            count: None,
            scores: None,
            bad_share: None,
            satisfaction: None,
        }
    }
}

/// GET /v1/summary (by month, day, week or quarter).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryAnswer {
    pub min_cell: u32,
    pub services: Vec<SummaryCell>,
    #[serde(default)]
    pub periods: Vec<SummaryCell>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// GET /v1/services: one service and its name in each language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceNames {
    pub id: String,
    pub names: BTreeMap<String, String>,
}

/// GET /v1/services.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServicesAnswer {
    pub services: Vec<ServiceNames>,
}

/// POST /v1/staff/import/hotline: what an import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HotlineImportAnswer {
    /// Ratings stored now.
    pub stored: usize,
    /// Ratings the collector had already (the same file imported again).
    pub already: usize,
    /// Each stored row's receipt, for a caller with a bad review.
    pub rows: Vec<ImportedRow>,
    pub refused: Vec<RefusedRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedRow {
    pub line: usize,
    pub id: String,
    pub receipt: String,
    pub new: bool,
}

/// One row of a file that could not be taken, with every reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedRow {
    pub line: usize,
    pub problems: Vec<Problem>,
}

/// The most a download built in the staff console's memory may hold; larger exports go through
/// the API (`curl` with the token), which streams them.
pub const PAGE_EXPORT_LIMIT_BYTES: u64 = 50 * 1024 * 1024;

/// The problem a collector with no staff token answers to a request with one (403): the
/// console tells it from a department's refusal by this text.
pub const STAFF_ACCESS_OFF: &str = "staff access is off: set CIVIC_PULSE_STAFF_TOKEN on the collector";

/// What is wrong with a request, field by field (400, 403, 404, 409 and 413 answers).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problems {
    pub problems: Vec<Problem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub field: String,
    pub message: String,
}
