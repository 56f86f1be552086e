//! The two deadlines of the bad-review loop, as the quality-assurance report sets them: a bad
//! review is acknowledged within a day ("24小时内响应") and closed within 15 days ("15天办结").
//! Both are settings; closing may count working days instead, with the city's own holiday
//! calendar, since only the city knows its public holidays and working weekends.

use std::collections::BTreeSet;

use civic_pulse_core::Day;
use civic_pulse_core::follow_up::{FollowUp, Urgency};

/// How the close deadline counts days.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Counting {
    /// Every day counts (the report's 15 days).
    #[default]
    Calendar,
    /// Monday to Friday, less the city's holidays.
    Working { holidays: BTreeSet<Day> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadlines {
    /// A case nobody has acknowledged this long after it came in is late.
    pub acknowledge_hours: i64,
    /// A case not closed this many days (by `counting`) after it came in, or was reopened, is
    /// overdue; from two thirds of it, due soon.
    pub close_days: i64,
    pub counting: Counting,
}

impl Default for Deadlines {
    fn default() -> Deadlines {
        Deadlines { acknowledge_hours: 24, close_days: 15, counting: Counting::Calendar }
    }
}

/// A moment on the timeline: minutes since 1970-01-01 UTC.
pub type Minute = i64;

/// Now, to the minute: the collector's one clock for the timeline, the inbox and its "today".
pub fn now() -> Minute {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    i64::try_from(seconds / 60).unwrap_or(0)
}

/// The day (UTC) a moment falls on; `None` outside the years 1970 to 9999.
pub fn day_of(minute: Minute) -> Option<Day> {
    Day::from_days_since_epoch(minute.div_euclid(1440))
}

/// The last day of a month (1 to 12) of a year: for month-wide and quarter-wide ranges.
pub fn last_day_of_month(year: i64, month: i64) -> Option<Day> {
    let next = if month >= 12 { format!("{:04}-01-01", year + 1) } else { format!("{year:04}-{:02}-01", month + 1) };
    Day::from_days_since_epoch(Day::parse(&next)?.days_since_epoch() - 1)
}

/// Writes a moment as the timeline stores it, `2026-12-02T09:41Z` (the inverse of [`parse_minute`]).
pub fn format_minute(minute: Minute) -> String {
    let day = day_of(minute).map_or_else(String::new, |d| d.to_string());
    let of_day = minute.rem_euclid(1440);
    format!("{day}T{:02}:{:02}Z", of_day / 60, of_day % 60)
}

/// Reads `2026-12-02T09:41Z`, as the timeline stores moments.
pub fn parse_minute(text: &str) -> Option<Minute> {
    let (day, time) = text.strip_suffix('Z')?.split_once('T')?;
    let (hours, minutes) = time.split_once(':')?;
    let (hours, minutes): (i64, i64) = (hours.parse().ok()?, minutes.parse().ok()?);
    ((0..24).contains(&hours) && (0..60).contains(&minutes))
        .then(|| Day::parse(day).map(|day| day.days_since_epoch() * 1440 + hours * 60 + minutes))?
}

impl Deadlines {
    /// Days counted from `from` to `to` (0 on the same day and for a `to` before `from`).
    pub fn days_between(&self, from: Day, to: Day) -> i64 {
        let (start, end) = (from.days_since_epoch(), to.days_since_epoch());
        match &self.counting {
            Counting::Calendar => (end - start).max(0),
            // A range backwards would panic in the set: nothing is open before it came in.
            Counting::Working { .. } if end <= start => 0,
            Counting::Working { holidays } => {
                let worked = crate::inbox::working_days_between(from, to);
                let off = holidays
                    .range(from..=to)
                    .filter(|day| day.days_since_epoch() > start && (day.days_since_epoch() + 3).rem_euclid(7) < 5)
                    .count();
                worked - off as i64
            }
        }
    }

    /// The last day a case open since `since` is on time: the first day `close_days` count to.
    pub fn close_by(&self, since: Day) -> Day {
        let start = since.days_since_epoch();
        // Working days with a year of holidays still reach the count within a few times its span.
        (1..=self.close_days * 3 + 400)
            .filter_map(|offset| Day::from_days_since_epoch(start + offset))
            .find(|day| self.days_between(since, *day) >= self.close_days)
            .unwrap_or(since)
    }

    /// The first day a case can have opened and not yet be overdue `today`: a case open since an
    /// earlier day is overdue. Days open only grow as the opening day moves back, so the inbox can
    /// filter overdue cases by this one day.
    pub fn overdue_before(&self, today: Day) -> Day {
        let end = today.days_since_epoch();
        (0..=self.close_days * 3 + 400)
            .filter_map(|back| Day::from_days_since_epoch(end - back))
            .take_while(|since| self.days_between(*since, today) <= self.close_days)
            .last()
            .unwrap_or(today)
    }

    /// The last day a case can have opened and be due soon (or later) `today`.
    pub fn due_soon_until(&self, today: Day) -> Day {
        let end = today.days_since_epoch();
        (0..=self.close_days * 3 + 400)
            .filter_map(|back| Day::from_days_since_epoch(end - back))
            .find(|since| self.days_between(*since, today) >= self.due_soon_from())
            .unwrap_or(today)
    }

    /// From this many days open, a case is due soon: two thirds of the close deadline (10 of 15).
    pub fn due_soon_from(&self) -> i64 {
        self.close_days * 2 / 3
    }

    /// How urgent a case is now. Overdue comes first; then a case nobody has acknowledged past
    /// its day; then due soon.
    pub fn urgency(&self, status: FollowUp, received: Minute, days_open: i64, now: Minute) -> Urgency {
        if status.is_closed() {
            Urgency::Answered
        } else if days_open > self.close_days {
            Urgency::Overdue
        } else if status == FollowUp::Received && now - received > self.acknowledge_hours * 60 {
            Urgency::Unacknowledged
        } else if days_open >= self.due_soon_from() {
            Urgency::DueSoon
        } else {
            Urgency::OnTime
        }
    }
}

/// The city's holiday calendar: one `YYYY-MM-DD` a line, `#` starting a comment. The error names
/// the first line that is not a date.
pub fn read_holidays(text: &str) -> Result<BTreeSet<Day>, String> {
    let mut days = BTreeSet::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        days.insert(
            Day::parse(line).ok_or_else(|| format!("line {}: {line:?} is not a date written YYYY-MM-DD", index + 1))?,
        );
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap()
    }

    fn at(text: &str) -> Minute {
        parse_minute(text).unwrap()
    }

    #[test]
    fn acknowledging_is_due_within_the_day_to_the_minute() {
        let deadlines = Deadlines::default();
        let received = at("2026-11-30T10:00Z");
        let urgency = |now: &str| deadlines.urgency(FollowUp::Received, received, 0, at(now));
        assert_eq!(urgency("2026-12-01T09:59Z"), Urgency::OnTime, "23:59 after");
        assert_eq!(urgency("2026-12-01T10:00Z"), Urgency::OnTime, "exactly 24 hours");
        assert_eq!(urgency("2026-12-01T10:01Z"), Urgency::Unacknowledged, "24:01 after");
        assert_eq!(
            deadlines.urgency(FollowUp::Acknowledged, received, 1, at("2026-12-01T10:01Z")),
            Urgency::OnTime,
            "acknowledged in time, the case is simply open"
        );
        assert_eq!(deadlines.urgency(FollowUp::Received, received, 16, at("2026-12-16T10:00Z")), Urgency::Overdue);
        assert_eq!(parse_minute("2026-12-01T24:00Z"), None);
        assert_eq!(format_minute(at("2026-12-01T09:05Z")), "2026-12-01T09:05Z", "written as it is read");
    }

    #[test]
    fn closing_counts_calendar_days_or_working_days_less_the_citys_holidays() {
        let calendar = Deadlines::default();
        assert_eq!(calendar.days_between(day("2026-09-30"), day("2026-10-08")), 8);
        let holidays = read_holidays("# National Day week\n2026-10-01\n2026-10-02 # Friday\n2026-10-05\n\n").unwrap();
        let working = Deadlines { counting: Counting::Working { holidays }, ..Deadlines::default() };
        // 2026-09-30 is a Wednesday: Oct 1, 2 and 5 are holidays; Oct 6, 7, 8 are worked.
        assert_eq!(working.days_between(day("2026-09-30"), day("2026-10-08")), 3);
        assert_eq!(working.days_between(day("2026-10-08"), day("2026-09-30")), 0);
        assert_eq!(calendar.due_soon_from(), 10);
        assert_eq!(calendar.close_by(day("2026-09-30")), day("2026-10-15"));
        // Calendar: overdue when opened before Nov 17 (16 days before Dec 2 is past 15); due soon
        // when opened Nov 22 or earlier (10 days).
        assert_eq!(calendar.overdue_before(day("2026-12-02")), day("2026-11-17"));
        assert_eq!(calendar.due_soon_until(day("2026-12-02")), day("2026-11-22"));
        for since in ["2026-11-10", "2026-11-16", "2026-11-17", "2026-11-22", "2026-11-23", "2026-12-02"] {
            let open = calendar.days_between(day(since), day("2026-12-02"));
            assert_eq!(day(since) < calendar.overdue_before(day("2026-12-02")), open > 15, "{since}");
            assert_eq!(day(since) <= calendar.due_soon_until(day("2026-12-02")), open >= 10, "{since}");
        }
        // Working days with holidays: the two days agree with counting, for every opening day.
        let today = day("2026-10-20");
        for back in 0..90 {
            let since = Day::from_days_since_epoch(today.days_since_epoch() - back).unwrap();
            let open = working.days_between(since, today);
            assert_eq!(since < working.overdue_before(today), open > 15, "{since}");
            assert_eq!(since <= working.due_soon_until(today), open >= 10, "{since}");
        }
        let short = Deadlines { close_days: 3, ..working.clone() };
        assert_eq!(short.close_by(day("2026-09-30")), day("2026-10-08"), "Oct 6, 7 and 8 are the first worked days");
        assert_eq!(
            read_holidays("2026-10-01\nOctober 2\n").unwrap_err(),
            "line 2: \"October 2\" is not a date written YYYY-MM-DD"
        );
    }
}
