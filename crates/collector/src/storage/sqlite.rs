//! Ratings in SQLite (WAL, `synchronous=FULL`). One writer thread owns the write connection and
//! commits in groups: every rating waiting when a transaction starts goes into it, and each
//! request is answered only after that transaction is durable. A 2xx therefore survives a
//! `kill -9`, and throughput comes from sharing one fsync between many ratings.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use civic_pulse_core::{Day, RatingV1};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use tokio::sync::oneshot;

use super::{
    CaseChange, CaseEvent, CaseRefusal, ConfirmRefusal, EXPORT_AHEAD, ExportRows, FollowUp, MAX_GROUP, ReceiptStatus,
    Scoped, ScoreCount, StatusUpdate, Storage, StorageError, Stored, Transfer, aspects_text, new_receipt, now_minute,
};
use crate::deadlines::Deadlines;
use crate::inbox::{InboxPage, InboxQuery, InboxRow, PageKey};

/// Schema versions, applied in order and recorded in `PRAGMA user_version`.
const MIGRATIONS: &[&str] = &[
    r"
    CREATE TABLE ratings (
        id TEXT PRIMARY KEY,
        receipt TEXT NOT NULL UNIQUE,
        service TEXT NOT NULL,
        scale TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        aspects TEXT,
        comment TEXT,
        lang TEXT NOT NULL,
        day TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in-progress', 'answered')),
        reply TEXT
    ) STRICT;
    CREATE INDEX ratings_by_service_day ON ratings (service, day);
",
    r"
    -- How each rating was collected; NULL for ratings from clients that do not say.
    ALTER TABLE ratings ADD COLUMN channel TEXT
        CHECK (channel IN ('web', 'assisted', 'kiosk', 'hotline', 'import'));
",
    r"
    -- The closed loop: acknowledged, confirmed and reopened join the statuses (SQLite cannot
    -- change a CHECK in place, so the table is rebuilt), and every case keeps a dated timeline.
    CREATE TABLE ratings_v3 (
        id TEXT PRIMARY KEY,
        receipt TEXT NOT NULL UNIQUE,
        service TEXT NOT NULL,
        scale TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        aspects TEXT,
        comment TEXT,
        lang TEXT NOT NULL,
        day TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'received'
            CHECK (status IN ('received', 'acknowledged', 'in-progress', 'answered', 'confirmed', 'reopened')),
        reply TEXT,
        channel TEXT CHECK (channel IN ('web', 'assisted', 'kiosk', 'hotline', 'import'))
    ) STRICT;
    INSERT INTO ratings_v3 (rowid, id, receipt, service, scale, score, aspects, comment, lang, day, status, reply, channel)
        SELECT rowid, id, receipt, service, scale, score, aspects, comment, lang, day, status, reply, channel FROM ratings;
    DROP TABLE ratings;
    ALTER TABLE ratings_v3 RENAME TO ratings;
    CREATE INDEX ratings_by_service_day ON ratings (service, day);
    -- One row per step of a case, in UTC to the minute: staff see the minute, residents the day.
    CREATE TABLE case_events (
        receipt TEXT NOT NULL,
        kind TEXT NOT NULL
            CHECK (kind IN ('received', 'acknowledged', 'in-progress', 'answered', 'confirmed', 'reopened')),
        at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX case_events_by_receipt ON case_events (receipt, at);
    INSERT INTO case_events (receipt, kind, at) SELECT receipt, 'received', day || 'T00:00Z' FROM ratings;
",
    r"
    -- Departments: a case goes to its service's department (the city's file, not stored) until
    -- staff transfer it, which stores the department here and a 'transferred' step with its reason.
    ALTER TABLE ratings ADD COLUMN department TEXT;
    CREATE TABLE case_events_v4 (
        receipt TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN
            ('received', 'acknowledged', 'transferred', 'in-progress', 'answered', 'confirmed', 'reopened')),
        at TEXT NOT NULL,
        department TEXT,
        reason TEXT
    ) STRICT;
    INSERT INTO case_events_v4 (rowid, receipt, kind, at) SELECT rowid, receipt, kind, at FROM case_events;
    DROP TABLE case_events;
    ALTER TABLE case_events_v4 RENAME TO case_events;
    CREATE INDEX case_events_by_receipt ON case_events (receipt, at);
    -- Escalations: each case posted to the city's webhook once per urgency it reaches, per time
    -- it was opened (a reopened case escalates again); tried until the receiver takes it.
    CREATE TABLE escalations (
        receipt TEXT NOT NULL,
        urgency TEXT NOT NULL CHECK (urgency IN ('due-soon', 'unacknowledged', 'overdue')),
        opened TEXT NOT NULL,
        body TEXT NOT NULL,
        created TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt INTEGER NOT NULL,
        delivered TEXT,
        last_error TEXT,
        PRIMARY KEY (receipt, urgency, opened)
    ) STRICT;
