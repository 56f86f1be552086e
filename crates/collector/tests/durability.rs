//! Durability: under concurrent POSTs, `kill -9` the collector, restart it on the same file,
//! and check that every rating that was answered with 2xx is there. Loopback only, bounded in
//! requests and time.

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use support::{Collector, JSON, rating, request, temp_database};

#[test]
fn every_acknowledged_rating_survives_kill_9() {
    let database = temp_database("durability");
    // One load generator is one address: the rate limit would refuse most of its posts.
    let mut collector = Collector::start(database.clone(), &[("CIVIC_PULSE_RATE_LIMIT", "0")]);
    let address = collector.address.clone();
    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));

    let clients: Vec<_> = (0..8u64)
        .map(|client| {
            let (address, stop, acknowledged) = (address.clone(), stop.clone(), acknowledged.clone());
            std::thread::spawn(move || {
                for n in 0..50_000u64 {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let body = rating((client << 32) | n, 1 + (n % 5) as u8);
                    match request(&address, "POST", "/v1/ratings", &[JSON], body.to_string().as_bytes()) {
                        Ok(answer) if (200..300).contains(&answer.status) => {
                            acknowledged.lock().unwrap().push(body["id"].as_str().unwrap().to_owned());
                        }
                        Ok(answer) => panic!("unexpected answer under load: {} {}", answer.status, answer.body),
                        // After the kill: connection refused or reset. Not acknowledged, so not promised.
                        Err(_) => break,
                    }
                }
            })
        })
        .collect();

    // Let the load run, then cut the power.
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 300 && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    collector.kill_hard();
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 300, "the load test must actually load: only {} acknowledged", acknowledged.len());

    // Restart on the same file (SQLite recovers the WAL) and look for every acknowledged id.
    let restarted = Collector::start(database, &[]);
    support::assert_all_stored(&restarted.database, &acknowledged);
    println!("{} acknowledged ratings, all present after kill -9", acknowledged.len());
}
