//! Where ratings and cases are kept: one contract ([`Storage`]), two engines. A path in
//! `CIVIC_PULSE_DATABASE` keeps them in an embedded SQLite file (`sqlite`), the default that
//! needs nothing else; a `postgres://` address keeps them in a PostgreSQL that several
//! collectors share (`postgres`). Both acknowledge a rating only once it is durably committed,
//! store it once per id whoever receives it, and group concurrent ratings into shared commits.

mod postgres;
mod sqlite;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;

use civic_pulse_core::RatingV1;

pub use civic_pulse_core::follow_up::FollowUp;

use crate::deadlines::{Deadlines, format_minute};
use crate::inbox::{InboxPage, InboxQuery};

/// Most ratings one transaction takes, so a flood still commits in bounded steps.
const MAX_GROUP: usize = 2000;

/// Which engine keeps the ratings, from `CIVIC_PULSE_DATABASE`.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    /// The embedded file (created with its folder if missing).
    Sqlite(PathBuf),
    /// A PostgreSQL connection address, `postgres://user:password@host:port/database`, and the
    /// PEM file of a CA to trust besides the public ones when the address asks for TLS
    /// (`sslmode=require`; `CIVIC_PULSE_DATABASE_CA`).
    Postgres { address: String, ca: Option<PathBuf> },
}

impl Database {
    pub fn from_setting(value: &str, ca: Option<PathBuf>) -> Database {
        let value = value.trim();
        if value.starts_with("postgres://") || value.starts_with("postgresql://") {
            Database::Postgres { address: value.to_owned(), ca }
        } else {
            Database::Sqlite(PathBuf::from(value))
        }
    }
}

/// Shown in logs and at start: a PostgreSQL address without its password.
impl std::fmt::Display for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Sqlite(path) => write!(f, "{}", path.display()),
            Database::Postgres { address, .. } => write!(f, "{}", without_password(address)),
        }
    }
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Database({self})")
    }
}

/// `postgres://user:secret@host/db` as `postgres://user:***@host/db`.
fn without_password(address: &str) -> String {
    let Some((scheme, rest)) = address.split_once("://") else { return address.to_owned() };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let Some((user_info, host)) = authority.rsplit_once('@') else { return address.to_owned() };
    let user = user_info.split_once(':').map_or(user_info, |(user, _)| user);
    let hidden = if user_info.contains(':') { ":***" } else { "" };
    // A password may also come as `?password=`; drop the whole query to be sure.
    let tail = tail.split_once('?').map_or(tail, |(path, _)| path);
    format!("{scheme}://{user}{hidden}@{host}{tail}")
}

/// Now in UTC to the minute, as the timeline stores it: `2026-12-02T09:41Z`.
pub(crate) fn now_minute() -> String {
    format_minute(crate::deadlines::now())
}

/// The day (UTC) the moment `now` falls on, which the inbox's deadlines count to.
pub(crate) fn day_of(now: crate::deadlines::Minute) -> Result<civic_pulse_core::Day, StorageError> {
    crate::deadlines::day_of(now)
        .ok_or_else(|| StorageError::Read("the clock is outside the years 1970 to 9999".into()))
}

pub use civic_pulse_core::collector_api::{CaseEvent, ReceiptStatus};

/// Whether a rating was new or already stored (same id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub id: String,
    pub receipt: String,
    pub new: bool,
}

/// Why a staff member's change to a case was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseRefusal {
    UnknownReceipt,
    /// A department's token reaches its own cases only.
    OtherDepartment,
    /// A transfer to a department the city's file does not name.
    UnknownDepartment,
    /// A transfer to the department that already has the case.
    SameDepartment,
}

/// Why the resident's answer to "was it solved?" cannot be taken now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfirmRefusal {
    UnknownReceipt,
    /// Only an answered case can be confirmed or reopened, once per answer.
    NotAnswered,
}

/// One row of the summary query: ratings of one score for one service in one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreCount {
    pub service: String,
    pub period: String,
    pub score: u8,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    Open(String),
    Write(String),
    Read(String),
    WriterStopped,
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Open(e) => write!(f, "the database could not be opened: {e}"),
            StorageError::Write(e) => write!(f, "the ratings could not be stored: {e}"),
            StorageError::Read(e) => write!(f, "the database could not be read: {e}"),
            StorageError::WriterStopped => write!(f, "the database writer has stopped"),
        }
    }
}