",
    r"
    -- The monthly report's 'what we changed': staff write a list per month and language.
    CREATE TABLE report_changes (
        month TEXT NOT NULL,
        lang TEXT NOT NULL,
        changes TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (month, lang)
    ) STRICT;
",
];

fn timeline(connection: &Connection, receipt: &str) -> rusqlite::Result<Vec<CaseEvent>> {
    let mut statement = connection
        .prepare("SELECT kind, at, department, reason FROM case_events WHERE receipt = ?1 ORDER BY at, rowid")?;
    let rows = statement.query_map([receipt], |row| {
        Ok(CaseEvent { kind: row.get(0)?, at: row.get(1)?, department: row.get(2)?, reason: row.get(3)? })
    })?;
    rows.collect()
}

fn receipt_status(connection: &Connection, receipt: &str) -> rusqlite::Result<Option<ReceiptStatus>> {
    let found = connection
        .query_row("SELECT receipt, status, reply FROM ratings WHERE receipt = ?1", [receipt], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, Option<String>>(2)?))
        })
        .optional()?;
    let Some((receipt, status, reply)) = found else { return Ok(None) };
    let steps = timeline(connection, &receipt)?;
    Ok(Some(ReceiptStatus::from_case(receipt, status, reply, steps)))
}

/// Work for the writer thread. Inserts are grouped into shared commits; the rare staff
/// writes run one at a time in between.
enum Job {
    Insert {
        ratings: Vec<RatingV1>,
        reply: oneshot::Sender<Result<Vec<Stored>, StorageError>>,
    },
    SetStatus {
        update: StatusUpdate,
        scope: Scoped,
        reply: oneshot::Sender<Result<Result<ReceiptStatus, CaseRefusal>, StorageError>>,
    },
    Transfer {
        transfer: Transfer,
        scope: Scoped,
        reply: oneshot::Sender<Result<Result<ReceiptStatus, CaseRefusal>, StorageError>>,
    },
    Changes {
        month: String,
        lang: String,
        changes: Vec<String>,
        reply: oneshot::Sender<Result<(), StorageError>>,
    },
    Escalate {
        due: Vec<crate::escalation::Escalation>,
        reply: oneshot::Sender<Result<usize, StorageError>>,
    },
    EscalationTried {
        outcome: crate::escalation::Attempt,
        reply: oneshot::Sender<Result<(), StorageError>>,
    },
    ClaimEscalations {
        now: i64,
        lease_until: i64,
        most: u32,
        reply: oneshot::Sender<Result<Vec<crate::escalation::Pending>, StorageError>>,
    },
    Confirm {
        receipt: String,
        solved: bool,
        reply: oneshot::Sender<Result<Result<ReceiptStatus, ConfirmRefusal>, StorageError>>,
    },
}

/// The department a case is with now and whether `scoped` may touch it; `None` for an unknown receipt.
fn case_department(
    transaction: &rusqlite::Transaction<'_>,
    scoped: &Scoped,
    receipt: &str,
) -> rusqlite::Result<Option<Result<Option<String>, CaseRefusal>>> {
    let found = transaction
        .query_row("SELECT service, department FROM ratings WHERE receipt = ?1", [receipt], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
        })
        .optional()?;
    Ok(found.map(|(service, transferred_to)| scoped.check(&service, transferred_to)))
}

/// The SQLite engine: a handle to the writer thread and a read connection.
#[derive(Clone)]
pub struct SqliteStore {
    writer: mpsc::Sender<Job>,
    reader: Arc<Mutex<Connection>>,
    path: PathBuf,
}

fn open(path: &Path, flags: OpenFlags) -> Result<Connection, StorageError> {
    let connection = Connection::open_with_flags(path, flags).map_err(|e| StorageError::Open(e.to_string()))?;
    connection
        .execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")
        .map_err(|e| StorageError::Open(e.to_string()))?;
    Ok(connection)
}

