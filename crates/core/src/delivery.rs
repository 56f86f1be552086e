//! Delivery policy for the offline-first queue: what an answer from the endpoint means, when to
//! try again, and what the queue holds. Pure: time is passed in (milliseconds since the Unix
//! epoch) and randomness too, so every rule is tested natively; the browser shell stores the
//! queue in IndexedDB and calls these.

use crate::RatingV1;
use crate::field_map::FieldMap;

/// What one send attempt came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx, or 409 from a receiver that signals a repeated id that way: remove from the queue.
    Delivered,
    /// Network error, timeout, 408, 429 or 5xx: keep, and try again later (not before
    /// `not_before_ms` from now when the receiver said so with Retry-After).
    Retry { not_before_ms: Option<u64> },
    /// Any other 4xx: the receiver will never take it. Keep it aside and tell the resident.
    Rejected { status: u16 },
}

impl Outcome {
    /// Whether the rest of a flush should wait too: when one rating could not get through, the
    /// network or the receiver is down, and trying every other rating now would only hammer it.
    pub fn ends_flush(self) -> bool {
        matches!(self, Outcome::Retry { .. })
    }
}

/// Classifies an answer: `status` is `None` for a network error or a timeout. `Retry-After` may
/// be seconds or an HTTP date (compared with `now_ms`, ms since the epoch).
pub fn classify(status: Option<u16>, retry_after: Option<&str>, now_ms: u64) -> Outcome {
    let wait = || retry_after.and_then(|value| retry_after_ms(value, now_ms));
    match status {
        Some(200..=299 | 409) => Outcome::Delivered,
        None | Some(408 | 429 | 500..=599) => Outcome::Retry { not_before_ms: wait() },
        Some(status) => Outcome::Rejected { status },
    }
}

/// How long `Retry-After` asks to wait: delay-seconds, or an IMF-fixdate such as
/// `Wed, 21 Oct 2026 07:28:00 GMT` (a date in the past means no wait).
fn retry_after_ms(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(seconds.saturating_mul(1000));
    }
    // "Wed, 21 Oct 2026 07:28:00 GMT": weekday, day, month, year, time, zone.
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let parts: Vec<&str> = value.split_ascii_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts[..] else { return None };
    let month = MONTHS.iter().position(|name| *name == month)? as u8 + 1;
    let date = crate::Day::from_ymd(year.parse().ok()?, month, day.parse().ok()?)?;
    let clock: Vec<u64> = time.split(':').map(|part| part.parse().ok()).collect::<Option<_>>()?;
    let [hours @ 0..=23, minutes @ 0..=59, seconds @ 0..=60] = clock[..] else { return None };
    let at_ms = (u64::try_from(date.days_since_epoch()).ok()? * 86_400 + hours * 3600 + minutes * 60 + seconds) * 1000;
    Some(at_ms.saturating_sub(now_ms))
}

/// Exponential backoff with jitter, capped, and never sooner than the receiver asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backoff {
    pub first_ms: u64,
    pub cap_ms: u64,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff { first_ms: 2_000, cap_ms: 15 * 60 * 1000 }
    }
}

impl Backoff {
    /// Delay before attempt number `attempt + 1` (after `attempt` failures, starting at 1).
    /// `jitter` in 0..1 spreads devices that went offline together: the delay is drawn from the
    /// upper half of the exponential step, so it never collapses into a tight loop.
    pub fn delay_ms(self, attempt: u32, jitter: f64, not_before_ms: Option<u64>) -> u64 {
        let step = self.first_ms.saturating_mul(1u64 << attempt.saturating_sub(1).min(30)).min(self.cap_ms);
        let jittered = (step as f64 * (0.5 + 0.5 * jitter.clamp(0.0, 1.0))) as u64;
        jittered.max(self.first_ms / 2).max(not_before_ms.unwrap_or(0))
    }
}

/// A rating ready to go: the exact body to POST (already in the portal's field names) and the
/// few fields the widget tells its host about. The queue keeps parcels, not ratings, so reading
/// the queue back never needs a JSON parser in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parcel {
    pub id: String,
    pub service: String,
    pub score: u8,
    pub body: String,
}

impl Parcel {
    pub fn of(rating: &RatingV1, field_map: &FieldMap) -> Parcel {
        Parcel {
            id: rating.id.clone(),
            service: rating.service.clone(),
            score: rating.score,
            body: field_map.body(rating),
        }
    }
}

