//! Ratings in PostgreSQL, shared by any number of collectors behind a load balancer.
//!
//! Durable: every session runs with `synchronous_commit = on` whatever the role or database
//! says, and a server with `fsync = off` is refused at start, so a 2xx survives a crash of the
//! collector, of PostgreSQL or of the power. A COMMIT whose outcome is unknown (the connection
//! broke) is a 503, never a 201; the widget retries with the same id and the database keeps one.
//!
//! Fast: like the SQLite writer, concurrent ratings share commits. A few writer tasks take
//! whatever is waiting and store it with one `INSERT … SELECT FROM unnest(…) ON CONFLICT (id)
//! DO NOTHING`, ids sorted so two overlapping groups (two collectors) lock rows in the same
//! order; a deadlock or a receipt-code collision is retried with fresh codes.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use civic_pulse_core::{Day, RatingV1};
use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, RecyclingMethod, Runtime, Timeouts};
use tokio::sync::{Mutex, mpsc, oneshot};
use tokio_postgres::config::SslMode;
use tokio_postgres::error::SqlState;
use tokio_postgres::{NoTls, Row};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::{
    CaseChange, CaseEvent, CaseRefusal, ConfirmRefusal, EXPORT_AHEAD, ExportRows, FollowUp, MAX_GROUP, ReceiptStatus,
    Scoped, ScoreCount, StatusUpdate, Storage, StorageError, Stored, Transfer, aspects_text, new_receipt, now_minute,
};
use crate::deadlines::Deadlines;
use crate::inbox::{InboxPage, InboxQuery, InboxRow, PageKey};

/// Writer tasks per collector: one commits while the next gathers its group.
const WRITERS: usize = 4;

/// Connections per collector; PostgreSQL's default `max_connections` (100) fits several.
const POOL_SIZE: usize = 16;

/// How long a request waits for a connection, a new connection or a check of an old one
/// (deadpool waits for ever by default, which would hang requests while the database is down).
const POOL_WAIT: Duration = Duration::from_secs(5);

/// Times a group is tried when PostgreSQL asks for a retry (deadlock, serialization) or a
/// freshly drawn receipt code was already taken.
const TRIES: usize = 5;

/// Any two collectors starting at once take this lock before they migrate ("civicpul").
const MIGRATION_LOCK: i64 = 0x6369_7669_6370_756c;

/// Schema versions, applied in order in one transaction under [`MIGRATION_LOCK`] and recorded in
/// `civic_pulse_schema`. The first is the SQLite schema as it stands at its fifth version.
const MIGRATIONS: &[&str] = &[r"
    CREATE TABLE ratings (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        id TEXT PRIMARY KEY,
        receipt TEXT NOT NULL UNIQUE,
        service TEXT NOT NULL,
        scale TEXT NOT NULL,
        score SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 5),
        aspects TEXT,
        comment TEXT,
        lang TEXT NOT NULL,
        day TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'received'
            CHECK (status IN ('received', 'acknowledged', 'in-progress', 'answered', 'confirmed', 'reopened')),
        reply TEXT,
        channel TEXT CHECK (channel IN ('web', 'assisted', 'kiosk', 'hotline', 'import')),
        department TEXT
    );
    CREATE INDEX ratings_by_service_day ON ratings (service, day);
    CREATE INDEX ratings_by_day ON ratings (day, seq);
    CREATE INDEX bad_reviews ON ratings (seq) WHERE score <= 2;
    CREATE TABLE case_events (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        receipt TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN
            ('received', 'acknowledged', 'transferred', 'in-progress', 'answered', 'confirmed', 'reopened')),
        at TEXT NOT NULL,
        department TEXT,
        reason TEXT
    );
    CREATE INDEX case_events_by_receipt ON case_events (receipt, at, seq);
    CREATE TABLE escalations (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        receipt TEXT NOT NULL,
        urgency TEXT NOT NULL CHECK (urgency IN ('due-soon', 'unacknowledged', 'overdue')),
        opened TEXT NOT NULL,
        body TEXT NOT NULL,
        created TEXT NOT NULL,
        attempts BIGINT NOT NULL DEFAULT 0,
        next_attempt BIGINT NOT NULL,
        delivered TEXT,
        last_error TEXT,
        PRIMARY KEY (receipt, urgency, opened)
    );
    CREATE TABLE report_changes (
        month TEXT NOT NULL,
        lang TEXT NOT NULL,
        changes TEXT NOT NULL,
        updated TEXT NOT NULL,
        PRIMARY KEY (month, lang)
    );