fn migrate(connection: &mut Connection) -> Result<(), StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Open(format!("migration failed: {e}"));
    let version: i64 = connection.query_row("PRAGMA user_version", [], |row| row.get(0)).map_err(fail)?;
    for (number, sql) in (1i64..).zip(MIGRATIONS).skip(usize::try_from(version).unwrap_or(usize::MAX)) {
        let transaction = connection.transaction().map_err(fail)?;
        transaction.execute_batch(sql).map_err(fail)?;
        transaction.pragma_update(None, "user_version", number).map_err(fail)?;
        transaction.commit().map_err(fail)?;
    }
    Ok(())
}

/// A rating from a row whose first nine columns are id, service, scale, score, aspects (JSON),
/// comment, lang, day and channel.
fn rating_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<RatingV1> {
    let aspects: Option<String> = row.get(4)?;
    Ok(RatingV1 {
        schema: civic_pulse_core::payload::SCHEMA_V1.to_owned(),
        id: row.get(0)?,
        service: row.get(1)?,
        scale: row.get(2)?,
        score: row.get(3)?,
        aspects: aspects.and_then(|a| serde_json::from_str(&a).ok()).unwrap_or_default(),
        comment: row.get(5)?,
        lang: row.get(6)?,
        day: row.get(7)?,
        channel: row.get(8)?,
    })
}

fn store_one(transaction: &rusqlite::Transaction<'_>, rating: &RatingV1) -> Result<Stored, StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let existing = |t: &rusqlite::Transaction<'_>| {
        t.query_row("SELECT receipt FROM ratings WHERE id = ?1", [&rating.id], |row| row.get::<_, String>(0)).optional()
    };
    if let Some(receipt) = existing(transaction).map_err(fail)? {
        return Ok(Stored { id: rating.id.clone(), receipt, new: false });
    }
    let aspects = aspects_text(rating);
    // A receipt collision (about one in a trillion) just draws again.
    for _ in 0..5 {
        let receipt = new_receipt()?;
        let inserted = transaction
            .execute(
                "INSERT OR IGNORE INTO ratings (id, receipt, service, scale, score, aspects, comment, lang, day, channel)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    rating.id,
                    receipt,
                    rating.service,
                    rating.scale,
                    rating.score,
                    aspects,
                    rating.comment,
                    rating.lang,
                    rating.day,
                    rating.channel
                ],
            )
            .map_err(fail)?;
        if inserted == 1 {
            transaction
                .execute(
                    "INSERT INTO case_events (receipt, kind, at) VALUES (?1, 'received', ?2)",
                    params![receipt, now_minute()],
                )
                .map_err(fail)?;
            return Ok(Stored { id: rating.id.clone(), receipt, new: true });
        }
    }
    Err(StorageError::Write("could not draw a unique receipt".into()))
}

type InsertJob = (Vec<RatingV1>, oneshot::Sender<Result<Vec<Stored>, StorageError>>);

fn write_group(connection: &mut Connection, jobs: &[InsertJob]) -> Result<Vec<Vec<Stored>>, StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let transaction = connection.transaction().map_err(fail)?;
    let mut results = Vec::with_capacity(jobs.len());
    for (ratings, _) in jobs {
        results.push(ratings.iter().map(|rating| store_one(&transaction, rating)).collect::<Result<Vec<_>, _>>()?);
    }
    transaction.commit().map_err(fail)?;
    Ok(results)
}

fn commit_group(connection: &mut Connection, group: Vec<InsertJob>) {
    match write_group(connection, &group) {
        Ok(results) => {
            for ((_, reply), stored) in group.into_iter().zip(results) {
                let _ = reply.send(Ok(stored));
            }
        }
        Err(error) => {
            for (_, reply) in group {
                let _ = reply.send(Err(error.clone()));
            }
        }
    }
}

fn set_status(connection: &mut Connection, update: &StatusUpdate, scoped: &Scoped) -> CaseChange {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let transaction = connection.transaction().map_err(fail)?;
    match case_department(&transaction, scoped, &update.receipt).map_err(fail)? {
        None => return Ok(Err(CaseRefusal::UnknownReceipt)),
        Some(Err(refusal)) => return Ok(Err(refusal)),
        Some(Ok(_)) => {}
    }
    let changed = transaction
        .execute(
            "UPDATE ratings SET status = ?2, reply = ?3 WHERE receipt = ?1",
            params![update.receipt, update.status.code(), update.reply],
        )
        .map_err(fail)?;
    if changed == 1 {
        transaction
            .execute(
                "INSERT INTO case_events (receipt, kind, at) VALUES (?1, ?2, ?3)",
                params![update.receipt, update.status.code(), now_minute()],
            )
            .map_err(fail)?;
    }
    let status = receipt_status(&transaction, &update.receipt).map_err(fail)?;
    transaction.commit().map_err(fail)?;
    Ok(status.ok_or(CaseRefusal::UnknownReceipt))
}

