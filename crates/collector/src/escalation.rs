//! Escalation ("自动触发督办"): when a bad review becomes due soon, goes unacknowledged past its
//! day, or runs overdue, the collector posts it to a webhook the city sets, so the city can send
//! the department head a text message or open a case in its own system. The post says which case
//! and how late it is, never the comment or anything about the resident.
//!
//! Each escalation is recorded first (once per case, urgency and opening; a reopened case
//! escalates again) and then delivered until the receiver answers 2xx, with a backoff that
//! doubles from the check interval up to an hour. A collector claims what it posts (several
//! collectors on one database each take their own), so each is posted once; delivery is at least
//! once: a collector that stops between the receiver's answer and recording it is taken over
//! after the claim runs out, and the escalation posted again with the same `id`.

use std::time::Duration;

use civic_pulse_core::Day;
use civic_pulse_core::follow_up::Urgency;
use serde_json::json;

use crate::deadlines::{Deadlines, format_minute, parse_minute};
use crate::inbox::InboxItem;
use crate::storage::{Storage, Store};

/// Where to post and how often to look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub url: String,
    pub every: Duration,
}

/// One case reaching one urgency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Escalation {
    pub code: String,
    pub service: String,
    pub department: Option<String>,
    pub urgency: Urgency,
    /// When the deadline it missed or nears falls, UTC to the minute.
    pub deadline: String,
    /// When the case came in or was last reopened, UTC to the minute.
    pub opened: String,
}

impl Escalation {
    /// The JSON posted to the webhook, stored as it will be sent.
    pub fn body(&self) -> String {
        json!({
            "id": format!("{}:{}:{}", self.code, self.urgency.code(), self.opened),
            "code": self.code,
            "service": self.service,
            "department": self.department,
            "urgency": self.urgency.code(),
            "deadline": self.deadline,
        })
        .to_string()
    }
}

/// Which recorded escalation an attempt was for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Key {
    pub receipt: String,
    pub urgency: String,
    pub opened: String,
}

/// A recorded escalation waiting for delivery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub key: Key,
    pub body: String,
    pub attempts: i64,
}

/// The outcome of one delivery attempt: `error` is `None` when the receiver took it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub key: Key,
    /// Seconds since 1970 from which to try again.
    pub next_attempt: i64,
    pub error: Option<String>,
}

/// The escalations the open cases call for now: each one's urgency when it is due soon,
/// unacknowledged or overdue, with the deadline concerned.
pub fn due(items: &[InboxItem], deadlines: &Deadlines) -> Vec<Escalation> {
    items
        .iter()
        .filter_map(|item| {
            let received = item.timeline.iter().find(|e| e.kind == "received").map(|e| e.at.clone())?;
            let opened =
                item.timeline.iter().rev().find(|e| e.kind == "reopened").map_or(received.clone(), |e| e.at.clone());
            let deadline = match item.urgency {
                Urgency::Unacknowledged => format_minute(parse_minute(&received)? + deadlines.acknowledge_hours * 60),
                Urgency::DueSoon | Urgency::Overdue => {
                    format!("{}T23:59Z", deadlines.close_by(Day::parse(&item.since)?))
                }
                Urgency::OnTime | Urgency::Answered => return None,
            };
            Some(Escalation {
                code: item.receipt.clone(),
                service: item.service.clone(),
                department: item.department.clone(),
                urgency: item.urgency,
                deadline,
                opened,
            })
        })
        .collect()
}

/// Seconds to wait after `attempts` failed tries: the interval, doubling, at most an hour.
pub fn backoff(attempts: i64, every: Duration) -> i64 {
    let base = i64::try_from(every.as_secs()).unwrap_or(3600).max(1);
    base.saturating_mul(1 << attempts.clamp(0, 12)).min(3600)
}

fn now_seconds() -> i64 {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    i64::try_from(seconds).unwrap_or(0)
}

/// How long one post may take before it counts as failed.
const POST_TIMEOUT: Duration = Duration::from_secs(10);

/// Escalations a collector claims at a time: with several collectors on one database, each
/// claims its own (see `Storage::claim_escalations`), so each escalation is posted once unless a
/// collector stops between posting and recording it.
const CLAIM: u32 = 10;

/// How long a claim holds (seconds): long enough to post everything claimed, with a margin.
const LEASE: i64 = CLAIM as i64 * POST_TIMEOUT.as_secs() as i64 + 60;