/// One rating waiting on this device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Queued {
    pub parcel: Parcel,
    /// When it was queued (ms since the epoch), for sending oldest first. Stays on the device.
    pub queued_ms: u64,
    pub attempts: u32,
    /// Earliest time for the next attempt (ms since the epoch); 0 = at once.
    pub due_ms: u64,
    /// Set when the receiver refused it for good.
    pub rejected: Option<u16>,
}

/// Whether a new rating fits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    Queued,
    /// Already waiting (same id): nothing added.
    AlreadyQueued,
    /// The queue is full: the rating was not added, and the resident must be told, never a
    /// silent drop of an older one.
    Full,
}

/// The queue's rules over its contents. The shell persists `items` after every change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Queue {
    pub items: Vec<Queued>,
    pub capacity: usize,
    pub backoff: Backoff,
}

impl Queue {
    pub const DEFAULT_CAPACITY: usize = 200;

    pub fn new(capacity: usize) -> Queue {
        Queue { items: Vec::new(), capacity, backoff: Backoff::default() }
    }

    /// Adds a rating before its first send attempt.
    pub fn admit(&mut self, parcel: Parcel, now_ms: u64) -> Admission {
        if self.items.iter().any(|item| item.parcel.id == parcel.id) {
            return Admission::AlreadyQueued;
        }
        if self.items.len() >= self.capacity {
            return Admission::Full;
        }
        self.items.push(Queued { parcel, queued_ms: now_ms, attempts: 0, due_ms: 0, rejected: None });
        Admission::Queued
    }

    /// Ids due for an attempt at `now_ms`, oldest first. `force` (the resident pressed "send
    /// now", the browser came back online, the page became visible) ignores the backoff.
    pub fn due(&self, now_ms: u64, force: bool) -> Vec<String> {
        self.items
            .iter()
            .filter(|item| item.rejected.is_none() && (force || item.due_ms <= now_ms))
            .map(|item| item.parcel.id.clone())
            .collect()
    }

    /// Records an attempt's outcome. Only a delivery removes a rating.
    pub fn record(&mut self, id: &str, outcome: Outcome, now_ms: u64, jitter: f64) {
        let Some(position) = self.items.iter().position(|item| item.parcel.id == id) else { return };
        match outcome {
            Outcome::Delivered => {
                self.items.remove(position);
            }
            Outcome::Retry { not_before_ms } => {
                let item = &mut self.items[position];
                item.attempts = item.attempts.saturating_add(1);
                item.due_ms = now_ms.saturating_add(self.backoff.delay_ms(item.attempts, jitter, not_before_ms));
            }
            Outcome::Rejected { status } => self.items[position].rejected = Some(status),
        }
    }

    /// When the next attempt is due, if anything waits: never sooner than `paused_until_ms`,
    /// which a flush sets when it stopped at a failure.
    pub fn next_attempt_ms(&self, paused_until_ms: u64) -> Option<u64> {
        self.items.iter().filter(|item| item.rejected.is_none()).map(|item| item.due_ms.max(paused_until_ms)).min()
    }

    pub fn get(&self, id: &str) -> Option<&Queued> {
        self.items.iter().find(|item| item.parcel.id == id)
    }

    /// Ratings still to be sent (not counting rejected ones).
    pub fn waiting(&self) -> usize {
        self.items.iter().filter(|item| item.rejected.is_none()).count()
    }

    /// Ratings the receiver refused, kept until the resident discards them.
    pub fn rejected(&self) -> impl Iterator<Item = &Queued> {
        self.items.iter().filter(|item| item.rejected.is_some())
    }