impl std::error::Error for StorageError {}

/// A staff member's change to one rating's follow-up.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusUpdate {
    #[serde(skip)]
    pub receipt: String,
    pub status: FollowUp,
    #[serde(default)]
    pub reply: Option<String>,
}

/// A staff transfer of a case to another department, with the reason staff give.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    #[serde(skip)]
    pub receipt: String,
    pub department: String,
    pub reason: String,
}

/// Whose cases a change may touch, with the city's departments to tell whose a case is.
#[derive(Clone, Debug)]
pub struct Scoped {
    pub scope: crate::departments::Scope,
    pub departments: Arc<crate::departments::Departments>,
}

impl Scoped {
    /// Whether this scope may touch a case of `service`, transferred to `transferred_to` if
    /// ever, and where the case is now.
    fn check(&self, service: &str, transferred_to: Option<String>) -> Result<Option<String>, CaseRefusal> {
        let department = self.departments.of_case(service, transferred_to);
        let reaches = match &self.scope {
            crate::departments::Scope::City => true,
            crate::departments::Scope::Department(own) => department.as_deref() == Some(own.as_str()),
        };
        if reaches { Ok(department) } else { Err(CaseRefusal::OtherDepartment) }
    }

    /// The check a transfer adds: a department the city names, other than the case's own.
    fn check_transfer(&self, transfer: &Transfer, current: Option<&str>) -> Result<(), CaseRefusal> {
        if self.departments.get(&transfer.department).is_none() {
            Err(CaseRefusal::UnknownDepartment)
        } else if current == Some(transfer.department.as_str()) {
            Err(CaseRefusal::SameDepartment)
        } else {
            Ok(())
        }
    }
}

/// A short code a resident can read out on the phone (see `civic_pulse_core::receipt`).
fn new_receipt() -> Result<String, StorageError> {
    let mut bytes = [0u8; civic_pulse_core::receipt::LENGTH];
    getrandom::fill(&mut bytes).map_err(|e| StorageError::Write(format!("no randomness: {e}")))?;
    Ok(civic_pulse_core::receipt::Receipt::from_random_bytes(bytes).as_str().to_owned())
}

/// The aspects a rating names, as stored: a JSON list, or nothing.
fn aspects_text(rating: &RatingV1) -> Option<String> {
    (!rating.aspects.is_empty()).then(|| serde_json::to_string(&rating.aspects).unwrap_or_default())
}

/// The rows of an export as they are read.
pub type ExportRows = tokio::sync::mpsc::Receiver<Result<RatingV1, StorageError>>;

/// Rows an export reads ahead of the client that downloads it.
const EXPORT_AHEAD: usize = 256;

/// What a staff change answers: the case as the resident now sees it, or why it was refused.
pub type CaseChange = Result<Result<ReceiptStatus, CaseRefusal>, StorageError>;