"];

type InsertJob = (Vec<RatingV1>, oneshot::Sender<Result<Vec<Stored>, StorageError>>);

/// The PostgreSQL engine: a pool of connections and the queue its writer tasks share.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
    inserts: mpsc::UnboundedSender<InsertJob>,
}

/// What went wrong, with PostgreSQL's own code and words where it gave them (for the log).
fn why(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{} ({}): {}", error, db.code().code(), db.message()),
        None => match std::error::Error::source(error) {
            Some(cause) => format!("{error}: {cause}"),
            None => error.to_string(),
        },
    }
}

/// A pool's failure with its cause, and what to do when the cause is an untrusted certificate.
fn pool_error(error: &deadpool_postgres::PoolError) -> String {
    let said = match error {
        deadpool_postgres::PoolError::Backend(cause) => why(cause),
        other => other.to_string(),
    };
    if said.contains("certificate") {
        format!("{said} (name the PEM file of the CA that signed the server's certificate in CIVIC_PULSE_DATABASE_CA)")
    } else {
        said
    }
}

fn read_error(error: tokio_postgres::Error) -> StorageError {
    StorageError::Read(why(&error))
}

fn write_error(error: tokio_postgres::Error) -> StorageError {
    StorageError::Write(why(&error))
}

impl PostgresStore {
    /// Connects, refuses a server that cannot keep a promise of durability, migrates and starts
    /// the writers. The pool reconnects by itself whenever the database comes back.
    pub async fn open(address: &str, ca: Option<&Path>) -> Result<PostgresStore, StorageError> {
        let mut config: tokio_postgres::Config =
            address.parse().map_err(|e: tokio_postgres::Error| StorageError::Open(why(&e)))?;
        config
            .options("-c synchronous_commit=on")
            .application_name("civic-pulse-collector")
            .connect_timeout(POOL_WAIT)
            .keepalives_idle(Duration::from_secs(30));
        let manage = ManagerConfig { recycling_method: RecyclingMethod::Fast };
        let manager = if config.get_ssl_mode() == SslMode::Require {
            Manager::from_config(config, MakeRustlsConnect::new(tls_config(ca)?), manage)
        } else {
            // Without sslmode=require the collector does not try TLS at all: a server's
            // self-signed default certificate would otherwise fail verification and stop it.
            config.ssl_mode(SslMode::Disable);
            Manager::from_config(config, NoTls, manage)
        };
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(Runtime::Tokio1)
            .timeouts(Timeouts { wait: Some(POOL_WAIT), create: Some(POOL_WAIT), recycle: Some(POOL_WAIT) })
            .build()
            .map_err(|e| StorageError::Open(e.to_string()))?;
        let mut client = pool.get().await.map_err(|e| StorageError::Open(pool_error(&e)))?;
        let fsync: String = client.query_one("SHOW fsync", &[]).await.map_err(|e| StorageError::Open(why(&e)))?.get(0);
        if fsync != "on" {
            return Err(StorageError::Open(
                "the PostgreSQL server runs with fsync = off, so a committed rating could be lost in a crash; \
                 turn fsync on"
                    .into(),
            ));
        }
        migrate(&mut client).await?;
        drop(client);
        let (inserts, queue) = mpsc::unbounded_channel();
        let queue = Arc::new(Mutex::new(queue));
        for _ in 0..WRITERS {
            tokio::spawn(run_writer(pool.clone(), queue.clone()));
        }
        Ok(PostgresStore { pool, inserts })
    }

    async fn client(&self) -> Result<deadpool_postgres::Client, StorageError> {
        self.pool.get().await.map_err(|e| StorageError::Read(format!("no database connection: {}", pool_error(&e))))
    }
}

/// TLS that verifies the server's certificate and name against the public roots and, if the
/// city names one, its own CA (a PEM file).
fn tls_config(ca: Option<&Path>) -> Result<rustls::ClientConfig, StorageError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    if let Some(path) = ca {
        let unreadable = |e: &dyn std::fmt::Display| {
            StorageError::Open(format!(
                "CIVIC_PULSE_DATABASE_CA ({}) is not a PEM certificate file: {e}",
                path.display()
            ))
        };
        let certificates =
            CertificateDer::pem_file_iter(path).map_err(|e| unreadable(&e))?.collect::<Result<Vec<_>, _>>();
        let certificates = certificates.map_err(|e| unreadable(&e))?;
        if certificates.is_empty() {
            return Err(unreadable(&"no certificate in it"));
        }
        for certificate in certificates {
            roots.add(certificate).map_err(|e| unreadable(&e))?;
        }
    }
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map(|builder| builder.with_root_certificates(roots).with_no_client_auth())
        .map_err(|e| StorageError::Open(format!("TLS: {e}")))
}

