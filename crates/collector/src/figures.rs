//! The loop's figures, as the city is judged by them: per service and per department, by month
//! or quarter, how long bad reviews waited to be acknowledged and closed (median and 90th
//! percentile), the share acknowledged and closed on time, the share the resident confirmed
//! solved and the share reopened. Every cell of fewer than k bad reviews is hidden whole, and a
//! few more are hidden where a published total minus the shown parts would give a hidden one
//! away (see `suppression::protect`).

use std::collections::BTreeMap;

use civic_pulse_core::Day;
use serde::Serialize;

use crate::deadlines::{Deadlines, Minute};
use crate::suppression::protect;

/// One bad review, as the figures need it. Times are UTC minutes; days count from the day the
/// collector received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    pub service: String,
    pub department: Option<String>,
    /// The rating's day, which places it in a month or quarter.
    pub day: String,
    pub received: Minute,
    /// The first step staff took: acknowledged, in progress or answered.
    pub acknowledged: Option<Minute>,
    /// The first answer.
    pub answered: Option<Minute>,
    pub reopened: bool,
    pub confirmed: bool,
}

impl Case {
    /// A case from what either engine reads: the service, where it was transferred (if ever),
    /// its day and status, the minutes (UTC, as stored) it was received, first acted on and first
    /// answered, and whether it was ever reopened. A case with no received step counts from its day.
    #[allow(clippy::too_many_arguments)]
    pub fn read(
        service: String,
        transferred_to: Option<String>,
        day: String,
        status: &str,
        received: Option<String>,
        acknowledged: Option<String>,
        answered: Option<String>,
        reopened: bool,
        departments: &crate::departments::Departments,
    ) -> Case {
        let minute = |text: Option<String>| text.as_deref().and_then(crate::deadlines::parse_minute);
        let received = minute(received)
            .or_else(|| civic_pulse_core::Day::parse(&day).map(|d| d.days_since_epoch() * 1440))
            .unwrap_or_default();
        Case {
            department: departments.of_case(&service, transferred_to),
            service,
            day,
            confirmed: status == civic_pulse_core::follow_up::FollowUp::Confirmed.code(),
            received,
            acknowledged: minute(acknowledged),
            answered: minute(answered),
            reopened,
        }
    }
}

/// Months or quarters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Month,
    Quarter,
}

impl Period {
    /// `2026-11` or `2026-Q4`, from a day written `2026-11-05`.
    pub fn of(self, day: &str) -> Option<String> {
        let month: u32 = day.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?;
        let year = day.get(0..4)?;
        Some(match self {
            Period::Month => format!("{year}-{month:02}"),
            Period::Quarter => format!("{year}-Q{}", (month - 1) / 3 + 1),
        })
    }
}

/// A middle and a high value of a spread of waits: the median and the 90th percentile, each by
/// nearest rank (the smallest value with at least that share of values at or below it), so each
/// is a wait some case really had.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Spread {
    pub median: f64,
    pub p90: f64,
}

/// The value at nearest rank `ceil(share × n)` of sorted values.
fn nearest_rank(sorted: &[f64], share: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = ((share * n as f64).ceil() as usize).clamp(1, n);
    sorted.get(rank - 1).copied()
}

fn spread(mut values: Vec<f64>) -> Option<Spread> {
    values.sort_by(f64::total_cmp);
    Some(Spread { median: nearest_rank(&values, 0.5)?, p90: nearest_rank(&values, 0.9)? })
}

/// A share with the counts it comes from, so a reader can see how many it rests on.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Share {
    pub of: u32,
    pub count: u32,
    pub share: f64,
}

fn share(count: u32, of: u32) -> Option<Share> {
    (of > 0).then(|| Share { of, count, share: f64::from(count) / f64::from(of) })
}

/// What is published for one group in one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    /// Bad reviews in the period.
    pub cases: u32,
    /// Hours from arrival to the first step staff took, over cases staff have acted on.
    pub acknowledge_hours: Option<Spread>,
    /// Days (as the close deadline counts them) from arrival to the first answer, over answered cases.
    pub close_days: Option<Spread>,
    /// Of cases acknowledged, or whose acknowledge deadline has passed: acknowledged in time.
    pub acknowledged_on_time: Option<Share>,
    /// Of cases answered, or whose close deadline has passed: first answered in time.
    pub closed_on_time: Option<Share>,
    /// Of cases answered: the resident confirmed the problem solved.
    pub confirmed_solved: Option<Share>,
    /// Of cases answered: the resident said it was not solved at least once.
    pub reopened: Option<Share>,
}

