//! The staff inbox of bad reviews, with each one's age against its deadlines (see `deadlines`),
//! counted from the day it came in or, for a case the resident reopened, from the day they did.

use civic_pulse_core::Day;
use civic_pulse_core::follow_up::Urgency;
use serde::Serialize;

/// One bad review as staff see it. No address, device or time of day exists to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InboxItem {
    pub receipt: String,
    /// The department the case is with (see `departments`), if the city has departments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    pub service: String,
    pub scale: String,
    pub score: u8,
    pub aspects: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub lang: String,
    pub day: String,
    /// The day its close deadline counts from: the day it came in, or was last reopened.
    pub since: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply: Option<String>,
    /// Days open, counted as the close deadline counts them (calendar or working days).
    pub days_open: i64,
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
}
