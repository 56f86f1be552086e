//! Runs the real collector binary on loopback with its own database, and talks plain HTTP/1.1
//! to it over a TCP socket (no client library needed for these few requests).
//!
//! The database is a fresh SQLite file, or, when `CIVIC_PULSE_TEST_POSTGRES` holds the address
//! of a PostgreSQL server (`./test` starts one with `scripts/postgres`), a fresh database on
//! it: the same tests then run against the other engine.
// Every test binary compiles this module and uses a different part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Collector {
    pub child: Child,
    pub address: String,
    pub database: String,
}

impl Collector {
    /// Starts the binary on a free port with `database` (created if missing).
    pub fn start(database: String, env: &[(&str, &str)]) -> Collector {
        Collector::start_logging_to(database, env, Stdio::inherit())
    }

    /// The same, with its standard error (its log) going to `log`.
    pub fn start_logging_to(database: String, env: &[(&str, &str)], log: Stdio) -> Collector {
        let mut command = Command::new(env!("CARGO_BIN_EXE_civic-pulse-collector"));
        command
            .env("CIVIC_PULSE_LISTEN", "127.0.0.1:0")
            .env("CIVIC_PULSE_DATABASE", &database)
            .env("CIVIC_PULSE_DIST", "/nonexistent-dist")
            .stdout(Stdio::piped())
            .stderr(log);
        for (name, value) in env {
            command.env(name, value);
        }
        let mut child = command.spawn().expect("the collector binary starts");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut line).expect("it prints its address");
        let address =
            line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).expect("an address").to_owned();
        Collector { child, address, database }
    }

    /// Stops it the hard way, as a power cut or the OOM killer would.
    pub fn kill_hard(&mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }

    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        request(&self.address, method, path, headers, body).expect("the collector answers")
    }

    /// Opens the database, to check what was really stored (or to move a case's clock).
    pub fn db(&self) -> Db {
        Db::open(&self.database)
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

pub fn request(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Response> {
    let mut stream = TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| std::io::Error::other("no header end"))?;
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut body = raw[end + 4..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = unchunk(&body).ok_or_else(|| std::io::Error::other("a chunked body cut short"))?;
    }
    let body = String::from_utf8_lossy(&body).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status"))?;
    let headers =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned())).collect();
    Ok(Response { status, headers, body })
}

/// A chunked body's bytes (a streamed export arrives so); `None` if it stops before the last chunk.
fn unchunk(mut chunked: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = chunked.windows(2).position(|w| w == b"\r\n")?;
        let size = usize::from_str_radix(std::str::from_utf8(&chunked[..line_end]).ok()?.trim(), 16).ok()?;
        chunked = &chunked[line_end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(chunked.get(..size)?);
        chunked = chunked.get(size + 2..)?;
    }
}

/// The PostgreSQL server the tests run against, if any (see the module's comment).
pub fn postgres_server() -> Option<String> {
    std::env::var("CIVIC_PULSE_TEST_POSTGRES").ok().filter(|address| !address.is_empty())
}

