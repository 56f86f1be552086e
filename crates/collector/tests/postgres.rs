//! Several collectors on one PostgreSQL, as a province runs them behind a load balancer: one
//! rating posted to both at once is stored once, and neither a collector killed with `kill -9`
//! nor the database crashing under load loses an acknowledged rating.
//!
//! These need the PostgreSQL that `./test` starts (`scripts/postgres`): they are ignored by a
//! plain `cargo test` and run with `--include-ignored` where `CIVIC_PULSE_TEST_POSTGRES` is set.

mod support;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use support::{Collector, JSON, rating, request, temp_database};

const NEEDS_POSTGRES: &str = "set CIVIC_PULSE_TEST_POSTGRES to a PostgreSQL server's address (./test does)";

fn postgres_database(name: &str) -> String {
    assert!(support::postgres_server().is_some(), "{NEEDS_POSTGRES}");
    temp_database(name)
}

/// The cluster's folder, for crashing and restarting it (`scripts/postgres`).
fn postgres_folder() -> String {
    std::env::var("CIVIC_PULSE_TEST_POSTGRES_DIR").expect("CIVIC_PULSE_TEST_POSTGRES_DIR names the cluster's folder")
}

fn postgres_script(command: &str) {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/postgres");
    let status = std::process::Command::new(script).args([command, &postgres_folder()]).status().unwrap();
    assert!(status.success(), "scripts/postgres {command}");
}

/// Clients posting distinct ratings in turn to the collectors they are given, as the widget
/// does: a 503 or a refused connection is tried again (on the next collector, as a load balancer
/// would route it); only a 2xx counts as acknowledged.
struct Load {
    stop: Arc<AtomicBool>,
    acknowledged: Arc<Mutex<Vec<String>>>,
    unavailable: Arc<AtomicUsize>,
    clients: Vec<std::thread::JoinHandle<()>>,
}