/// What either engine does. Every write is durable when its future resolves `Ok`.
pub trait Storage: Send + Sync {
    /// Stores ratings; answers once they are committed. A rating whose id is already stored is
    /// not stored again: it comes back with its first receipt and `new: false`.
    fn insert(&self, ratings: Vec<RatingV1>) -> impl Future<Output = Result<Vec<Stored>, StorageError>> + Send;
    /// Sets a case's follow-up status and public reply, where `scope` reaches it.
    fn set_status(&self, update: StatusUpdate, scope: Scoped) -> impl Future<Output = CaseChange> + Send;
    /// Moves a case to another department with the reason on its timeline. The deadline does
    /// not restart: the resident's wait goes on whoever has the case.
    fn transfer(&self, transfer: Transfer, scope: Scoped) -> impl Future<Output = CaseChange> + Send;
    /// The resident's answer to "was your problem solved?": confirmed, or reopened with its
    /// deadline running again. Only an answered case takes it, once per answer.
    fn confirm(
        &self,
        receipt: String,
        solved: bool,
    ) -> impl Future<Output = Result<Result<ReceiptStatus, ConfirmRefusal>, StorageError>> + Send;
    /// What a resident may learn from a receipt code.
    fn receipt(&self, code: String) -> impl Future<Output = Result<Option<ReceiptStatus>, StorageError>> + Send;
    /// Records the escalations due now, each (case, urgency, opening) once; how many were new.
    fn escalate(
        &self,
        due: Vec<crate::escalation::Escalation>,
    ) -> impl Future<Output = Result<usize, StorageError>> + Send;
    /// Records one delivery attempt: delivered, or when to try again and why it failed.
    fn escalation_tried(
        &self,
        outcome: crate::escalation::Attempt,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Claims up to `most` escalations not yet delivered whose next attempt is due at `now`
    /// (seconds since 1970): none is handed to another collector before `lease_until`, by which
    /// this one has recorded its attempt (or stopped, and another takes it over).
    fn claim_escalations(
        &self,
        now: i64,
        lease_until: i64,
        most: u32,
    ) -> impl Future<Output = Result<Vec<crate::escalation::Pending>, StorageError>> + Send;
    /// Every stored rating in the rating schema, oldest day first, read as the receiver takes
    /// them (an export of millions never sits in memory). A failure is the last item.
    fn export(&self) -> impl Future<Output = Result<ExportRows, StorageError>> + Send;
    /// One page of bad reviews (scores 1 and 2) for the staff inbox, most urgent first (see
    /// `inbox::PageKey`), with the count of cases under each filter value.
    fn inbox(
        &self,
        query: InboxQuery,
        deadlines: Deadlines,
        departments: Arc<crate::departments::Departments>,
        now: crate::deadlines::Minute,
    ) -> impl Future<Output = Result<InboxPage, StorageError>> + Send;
    /// Every bad review given from `from` to `to` (days, inclusive), as the figures need it.
    fn cases(
        &self,
        departments: Arc<crate::departments::Departments>,
        from: Option<String>,
        to: Option<String>,
    ) -> impl Future<Output = Result<Vec<crate::figures::Case>, StorageError>> + Send;
    /// Replaces what staff wrote the city changed in `month` (`2026-11`), in one language.
    fn set_changes(
        &self,
        month: String,
        lang: String,
        changes: Vec<String>,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// What staff wrote the city changed in `month`, by language.
    fn changes(&self, month: String) -> impl Future<Output = Result<Vec<(String, Vec<String>)>, StorageError>> + Send;
    /// Whether the database answers a read now (the readiness check).
    fn ready(&self) -> impl Future<Output = Result<(), StorageError>> + Send;
    /// Counts per service, month, channel (`not-given` where the client did not say) and
    /// score; the month and channel stand in the rows' `period` as `2026-11/web`.
    fn channel_counts(
        &self,
        service: Option<String>,
        from: Option<String>,
        to: Option<String>,
    ) -> impl Future<Output = Result<Vec<ScoreCount>, StorageError>> + Send;
    /// Counts per service, period (the first `period_chars` of the day: 7 for months, 10 for
    /// days) and score.
    fn score_counts(
        &self,
        service: Option<String>,
        from: Option<String>,
        to: Option<String>,
        period_chars: u8,
    ) -> impl Future<Output = Result<Vec<ScoreCount>, StorageError>> + Send;
    /// Removes the comments of ratings given before `before`, keeping the scores; how many.
    fn purge_comments(&self, before: civic_pulse_core::Day)
    -> impl Future<Output = Result<usize, StorageError>> + Send;
}

/// The store the collector runs on: one engine, chosen by the setting.
#[derive(Clone)]
pub enum Store {
    Sqlite(sqlite::SqliteStore),
    Postgres(postgres::PostgresStore),
}

impl Store {
    /// Opens the database the setting names, migrates it and starts its writers.
    pub async fn open(database: &Database) -> Result<Store, StorageError> {
        match database {
            Database::Sqlite(path) => sqlite::SqliteStore::open(path).map(Store::Sqlite),
            Database::Postgres { address, ca } => {
                postgres::PostgresStore::open(address, ca.as_deref()).await.map(Store::Postgres)
            }
        }
    }
}

/// Each call goes to the engine in use.
macro_rules! to_engine {
    ($self:ident, $store:ident => $call:expr) => {
        match $self {
            Store::Sqlite($store) => $call.await,
            Store::Postgres($store) => $call.await,
        }
    };
}

impl Storage for Store {
    async fn insert(&self, ratings: Vec<RatingV1>) -> Result<Vec<Stored>, StorageError> {
        to_engine!(self, s => s.insert(ratings))
    }
    async fn set_status(&self, update: StatusUpdate, scope: Scoped) -> CaseChange {
        to_engine!(self, s => s.set_status(update, scope))
    }
    async fn transfer(&self, transfer: Transfer, scope: Scoped) -> CaseChange {
        to_engine!(self, s => s.transfer(transfer, scope))
    }
    async fn confirm(
        &self,
        receipt: String,
        solved: bool,
    ) -> Result<Result<ReceiptStatus, ConfirmRefusal>, StorageError> {
        to_engine!(self, s => s.confirm(receipt, solved))
    }
    async fn receipt(&self, code: String) -> Result<Option<ReceiptStatus>, StorageError> {
        to_engine!(self, s => s.receipt(code))
    }
    async fn escalate(&self, due: Vec<crate::escalation::Escalation>) -> Result<usize, StorageError> {
        to_engine!(self, s => s.escalate(due))
    }
    async fn escalation_tried(&self, outcome: crate::escalation::Attempt) -> Result<(), StorageError> {
        to_engine!(self, s => s.escalation_tried(outcome))
    }
    async fn claim_escalations(
        &self,
        now: i64,
        lease_until: i64,
        most: u32,
    ) -> Result<Vec<crate::escalation::Pending>, StorageError> {
        to_engine!(self, s => s.claim_escalations(now, lease_until, most))
    }
    async fn export(&self) -> Result<ExportRows, StorageError> {
        to_engine!(self, s => s.export())
    }
    async fn inbox(
        &self,
        query: InboxQuery,
        deadlines: Deadlines,
        departments: Arc<crate::departments::Departments>,
        now: crate::deadlines::Minute,
    ) -> Result<InboxPage, StorageError> {
        to_engine!(self, s => s.inbox(query, deadlines, departments, now))
    }
    async fn cases(
        &self,
        departments: Arc<crate::departments::Departments>,
        from: Option<String>,
        to: Option<String>,
    ) -> Result<Vec<crate::figures::Case>, StorageError> {
        to_engine!(self, s => s.cases(departments, from, to))
    }
    async fn set_changes(&self, month: String, lang: String, changes: Vec<String>) -> Result<(), StorageError> {
        to_engine!(self, s => s.set_changes(month, lang, changes))
    }
    async fn changes(&self, month: String) -> Result<Vec<(String, Vec<String>)>, StorageError> {
        to_engine!(self, s => s.changes(month))
    }
    async fn ready(&self) -> Result<(), StorageError> {
        to_engine!(self, s => s.ready())
    }
    async fn channel_counts(
        &self,
        service: Option<String>,
        from: Option<String>,
        to: Option<String>,
    ) -> Result<Vec<ScoreCount>, StorageError> {
        to_engine!(self, s => s.channel_counts(service, from, to))
    }
    async fn score_counts(
        &self,
        service: Option<String>,
        from: Option<String>,
        to: Option<String>,
        period_chars: u8,
    ) -> Result<Vec<ScoreCount>, StorageError> {
        to_engine!(self, s => s.score_counts(service, from, to, period_chars))
    }
    async fn purge_comments(&self, before: civic_pulse_core::Day) -> Result<usize, StorageError> {
        to_engine!(self, s => s.purge_comments(before))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postgres_address_selects_postgres_and_never_shows_its_password() {
        let database = Database::from_setting("postgres://civic:s3cret@db.internal:5432/ratings?sslmode=require", None);
        assert!(matches!(database, Database::Postgres { .. }));
        assert_eq!(database.to_string(), "postgres://civic:***@db.internal:5432/ratings");
        assert!(!format!("{database:?}").contains("s3cret"));
        assert!(matches!(Database::from_setting("postgresql://h/db", None), Database::Postgres { .. }));
        assert_eq!(Database::from_setting("data/x.sqlite3", None), Database::Sqlite(PathBuf::from("data/x.sqlite3")));
        assert_eq!(
            Database::from_setting("postgres://civic@127.0.0.1/db", None).to_string(),
            "postgres://civic@127.0.0.1/db"
        );
    }
}