/// Moves a case to another department, with the reason on its timeline. The deadline does not
/// restart: the resident's wait goes on whoever has the case.
fn transfer(connection: &mut Connection, transfer: &Transfer, scoped: &Scoped) -> CaseChange {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let transaction = connection.transaction().map_err(fail)?;
    let current = match case_department(&transaction, scoped, &transfer.receipt).map_err(fail)? {
        None => return Ok(Err(CaseRefusal::UnknownReceipt)),
        Some(Err(refusal)) => return Ok(Err(refusal)),
        Some(Ok(current)) => current,
    };
    if let Err(refusal) = scoped.check_transfer(transfer, current.as_deref()) {
        return Ok(Err(refusal));
    }
    transaction
        .execute(
            "UPDATE ratings SET department = ?2 WHERE receipt = ?1",
            params![transfer.receipt, transfer.department],
        )
        .map_err(fail)?;
    transaction
        .execute(
            "INSERT INTO case_events (receipt, kind, at, department, reason) VALUES (?1, 'transferred', ?2, ?3, ?4)",
            params![transfer.receipt, now_minute(), transfer.department, transfer.reason],
        )
        .map_err(fail)?;
    let status = receipt_status(&transaction, &transfer.receipt).map_err(fail)?;
    transaction.commit().map_err(fail)?;
    Ok(status.ok_or(CaseRefusal::UnknownReceipt))
}

/// Records the escalations due now; each (case, urgency, opening) once. Returns how many were new.
fn escalate(connection: &mut Connection, due: &[crate::escalation::Escalation]) -> Result<usize, StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let transaction = connection.transaction().map_err(fail)?;
    let mut new = 0;
    for escalation in due {
        new += transaction
            .execute(
                "INSERT OR IGNORE INTO escalations (receipt, urgency, opened, body, created, next_attempt)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                params![escalation.code, escalation.urgency.code(), escalation.opened, escalation.body(), now_minute()],
            )
            .map_err(fail)?;
    }
    transaction.commit().map_err(fail)?;
    Ok(new)
}

fn escalation_tried(connection: &Connection, outcome: &crate::escalation::Attempt) -> Result<(), StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    connection
        .execute(
            "UPDATE escalations SET attempts = attempts + 1, next_attempt = ?4, last_error = ?5,
                    delivered = CASE WHEN ?5 IS NULL THEN ?6 END
             WHERE receipt = ?1 AND urgency = ?2 AND opened = ?3",
            params![
                outcome.key.receipt,
                outcome.key.urgency,
                outcome.key.opened,
                outcome.next_attempt,
                outcome.error,
                now_minute()
            ],
        )
        .map_err(fail)?;
    Ok(())
}

/// Claims the escalations due at `now` (see `Storage::claim_escalations`), oldest first.
fn claim_escalations(
    connection: &Connection,
    now: i64,
    lease_until: i64,
    most: u32,
) -> Result<Vec<crate::escalation::Pending>, StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let mut statement = connection
        .prepare(
            "UPDATE escalations SET next_attempt = ?2
             WHERE rowid IN (SELECT rowid FROM escalations WHERE delivered IS NULL AND next_attempt <= ?1
                             ORDER BY created, rowid LIMIT ?3)
             RETURNING receipt, urgency, opened, body, attempts",
        )
        .map_err(fail)?;
    let rows = statement
        .query_map(params![now, lease_until, most], |row| {
            Ok(crate::escalation::Pending {
                key: crate::escalation::Key { receipt: row.get(0)?, urgency: row.get(1)?, opened: row.get(2)? },
                body: row.get(3)?,
                attempts: row.get(4)?,
            })
        })
        .map_err(fail)?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(fail)
}

