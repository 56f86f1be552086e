//! Delivery policy for the offline-first queue: what an answer from the endpoint means, when to
//! try again, and what the queue holds. Pure: time is passed in (milliseconds since the Unix
//! epoch) and randomness too, so every rule is tested natively; the browser shell stores the
//! queue in IndexedDB and calls these.

use crate::field_map::FieldMap;
use crate::{Lang, Msg, RatingV1, whole_number};

/// What one send attempt came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx, or 409 from a receiver that signals a repeated id that way: remove from the queue.
    Delivered,
    /// Not delivered for now: keep, and try again later (not before `not_before_ms` from now
    /// when the receiver said so with Retry-After). `trouble` is what the resident is told.
    Retry { not_before_ms: Option<u64>, trouble: Trouble },
    /// Any other 4xx: the receiver will never take it. Keep it aside and tell the resident.
    Rejected { status: u16 },
}

/// Why an attempt did not reach the receiver, in the terms the resident is told: only `Offline`
/// is "it will be sent when you are online"; the others are the service's trouble, not theirs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// The device says it has no network (`navigator.onLine` is false).
    Offline,
    /// Online, but no answer came at all: DNS, TLS, a refused connection and a CORS failure all
    /// look the same to a page.
    Unreachable,
    /// No answer within the timeout.
    NoAnswer,
    /// The service said it is busy for now: 408, 429, or 503 with `Retry-After`.
    Busy { status: u16 },
    /// The service answered with a server error (5xx). These are counted: see
    /// [`Queue::SERVER_ERRORS_BEFORE_SETTING_ASIDE`].
    ServerError { status: u16 },
}

impl Trouble {
    /// A short code for scripts and stored records: `offline`, `unreachable`, `no-answer`,
    /// `busy-<status>`, `server-<status>`.
    pub fn code(self) -> String {
        match self {
            Trouble::Offline => "offline".to_owned(),
            Trouble::Unreachable => "unreachable".to_owned(),
            Trouble::NoAnswer => "no-answer".to_owned(),
            Trouble::Busy { status } => format!("busy-{status}"),
            Trouble::ServerError { status } => format!("server-{status}"),
        }
    }

    /// Reads [`Trouble::code`] back (from a stored record).
    pub fn from_code(code: &str) -> Option<Trouble> {
        let status = |rest: &str| whole_number::parse::<u16>(rest).filter(|status| (100..=599).contains(status));
        match code {
            "offline" => Some(Trouble::Offline),
            "unreachable" => Some(Trouble::Unreachable),
            "no-answer" => Some(Trouble::NoAnswer),
            _ => {
                if let Some(rest) = code.strip_prefix("busy-") {
                    status(rest).map(|status| Trouble::Busy { status })
                } else {
                    status(code.strip_prefix("server-")?).map(|status| Trouble::ServerError { status })
                }
            }
        }
    }
}

impl Trouble {
    /// One sentence for the resident on why ratings wait, in `lang`.
    pub fn explain(self, lang: Lang) -> String {
        match self {
            Trouble::Offline => lang.text(Msg::WhyOffline).to_owned(),
            Trouble::Unreachable => lang.text(Msg::WhyUnreachable).to_owned(),
            Trouble::NoAnswer => lang.text(Msg::WhyNoAnswer).to_owned(),
            Trouble::Busy { .. } => lang.text(Msg::WhyBusy).to_owned(),
            Trouble::ServerError { status } => lang.format(Msg::WhyServerError, &[("status", &status.to_string())]),
        }
    }
}

impl Outcome {
    /// Whether the rest of a flush should wait too: when one rating could not get through, the
    /// network or the receiver is down, and trying every other rating now would only hammer it.
    pub fn ends_flush(self) -> bool {
        matches!(self, Outcome::Retry { .. })
    }
}

/// What the browser got for one attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// An HTTP answer with this status.
    Status(u16),
    /// The request failed before any answer.
    Failed,
    /// The request was cancelled at the timeout.
    TimedOut,
}