/// Posts one escalation; the error says why the receiver did not take it.
fn post(agent: &ureq::Agent, url: &str, body: &str) -> Result<(), String> {
    agent.post(url).header("Content-Type", "application/json").send(body).map(|_| ()).map_err(|error| error.to_string())
}

/// Looks for escalations every interval and delivers what is due, until the process ends.
pub async fn run(
    store: Store,
    settings: Settings,
    deadlines: Deadlines,
    departments: std::sync::Arc<crate::departments::Departments>,
) {
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(POST_TIMEOUT)).build().into();
    let mut ticks = tokio::time::interval(settings.every);
    loop {
        ticks.tick().await;
        let open = crate::inbox::InboxQuery { open_only: true, limit: u32::MAX, ..Default::default() };
        match store.inbox(open, deadlines.clone(), departments.clone(), crate::deadlines::now()).await {
            Ok(page) => {
                if let Err(error) = store.escalate(due(&page.items, &deadlines)).await {
                    tracing::warn!(%error, "escalation");
                }
            }
            Err(error) => tracing::warn!(%error, "escalation"),
        }
        // A few at a time, each claimed for as long as posting them can take, until none is due.
        loop {
            let now = now_seconds();
            let pending = match store.claim_escalations(now, now + LEASE, CLAIM).await {
                Ok(pending) if !pending.is_empty() => pending,
                Ok(_) => break,
                Err(error) => {
                    tracing::warn!(%error, "escalation");
                    break;
                }
            };
            for escalation in pending {
                let (agent, url, body) = (agent.clone(), settings.url.clone(), escalation.body.clone());
                let sent = tokio::task::spawn_blocking(move || post(&agent, &url, &body))
                    .await
                    .unwrap_or_else(|error| Err(error.to_string()));
                let outcome = Attempt {
                    next_attempt: now_seconds() + backoff(escalation.attempts, settings.every),
                    error: sent.err(),
                    key: escalation.key,
                };
                if let Err(error) = store.escalation_tried(outcome).await {
                    tracing::warn!(%error, "escalation");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::CaseEvent;

    fn item(urgency: Urgency, timeline: &[(&str, &str)], since: &str) -> InboxItem {
        InboxItem {
            receipt: "ABCD2345".into(),
            department: Some("transport-bureau".into()),
            service: "transport".into(),
            scale: "five-level".into(),
            score: 1,
            aspects: vec![],
            comment: Some("the bus never came".into()),
            lang: "zh-Hans".into(),
            day: "2026-11-01".into(),
            since: since.into(),
            status: "received".into(),
            reply: None,
            days_open: 0,
            urgency,
            timeline: timeline
                .iter()
                .map(|(kind, at)| CaseEvent { kind: (*kind).into(), at: (*at).into(), department: None, reason: None })
                .collect(),
        }
    }

    #[test]
    fn each_urgency_names_the_deadline_it_concerns_and_never_the_comment() {
        let deadlines = Deadlines::default();
        let late = item(Urgency::Unacknowledged, &[("received", "2026-11-01T08:30Z")], "2026-11-01");
        let overdue = item(
            Urgency::Overdue,
            &[("received", "2026-11-01T08:30Z"), ("answered", "2026-11-02T10:00Z"), ("reopened", "2026-11-03T09:00Z")],
            "2026-11-03",
        );
        let calm = item(Urgency::OnTime, &[("received", "2026-11-01T08:30Z")], "2026-11-01");
        let found = due(&[late, overdue, calm], &deadlines);
        assert_eq!(found.len(), 2, "a case on time is not escalated");
        assert_eq!(found[0].deadline, "2026-11-02T08:30Z", "24 hours after it came in");
        assert_eq!((found[1].deadline.as_str(), found[1].opened.as_str()), ("2026-11-18T23:59Z", "2026-11-03T09:00Z"));
        let body: serde_json::Value = serde_json::from_str(&found[1].body()).unwrap();
        assert_eq!(
            body,
            json!({"id": "ABCD2345:overdue:2026-11-03T09:00Z", "code": "ABCD2345", "service": "transport",
                   "department": "transport-bureau", "urgency": "overdue", "deadline": "2026-11-18T23:59Z"})
        );
        assert!(!found[1].body().contains("bus"), "nothing the resident wrote");
    }

    #[test]
    fn retries_back_off_from_the_interval_to_an_hour() {
        let every = Duration::from_secs(60);
        assert_eq!([0, 1, 2, 5, 40].map(|n| backoff(n, every)), [60, 120, 240, 1920, 3600]);
        assert_eq!(backoff(0, Duration::from_secs(1)), 1);
    }
}