/// One cell: a group (the whole city, a service or a department) in one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    pub period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// In the department split: the department, or `null` for services no department answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<Option<String>>,
    /// Fewer than k bad reviews, or hidden to protect one that has: nothing else is published.
    pub suppressed: bool,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub figures: Option<Figures>,
}

/// A range taken out to whole quarters: `from` back to its quarter's first day, `to` on to its
/// quarter's last. Months sit under their quarter (see [`report`]), so both must come from the
/// same whole quarters, or a month hidden in one answer could be had from another.
pub fn whole_quarters(from: Option<&str>, to: Option<&str>) -> (Option<String>, Option<String>) {
    let start = |day: &str| -> Option<(i64, i64)> {
        let (year, month): (i64, i64) = (day.get(..4)?.parse().ok()?, day.get(5..7)?.parse().ok()?);
        Some((year, (month - 1) / 3 * 3 + 1))
    };
    let first = from.and_then(start).map(|(year, month)| format!("{year:04}-{month:02}-01"));
    let last = to
        .and_then(start)
        .and_then(|(year, month)| crate::deadlines::last_day_of_month(year, month + 2))
        .map(|day| day.to_string());
    (first, last)
}

/// Everything `GET /v1/figures` answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub by: Period,
    /// The range counted, in whole quarters (see [`whole_quarters`]); absent: everything.
    pub from: Option<String>,
    pub to: Option<String>,
    pub min_cell: u32,
    pub city: Vec<Cell>,
    pub services: Vec<Cell>,
    pub departments: Vec<Cell>,
}

fn figures_of(cases: &[&Case], deadlines: &Deadlines, now: Minute) -> Figures {
    let day_of = crate::deadlines::day_of;
    let today = day_of(now);
    let acknowledge_limit = deadlines.acknowledge_hours * 60;
    let mut acknowledge_waits = Vec::new();
    let mut close_waits = Vec::new();
    let (mut ack_of, mut ack_in_time, mut close_of, mut close_in_time) = (0, 0, 0, 0);
    let (mut answered, mut confirmed, mut reopened) = (0, 0, 0);
    for case in cases {
        if let Some(at) = case.acknowledged {
            acknowledge_waits.push((at - case.received) as f64 / 60.0);
            ack_of += 1;
            ack_in_time += u32::from(at - case.received <= acknowledge_limit);
        } else if now - case.received > acknowledge_limit {
            ack_of += 1;
        }
        let days = |to: Option<Day>| match (day_of(case.received), to) {
            (Some(from), Some(to)) => deadlines.days_between(from, to),
            _ => 0,
        };
        if let Some(at) = case.answered {
            let waited = days(day_of(at));
            close_waits.push(waited as f64);
            close_of += 1;
            close_in_time += u32::from(waited <= deadlines.close_days);
            answered += 1;
            confirmed += u32::from(case.confirmed);
            reopened += u32::from(case.reopened);
        } else if days(today) > deadlines.close_days {
            close_of += 1;
        }
    }
    Figures {
        cases: u32::try_from(cases.len()).unwrap_or(u32::MAX),
        // Hours to a tenth, so a median is readable and a wait of minutes is not rounded to none.
        acknowledge_hours: spread(acknowledge_waits.into_iter().map(|h| (h * 10.0).round() / 10.0).collect()),
        close_days: spread(close_waits),
        acknowledged_on_time: share(ack_in_time, ack_of),
        closed_on_time: share(close_in_time, close_of),
        confirmed_solved: share(confirmed, answered),
        reopened: share(reopened, answered),
    }
}

/// Whose figures a cell holds.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    City,
    Service(String),
    /// `None`: the services no department answers.
    Department(Option<String>),
}