/// Classifies an attempt. `online` is the browser's `navigator.onLine`. `Retry-After` may be
/// seconds or an HTTP date (compared with `now_ms`, ms since the epoch).
pub fn classify(answer: Answer, online: bool, retry_after: Option<&str>, now_ms: u64) -> Outcome {
    let wait = retry_after.and_then(|value| retry_after_ms(value, now_ms));
    let retry = |trouble| Outcome::Retry { not_before_ms: wait, trouble };
    match answer {
        Answer::Status(200..=299 | 409) => Outcome::Delivered,
        Answer::Status(status @ (408 | 429)) => retry(Trouble::Busy { status }),
        Answer::Status(503) if wait.is_some() => retry(Trouble::Busy { status: 503 }),
        Answer::Status(status @ 500..=599) => retry(Trouble::ServerError { status }),
        Answer::Status(status) => Outcome::Rejected { status },
        Answer::Failed | Answer::TimedOut if !online => retry(Trouble::Offline),
        Answer::Failed => retry(Trouble::Unreachable),
        Answer::TimedOut => retry(Trouble::NoAnswer),
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
    let date = crate::Day::from_ymd(whole_number::parse(year)?, month, whole_number::parse(day)?)?;
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
    /// Why the last attempt did not deliver it, if one was made.
    pub trouble: Option<Trouble>,
    /// Server errors (5xx) the receiver answered for it in a row; other troubles do not count.
    pub server_errors: u32,
    /// Set aside after [`Queue::SERVER_ERRORS_BEFORE_SETTING_ASIDE`] server errors, with the last
    /// status: no longer retried on its own, but once more at each later visit and whenever the
    /// resident asks. Never dropped.
    pub set_aside: Option<u16>,
}

impl Queued {
    /// A rating queued at `queued_ms`, before its first send attempt.
    pub fn new(parcel: Parcel, queued_ms: u64) -> Queued {
        Queued {
            parcel,
            queued_ms,
            attempts: 0,
            due_ms: 0,
            rejected: None,
            trouble: None,
            server_errors: 0,
            set_aside: None,
        }
    }

    /// Waiting to be sent on its own: neither refused nor set aside.
    pub fn waits(&self) -> bool {
        self.rejected.is_none() && self.set_aside.is_none()
    }
}

/// Puts a queue read back from storage (which keeps it by id) oldest first, ties in the order
/// read. An insertion sort by hand: a queue holds a few hundred ratings at most, and the
/// standard library's sort would be 2 KB of the widget's first part (twiggy).
pub fn oldest_first(items: &mut [Queued]) {
    for next in 1..items.len() {
        let mut at = next;
        while at > 0 && items[at - 1].queued_ms > items[at].queued_ms {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
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
    /// About a day of attempts at the backoff's cap (15 minutes, drawn from its upper half):
    /// long enough to ride out an outage, short enough that a receiver that stored the rating
    /// but answers every repeat with an error (json-server does) is not hammered for ever.
    pub const SERVER_ERRORS_BEFORE_SETTING_ASIDE: u32 = 100;

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
        self.items.push(Queued::new(parcel, now_ms));
        Admission::Queued
    }

    /// Ids due for an attempt at `now_ms`, oldest first. `force` (the resident pressed "send
    /// now", the browser came back online, the page became visible) ignores the backoff.
    pub fn due(&self, now_ms: u64, force: bool) -> Vec<String> {
        self.items
            .iter()
            .filter(|item| item.waits() && (force || item.due_ms <= now_ms))
            .map(|item| item.parcel.id.clone())
            .collect()
    }

    /// Ids set aside after repeated server errors, oldest first: tried once more at each visit
    /// and when the resident asks, so a long outage heals by itself.
    pub fn set_aside(&self) -> Vec<String> {
        self.items.iter().filter(|item| item.set_aside.is_some()).map(|item| item.parcel.id.clone()).collect()
    }

    /// Records an attempt's outcome. Only a delivery removes a rating.
    pub fn record(&mut self, id: &str, outcome: Outcome, now_ms: u64, jitter: f64) {
        let Some(position) = self.items.iter().position(|item| item.parcel.id == id) else { return };
        match outcome {
            Outcome::Delivered => {
                self.items.remove(position);
            }
            Outcome::Retry { not_before_ms, trouble } => {
                let item = &mut self.items[position];
                item.attempts = item.attempts.saturating_add(1);
                item.due_ms = now_ms.saturating_add(self.backoff.delay_ms(item.attempts, jitter, not_before_ms));
                item.trouble = Some(trouble);
                if let Trouble::ServerError { status } = trouble {
                    item.server_errors = item.server_errors.saturating_add(1);
                    if item.server_errors >= Self::SERVER_ERRORS_BEFORE_SETTING_ASIDE {
                        item.set_aside = Some(status);
                    }
                }
            }
            Outcome::Rejected { status } => self.items[position].rejected = Some(status),
        }
    }

    /// When the next attempt is due, if anything waits: never sooner than `paused_until_ms`,
    /// which a flush sets when it stopped at a failure.
    pub fn next_attempt_ms(&self, paused_until_ms: u64) -> Option<u64> {
        self.items.iter().filter(|item| item.waits()).map(|item| item.due_ms.max(paused_until_ms)).min()
    }

    pub fn get(&self, id: &str) -> Option<&Queued> {
        self.items.iter().find(|item| item.parcel.id == id)
    }

    /// Ratings still to be sent on their own (not counting refused or set-aside ones).
    pub fn waiting(&self) -> usize {
        self.items.iter().filter(|item| item.waits()).count()
    }

    /// Why the waiting ratings are not sent yet: the newest trouble among them.
    pub fn trouble(&self) -> Option<Trouble> {
        self.items.iter().filter(|item| item.waits()).filter_map(|item| item.trouble).next_back()
    }

    /// Ratings the receiver refused, kept until the resident discards them.
    pub fn rejected(&self) -> impl Iterator<Item = &Queued> {
        self.items.iter().filter(|item| item.rejected.is_some())
    }

    /// The resident's choice to discard everything waiting or refused on this device.
    pub fn discard_all(&mut self) {
        self.items.clear();
    }

    /// What the queue panel says about this queue.
    pub fn summary(&self) -> QueueSummary {
        let mut set_aside = self.items.iter().filter_map(|item| item.set_aside);
        QueueSummary {
            waiting: self.waiting(),
            trouble: self.trouble(),
            refused: self.rejected().count(),
            set_aside: set_aside.clone().count(),
            set_aside_status: set_aside.next_back(),
        }
    }
}

/// What waits on a device for one endpoint, and why, as the resident is told it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueueSummary {
    pub waiting: usize,
    /// Why the waiting ratings were not sent at their last attempt.
    pub trouble: Option<Trouble>,
    pub refused: usize,
    /// Set aside after repeated server errors, and the last status one of them got.
    pub set_aside: usize,
    pub set_aside_status: Option<u16>,
}

impl QueueSummary {
    /// Anything the resident may act on: waiting, refused or set aside.
    pub fn holds_anything(&self) -> bool {
        self.waiting > 0 || self.refused > 0 || self.set_aside > 0
    }
}

/// Browsers allow 64 KiB of `keepalive` request bodies in flight per page; a little is kept
/// back for the headers each request also counts.
pub const KEEP_ALIVE_BUDGET_BYTES: usize = 60 * 1024;
const KEEP_ALIVE_OVERHEAD_BYTES: usize = 256;

/// Which of the `waiting` parcels (oldest first) a page that is going away sends with
/// `keepalive`: those not already `in_flight`, oldest first, while they fit the budget. The
/// rest stay queued for the next visit.
pub fn keep_alive_batch<'a>(waiting: &'a [Parcel], in_flight: &[String]) -> Vec<&'a Parcel> {
    let mut budget = KEEP_ALIVE_BUDGET_BYTES;
    let mut batch = Vec::new();
    for parcel in waiting.iter().filter(|parcel| !in_flight.contains(&parcel.id)) {
        let size = parcel.body.len() + KEEP_ALIVE_OVERHEAD_BYTES;
        if size > budget {
            break;
        }
        budget -= size;
        batch.push(parcel);
    }
    batch
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
            channel: None,
        }
    }

    #[test]
    fn answers_are_classified_as_the_contract_says() {
        // 2026-10-21 07:27:00 UTC, one minute before the date in the header below.
        let now = (20_747 * 86_400 + 7 * 3600 + 27 * 60) * 1000;
        let status =
            |code: u16, retry_after: Option<&str>, now: u64| classify(Answer::Status(code), true, retry_after, now);
        let retry = |not_before_ms, trouble| Outcome::Retry { not_before_ms, trouble };
        assert_eq!(status(201, None, now), Outcome::Delivered);
        assert_eq!(status(200, None, now), Outcome::Delivered);
        assert_eq!(status(409, None, now), Outcome::Delivered, "a repeated id is already stored");
        assert_eq!(status(503, Some(" 120 "), now), retry(Some(120_000), Trouble::Busy { status: 503 }));
        let date = Some("Wed, 21 Oct 2026 07:28:00 GMT");
        assert_eq!(status(429, date, now), retry(Some(60_000), Trouble::Busy { status: 429 }), "an HTTP date");
        assert_eq!(status(429, date, now + 3_600_000), retry(Some(0), Trouble::Busy { status: 429 }), "a past date");
        for junk in [
            "soon",
            "Wed, 32 Oct 2026 07:28:00 GMT",
            "Wed, 21 Okt 2026 07:28:00 GMT",
            "-5",
            "Wed, 21 Oct 2026 25:00:00 GMT",
        ] {
            // A 503 without a usable Retry-After is a server error like any other 5xx.
            assert_eq!(status(503, Some(junk), now), retry(None, Trouble::ServerError { status: 503 }), "{junk}");
        }
        assert_eq!(status(500, None, now), retry(None, Trouble::ServerError { status: 500 }));
        assert_eq!(status(408, None, now), retry(None, Trouble::Busy { status: 408 }));
        assert_eq!(status(400, None, now), Outcome::Rejected { status: 400 });
        assert_eq!(status(404, None, now), Outcome::Rejected { status: 404 });
    }

    #[test]
    fn only_an_offline_device_is_told_it_is_offline() {
        let now = 1_000;
        let retry = |trouble| Outcome::Retry { not_before_ms: None, trouble };
        assert_eq!(classify(Answer::Failed, false, None, now), retry(Trouble::Offline));
        assert_eq!(classify(Answer::TimedOut, false, None, now), retry(Trouble::Offline));
        assert_eq!(classify(Answer::Failed, true, None, now), retry(Trouble::Unreachable), "DNS, TLS, refused, CORS");
        assert_eq!(classify(Answer::TimedOut, true, None, now), retry(Trouble::NoAnswer));
        assert_eq!(classify(Answer::Status(500), false, None, now), retry(Trouble::ServerError { status: 500 }));
    }

    #[test]
    fn trouble_codes_read_back() {
        for trouble in [
            Trouble::Offline,
            Trouble::Unreachable,
            Trouble::NoAnswer,
            Trouble::Busy { status: 429 },
            Trouble::ServerError { status: 502 },
        ] {
            assert_eq!(Trouble::from_code(&trouble.code()), Some(trouble));
        }
        for junk in ["", "server-", "server-abc", "server-99", "busy-600", "later"] {
            assert_eq!(Trouble::from_code(junk), None, "{junk}");
        }
    }

    #[test]
    fn repeated_server_errors_set_a_rating_aside_but_never_drop_it() {
        let mut queue = Queue::new(10);
        queue.admit(rating(1), 0);
        queue.admit(rating(2), 0);
        let (stuck, other) = (rating(1).id, rating(2).id);
        let server = Outcome::Retry { not_before_ms: None, trouble: Trouble::ServerError { status: 500 } };
        let no_answer = Outcome::Retry { not_before_ms: None, trouble: Trouble::NoAnswer };
        let busy = Outcome::Retry { not_before_ms: Some(1_000), trouble: Trouble::Busy { status: 503 } };
        for attempt in 1..Queue::SERVER_ERRORS_BEFORE_SETTING_ASIDE {
            queue.record(&stuck, server, u64::from(attempt), 0.5);
            // Timeouts, network errors and a busy service do not count.
            queue.record(&stuck, no_answer, u64::from(attempt), 0.5);
            queue.record(&stuck, busy, u64::from(attempt), 0.5);
        }
        assert_eq!(queue.get(&stuck).unwrap().server_errors, Queue::SERVER_ERRORS_BEFORE_SETTING_ASIDE - 1);
        assert!(queue.get(&stuck).unwrap().waits());
        queue.record(&stuck, server, 5_000, 0.5);
        let item = queue.get(&stuck).unwrap();
        assert_eq!(item.set_aside, Some(500));
        assert_eq!(item.trouble, Some(Trouble::ServerError { status: 500 }));
        assert!(!queue.due(u64::MAX, true).contains(&stuck), "not retried on its own any more");
        assert_eq!(queue.set_aside(), std::slice::from_ref(&stuck), "but once at each visit and on request");
        assert_eq!(queue.waiting(), 1, "only the other one waits");
        assert_eq!(queue.next_attempt_ms(0), Some(0), "the other one is still due");
        queue.record(&other, Outcome::Delivered, 6_000, 0.5);
        assert_eq!(queue.next_attempt_ms(0), None, "nothing is scheduled for a rating set aside");
        assert_eq!(queue.items.len(), 1, "kept on the device");
        let summary = queue.summary();
        assert_eq!((summary.waiting, summary.set_aside, summary.set_aside_status), (0, 1, Some(500)));
        assert!(summary.holds_anything(), "a rating set aside is still the resident's to act on");
        queue.record(&stuck, Outcome::Delivered, 7_000, 0.5);
        assert!(queue.items.is_empty(), "a later visit delivers it");
        assert!(!queue.summary().holds_anything());
    }

    #[test]
    fn a_page_going_away_sends_what_fits_oldest_first_and_never_twice() {
        let parcel = |n: u8, bytes: usize| Parcel { body: "x".repeat(bytes), ..rating(n) };
        let waiting = [parcel(1, 20_000), parcel(2, 20_000), parcel(3, 30_000), parcel(4, 100)];
        let ids = |batch: Vec<&Parcel>| batch.into_iter().map(|parcel| parcel.id.clone()).collect::<Vec<_>>();
        // The third does not fit after the first two; nothing younger jumps the queue past it.
        assert_eq!(ids(keep_alive_batch(&waiting, &[])), [rating(1).id, rating(2).id]);
        assert_eq!(ids(keep_alive_batch(&waiting, &[rating(1).id])), [rating(2).id, rating(3).id, rating(4).id]);
        let huge = [parcel(5, KEEP_ALIVE_BUDGET_BYTES)];
        assert!(keep_alive_batch(&huge, &[]).is_empty(), "too big for keep-alive: it waits for the next visit");
    }

    #[test]
    fn a_queue_read_back_is_put_oldest_first_with_ties_in_the_order_read() {
        let queued = |n: u8, queued_ms: u64| Queued::new(rating(n), queued_ms);
        for order in [[30, 10, 20, 10, 40], [40, 30, 20, 10, 10], [10, 10, 20, 30, 40], [20, 20, 20, 10, 30]] {
            let mut items: Vec<Queued> = order.iter().enumerate().map(|(n, ms)| queued(n as u8, *ms)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.queued_ms);
            oldest_first(&mut items);
            assert_eq!(items, expected, "{order:?}");
        }
        oldest_first(&mut []);
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
        let offline = Outcome::Retry { not_before_ms: None, trouble: Trouble::Offline };
        queue.record(&first, offline, 1_000, 0.0);
        assert_eq!(queue.trouble(), Some(Trouble::Offline), "what the waiting ratings are waiting for");
        assert_eq!(queue.due(1_500, false), [rating(2).id], "the failed one waits for its backoff");
        assert_eq!(queue.due(1_500, true).len(), 2, "coming back online sends everything at once");
        queue.record(&rating(2).id, Outcome::Rejected { status: 422 }, 1_000, 0.0);
        assert_eq!(queue.waiting(), 1);
        assert_eq!(queue.rejected().count(), 1, "a refused rating is kept aside, not dropped");
        assert!(!queue.due(u64::MAX, true).contains(&rating(2).id), "and never retried");
        assert_eq!(queue.next_attempt_ms(0), Some(queue.get(&first).unwrap().due_ms));
        assert_eq!(queue.next_attempt_ms(u64::MAX), Some(u64::MAX), "a paused flush waits out the pause");
        assert!(offline.ends_flush() && !Outcome::Delivered.ends_flush());
        queue.record(&first, Outcome::Delivered, 9_000, 0.0);
        assert_eq!(queue.next_attempt_ms(0), None, "nothing left to send; the refused one is never due");
        assert_eq!(queue.waiting(), 0);
        queue.discard_all();
        assert!(queue.items.is_empty());
    }
}
