//! 429 for a client that posts too fast, without keeping its address: buckets are keyed by a
//! hash of the address under a random key drawn at start-up (so the key never leaves memory and
//! no address is stored, logged or recoverable from the table), and forgotten once full again.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A token bucket per client: `per_minute` requests a minute, in bursts of up to that many.
pub struct RateLimiter {
    per_minute: u32,
    keys: std::collections::hash_map::RandomState,
    buckets: Mutex<HashMap<u64, Bucket>>,
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Buckets kept before full ones are swept out.
const SWEEP_AT: usize = 10_000;

impl RateLimiter {
    /// `per_minute` 0 turns limiting off.
    pub fn new(per_minute: u32) -> RateLimiter {
        RateLimiter { per_minute, keys: Default::default(), buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one request from `client`'s bucket, or says how long until it may try again.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        let key = self.keys.hash_one(client);
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() >= SWEEP_AT {
            buckets.retain(|_, bucket| {
                bucket.tokens + per_second * now.duration_since(bucket.at).as_secs_f64() < capacity
            });
        }
        let bucket = buckets.entry(key).or_insert(Bucket { tokens: capacity, at: now });
        bucket.tokens = (bucket.tokens + per_second * now.duration_since(bucket.at).as_secs_f64()).min(capacity);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second))
        }
    }
}

/// The client's address: the connection's peer, or behind a trusted reverse proxy the last
/// address it appended to `X-Forwarded-For` (earlier entries are whatever the client claimed).
pub fn client_address(peer: Option<IpAddr>, forwarded_for: Option<&str>, trust_proxy: bool) -> Option<IpAddr> {
    if trust_proxy {
        let last = forwarded_for.and_then(|list| list.rsplit(',').next()).and_then(|entry| entry.trim().parse().ok());
        if last.is_some() {
            return last;
        }
    }
    peer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_rate_then_says_when_to_come_back() {
        let limiter = RateLimiter::new(3);
        let start = Instant::now();
        let client: IpAddr = "198.51.100.7".parse().unwrap();
        for _ in 0..3 {
            assert_eq!(limiter.check(client, start), Ok(()));
        }
        let wait = limiter.check(client, start).unwrap_err();
        assert!((19..=20).contains(&wait.as_secs()), "one token comes back every 20 s: {wait:?}");
        assert_eq!(limiter.check("198.51.100.8".parse().unwrap(), start), Ok(()), "others are not affected");
        assert_eq!(limiter.check(client, start + Duration::from_secs(21)), Ok(()), "refilled");
        assert!(RateLimiter::new(0).check(client, start).is_ok(), "0 turns it off");
    }

    #[test]
    fn a_proxy_is_believed_only_when_trusted() {
        let peer = Some("10.0.0.2".parse().unwrap());
        let header = Some("203.0.113.9, 192.0.2.44");
        assert_eq!(client_address(peer, header, false), peer, "a client cannot pick its own bucket");
        assert_eq!(client_address(peer, header, true), Some("192.0.2.44".parse().unwrap()));
        assert_eq!(client_address(peer, Some("garbage"), true), peer);
    }

    #[test]
    fn many_clients_do_not_grow_the_table_without_bound() {
        let limiter = RateLimiter::new(60);
        let start = Instant::now();
        for n in 0..(SWEEP_AT as u32 + 500) {
            let _ = limiter.check(IpAddr::from(n.to_be_bytes()), start);
        }
        let later = start + Duration::from_secs(120);
        let _ = limiter.check("192.0.2.1".parse().unwrap(), later);
        assert!(limiter.buckets.lock().unwrap().len() < SWEEP_AT, "full buckets were swept");
    }
}