async fn migrate(client: &mut deadpool_postgres::Client) -> Result<(), StorageError> {
    let fail = |e: tokio_postgres::Error| StorageError::Open(format!("migration failed: {}", why(&e)));
    let transaction = client.transaction().await.map_err(fail)?;
    transaction.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await.map_err(fail)?;
    transaction
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS civic_pulse_schema (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)",
        )
        .await
        .map_err(fail)?;
    let version: Option<i32> =
        transaction.query_one("SELECT max(version) FROM civic_pulse_schema", &[]).await.map_err(fail)?.get(0);
    let done = usize::try_from(version.unwrap_or(0)).unwrap_or(usize::MAX);
    for (number, sql) in (1i32..).zip(MIGRATIONS).skip(done) {
        transaction.batch_execute(sql).await.map_err(fail)?;
        transaction
            .execute("INSERT INTO civic_pulse_schema (version, applied) VALUES ($1, $2)", &[&number, &now_minute()])
            .await
            .map_err(fail)?;
    }
    transaction.commit().await.map_err(fail)
}

/// Takes whatever is waiting (up to [`MAX_GROUP`] ratings) and commits it as one group.
async fn run_writer(pool: Pool, queue: Arc<Mutex<mpsc::UnboundedReceiver<InsertJob>>>) {
    loop {
        let group = {
            let mut queue = queue.lock().await;
            let Some(first) = queue.recv().await else { return };
            let mut waiting = first.0.len();
            let mut group = vec![first];
            while waiting < MAX_GROUP {
                match queue.try_recv() {
                    Ok(job) => {
                        waiting += job.0.len();
                        group.push(job);
                    }
                    Err(_) => break,
                }
            }
            group
        };
        let ratings: Vec<&RatingV1> = group.iter().flat_map(|(ratings, _)| ratings).collect();
        match commit_group(&pool, &ratings).await {
            Ok(receipts) => {
                let mut first_seen = std::collections::HashSet::new();
                for (ratings, reply) in group {
                    let stored = ratings
                        .iter()
                        .map(|rating| {
                            let (receipt, new) = &receipts[&rating.id];
                            // Of the same id twice in one group, only the first is new.
                            let new = *new && first_seen.insert(rating.id.clone());
                            Stored { id: rating.id.clone(), receipt: receipt.clone(), new }
                        })
                        .collect();
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
}

/// Whether PostgreSQL says the same work may simply be tried again.
fn worth_retrying(error: &tokio_postgres::Error) -> bool {
    error.code().is_some_and(|code| {
        *code == SqlState::T_R_DEADLOCK_DETECTED
            || *code == SqlState::T_R_SERIALIZATION_FAILURE
            // The id conflict is handled in the statement, so this is a receipt code taken meanwhile.
            || *code == SqlState::UNIQUE_VIOLATION
    })
}

/// Stores a group in one transaction; each id's receipt and whether this group stored it.
async fn commit_group(pool: &Pool, ratings: &[&RatingV1]) -> Result<HashMap<String, (String, bool)>, StorageError> {
    // One lock order for every group on every collector: no two groups wait on each other. The
    // sort is stable, so of an id sent twice the first is kept.
    let mut unique: Vec<&RatingV1> = ratings.to_vec();
    unique.sort_by(|a, b| a.id.cmp(&b.id));
    unique.dedup_by(|a, b| a.id == b.id);
    let mut last = None;
    for _ in 0..TRIES {
        match try_group(pool, &unique).await {
            Ok(receipts) => return Ok(receipts),
            Err(Attempt::Retry(error)) => last = Some(error),
            Err(Attempt::Failed(error)) => return Err(error),
        }
    }
    Err(StorageError::Write(format!("gave up after {TRIES} tries: {}", last.unwrap_or_default())))
}

enum Attempt {
    Retry(String),
    Failed(StorageError),
}

impl From<tokio_postgres::Error> for Attempt {
    fn from(error: tokio_postgres::Error) -> Attempt {
        if worth_retrying(&error) { Attempt::Retry(why(&error)) } else { Attempt::Failed(write_error(error)) }
    }
}

async fn try_group(pool: &Pool, ratings: &[&RatingV1]) -> Result<HashMap<String, (String, bool)>, Attempt> {
    let mut client =
        pool.get().await.map_err(|e| Attempt::Failed(StorageError::Write(format!("no database connection: {e}"))))?;
    let ids: Vec<&str> = ratings.iter().map(|r| r.id.as_str()).collect();
    let receipts = ratings.iter().map(|_| new_receipt()).collect::<Result<Vec<_>, _>>().map_err(Attempt::Failed)?;
    let services: Vec<&str> = ratings.iter().map(|r| r.service.as_str()).collect();
    let scales: Vec<&str> = ratings.iter().map(|r| r.scale.as_str()).collect();
    let scores: Vec<i16> = ratings.iter().map(|r| i16::from(r.score)).collect();
    let aspects: Vec<Option<String>> = ratings.iter().map(|r| aspects_text(r)).collect();
    let comments: Vec<Option<&str>> = ratings.iter().map(|r| r.comment.as_deref()).collect();
    let langs: Vec<&str> = ratings.iter().map(|r| r.lang.as_str()).collect();
    let days: Vec<&str> = ratings.iter().map(|r| r.day.as_str()).collect();
    let channels: Vec<Option<&str>> = ratings.iter().map(|r| r.channel.as_deref()).collect();
    let transaction = client.transaction().await?;
    let inserted = transaction
        .query(
            "WITH inserted AS (
                INSERT INTO ratings (id, receipt, service, scale, score, aspects, comment, lang, day, channel)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int2[], $6::text[],
                                     $7::text[], $8::text[], $9::text[], $10::text[])
                ON CONFLICT (id) DO NOTHING
                RETURNING id, receipt
            ), received AS (
                INSERT INTO case_events (receipt, kind, at) SELECT receipt, 'received', $11 FROM inserted
            )
            SELECT id, receipt FROM inserted",
            &[
                &ids,
                &receipts,
                &services,
                &scales,
                &scores,
                &aspects,
                &comments,
                &langs,
                &days,
                &channels,
                &now_minute(),
            ],
        )
        .await?;
    let mut stored: HashMap<String, (String, bool)> =
        inserted.iter().map(|row| (row.get::<_, String>(0), (row.get::<_, String>(1), true))).collect();
    if stored.len() < ratings.len() {
        // Ids stored before, perhaps by another collector a moment ago: a new statement sees
        // what was committed since this transaction's first one.
        let already: Vec<&str> = ids.iter().copied().filter(|id| !stored.contains_key(*id)).collect();
        for row in transaction.query("SELECT id, receipt FROM ratings WHERE id = ANY($1)", &[&already]).await? {
            stored.insert(row.get(0), (row.get(1), false));
        }
    }
    transaction.commit().await?;
    Ok(stored)
}

async fn timeline(
    client: &impl GenericClient,
    receipts: &[&str],
) -> Result<HashMap<String, Vec<CaseEvent>>, tokio_postgres::Error> {
    let rows = client
        .query(
            "SELECT receipt, kind, at, department, reason FROM case_events WHERE receipt = ANY($1) ORDER BY at, seq",
            &[&receipts],
        )
        .await?;
    let mut steps: HashMap<String, Vec<CaseEvent>> = HashMap::new();
    for row in rows {
        steps.entry(row.get(0)).or_default().push(CaseEvent {
            kind: row.get(1),
            at: row.get(2),
            department: row.get(3),
            reason: row.get(4),
        });
    }
    Ok(steps)
}

async fn receipt_status(
    client: &impl GenericClient,
    receipt: &str,
) -> Result<Option<ReceiptStatus>, tokio_postgres::Error> {
    let Some(row) =
        client.query_opt("SELECT receipt, status, reply FROM ratings WHERE receipt = $1", &[&receipt]).await?
    else {
        return Ok(None);
    };
    let receipt: String = row.get(0);
    let steps = timeline(client, &[receipt.as_str()]).await?.remove(&receipt).unwrap_or_default();
    Ok(Some(ReceiptStatus::from_case(receipt, row.get(1), row.get(2), steps)))
}

/// The case's row locked for this transaction, and whether `scoped` may change it.
async fn lock_case(
    transaction: &deadpool_postgres::Transaction<'_>,
    scoped: &Scoped,
    receipt: &str,
) -> Result<Result<Option<String>, CaseRefusal>, tokio_postgres::Error> {
    let row = transaction
        .query_opt("SELECT service, department FROM ratings WHERE receipt = $1 FOR UPDATE", &[&receipt])
        .await?;
    Ok(match row {
        None => Err(CaseRefusal::UnknownReceipt),
        Some(row) => scoped.check(&row.get::<_, String>(0), row.get(1)),
    })
}

fn rating_from_row(row: &Row) -> RatingV1 {
    let aspects: Option<String> = row.get(4);
    RatingV1 {
        schema: civic_pulse_core::payload::SCHEMA_V1.to_owned(),
        id: row.get(0),
        service: row.get(1),
        scale: row.get(2),
        score: u8::try_from(row.get::<_, i16>(3)).unwrap_or_default(),
        aspects: aspects.and_then(|a| serde_json::from_str(&a).ok()).unwrap_or_default(),
        comment: row.get(5),
        lang: row.get(6),
        day: row.get(7),
        channel: row.get(8),
    }
}

fn score_count(row: &Row) -> ScoreCount {
    ScoreCount {
        service: row.get(0),
        period: row.get(1),
        score: u8::try_from(row.get::<_, i16>(2)).unwrap_or_default(),
        count: u32::try_from(row.get::<_, i64>(3)).unwrap_or(u32::MAX),
    }
}

/// The inbox's cases, each with the day its deadline counts from, its rank of urgency and its
/// age in the order (see `inbox::PageKey`); the same rule as the SQLite engine's.
const RANKED: &str = r"
    WITH cases AS (
        SELECT r.seq AS row, r.id, r.service, r.scale, r.score, r.aspects, r.comment, r.lang, r.day,
               r.channel, r.receipt, r.status, r.reply, r.department,
               COALESCE((SELECT substr(max(at), 1, 10) FROM case_events e
                         WHERE e.receipt = r.receipt AND e.kind = 'reopened'), r.day) AS since,
               COALESCE((SELECT min(at) FROM case_events e
                         WHERE e.receipt = r.receipt AND e.kind = 'received'), $4) AS received_at
        FROM ratings r
        WHERE r.score <= 2
          AND ($1::text IS NULL OR r.department = $1
               OR (r.department IS NULL AND r.service = ANY($2::text[])))
          AND (NOT $3::bool OR r.status NOT IN ('answered', 'confirmed'))
    ), ranked AS (
        SELECT *,
            (CASE WHEN status IN ('answered', 'confirmed') THEN 4
                 WHEN since < $5 THEN 0
                 WHEN status = 'received' AND received_at < $6 THEN 1
                 WHEN since <= $7 THEN 2
                 ELSE 3 END)::bigint AS rank,
            (CASE WHEN status IN ('answered', 'confirmed') THEN -(day::date - DATE '1970-01-01')
                 ELSE since::date - DATE '1970-01-01' END)::bigint AS age
        FROM cases
    )";

impl Storage for PostgresStore {
    async fn insert(&self, ratings: Vec<RatingV1>) -> Result<Vec<Stored>, StorageError> {
        let (reply, answer) = oneshot::channel();
        self.inserts.send((ratings, reply)).map_err(|_| StorageError::WriterStopped)?;
        answer.await.map_err(|_| StorageError::WriterStopped)?
    }

    async fn set_status(&self, update: StatusUpdate, scope: Scoped) -> CaseChange {
        let mut client = self.client().await?;
        let transaction = client.transaction().await.map_err(write_error)?;
        if let Err(refusal) = lock_case(&transaction, &scope, &update.receipt).await.map_err(write_error)? {
            return Ok(Err(refusal));
        }
        transaction
            .execute(
                "UPDATE ratings SET status = $2, reply = $3 WHERE receipt = $1",
                &[&update.receipt, &update.status.code(), &update.reply],
            )
            .await
            .map_err(write_error)?;
        transaction
            .execute(
                "INSERT INTO case_events (receipt, kind, at) VALUES ($1, $2, $3)",
                &[&update.receipt, &update.status.code(), &now_minute()],
            )
            .await
            .map_err(write_error)?;
        let status = receipt_status(&transaction, &update.receipt).await.map_err(write_error)?;
        transaction.commit().await.map_err(write_error)?;
        Ok(status.ok_or(CaseRefusal::UnknownReceipt))
    }

    async fn transfer(&self, transfer: Transfer, scope: Scoped) -> CaseChange {
        let mut client = self.client().await?;
        let transaction = client.transaction().await.map_err(write_error)?;
        let current = match lock_case(&transaction, &scope, &transfer.receipt).await.map_err(write_error)? {
            Ok(current) => current,
            Err(refusal) => return Ok(Err(refusal)),
        };
        if let Err(refusal) = scope.check_transfer(&transfer, current.as_deref()) {
            return Ok(Err(refusal));
        }
        transaction
            .execute(
                "UPDATE ratings SET department = $2 WHERE receipt = $1",
                &[&transfer.receipt, &transfer.department],
            )
            .await
            .map_err(write_error)?;
        transaction
            .execute(
                "INSERT INTO case_events (receipt, kind, at, department, reason) VALUES ($1, 'transferred', $2, $3, $4)",
                &[&transfer.receipt, &now_minute(), &transfer.department, &transfer.reason],
            )
            .await
            .map_err(write_error)?;
        let status = receipt_status(&transaction, &transfer.receipt).await.map_err(write_error)?;
        transaction.commit().await.map_err(write_error)?;
        Ok(status.ok_or(CaseRefusal::UnknownReceipt))
    }

    async fn confirm(
        &self,
        receipt: String,
        solved: bool,
    ) -> Result<Result<ReceiptStatus, ConfirmRefusal>, StorageError> {
        let outcome = if solved { FollowUp::Confirmed } else { FollowUp::Reopened };
        let mut client = self.client().await?;
        let transaction = client.transaction().await.map_err(write_error)?;
        let changed = transaction
            .execute(
                "UPDATE ratings SET status = $2 WHERE receipt = $1 AND status = 'answered'",
                &[&receipt, &outcome.code()],
            )
            .await
            .map_err(write_error)?;
        if changed == 0 {
            let known = transaction
                .query_opt("SELECT 1 FROM ratings WHERE receipt = $1", &[&receipt])
                .await
                .map_err(write_error)?
                .is_some();
            return Ok(Err(if known { ConfirmRefusal::NotAnswered } else { ConfirmRefusal::UnknownReceipt }));
        }
        transaction
            .execute(
                "INSERT INTO case_events (receipt, kind, at) VALUES ($1, $2, $3)",
                &[&receipt, &outcome.code(), &now_minute()],
            )
            .await
            .map_err(write_error)?;
        let status = receipt_status(&transaction, &receipt).await.map_err(write_error)?;
        transaction.commit().await.map_err(write_error)?;
        Ok(status.ok_or(ConfirmRefusal::UnknownReceipt))
    }

    async fn receipt(&self, code: String) -> Result<Option<ReceiptStatus>, StorageError> {
        let client = self.client().await?;
        receipt_status(&client, &code).await.map_err(read_error)
    }

    async fn escalate(&self, due: Vec<crate::escalation::Escalation>) -> Result<usize, StorageError> {
        let mut client = self.client().await?;
        let transaction = client.transaction().await.map_err(write_error)?;
        let mut new = 0;
        for escalation in &due {
            new += transaction
                .execute(
                    "INSERT INTO escalations (receipt, urgency, opened, body, created, next_attempt)
                     VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT DO NOTHING",
                    &[
                        &escalation.code,
                        &escalation.urgency.code(),
                        &escalation.opened,
                        &escalation.body(),
                        &now_minute(),
                    ],
                )
                .await
                .map_err(write_error)?;
        }
        transaction.commit().await.map_err(write_error)?;
        Ok(usize::try_from(new).unwrap_or(usize::MAX))
    }

    async fn escalation_tried(&self, outcome: crate::escalation::Attempt) -> Result<(), StorageError> {
        let client = self.client().await?;
        client
            .execute(
                "UPDATE escalations SET attempts = attempts + 1, next_attempt = $4, last_error = $5,
                        delivered = CASE WHEN $5::text IS NULL THEN $6 END
                 WHERE receipt = $1 AND urgency = $2 AND opened = $3",
                &[
                    &outcome.key.receipt,
                    &outcome.key.urgency,
                    &outcome.key.opened,
                    &outcome.next_attempt,
                    &outcome.error,
                    &now_minute(),
                ],
            )
            .await
            .map_err(write_error)?;
        Ok(())
    }

    async fn claim_escalations(
        &self,
        now: i64,
        lease_until: i64,
        most: u32,
    ) -> Result<Vec<crate::escalation::Pending>, StorageError> {
        let client = self.client().await?;
        // SKIP LOCKED: two collectors claiming at the same moment take different escalations,
        // so each is posted once unless a collector stops mid-delivery.
        let rows = client
            .query(
                "UPDATE escalations SET next_attempt = $2
                 WHERE seq IN (SELECT seq FROM escalations WHERE delivered IS NULL AND next_attempt <= $1
                               ORDER BY created, seq LIMIT $3 FOR UPDATE SKIP LOCKED)
                 RETURNING receipt, urgency, opened, body, attempts",
                &[&now, &lease_until, &i64::from(most)],
            )
            .await
            .map_err(write_error)?;
        Ok(rows
            .iter()
            .map(|row| crate::escalation::Pending {
                key: crate::escalation::Key { receipt: row.get(0), urgency: row.get(1), opened: row.get(2) },
                body: row.get(3),
                attempts: row.get(4),
            })
            .collect())
    }

    async fn export(&self) -> Result<ExportRows, StorageError> {
        let client = self.client().await?;
        let (rows, receiver) = mpsc::channel(EXPORT_AHEAD);
        // One connection streams the rows while the client downloads them; it stops when the
        // client goes away.
        tokio::spawn(async move {
            let stream = client
                .query_raw(
                    "SELECT id, service, scale, score, aspects, comment, lang, day, channel
                     FROM ratings ORDER BY day, seq",
                    std::iter::empty::<&str>(),
                )
                .await;
            let mut stream = match stream {
                Ok(stream) => std::pin::pin!(stream),
                Err(error) => {
                    let _ = rows.send(Err(read_error(error))).await;
                    return;
                }
            };
            while let Some(row) = futures_util::StreamExt::next(&mut stream).await {
                if rows.send(row.map(|row| rating_from_row(&row)).map_err(read_error)).await.is_err() {
                    return;
                }
            }
        });
        Ok(receiver)
    }

    async fn inbox(
        &self,
        query: InboxQuery,
        deadlines: Deadlines,
        departments: Arc<crate::departments::Departments>,
        now: crate::deadlines::Minute,
    ) -> Result<InboxPage, StorageError> {
        let today = super::day_of(now)?;
        let services: Vec<String> = query
            .department
            .as_deref()
            .and_then(|id| departments.get(id))
            .map(|d| d.services.clone())
            .unwrap_or_default();
        let now_text = crate::deadlines::format_minute(now);
        let overdue_before = deadlines.overdue_before(today).to_string();
        let acknowledge_before = crate::deadlines::format_minute(now - deadlines.acknowledge_hours * 60);
        let due_soon_until = deadlines.due_soon_until(today).to_string();
        // The parameters of RANKED, $1 to $7.
        let ranked_params: [&(dyn tokio_postgres::types::ToSql + Sync); 7] = [
            &query.department,
            &services,
            &query.open_only,
            &now_text,
            &overdue_before,
            &acknowledge_before,
            &due_soon_until,
        ];
        let client = self.client().await?;
        let groups = client
            .query(
                &format!("{RANKED} SELECT service, status, rank, COUNT(*) FROM ranked GROUP BY service, status, rank"),
                &ranked_params,
            )
            .await
            .map_err(read_error)?;
        let counts = crate::inbox::counts(
            groups.iter().map(|row| {
                (row.get(0), row.get(1), row.get(2), u32::try_from(row.get::<_, i64>(3)).unwrap_or(u32::MAX))
            }),
            &query,
        );
        let (status_filter, rank_filter) = (query.status.map(|s| s.code()), query.urgency.map(crate::inbox::rank));
        let (after_rank, after_age, after_row) =
            (query.after.map(|k| k.rank), query.after.map(|k| k.age), query.after.map(|k| k.row));
        let one_more = i64::from(query.limit).saturating_add(1);
        let rows = client
            .query(
                &format!(
                    "{RANKED} SELECT id, service, scale, score, aspects, comment, lang, day, channel, receipt, status,
                            reply, since, received_at, department, rank, age, row
                     FROM ranked
                     WHERE ($8::text IS NULL OR service = $8) AND ($9::text IS NULL OR status = $9)
                       AND ($10::bigint IS NULL OR rank = $10)
                       AND ($11::bigint IS NULL OR (rank, age, row) > ($11, $12::bigint, $13::bigint))
                     ORDER BY rank, age, row LIMIT $14"
                ),
                &[
                    ranked_params.as_slice(),
                    &[&query.service, &status_filter, &rank_filter, &after_rank, &after_age, &after_row, &one_more],
                ]
                .concat(),
            )
            .await
            .map_err(read_error)?;
        let receipts: Vec<&str> = rows.iter().map(|row| row.get::<_, &str>(9)).collect();
        let mut steps = timeline(&client, &receipts).await.map_err(read_error)?;
        let rows = rows
            .iter()
            .map(|row| {
                let receipt: String = row.get(9);
                InboxRow {
                    rating: rating_from_row(row),
                    timeline: steps.remove(&receipt).unwrap_or_default(),
                    receipt,
                    status: row.get(10),
                    reply: row.get(11),
                    since: row.get(12),
                    transferred_to: row.get(14),
                    key: PageKey { now, rank: row.get(15), age: row.get(16), row: row.get(17) },
                }
            })
            .collect();
        Ok(crate::inbox::page(rows, query.limit, counts, &deadlines, today, &departments))
    }

    async fn cases(
        &self,
        departments: Arc<crate::departments::Departments>,
        from: Option<String>,
        to: Option<String>,
    ) -> Result<Vec<crate::figures::Case>, StorageError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT service, department, day, status,
                        (SELECT min(at) FROM case_events e WHERE e.receipt = r.receipt AND e.kind = 'received'),
                        (SELECT min(at) FROM case_events e WHERE e.receipt = r.receipt
                            AND e.kind IN ('acknowledged', 'in-progress', 'answered')),
                        (SELECT min(at) FROM case_events e WHERE e.receipt = r.receipt AND e.kind = 'answered'),
                        EXISTS (SELECT 1 FROM case_events e WHERE e.receipt = r.receipt AND e.kind = 'reopened')
                 FROM ratings r
                 WHERE score <= 2 AND ($1::text IS NULL OR day >= $1) AND ($2::text IS NULL OR day <= $2)
                 ORDER BY day, seq",
                &[&from, &to],
            )
            .await
            .map_err(read_error)?;
        Ok(rows
            .iter()
            .map(|row| {
                crate::figures::Case::read(
                    row.get(0),
                    row.get(1),
                    row.get(2),
                    row.get(3),
                    row.get(4),
                    row.get(5),
                    row.get(6),
                    row.get(7),
                    &departments,
                )
            })
            .collect())
    }

    async fn set_changes(&self, month: String, lang: String, changes: Vec<String>) -> Result<(), StorageError> {
        let written = serde_json::to_string(&changes).unwrap_or_else(|_| "[]".into());
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO report_changes (month, lang, changes, updated) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (month, lang) DO UPDATE SET changes = excluded.changes, updated = excluded.updated",
                &[&month, &lang, &written, &now_minute()],
            )
            .await
            .map_err(write_error)?;
        Ok(())
    }

    async fn changes(&self, month: String) -> Result<Vec<(String, Vec<String>)>, StorageError> {
        let client = self.client().await?;
        let rows = client
            .query("SELECT lang, changes FROM report_changes WHERE month = $1 ORDER BY lang", &[&month])
            .await
            .map_err(read_error)?;
        Ok(rows
            .iter()
            .map(|row| (row.get(0), serde_json::from_str(row.get::<_, &str>(1)).unwrap_or_default()))
            .collect())
    }

    async fn ready(&self) -> Result<(), StorageError> {
        let client = self.client().await?;
        client.query_one("SELECT 1", &[]).await.map(|_| ()).map_err(read_error)
    }

    async fn channel_counts(
        &self,
        service: Option<String>,
        from: Option<String>,
        to: Option<String>,
    ) -> Result<Vec<ScoreCount>, StorageError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT service, substr(day, 1, 7) || '/' || COALESCE(channel, 'not-given') AS cell, score, COUNT(*)
                 FROM ratings
                 WHERE ($1::text IS NULL OR service = $1) AND ($2::text IS NULL OR day >= $2)
                   AND ($3::text IS NULL OR day <= $3)
                 GROUP BY service, cell, score ORDER BY service, cell, score",
                &[&service, &from, &to],
            )
            .await
            .map_err(read_error)?;
        Ok(rows.iter().map(score_count).collect())
    }

    async fn score_counts(
        &self,
        service: Option<String>,
        from: Option<String>,
        to: Option<String>,
        period_chars: u8,
    ) -> Result<Vec<ScoreCount>, StorageError> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT service, substr(day, 1, $4) AS period, score, COUNT(*) FROM ratings
                 WHERE ($1::text IS NULL OR service = $1) AND ($2::text IS NULL OR day >= $2)
                   AND ($3::text IS NULL OR day <= $3)
                 GROUP BY service, period, score ORDER BY service, period, score",
                &[&service, &from, &to, &i32::from(period_chars)],
            )
            .await
            .map_err(read_error)?;
        Ok(rows.iter().map(score_count).collect())
    }

    async fn purge_comments(&self, before: Day) -> Result<usize, StorageError> {
        let client = self.client().await?;
        let removed = client
            .execute("UPDATE ratings SET comment = NULL WHERE comment IS NOT NULL AND day < $1", &[&before.to_string()])
            .await
            .map_err(write_error)?;
        Ok(usize::try_from(removed).unwrap_or(usize::MAX))
    }
}