impl Load {
    fn start(addresses: &[String], clients: u64) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let acknowledged = Arc::new(Mutex::new(Vec::new()));
        let unavailable = Arc::new(AtomicUsize::new(0));
        let clients = (0..clients)
            .map(|client| {
                let addresses = addresses.to_vec();
                let (stop, acknowledged, unavailable) = (stop.clone(), acknowledged.clone(), unavailable.clone());
                std::thread::spawn(move || {
                    let mut turn = client as usize;
                    for n in 0..1_000_000u64 {
                        let body = rating((client << 32) | n, 1 + (n % 5) as u8).to_string();
                        loop {
                            if stop.load(Ordering::Relaxed) {
                                return;
                            }
                            turn += 1;
                            let address = &addresses[turn % addresses.len()];
                            match request(address, "POST", "/v1/ratings", &[JSON], body.as_bytes()) {
                                Ok(answer) if (200..300).contains(&answer.status) => {
                                    let id = serde_json::from_str::<serde_json::Value>(&body).unwrap()["id"]
                                        .as_str()
                                        .unwrap()
                                        .to_owned();
                                    acknowledged.lock().unwrap().push(id);
                                    break;
                                }
                                Ok(answer) if answer.status == 503 => {
                                    assert!(answer.header("Retry-After").is_some(), "a 503 says when to retry");
                                    unavailable.fetch_add(1, Ordering::Relaxed);
                                    std::thread::sleep(Duration::from_millis(50));
                                }
                                Ok(answer) => panic!("unexpected answer under load: {} {}", answer.status, answer.body),
                                Err(_) => std::thread::sleep(Duration::from_millis(20)),
                            }
                        }
                    }
                })
            })
            .collect();
        Load { stop, acknowledged, unavailable, clients }
    }

    fn acknowledged(&self) -> usize {
        self.acknowledged.lock().unwrap().len()
    }

    fn wait_for(&self, more_than: usize) {
        let started = Instant::now();
        while self.acknowledged() <= more_than {
            assert!(started.elapsed() < Duration::from_secs(60), "the load stalled at {}", self.acknowledged());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn finish(self) -> (Vec<String>, usize) {
        self.stop.store(true, Ordering::Relaxed);
        for client in self.clients {
            client.join().unwrap();
        }
        let acknowledged = self.acknowledged.lock().unwrap().clone();
        (acknowledged, self.unavailable.load(Ordering::Relaxed))
    }
}

#[test]
#[ignore = "needs a PostgreSQL server: ./test starts one"]
fn one_rating_posted_24_times_across_two_collectors_is_stored_once_with_one_receipt() {
    let database = postgres_database("pg_same_id");
    let collectors = [0, 1].map(|_| Collector::start(database.clone(), &[("CIVIC_PULSE_RATE_LIMIT", "0")]));
    let body = rating(0x5a5e, 1).to_string();
    let start = Arc::new(std::sync::Barrier::new(24));
    let posts: Vec<_> = (0..24)
        .map(|n| {
            let (address, body, start) = (collectors[n % 2].address.clone(), body.clone(), start.clone());
            std::thread::spawn(move || {
                start.wait();
                request(&address, "POST", "/v1/ratings", &[JSON], body.as_bytes()).unwrap()
            })
        })
        .collect();
    let answers: Vec<_> = posts.into_iter().map(|post| post.join().unwrap()).collect();
    let created = answers.iter().filter(|a| a.status == 201).count();
    assert!(answers.iter().all(|a| a.status == 201 || a.status == 200), "{answers:?}");
    assert_eq!(created, 1, "one post stores it; the other 23 learn it was already there");
    let receipts: std::collections::BTreeSet<String> =
        answers.iter().map(|a| a.json()["receipt"].as_str().unwrap().to_owned()).collect();
    assert_eq!(receipts.len(), 1, "one receipt for every answer: {receipts:?}");
    let mut db = collectors[0].db();
    assert_eq!(db.number("SELECT COUNT(*) FROM ratings", &[]), 1);
    assert_eq!(db.number("SELECT COUNT(*) FROM case_events", &[]), 1, "one 'received' step");
}

#[test]
#[ignore = "needs a PostgreSQL server: ./test starts one"]
fn a_collector_killed_under_load_loses_no_acknowledged_rating() {
    let database = postgres_database("pg_kill");
    let mut first = Collector::start(database.clone(), &[("CIVIC_PULSE_RATE_LIMIT", "0")]);
    let second = Collector::start(database.clone(), &[("CIVIC_PULSE_RATE_LIMIT", "0")]);
    let load = Load::start(&[first.address.clone(), second.address.clone()], 8);
    load.wait_for(300);
    first.kill_hard();
    let at_kill = load.acknowledged();
    // The survivor takes the load on its own.
    load.wait_for(at_kill + 300);
    let (acknowledged, _) = load.finish();
    support::assert_all_stored(&database, &acknowledged);
    println!("{} acknowledged ratings across two collectors, one killed, none lost", acknowledged.len());
}

#[test]
#[ignore = "needs a PostgreSQL server: ./test starts one"]
fn the_database_crashing_under_load_loses_nothing_and_the_collectors_recover_by_themselves() {
    let database = postgres_database("pg_crash");
    let collectors = [0, 1].map(|_| Collector::start(database.clone(), &[("CIVIC_PULSE_RATE_LIMIT", "0")]));
    let addresses: Vec<String> = collectors.iter().map(|c| c.address.clone()).collect();
    let load = Load::start(&addresses, 8);
    load.wait_for(300);
    postgres_script("crash");
    let ready = collectors[0].request("GET", "/readyz", &[], b"");
    assert_eq!(ready.status, 503, "a load balancer learns the database is gone: {}", ready.body);
    assert!(collectors[1].request("GET", "/healthz", &[], b"").status == 200, "the process itself is alive");
    std::thread::sleep(Duration::from_secs(1));
    let during = load.acknowledged();
    postgres_script("restart");
    // Neither collector is restarted: each reconnects on its own and takes ratings again.
    load.wait_for(during + 300);
    let (acknowledged, unavailable) = load.finish();
    assert!(unavailable > 0, "the outage was seen as 503s");
    for collector in &collectors {
        assert_eq!(collector.request("GET", "/readyz", &[], b"").status, 200);
    }
    support::assert_all_stored(&database, &acknowledged);
    println!("{} acknowledged, {unavailable} answers 503 during the crash, none lost", acknowledged.len());
}

#[test]
#[ignore = "needs a PostgreSQL server: ./test starts one"]
fn over_tls_the_collector_trusts_only_a_certificate_it_can_verify() {
    let database = format!("{}?sslmode=require", postgres_database("pg_tls"));
    let ca = format!("{}/tls/ca.pem", postgres_folder());
    // The test server's certificate is signed by a CA of its own, which no public root vouches for.
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_civic-pulse-collector"))
        .env("CIVIC_PULSE_LISTEN", "127.0.0.1:0")
        .env("CIVIC_PULSE_DATABASE", &database)
        .env("CIVIC_PULSE_DIST", "/nonexistent-dist")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "an unverified server is not used: {said}");
    assert!(said.contains("certificate") || said.contains("Certificate"), "{said}");

    let collector = Collector::start(database.clone(), &[("CIVIC_PULSE_DATABASE_CA", ca.as_str())]);
    let answer = collector.request("POST", "/v1/ratings", &[JSON], rating(0x7115, 2).to_string().as_bytes());
    assert_eq!(answer.status, 201, "{}", answer.body);
    let name = database.rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();
    let mut admin = postgres::Client::connect(&support::postgres_server().unwrap(), postgres::NoTls).unwrap();
    let sessions: Vec<bool> = admin
        .query(
            "SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
             WHERE a.application_name = 'civic-pulse-collector' AND a.datname = $1",
            &[&name],
        )
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert!(!sessions.is_empty() && sessions.iter().all(|ssl| *ssl), "every session is encrypted: {sessions:?}");
}

