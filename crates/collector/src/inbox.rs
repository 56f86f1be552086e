//! The staff inbox of bad reviews, with each one's age in working days against the follow-up
//! deadline (the source reports set 10 to 15 working days for answering a bad review), counted
//! from the day it came in or, for a case the resident reopened, from the day they did.

use civic_pulse_core::Day;
use civic_pulse_core::follow_up::{FollowUp, Urgency};
use serde::Serialize;

/// A bad review is due for an answer within this many working days; past it, it is overdue.
pub const DEADLINE_WORKING_DAYS: i64 = 15;
/// From this age on, the inbox marks it as due soon.
pub const DUE_SOON_WORKING_DAYS: i64 = 10;

/// One bad review as staff see it. No address, device or time of day exists to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InboxItem {
    pub receipt: String,
    pub service: String,
    pub scale: String,
    pub score: u8,
    pub aspects: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub lang: String,
    pub day: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    pub working_days_open: i64,
    pub urgency: Urgency,
    /// Every step of the case, to the minute (UTC).
    pub timeline: Vec<crate::storage::CaseEvent>,
}

/// Monday-to-Friday days after `from` up to and including `to` (0 on the same day, and for a
/// `to` before `from`). Public holidays are not known here; staff allow for them.
pub fn working_days_between(from: Day, to: Day) -> i64 {
    let (start, end) = (from.days_since_epoch(), to.days_since_epoch());
    if end <= start {
        return 0;
    }
    // 1970-01-01 was a Thursday: weekday index 0 = Monday gives (days + 3) % 7.
    let is_working = |day: i64| (day + 3).rem_euclid(7) < 5;
    let span = end - start;
    let full_weeks = span / 7;
    let rest = ((start + full_weeks * 7 + 1)..=end).filter(|day| is_working(*day)).count() as i64;
    full_weeks * 5 + rest
}

/// How urgent a review is, from its status and age.
pub fn urgency(status: &str, working_days_open: i64) -> Urgency {
    if FollowUp::parse(status).is_some_and(FollowUp::is_closed) {
        Urgency::Answered
    } else if working_days_open > DEADLINE_WORKING_DAYS {
        Urgency::Overdue
    } else if working_days_open >= DUE_SOON_WORKING_DAYS {
        Urgency::DueSoon
    } else {
        Urgency::OnTime
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    #[test]
    fn counts_only_weekdays() {
        // 2026-11-20 is a Friday.
        assert_eq!(working_days_between(day("2026-11-20"), day("2026-11-20")), 0);
        assert_eq!(working_days_between(day("2026-11-20"), day("2026-11-22")), 0, "the weekend does not count");
        assert_eq!(working_days_between(day("2026-11-20"), day("2026-11-23")), 1);
        assert_eq!(working_days_between(day("2026-11-20"), day("2026-11-27")), 5);
        assert_eq!(working_days_between(day("2026-11-02"), day("2026-11-23")), 15, "three weeks");
        assert_eq!(working_days_between(day("2026-11-23"), day("2026-11-20")), 0);
        for (from, to) in [("2024-02-26", "2024-03-04"), ("2026-12-28", "2027-01-05")] {
            let brute = (day(from).days_since_epoch() + 1..=day(to).days_since_epoch())
                .filter(|d| (d + 3).rem_euclid(7) < 5)
                .count() as i64;
            assert_eq!(working_days_between(day(from), day(to)), brute, "{from}..{to}");
        }
    }

    #[test]
    fn urgency_follows_the_deadline() {
        assert_eq!(urgency("received", 3), Urgency::OnTime);
        assert_eq!(urgency("in-progress", 10), Urgency::DueSoon);
        assert_eq!(urgency("received", 16), Urgency::Overdue);
        assert_eq!(urgency("answered", 40), Urgency::Answered);
        assert_eq!(urgency("confirmed", 40), Urgency::Answered);
        assert_eq!(urgency("reopened", 16), Urgency::Overdue, "a reopened case is open again");
    }
}
