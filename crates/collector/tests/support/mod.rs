//! Runs the real collector binary on loopback with its own database file, and talks plain
//! HTTP/1.1 to it over a TCP socket (no client library needed for these few requests).
// Every test binary compiles this module and uses a different part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Collector {
    pub child: Child,
    pub address: String,
    pub database: PathBuf,
}

impl Collector {
    /// Starts the binary on a free port with `database` (created if missing).
    pub fn start(database: PathBuf, env: &[(&str, &str)]) -> Collector {
        Collector::start_logging_to(database, env, Stdio::inherit())
    }

    /// The same, with its standard error (its log) going to `log`.
    pub fn start_logging_to(database: PathBuf, env: &[(&str, &str)], log: Stdio) -> Collector {
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

    /// Opens the database file read-only, to check what was really stored.
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(&self.database, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
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
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").ok_or_else(|| std::io::Error::other("no header end"))?;
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status"))?;
    let headers =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned())).collect();
    Ok(Response { status, headers, body: body.to_owned() })
}

pub fn temp_database(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("civic-pulse-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("ratings.sqlite3")
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
    collector.db().query_row("SELECT COUNT(*) FROM ratings", [], |row| row.get(0)).unwrap()
}