/// The resident's answer to "was your problem solved?": confirmed, or reopened with its deadline
/// running again. Taken once per answer: only an answered case takes it.
fn confirm(
    connection: &mut Connection,
    receipt: &str,
    solved: bool,
) -> Result<Result<ReceiptStatus, ConfirmRefusal>, StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let transaction = connection.transaction().map_err(fail)?;
    let outcome = if solved { FollowUp::Confirmed } else { FollowUp::Reopened };
    let changed = transaction
        .execute(
            "UPDATE ratings SET status = ?2 WHERE receipt = ?1 AND status = 'answered'",
            params![receipt, outcome.code()],
        )
        .map_err(fail)?;
    if changed == 0 {
        let known = transaction
            .query_row("SELECT COUNT(*) FROM ratings WHERE receipt = ?1", [receipt], |row| row.get::<_, i64>(0))
            .map_err(fail)?
            > 0;
        return Ok(Err(if known { ConfirmRefusal::NotAnswered } else { ConfirmRefusal::UnknownReceipt }));
    }
    transaction
        .execute(
            "INSERT INTO case_events (receipt, kind, at) VALUES (?1, ?2, ?3)",
            params![receipt, outcome.code(), now_minute()],
        )
        .map_err(fail)?;
    let status = receipt_status(&transaction, receipt).map_err(fail)?;
    transaction.commit().map_err(fail)?;
    Ok(status.ok_or(ConfirmRefusal::UnknownReceipt))
}