/// The figures by `by`, each cell under k hidden, and the cells that would reveal a hidden one
/// hidden too: services and departments under the city's total, a department's services under
/// the department, and (by month) each group's months under its quarter, which the same API
/// publishes.
pub fn report(cases: &[Case], deadlines: &Deadlines, now: Minute, by: Period, min_cell: u32) -> Report {
    type Key = (String, Group);
    let mut cells: BTreeMap<Key, Vec<&Case>> = BTreeMap::new();
    let mut quarter_sizes: BTreeMap<Key, u32> = BTreeMap::new();
    for case in cases {
        let Some(period) = by.of(&case.day) else { continue };
        let groups = [Group::City, Group::Service(case.service.clone()), Group::Department(case.department.clone())];
        for group in groups {
            if let Some(quarter) = Period::Quarter.of(&case.day) {
                *quarter_sizes.entry((quarter, group.clone())).or_default() += 1;
            }
            cells.entry((period.clone(), group)).or_default().push(case);
        }
    }
    let size = |key: &Key| cells.get(key).map_or(0, |group| u32::try_from(group.len()).unwrap_or(u32::MAX));
    // Each published total and the cells that add up to it.
    let mut partitions: Vec<(Option<Key>, Vec<Key>)> = Vec::new();
    let periods: std::collections::BTreeSet<String> = cells.keys().map(|(period, _)| period.clone()).collect();
    for period in &periods {
        let of_period = |wanted: fn(&Group) -> bool| -> Vec<Key> {
            cells.keys().filter(|(p, group)| p == period && wanted(group)).cloned().collect()
        };
        let total = Some((period.clone(), Group::City));
        partitions.push((total.clone(), of_period(|g| matches!(g, Group::Service(_)))));
        partitions.push((total, of_period(|g| matches!(g, Group::Department(_)))));
        // A department's services, where its cases are exactly theirs (no transfers across).
        for department in of_period(|g| matches!(g, Group::Department(_))) {
            let Group::Department(id) = &department.1 else { continue };
            let services: Vec<Key> = of_period(|g| matches!(g, Group::Service(_)))
                .into_iter()
                .filter(|key| cells[key].iter().all(|case| &case.department == id))
                .collect();
            if services.iter().map(size).sum::<u32>() == size(&department) {
                partitions.push((Some(department), services));
            }
        }
    }
    if by == Period::Month {
        let mut months: BTreeMap<Key, Vec<Key>> = BTreeMap::new();
        for key in cells.keys() {
            if let Some(quarter) = Period::Quarter.of(&format!("{}-01", key.0)) {
                months.entry((quarter, key.1.clone())).or_default().push(key.clone());
            }
        }
        for (quarter, keys) in months {
            // The quarter's cell is published when it holds k (it is not a cell of this answer).
            if quarter_sizes.get(&quarter).copied().unwrap_or(0) >= min_cell {
                partitions.push((None, keys));
            }
        }
    }
    let mut hidden: BTreeMap<Key, bool> = cells.keys().map(|key| (key.clone(), size(key) < min_cell)).collect();
    let mut changed = true;
    while changed {
        changed = false;
        for (total, keys) in &partitions {
            if total.as_ref().is_some_and(|total| hidden[total]) {
                continue;
            }
            let mut parts: Vec<(u32, bool)> = keys.iter().map(|key| (size(key), hidden[key])).collect();
            if protect(&mut parts, min_cell) {
                changed = true;
                for (key, (_, now_hidden)) in keys.iter().zip(parts) {
                    hidden.insert(key.clone(), now_hidden);
                }
            }
        }
    }
    let mut report =
        Report { by, from: None, to: None, min_cell, city: Vec::new(), services: Vec::new(), departments: Vec::new() };
    for (key, group) in &cells {
        let suppressed = hidden[key];
        let mut cell = Cell {
            period: key.0.clone(),
            service: None,
            department: None,
            suppressed,
            figures: (!suppressed).then(|| figures_of(group, deadlines, now)),
        };
        match &key.1 {
            Group::City => report.city.push(cell),
            Group::Service(service) => {
                cell.service = Some(service.clone());
                report.services.push(cell);
            }
            Group::Department(department) => {
                cell.department = Some(department.clone());
                report.departments.push(cell);
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadlines::parse_minute;

    fn at(text: &str) -> Minute {
        parse_minute(text).unwrap()
    }

    fn case(service: &str, received: &str, acknowledged: Option<&str>, answered: Option<&str>) -> Case {
        Case {
            service: service.into(),
            department: Some(format!("{service}-office")),
            day: received[..10].into(),
            received: at(received),
            acknowledged: acknowledged.map(at),
            answered: answered.map(at),
            reopened: false,
            confirmed: false,
        }
    }

    /// Five November cases, worked by hand in the comments; "now" is 2026-12-10.
    fn november() -> Vec<Case> {
        vec![
            // 2 hours to acknowledge, 3 days to answer, confirmed solved.
            Case {
                confirmed: true,
                ..case("transport", "2026-11-02T08:00Z", Some("2026-11-02T10:00Z"), Some("2026-11-05T09:00Z"))
            },
            // 36 hours (late), 17 days (late), reopened by the resident.
            Case {
                reopened: true,
                ..case("transport", "2026-11-03T08:00Z", Some("2026-11-04T20:00Z"), Some("2026-11-20T08:00Z"))
            },
            // 6 hours, 2 days; the resident has not answered.
            case("transport", "2026-11-10T00:00Z", Some("2026-11-10T06:00Z"), Some("2026-11-12T00:00Z")),
            // Never acknowledged, open 20 days: late on both counts.
            case("transport", "2026-11-20T00:00Z", None, None),
            // 1 hour; open 10 days, its close deadline not yet come: not counted for closing.
            case("transport", "2026-11-30T12:00Z", Some("2026-11-30T13:00Z"), None),
        ]
    }

    #[test]
    fn figures_of_a_small_month_match_the_hand_count() {
        let report = report(&november(), &Deadlines::default(), at("2026-12-10T00:00Z"), Period::Month, 5);
        let figures = report.services[0].figures.clone().unwrap();
        assert_eq!(figures.cases, 5);
        // Waits 1, 2, 6, 36 hours: nearest rank 2 of 4 is 2; rank 4 of 4 is 36.
        assert_eq!(figures.acknowledge_hours, Some(Spread { median: 2.0, p90: 36.0 }));
        // 2, 3, 17 days: rank 2 of 3 is 3; rank 3 of 3 is 17.
        assert_eq!(figures.close_days, Some(Spread { median: 3.0, p90: 17.0 }));
        assert_eq!(figures.acknowledged_on_time, Some(Share { of: 5, count: 3, share: 0.6 }));
        assert_eq!(figures.closed_on_time, Some(Share { of: 4, count: 2, share: 0.5 }));
        assert_eq!(figures.confirmed_solved.map(|s| (s.count, s.of)), Some((1, 3)));
        assert_eq!(figures.reopened.map(|s| (s.count, s.of)), Some((1, 3)));
        assert_eq!(
            (report.city[0].period.as_str(), report.city[0].figures.as_ref().map(|f| f.cases)),
            ("2026-11", Some(5))
        );
        let quarter = self::report(&november(), &Deadlines::default(), at("2026-12-10T00:00Z"), Period::Quarter, 5);
        assert_eq!(quarter.city[0].period, "2026-Q4");
    }

    #[test]
    fn a_small_cell_is_hidden_and_so_is_the_one_that_would_give_it_away() {
        let mut cases = november();
        cases.push(case("healthcare", "2026-11-04T08:00Z", None, None));
        cases.push(case("healthcare", "2026-11-05T08:00Z", None, None));
        let report = report(&cases, &Deadlines::default(), at("2026-12-10T00:00Z"), Period::Month, 5);
        assert!(!report.city[0].suppressed, "7 cases city-wide are published");
        let hidden: Vec<bool> = report.services.iter().map(|cell| cell.suppressed).collect();
        assert_eq!(hidden, [true, true], "healthcare has 2; transport would be 7 minus it, so it goes too");
        assert!(report.departments.iter().all(|cell| cell.suppressed && cell.figures.is_none()));
        let json = serde_json::to_value(&report.services[0]).unwrap();
        assert_eq!(json, serde_json::json!({"period": "2026-11", "service": "healthcare", "suppressed": true}));
    }

    #[test]
    fn a_month_under_k_is_not_left_to_subtract_from_its_quarter() {
        let mut cases = Vec::new();
        for (month, count) in [("10", 6), ("11", 5), ("12", 2)] {
            for n in 0..count {
                cases.push(case("transport", &format!("2026-{month}-{:02}T08:00Z", n + 1), None, None));
            }
        }
        let report = report(&cases, &Deadlines::default(), at("2026-12-20T00:00Z"), Period::Month, 5);
        let hidden: Vec<(&str, bool)> =
            report.services.iter().map(|cell| (cell.period.as_str(), cell.suppressed)).collect();
        assert_eq!(hidden, [("2026-10", false), ("2026-11", true), ("2026-12", true)], "Q4 minus October and November");
        let city: Vec<bool> = report.city.iter().map(|cell| cell.suppressed).collect();
        assert_eq!(city, [false, true, true]);
    }

    #[test]
    fn nearest_ranks_and_periods() {
        assert_eq!(nearest_rank(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 0.9), Some(9.0));
        assert_eq!(Period::Quarter.of("2026-04-01").as_deref(), Some("2026-Q2"));
        assert_eq!(
            whole_quarters(Some("2026-11-05"), Some("2026-11-20")),
            (Some("2026-10-01".to_owned()), Some("2026-12-31".to_owned()))
        );
        assert_eq!(whole_quarters(Some("2026-02-10"), Some("2026-05-01")).1.as_deref(), Some("2026-06-30"));
        assert_eq!(whole_quarters(None, None), (None, None));
        assert_eq!(Period::Month.of("2026-13-01"), None);
    }
}