    /// The resident's choice to discard everything waiting or refused on this device.
    pub fn discard_all(&mut self) {
        self.items.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(n: u8) -> Parcel {
        Parcel::of(&sample(n), &FieldMap::default())
    }

    fn sample(n: u8) -> RatingV1 {
        RatingV1 {
            schema: crate::payload::SCHEMA_V1.into(),
            id: format!("3f2b8c1e-9d4a-4b7e-8f6a-0000000000{n:02x}"),
            service: "transport".into(),
            scale: "good-bad-5".into(),
            score: 3,
            aspects: Vec::new(),
            comment: None,
            lang: "en".into(),
            day: "2026-11-22".into(),
        }
    }

    #[test]
    fn answers_are_classified_as_the_contract_says() {
        // 2026-10-21 07:27:00 UTC, one minute before the date in the header below.
        let now = (20_747 * 86_400 + 7 * 3600 + 27 * 60) * 1000;
        assert_eq!(classify(Some(201), None, now), Outcome::Delivered);
        assert_eq!(classify(Some(200), None, now), Outcome::Delivered);
        assert_eq!(classify(Some(409), None, now), Outcome::Delivered, "a repeated id is already stored");
        assert_eq!(classify(None, None, now), Outcome::Retry { not_before_ms: None });
        assert_eq!(classify(Some(503), Some(" 120 "), now), Outcome::Retry { not_before_ms: Some(120_000) });
        let date = Some("Wed, 21 Oct 2026 07:28:00 GMT");
        assert_eq!(classify(Some(429), date, now), Outcome::Retry { not_before_ms: Some(60_000) }, "an HTTP date");
        assert_eq!(
            classify(Some(429), date, now + 3_600_000),
            Outcome::Retry { not_before_ms: Some(0) },
            "a past date"
        );
        for junk in [
            "soon",
            "Wed, 32 Oct 2026 07:28:00 GMT",
            "Wed, 21 Okt 2026 07:28:00 GMT",
            "-5",
            "Wed, 21 Oct 2026 25:00:00 GMT",
        ] {
            assert_eq!(classify(Some(503), Some(junk), now), Outcome::Retry { not_before_ms: None }, "{junk}");
        }
        assert_eq!(classify(Some(408), None, now), Outcome::Retry { not_before_ms: None });
        assert_eq!(classify(Some(400), None, now), Outcome::Rejected { status: 400 });
        assert_eq!(classify(Some(404), None, now), Outcome::Rejected { status: 404 });
    }

    #[test]
    fn backoff_grows_is_capped_and_never_tight() {
        let backoff = Backoff::default();
        let delays: Vec<u64> = (1..=12).map(|attempt| backoff.delay_ms(attempt, 1.0, None)).collect();
        assert_eq!(&delays[..4], [2_000, 4_000, 8_000, 16_000]);
        assert!(delays.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*delays.last().unwrap(), 15 * 60 * 1000, "capped at 15 minutes");
        for attempt in 0..40 {
            for jitter in [0.0, 0.3, 1.0, -5.0, 7.0] {
                let delay = backoff.delay_ms(attempt, jitter, None);
                assert!((1_000..=15 * 60 * 1000).contains(&delay), "attempt {attempt}, jitter {jitter}: {delay}");
            }
        }
        assert_eq!(backoff.delay_ms(1, 0.0, Some(60_000)), 60_000, "Retry-After is honoured");
    }

    #[test]
    fn only_delivery_removes_and_a_full_queue_says_so() {
        let mut queue = Queue::new(2);
        assert_eq!(queue.admit(rating(1), 10), Admission::Queued);
        assert_eq!(queue.admit(rating(1), 10), Admission::AlreadyQueued);
        assert_eq!(queue.admit(rating(2), 20), Admission::Queued);
        assert_eq!(queue.admit(rating(3), 30), Admission::Full);
        assert_eq!(queue.items.len(), 2, "nothing older was dropped to make room");

        let first = rating(1).id;
        queue.record(&first, Outcome::Retry { not_before_ms: None }, 1_000, 0.0);
        assert_eq!(queue.due(1_500, false), [rating(2).id], "the failed one waits for its backoff");
        assert_eq!(queue.due(1_500, true).len(), 2, "coming back online sends everything at once");
        queue.record(&rating(2).id, Outcome::Rejected { status: 422 }, 1_000, 0.0);
        assert_eq!(queue.waiting(), 1);
        assert_eq!(queue.rejected().count(), 1, "a refused rating is kept aside, not dropped");
        assert!(!queue.due(u64::MAX, true).contains(&rating(2).id), "and never retried");
        assert_eq!(queue.next_attempt_ms(0), Some(queue.get(&first).unwrap().due_ms));
        assert_eq!(queue.next_attempt_ms(u64::MAX), Some(u64::MAX), "a paused flush waits out the pause");
        assert!(Outcome::Retry { not_before_ms: None }.ends_flush() && !Outcome::Delivered.ends_flush());
        queue.record(&first, Outcome::Delivered, 9_000, 0.0);
        assert_eq!(queue.next_attempt_ms(0), None, "nothing left to send; the refused one is never due");
        assert_eq!(queue.waiting(), 0);
        queue.discard_all();
        assert!(queue.items.is_empty());
    }
}
