//! Ratings in SQLite (WAL, `synchronous=FULL`). One writer thread owns the write connection and
//! commits in groups: every rating waiting when a transaction starts goes into it, and each
//! request is answered only after that transaction is durable. A 2xx therefore survives a
//! `kill -9`, and throughput comes from sharing one fsync between many ratings.

use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use civic_pulse_core::RatingV1;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use tokio::sync::oneshot;

/// Most ratings one transaction takes, so a flood still commits in bounded steps.
const MAX_GROUP: usize = 2000;

/// Schema versions, applied in order and recorded in `PRAGMA user_version`.
const MIGRATIONS: &[&str] = &[r"
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
"];

/// Whether a rating was new or already stored (same id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub id: String,
    pub receipt: String,
    pub new: bool,
}

/// What a resident may learn from a receipt code: the follow-up status, never who they are.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ReceiptStatus {
    pub receipt: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
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

struct Job {
    ratings: Vec<RatingV1>,
    reply: oneshot::Sender<Result<Vec<Stored>, StorageError>>,
}

/// The store: a handle to the writer thread and a read connection.
#[derive(Clone)]
pub struct Store {
    writer: mpsc::Sender<Job>,
    reader: Arc<Mutex<Connection>>,
}

fn open(path: &Path, flags: OpenFlags) -> Result<Connection, StorageError> {
    let connection =
        Connection::open_with_flags(path, flags).map_err(|e| StorageError::Open(e.to_string()))?;
    connection
        .execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;",
        )
        .map_err(|e| StorageError::Open(e.to_string()))?;
    Ok(connection)
}

fn migrate(connection: &mut Connection) -> Result<(), StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Open(format!("migration failed: {e}"));
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(fail)?;
    for (number, sql) in (1i64..)
        .zip(MIGRATIONS)
        .skip(usize::try_from(version).unwrap_or(usize::MAX))
    {
        let transaction = connection.transaction().map_err(fail)?;
        transaction.execute_batch(sql).map_err(fail)?;
        transaction
            .pragma_update(None, "user_version", number)
            .map_err(fail)?;
        transaction.commit().map_err(fail)?;
    }
    Ok(())
}

/// A short code a resident can read out on the phone: 8 characters from an alphabet without
/// look-alikes (no 0/O, 1/I/L), about 40 bits.
fn new_receipt() -> Result<String, StorageError> {
    const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| StorageError::Write(format!("no randomness: {e}")))?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}

fn store_one(
    transaction: &rusqlite::Transaction<'_>,
    rating: &RatingV1,
) -> Result<Stored, StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let existing = |t: &rusqlite::Transaction<'_>| {
        t.query_row(
            "SELECT receipt FROM ratings WHERE id = ?1",
            [&rating.id],
            |row| row.get::<_, String>(0),
        )
        .optional()
    };
    if let Some(receipt) = existing(transaction).map_err(fail)? {
        return Ok(Stored {
            id: rating.id.clone(),
            receipt,
            new: false,
        });
    }
    let aspects = (!rating.aspects.is_empty())
        .then(|| serde_json::to_string(&rating.aspects).unwrap_or_default());
    // A receipt collision (about one in a trillion) just draws again.
    for _ in 0..5 {
        let receipt = new_receipt()?;
        let inserted = transaction
            .execute(
                "INSERT OR IGNORE INTO ratings (id, receipt, service, scale, score, aspects, comment, lang, day)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![rating.id, receipt, rating.service, rating.scale, rating.score, aspects, rating.comment, rating.lang, rating.day],
            )
            .map_err(fail)?;
        if inserted == 1 {
            return Ok(Stored {
                id: rating.id.clone(),
                receipt,
                new: true,
            });
        }
    }
    Err(StorageError::Write(
        "could not draw a unique receipt".into(),
    ))
}

fn write_group(
    connection: &mut Connection,
    jobs: &[Job],
) -> Result<Vec<Vec<Stored>>, StorageError> {
    let fail = |e: rusqlite::Error| StorageError::Write(e.to_string());
    let transaction = connection.transaction().map_err(fail)?;
    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs {
        results.push(
            job.ratings
                .iter()
                .map(|rating| store_one(&transaction, rating))
                .collect::<Result<Vec<_>, _>>()?,
        );
    }
    transaction.commit().map_err(fail)?;
    Ok(results)
}

fn run_writer(mut connection: Connection, jobs: mpsc::Receiver<Job>) {
    while let Ok(first) = jobs.recv() {
        let mut group = vec![first];
        let mut waiting = group[0].ratings.len();
        while waiting < MAX_GROUP {
            match jobs.try_recv() {
                Ok(job) => {
                    waiting += job.ratings.len();
                    group.push(job);
                }
                Err(_) => break,
            }
        }
        match write_group(&mut connection, &group) {
            Ok(results) => {
                for (job, stored) in group.into_iter().zip(results) {
                    let _ = job.reply.send(Ok(stored));
                }
            }
            Err(error) => {
                for job in group {
                    let _ = job.reply.send(Err(error.clone()));
                }
            }
        }
    }
}

impl Store {
    /// Opens (creating if needed) the database file, migrates it and starts the writer.
    pub fn open(path: &Path) -> Result<Store, StorageError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StorageError::Open(format!("{}: {e}", parent.display())))?;
        }
        let mut writer = open(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?;
        migrate(&mut writer)?;
        let reader = open(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let (sender, receiver) = mpsc::channel();
        std::thread::Builder::new()
            .name("ratings-writer".into())
            .spawn(move || run_writer(writer, receiver))
            .map_err(|e| StorageError::Open(e.to_string()))?;
        Ok(Store {
            writer: sender,
            reader: Arc::new(Mutex::new(reader)),
        })
    }

    /// Stores ratings durably; answers once they are committed. A rating whose id is already
    /// stored is not stored again: it comes back with its first receipt and `new: false`.
    pub async fn insert(&self, ratings: Vec<RatingV1>) -> Result<Vec<Stored>, StorageError> {
        let (reply, answer) = oneshot::channel();
        self.writer
            .send(Job { ratings, reply })
            .map_err(|_| StorageError::WriterStopped)?;
        answer.await.map_err(|_| StorageError::WriterStopped)?
    }

    async fn read<T: Send + 'static>(
        &self,
        query: impl FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, StorageError> {
        let reader = self.reader.clone();
        tokio::task::spawn_blocking(move || {
            let connection = reader
                .lock()
                .map_err(|_| StorageError::Read("reader poisoned".into()))?;
            query(&connection).map_err(|e| StorageError::Read(e.to_string()))
        })
        .await
        .map_err(|e| StorageError::Read(e.to_string()))?
    }

    pub async fn receipt(&self, code: String) -> Result<Option<ReceiptStatus>, StorageError> {
        self.read(move |connection| {
            connection
                .query_row(
                    "SELECT receipt, status, reply FROM ratings WHERE receipt = ?1",
                    [&code],
                    |row| {
                        Ok(ReceiptStatus {
                            receipt: row.get(0)?,
                            status: row.get(1)?,
                            reply: row.get(2)?,
                        })
                    },
                )
                .optional()
        })
        .await
    }

    /// Counts per service, period (the first `period_chars` of the day: 7 for months, 10 for
    /// days) and score, within the optional filters.
    pub async fn score_counts(
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
}