fn run_writer(mut connection: Connection, jobs: mpsc::Receiver<Job>) {
    let mut next = jobs.recv().ok();
    while let Some(job) = next.take() {
        match job {
            Job::SetStatus { update, scope, reply } => {
                let _ = reply.send(set_status(&mut connection, &update, &scope));
            }
            Job::Transfer { transfer: moved, scope, reply } => {
                let _ = reply.send(transfer(&mut connection, &moved, &scope));
            }
            Job::Changes { month, lang, changes, reply } => {
                let written = serde_json::to_string(&changes).unwrap_or_else(|_| "[]".into());
                let _ = reply.send(
                    connection
                        .execute(
                            "INSERT INTO report_changes (month, lang, changes, updated) VALUES (?1, ?2, ?3, ?4)
                             ON CONFLICT (month, lang) DO UPDATE SET changes = excluded.changes, updated = excluded.updated",
                            params![month, lang, written, now_minute()],
                        )
                        .map(|_| ())
                        .map_err(|e| StorageError::Write(e.to_string())),
                );
            }
            Job::Escalate { due, reply } => {
                let _ = reply.send(escalate(&mut connection, &due));
            }
            Job::EscalationTried { outcome, reply } => {
                let _ = reply.send(escalation_tried(&connection, &outcome));
            }
            Job::ClaimEscalations { now, lease_until, most, reply } => {
                let _ = reply.send(claim_escalations(&connection, now, lease_until, most));
            }
            Job::Confirm { receipt, solved, reply } => {
                let _ = reply.send(confirm(&mut connection, &receipt, solved));
            }
            Job::Insert { ratings, reply } => {
                // Everything already waiting joins this commit, up to MAX_GROUP ratings.
                let mut waiting = ratings.len();
                let mut group = vec![(ratings, reply)];
                while waiting < MAX_GROUP {
                    match jobs.try_recv() {
                        Ok(Job::Insert { ratings, reply }) => {
                            waiting += ratings.len();
                            group.push((ratings, reply));
                        }
                        Ok(other) => {
                            next = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                commit_group(&mut connection, group);
            }
        }
        if next.is_none() {
            next = jobs.recv().ok();
        }
    }
}

impl SqliteStore {
    /// Hands a job to the writer thread and waits for its answer.
    async fn ask<T>(
        &self,
        job: impl FnOnce(oneshot::Sender<Result<T, StorageError>>) -> Job,
    ) -> Result<T, StorageError> {
        let (reply, answer) = oneshot::channel();
        self.writer.send(job(reply)).map_err(|_| StorageError::WriterStopped)?;
        answer.await.map_err(|_| StorageError::WriterStopped)?
    }

    /// Opens (creating if needed) the database file, migrates it and starts the writer.
    pub fn open(path: &Path) -> Result<SqliteStore, StorageError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| StorageError::Open(format!("{}: {e}", parent.display())))?;
        }
        let mut writer = open(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)?;
        migrate(&mut writer)?;
        let reader = open(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let (sender, receiver) = mpsc::channel();
        std::thread::Builder::new()
            .name("ratings-writer".into())
            .spawn(move || run_writer(writer, receiver))
            .map_err(|e| StorageError::Open(e.to_string()))?;
        Ok(SqliteStore { writer: sender, reader: Arc::new(Mutex::new(reader)), path: path.to_owned() })
    }

    async fn read<T: Send + 'static>(
        &self,
        query: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, StorageError> {
        let reader = self.reader.clone();
        tokio::task::spawn_blocking(move || {
            let connection = reader.lock().map_err(|_| StorageError::Read("reader poisoned".into()))?;
            query(&connection).map_err(|e| StorageError::Read(e.to_string()))
        })
        .await
        .map_err(|e| StorageError::Read(e.to_string()))?
    }
}

impl Storage for SqliteStore {
    /// Stores ratings durably; answers once they are committed. A rating whose id is already
    /// stored is not stored again: it comes back with its first receipt and `new: false`.
    async fn insert(&self, ratings: Vec<RatingV1>) -> Result<Vec<Stored>, StorageError> {
        self.ask(|reply| Job::Insert { ratings, reply }).await
    }

    /// Sets a case's follow-up status and public reply, where `scope` reaches it.
    async fn set_status(&self, update: StatusUpdate, scope: Scoped) -> CaseChange {
        self.ask(|reply| Job::SetStatus { update, scope, reply }).await
    }

    /// Moves a case to another department (see [`transfer`]).
    async fn transfer(&self, transfer: Transfer, scope: Scoped) -> CaseChange {
        self.ask(|reply| Job::Transfer { transfer, scope, reply }).await
    }

    /// Records escalations due now (see [`escalate`]); how many were new.
    async fn escalate(&self, due: Vec<crate::escalation::Escalation>) -> Result<usize, StorageError> {
        self.ask(|reply| Job::Escalate { due, reply }).await
    }

    /// Records one delivery attempt: delivered, or when to try again and why it failed.
    async fn escalation_tried(&self, outcome: crate::escalation::Attempt) -> Result<(), StorageError> {
        self.ask(|reply| Job::EscalationTried { outcome, reply }).await
    }

    async fn claim_escalations(
        &self,
        now: i64,
        lease_until: i64,
        most: u32,
    ) -> Result<Vec<crate::escalation::Pending>, StorageError> {
        self.ask(|reply| Job::ClaimEscalations { now, lease_until, most, reply }).await
    }

    async fn export(&self) -> Result<ExportRows, StorageError> {
        // Its own read-only connection on a blocking thread, so a long download holds up no
        // other read; it stops when the client goes away.
        let path = self.path.clone();
        let (rows, receiver) = tokio::sync::mpsc::channel(EXPORT_AHEAD);
        tokio::task::spawn_blocking(move || {
            let read = || -> Result<(), StorageError> {
                let fail = |e: rusqlite::Error| StorageError::Read(e.to_string());
                let connection = open(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
                let mut statement = connection
                    .prepare(
                        "SELECT id, service, scale, score, aspects, comment, lang, day, channel
                         FROM ratings ORDER BY day, rowid",
                    )
                    .map_err(fail)?;
                for rating in statement.query_map([], rating_from_row).map_err(fail)? {
                    if rows.blocking_send(rating.map_err(fail)).is_err() {
                        break;
                    }
                }
                Ok(())
            };
            if let Err(error) = read() {
                let _ = rows.blocking_send(Err(error));
            }
        });
        Ok(receiver)
    }

    /// One page of bad reviews (scores 1 and 2) for the staff inbox, most urgent first (see
    /// `inbox::PageKey`), each with its department and its urgency at `now` under `deadlines`,
    /// and the count of cases under each filter value. Only the page's rows are read in full.
    async fn inbox(
        &self,
        query: InboxQuery,
        deadlines: Deadlines,
        departments: Arc<crate::departments::Departments>,
        now: crate::deadlines::Minute,
    ) -> Result<InboxPage, StorageError> {
        let today = super::day_of(now)?;
        // A department's cases: transferred to it, or never transferred and of its services.
        let services = query
            .department
            .as_deref()
            .and_then(|id| departments.get(id))
            .map_or_else(|| "[]".to_owned(), |d| serde_json::to_string(&d.services).unwrap_or_default());
        let ranked = r"
            WITH cases AS (
                SELECT r.rowid AS row, r.id, r.service, r.scale, r.score, r.aspects, r.comment, r.lang, r.day,
                       r.channel, r.receipt, r.status, r.reply, r.department,
                       COALESCE((SELECT substr(max(at), 1, 10) FROM case_events e
                                 WHERE e.receipt = r.receipt AND e.kind = 'reopened'), r.day) AS since,
                       COALESCE((SELECT min(at) FROM case_events e
                                 WHERE e.receipt = r.receipt AND e.kind = 'received'), :now) AS received_at
                FROM ratings r
                WHERE r.score <= 2
                  AND (:department IS NULL OR r.department = :department
                       OR (r.department IS NULL AND r.service IN (SELECT value FROM json_each(:services))))
                  AND (:open_only = 0 OR r.status NOT IN ('answered', 'confirmed'))
            ), ranked AS (
                SELECT *,
                    CASE WHEN status IN ('answered', 'confirmed') THEN 4
                         WHEN since < :overdue_before THEN 0
                         WHEN status = 'received' AND received_at < :acknowledge_before THEN 1
                         WHEN since <= :due_soon_until THEN 2
                         ELSE 3 END AS rank,
                    CASE WHEN status IN ('answered', 'confirmed') THEN -CAST(julianday(day) - 2440587.5 AS INTEGER)
                         ELSE CAST(julianday(since) - 2440587.5 AS INTEGER) END AS age
                FROM cases
            )";
        let base = (
            query.department.clone(),
            services,
            i64::from(query.open_only),
            crate::deadlines::format_minute(now),
            deadlines.overdue_before(today).to_string(),
            crate::deadlines::format_minute(now - deadlines.acknowledge_hours * 60),
            deadlines.due_soon_until(today).to_string(),
        );
        let service = query.service.clone();
        let status = query.status.map(|s| s.code().to_owned());
        let rank = query.urgency.map(crate::inbox::rank);
        let after = query.after;
        let limit = query.limit;
        self.read(move |connection| {
            let (department, services, open_only, now_text, overdue_before, acknowledge_before, due_soon_until) = base;
            let common: [(&str, &dyn rusqlite::ToSql); 7] = [
                (":department", &department),
                (":services", &services),
                (":open_only", &open_only),
                (":now", &now_text),
                (":overdue_before", &overdue_before),
                (":acknowledge_before", &acknowledge_before),
                (":due_soon_until", &due_soon_until),
            ];
            let mut statement = connection
                .prepare(&format!("{ranked} SELECT service, status, rank, COUNT(*) FROM ranked GROUP BY service, status, rank"))?;
            let groups = statement
                .query_map(common.as_slice(), |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let counts = crate::inbox::counts(groups, &query);
            let sql = format!(
                "{ranked} SELECT id, service, scale, score, aspects, comment, lang, day, channel, receipt, status, reply,
                        since, received_at, department, rank, age, row
                 FROM ranked
                 WHERE (:service IS NULL OR service = :service) AND (:status IS NULL OR status = :status)
                   AND (:rank IS NULL OR rank = :rank)
                   AND (:after_rank IS NULL OR (rank, age, row) > (:after_rank, :after_age, :after_row))
                 ORDER BY rank, age, row LIMIT :limit"
            );
            let (after_rank, after_age, after_row) =
                (after.map(|k| k.rank), after.map(|k| k.age), after.map(|k| k.row));
            let one_more = i64::from(limit).saturating_add(1);
            let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = common.to_vec();
            params.extend([
                (":service", &service as &dyn rusqlite::ToSql),
                (":status", &status),
                (":rank", &rank),
                (":after_rank", &after_rank),
                (":after_age", &after_age),
                (":after_row", &after_row),
                (":limit", &one_more),
            ]);
            let mut statement = connection.prepare(&sql)?;
            let rows = statement.query_map(params.as_slice(), |row| {
                let receipt: String = row.get(9)?;
                Ok(InboxRow {
                    rating: rating_from_row(row)?,
                    timeline: timeline(connection, &receipt)?,
                    receipt,
                    status: row.get(10)?,
                    reply: row.get(11)?,
                    since: row.get(12)?,
                    transferred_to: row.get(14)?,
                    key: PageKey { now, rank: row.get(15)?, age: row.get(16)?, row: row.get(17)? },
                })
            })?;
            let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(crate::inbox::page(rows, limit, counts, &deadlines, today, &departments))
        })
        .await
    }

    /// Every bad review given from `from` to `to` (days, inclusive), as the figures need it:
    /// when it arrived, was first acted on and first answered, whether it was ever reopened and
    /// is confirmed, and the department it is with.
    async fn cases(
        &self,
        departments: Arc<crate::departments::Departments>,
        from: Option<String>,
        to: Option<String>,
    ) -> Result<Vec<crate::figures::Case>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare(
                "SELECT service, department, day, status,
                        (SELECT min(at) FROM case_events e WHERE e.receipt = r.receipt AND e.kind = 'received'),
                        (SELECT min(at) FROM case_events e WHERE e.receipt = r.receipt
                            AND e.kind IN ('acknowledged', 'in-progress', 'answered')),
                        (SELECT min(at) FROM case_events e WHERE e.receipt = r.receipt AND e.kind = 'answered'),
                        EXISTS (SELECT 1 FROM case_events e WHERE e.receipt = r.receipt AND e.kind = 'reopened')
                 FROM ratings r
                 WHERE score <= 2 AND (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2)
                 ORDER BY day, rowid",
            )?;
            let rows = statement.query_map(params![from, to], |row| {
                Ok(crate::figures::Case::read(
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    &row.get::<_, String>(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                    row.get(7)?,
                    &departments,
                ))
            })?;
            rows.collect()
        })
        .await
    }

    /// Replaces what staff wrote the city changed in `month` (`2026-11`), in one language.
    async fn set_changes(&self, month: String, lang: String, changes: Vec<String>) -> Result<(), StorageError> {
        self.ask(|reply| Job::Changes { month, lang, changes, reply }).await
    }

    /// What staff wrote the city changed in `month`, by language.
    async fn changes(&self, month: String) -> Result<Vec<(String, Vec<String>)>, StorageError> {
        self.read(move |connection| {
            let mut statement =
                connection.prepare("SELECT lang, changes FROM report_changes WHERE month = ?1 ORDER BY lang")?;
            let rows = statement.query_map([month], |row| {
                let changes: String = row.get(1)?;
                Ok((row.get::<_, String>(0)?, serde_json::from_str(&changes).unwrap_or_default()))
            })?;
            rows.collect()
        })
        .await
    }

    /// Whether the database answers a read now (the readiness check).
    async fn ready(&self) -> Result<(), StorageError> {
        self.read(|connection| connection.query_row("SELECT COUNT(*) FROM ratings WHERE 0", [], |_| Ok(()))).await
    }

    async fn receipt(&self, code: String) -> Result<Option<ReceiptStatus>, StorageError> {
        self.read(move |connection| receipt_status(connection, &code)).await
    }

    /// The resident's answer to "was your problem solved?" (see [`confirm`]).
    async fn confirm(
        &self,
        receipt: String,
        solved: bool,
    ) -> Result<Result<ReceiptStatus, ConfirmRefusal>, StorageError> {
        self.ask(|reply| Job::Confirm { receipt, solved, reply }).await
    }

    /// Counts per service, month, channel (`not-given` where the client did not say) and score,
    /// within the optional filters; the month and channel stand in the rows' `period` as
    /// `2026-11/web`.
    async fn channel_counts(
        &self,
        service: Option<String>,
        from: Option<String>,
        to: Option<String>,
    ) -> Result<Vec<ScoreCount>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare(
                "SELECT service, substr(day, 1, 7) || '/' || COALESCE(channel, 'not-given') AS cell, score, COUNT(*)
                 FROM ratings
                 WHERE (?1 IS NULL OR service = ?1) AND (?2 IS NULL OR day >= ?2) AND (?3 IS NULL OR day <= ?3)
                 GROUP BY service, cell, score ORDER BY service, cell, score",
            )?;
            let rows = statement.query_map(params![service, from, to], |row| {
                Ok(ScoreCount { service: row.get(0)?, period: row.get(1)?, score: row.get(2)?, count: row.get(3)? })
            })?;
            rows.collect()
        })
        .await
    }

    /// Counts per service, period (the first `period_chars` of the day: 7 for months, 10 for
    /// days) and score, within the optional filters.
    async fn score_counts(
        &self,
        service: Option<String>,
        from: Option<String>,
        to: Option<String>,
        period_chars: u8,
    ) -> Result<Vec<ScoreCount>, StorageError> {
        self.read(move |connection| {
            let mut statement = connection.prepare(
                "SELECT service, substr(day, 1, ?4) AS period, score, COUNT(*) FROM ratings
                 WHERE (?1 IS NULL OR service = ?1) AND (?2 IS NULL OR day >= ?2) AND (?3 IS NULL OR day <= ?3)
                 GROUP BY service, period, score ORDER BY service, period, score",
            )?;
            let rows = statement.query_map(params![service, from, to, period_chars], |row| {
                Ok(ScoreCount { service: row.get(0)?, period: row.get(1)?, score: row.get(2)?, count: row.get(3)? })
            })?;
            rows.collect()
        })
        .await
    }

    async fn purge_comments(&self, before: Day) -> Result<usize, StorageError> {
        // Through its own connection, so a purge beside a live collector waits for nothing.
        let path = self.path.clone();
        tokio::task::spawn_blocking(move || {
            let connection = open(&path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
            connection
                .execute(
                    "UPDATE ratings SET comment = NULL WHERE comment IS NOT NULL AND day < ?1",
                    [before.to_string()],
                )
                .map_err(|e| StorageError::Write(e.to_string()))
        })
        .await
        .map_err(|e| StorageError::Write(e.to_string()))?
    }
}