/// A new, empty database for one test: a file path, or a `postgres://` address.
pub fn temp_database(name: &str) -> String {
    match postgres_server() {
        Some(server) => {
            let database = format!("test_{}_{}", std::process::id(), name.replace('-', "_"));
            let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("the test PostgreSQL answers");
            admin.batch_execute(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)")).unwrap();
            admin.batch_execute(&format!("CREATE DATABASE {database}")).unwrap();
            let base = server.rsplit_once('/').map_or(server.as_str(), |(base, _)| base);
            format!("{base}/{database}")
        }
        None => {
            let dir = std::env::temp_dir().join(format!("civic-pulse-test-{}-{name}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            dir.join("ratings.sqlite3").to_string_lossy().into_owned()
        }
    }
}

/// The test's view of either engine: plain SQL that both understand, `$1`, `$2`… for the
/// parameters, every value read back as text (`None` for NULL).
pub enum Db {
    Sqlite(rusqlite::Connection),
    Postgres(postgres::Client),
}

impl Db {
    pub fn open(database: &str) -> Db {
        if database.starts_with("postgres://") {
            Db::Postgres(postgres::Client::connect(database, postgres::NoTls).expect("the test database answers"))
        } else {
            let connection = rusqlite::Connection::open(database).unwrap();
            connection.busy_timeout(Duration::from_secs(5)).unwrap();
            Db::Sqlite(connection)
        }
    }

    /// Every row the query gives.
    pub fn rows(&mut self, sql: &str, params: &[&str]) -> Vec<Vec<Option<String>>> {
        match self {
            Db::Sqlite(connection) => {
                let mut statement = connection.prepare(&sql.replace('$', "?")).unwrap();
                let columns = statement.column_count();
                statement
                    .query_map(rusqlite::params_from_iter(params), |row| {
                        (0..columns)
                            .map(|i| {
                                Ok(match row.get::<_, rusqlite::types::Value>(i)? {
                                    rusqlite::types::Value::Null => None,
                                    rusqlite::types::Value::Integer(n) => Some(n.to_string()),
                                    rusqlite::types::Value::Real(x) => Some(x.to_string()),
                                    rusqlite::types::Value::Text(text) => Some(text),
                                    rusqlite::types::Value::Blob(_) => Some("(blob)".to_owned()),
                                })
                            })
                            .collect()
                    })
                    .unwrap()
                    .map(Result::unwrap)
                    .collect()
            }
            Db::Postgres(client) => client
                .simple_query(&with_literals(sql, params))
                .unwrap()
                .into_iter()
                .filter_map(|message| match message {
                    postgres::SimpleQueryMessage::Row(row) => {
                        Some((0..row.len()).map(|i| row.get(i).map(str::to_owned)).collect())
                    }
                    _ => None,
                })
                .collect(),
        }
    }

    /// The first column of the first row.
    pub fn text(&mut self, sql: &str, params: &[&str]) -> Option<String> {
        self.rows(sql, params).into_iter().next().and_then(|row| row.into_iter().next().flatten())
    }

    pub fn number(&mut self, sql: &str, params: &[&str]) -> i64 {
        self.text(sql, params).and_then(|n| n.parse().ok()).expect("a number")
    }

    pub fn execute(&mut self, sql: &str, params: &[&str]) {
        match self {
            Db::Sqlite(connection) => {
                connection.execute(&sql.replace('$', "?"), rusqlite::params_from_iter(params)).unwrap();
            }
            Db::Postgres(client) => {
                client.batch_execute(&with_literals(sql, params)).unwrap();
            }
        }
    }
}

/// `$1`… replaced by the parameters as SQL string literals (the simple protocol takes none).
fn with_literals(sql: &str, params: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = sql;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let digits: String = rest[at + 1..].chars().take_while(char::is_ascii_digit).collect();
        let index: usize = digits.parse().expect("a parameter number after $");
        out.push_str(&format!("'{}'", params[index - 1].replace('\'', "''")));
        rest = &rest[at + 1 + digits.len()..];
    }
    out.push_str(rest);
    out
}

/// A valid rating with the given id suffix (12 hex digits) and score.
pub fn rating(n: u64, score: u8) -> serde_json::Value {
    serde_json::json!({
        "schema": "civic-pulse.rating.v1",
        "id": format!("3f2b8c1e-9d4a-4b7e-8f6a-{n:012x}"),
        "service": "transport",
        "scale": "good-bad-5",
        "score": score,
        "lang": "zh-Hans",
        "day": "2026-11-22",
    })
}

pub const JSON: (&str, &str) = ("Content-Type", "application/json");

pub fn count_rows(collector: &Collector) -> i64 {
    collector.db().number("SELECT COUNT(*) FROM ratings", &[])
}

/// Every acknowledged id is in the database, and each was acknowledged once.
pub fn assert_all_stored(database: &str, acknowledged: &[String]) {
    let mut db = Db::open(database);
    let stored: std::collections::HashSet<String> =
        db.rows("SELECT id FROM ratings", &[]).into_iter().filter_map(|row| row[0].clone()).collect();
    let missing: Vec<&String> = acknowledged.iter().filter(|id| !stored.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged ratings lost, e.g. {:?}",
        missing.len(),
        acknowledged.len(),
        missing.first()
    );
    let unique: std::collections::HashSet<&String> = acknowledged.iter().collect();
    assert_eq!(unique.len(), acknowledged.len(), "each rating acknowledged once");
}

/// A webhook receiver on a real socket: records each body and answers 200.
pub struct Receiver {
    pub bodies: Arc<Mutex<Vec<serde_json::Value>>>,
}

impl Receiver {
    pub fn listen(listener: TcpListener) -> Receiver {
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let seen = bodies.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some((name, value)) = line.split_once(':')
                        && name.eq_ignore_ascii_case("content-length")
                    {
                        length = value.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_ok()
                    && let Ok(json) = serde_json::from_slice(&body)
                {
                    seen.lock().unwrap().push(json);
                }
                let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            }
        });
        Receiver { bodies }
    }
}
