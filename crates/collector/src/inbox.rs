//! The staff inbox of bad reviews, with each one's age against its deadlines (see `deadlines`),
//! counted from the day it came in or, for a case the resident reopened, from the day they did.

use civic_pulse_core::Day;
use civic_pulse_core::follow_up::Urgency;
use serde::Serialize;

pub use civic_pulse_core::collector_api::{InboxCounts, InboxItem};

/// One case of a page as either engine reads it, before it is an [`InboxItem`].
pub struct InboxRow {
    pub rating: civic_pulse_core::RatingV1,
    pub receipt: String,
    pub status: String,
    pub reply: Option<String>,
    /// The day its deadline counts from (see [`InboxItem::since`]).
    pub since: String,
    /// Where staff last transferred it, if ever.
    pub transferred_to: Option<String>,
    pub key: PageKey,
    pub timeline: Vec<crate::storage::CaseEvent>,
}

/// A page from the rows read for it (one more than `limit`, to know whether there are more):
/// each with its department, its days open under `deadlines` on `today`, and its urgency.
pub fn page(
    rows: Vec<InboxRow>,
    limit: u32,
    counts: InboxCounts,
    deadlines: &crate::deadlines::Deadlines,
    today: Day,
    departments: &crate::departments::Departments,
) -> InboxPage {
    let limit = limit as usize;
    let next = (rows.len() > limit).then(|| rows[limit - 1].key.token());
    let items = rows
        .into_iter()
        .take(limit)
        .map(|row| InboxItem {
            department: departments.of_case(&row.rating.service, row.transferred_to),
            // A reopened case's deadline runs again from the day it was reopened.
            days_open: Day::parse(&row.since).map_or(0, |day| deadlines.days_between(day, today)),
            urgency: urgency_of_rank(row.key.rank),
            timeline: row.timeline,
            receipt: row.receipt,
            service: row.rating.service,
            scale: row.rating.scale,
            score: row.rating.score,
            aspects: row.rating.aspects,
            comment: row.rating.comment,
            lang: row.rating.lang,
            day: row.rating.day,
            since: row.since,
            status: row.status,
            reply: row.reply,
        })
        .collect();
    InboxPage { items, next, counts }
}

/// What one page of the inbox asks for. Urgency is not stored: it follows from each case's
/// opening day and the moment `now`, which a paging session keeps from its first page so every
/// page ranks the cases alike.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxQuery {
    /// One department's cases (a department token, or the city's staff choosing one).
    pub department: Option<String>,
    pub service: Option<String>,
    pub status: Option<civic_pulse_core::follow_up::FollowUp>,
    pub urgency: Option<Urgency>,
    /// Open cases only (the escalation check).
    pub open_only: bool,
    /// Where the previous page ended.
    pub after: Option<PageKey>,
    pub limit: u32,
}

/// Where a page ends in the inbox's order: most urgent first (see [`rank`]), then oldest
/// opening day first (newest answer first among answered cases), then arrival order. Sent to
/// the client as an opaque token with the moment the session ranks by, so any collector behind a
/// load balancer can serve the next page, with no offset and no cursor held open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageKey {
    pub now: crate::deadlines::Minute,
    pub rank: i64,
    pub age: i64,
    pub row: i64,
}

impl PageKey {
    /// `now.rank.age.row` in plain digits: opaque to the client, exact in the API's document.
    pub fn token(self) -> String {
        format!("{}.{}.{}.{}", self.now, self.rank, self.age, self.row)
    }

    /// A token as [`PageKey::token`] writes it, and only that (the API's document states the
    /// same as `TOKEN_PATTERN`): a moment of at most 9 digits (to the year 3871), a rank 0 to 4,
    /// an age of at most 7 digits, a row of at most 18.
    pub fn parse(token: &str) -> Option<PageKey> {
        let number = |part: &str, signed: bool, most: usize| -> Option<i64> {
            let digits = if signed { part.strip_prefix('-').unwrap_or(part) } else { part };
            (1..=most).contains(&digits.len()).then_some(())?;
            digits.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let parts: Vec<&str> = token.split('.').collect();
        let [now, rank, age, row] = parts.as_slice() else { return None };
        let key = PageKey {
            now: number(now, false, 9)?,
            rank: number(rank, false, 1)?,
            age: number(age, true, 7)?,
            row: number(row, false, 18)?,
        };
        (0..=4).contains(&key.rank).then_some(key)
    }
}

/// What `PageKey::parse` takes, as the API's document states it.
pub const TOKEN_PATTERN: &str = r"^[0-9]{1,9}\.[0-4]\.-?[0-9]{1,7}\.[0-9]{1,18}$";

/// The inbox's order of urgency: overdue, not acknowledged in time, due soon, on time, answered.
pub fn rank(urgency: Urgency) -> i64 {
    match urgency {
        Urgency::Overdue => 0,
        Urgency::Unacknowledged => 1,
        Urgency::DueSoon => 2,
        Urgency::OnTime => 3,
        Urgency::Answered => 4,
    }
}

pub fn urgency_of_rank(rank: i64) -> Urgency {
    Urgency::ALL.into_iter().find(|urgency| self::rank(*urgency) == rank).unwrap_or(Urgency::OnTime)
}

/// One page, with how many cases each filter value holds under the other filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct InboxPage {
    pub items: Vec<InboxItem>,
    /// The token for the next page; `None` on the last.
    pub next: Option<String>,
    pub counts: InboxCounts,
}

/// The counts per filter value from the inbox's cases grouped by service, status and rank
/// (`(service, status, rank, cases)`): each filter's values counted under the other filters. The
/// groups are few (services × statuses × 5 ranks), whatever the number of cases.
pub fn counts(groups: impl IntoIterator<Item = (String, String, i64, u32)>, query: &InboxQuery) -> InboxCounts {
    let status_filter = query.status.map(|s| s.code());
    let rank_filter = query.urgency.map(rank);
    let mut counts = InboxCounts::default();
    for (service, status, rank, cases) in groups {
        let service_ok = query.service.as_ref().is_none_or(|s| *s == service);
        let status_ok = status_filter.is_none_or(|s| s == status);
        let rank_ok = rank_filter.is_none_or(|r| r == rank);
        if service_ok && status_ok {
            *counts.urgency.entry(urgency_of_rank(rank).code().to_owned()).or_default() += cases;
        }
        if service_ok && rank_ok {
            *counts.status.entry(status.clone()).or_default() += cases;
        }
        if status_ok && rank_ok {
            *counts.service.entry(service).or_default() += cases;
        }
    }
    counts
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
    fn a_page_token_reads_back_and_nothing_else_does() {
        let key = PageKey { now: 29_000_000, rank: 2, age: -20_400, row: 17 };
        assert_eq!(PageKey::parse(&key.token()), Some(key));
        for bad in ["", "not-a-token", "1.9.3.4", "1.2.3", "1.2.3.4.5", "1234567890.1.2.3", "1.1.+2.3", "1.1.--2.3"] {
            assert_eq!(PageKey::parse(bad), None, "{bad}");
        }
        assert_eq!(PageKey::parse("999999999.4.-9999999.999999999999999999").map(|k| k.rank), Some(4));
        let document: serde_json::Value = serde_json::from_str(include_str!("../openapi.json")).unwrap();
        let after = document["paths"]["/v1/staff/inbox"]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "after")
            .unwrap();
        assert_eq!(after["schema"]["pattern"], TOKEN_PATTERN, "the document states the token's form");
        assert!(Urgency::ALL.iter().all(|u| urgency_of_rank(rank(*u)) == *u));
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
