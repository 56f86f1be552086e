//! A PostgreSQL that does not flush its writes cannot keep the promise a 201 makes: the
//! collector refuses to start on it and says why. Its own test binary, since it switches
//! `fsync` off for the whole server for a moment (cargo runs test binaries one at a time).

mod support;

use std::time::{Duration, Instant};

/// Sets `fsync` for the server and waits until a new session sees it.
fn set_fsync(server: &str, value: &str) {
    let mut admin = postgres::Client::connect(server, postgres::NoTls).unwrap();
    admin.batch_execute(&format!("ALTER SYSTEM SET fsync = {value}")).unwrap();
    admin.batch_execute("SELECT pg_reload_conf()").unwrap();
    let started = Instant::now();
    loop {
        let mut session = postgres::Client::connect(server, postgres::NoTls).unwrap();
        let now: String = session.query_one("SHOW fsync", &[]).unwrap().get(0);
        if now == value {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the server did not take fsync = {value}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
#[ignore = "needs a PostgreSQL server: ./test starts one"]
fn a_server_with_fsync_off_is_refused_with_the_reason() {
    let server = support::postgres_server().expect("CIVIC_PULSE_TEST_POSTGRES names the test server (./test does)");
    let database = support::temp_database("pg_fsync");
    set_fsync(&server, "off");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_civic-pulse-collector"))
        .env("CIVIC_PULSE_LISTEN", "127.0.0.1:0")
        .env("CIVIC_PULSE_DATABASE", &database)
        .env("CIVIC_PULSE_DIST", "/nonexistent-dist")
        .output()
        .unwrap();
    set_fsync(&server, "on");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "it must not start: {said}");
    assert!(said.contains("fsync = off"), "{said}");
    // With fsync back on, the same database is taken.
    let collector = support::Collector::start(database, &[]);
    assert_eq!(collector.request("GET", "/readyz", &[], b"").status, 200);
}