#[test]
#[ignore = "needs a PostgreSQL server: ./test starts one"]
fn four_collectors_starting_at_once_on_a_new_database_migrate_it_once() {
    let database = postgres_database("pg_migrate");
    let starting: Vec<_> = (0..4)
        .map(|_| {
            let database = database.clone();
            std::thread::spawn(move || Collector::start(database, &[]))
        })
        .collect();
    let collectors: Vec<Collector> = starting.into_iter().map(|start| start.join().unwrap()).collect();
    for collector in &collectors {
        assert_eq!(collector.request("GET", "/readyz", &[], b"").status, 200);
    }
    let mut db = collectors[0].db();
    let versions = db.rows("SELECT version FROM civic_pulse_schema ORDER BY version", &[]);
    assert_eq!(versions, [[Some("1".to_owned())]], "each step applied once, under the advisory lock");
}

#[test]
#[ignore = "needs a PostgreSQL server: ./test starts one"]
fn two_collectors_escalating_to_one_webhook_post_each_escalation_once() {
    let database = postgres_database("pg_escalation");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/escalations", listener.local_addr().unwrap());
    let receiver = support::Receiver::listen(listener);
    let settings = [
        ("CIVIC_PULSE_RATE_LIMIT", "0"),
        ("CIVIC_PULSE_ESCALATION_URL", url.as_str()),
        ("CIVIC_PULSE_ESCALATION_EVERY", "1"),
    ];
    let collectors = [0, 1].map(|_| Collector::start(database.clone(), &settings));
    // Thirty cases 20 days old, overdue at once, posted half to each collector.
    let twenty_days_ago =
        civic_pulse_collector::deadlines::format_minute(civic_pulse_collector::deadlines::now() - 20 * 1440)[..10]
            .to_owned();
    for n in 0..30u64 {
        let mut bad = rating(0xe5c0 + n, 1);
        bad["day"] = twenty_days_ago.clone().into();
        let answer = collectors[(n % 2) as usize].request("POST", "/v1/ratings", &[JSON], bad.to_string().as_bytes());
        assert_eq!(answer.status, 201);
    }
    let started = Instant::now();
    while receiver.bodies.lock().unwrap().len() < 30 {
        assert!(started.elapsed() < Duration::from_secs(30), "waited 30 s for 30 escalations");
        std::thread::sleep(Duration::from_millis(100));
    }
    // Both keep looking every second: nothing is posted again.
    std::thread::sleep(Duration::from_secs(3));
    let ids: Vec<String> =
        receiver.bodies.lock().unwrap().iter().map(|body| body["id"].as_str().unwrap().to_owned()).collect();
    let distinct: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!((ids.len(), distinct.len()), (30, 30), "each escalation posted once, by one collector");
}
