//! Satisfaction per service by ISO week and by quarter, beside the months and days the summary
//! already publishes, k-suppressed so that no answer, alone or beside the others, gives away
//! fewer than k ratings.
//!
//! Weeks do not tile months: a week that straddles two months belongs to neither, and a month
//! that happens to run Monday to Sunday (February 2027) is four whole weeks. A reader who has the
//! month, its shown days and its shown weeks can subtract. So the rule is stated on days, the
//! grid every figure is a sum of. Which days are hidden is the summary's rule (`by=day`). Each
//! hidden day is then labelled with the published figures it counts in (its week, month and
//! quarter, where shown); days with the same labels form a group that subtraction can isolate
//! and nothing finer. Every such group must hold k ratings or none: while one holds fewer, a week
//! or quarter is hidden too, which merges it with others (see [`protect`]).
//!
//! Decisions are taken over the service's whole history, never over the asked range, so two
//! answers over different ranges never disagree about a cell and cannot be played off each other.

use std::collections::BTreeMap;

use civic_pulse_core::{Day, IsoWeek};

use crate::storage::ScoreCount;
use crate::summary::{Cell, Scores, cell, summarise};

/// The periods a calendar answer is given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    Week,
    Quarter,
}

/// A week, month or quarter: its ratings per score and whether it is published.
struct Figure {
    label: String,
    scores: Scores,
    shown: bool,
}

impl Figure {
    fn count(&self) -> u32 {
        self.scores.iter().sum()
    }
}

/// One day with ratings, and the figures it counts in (indexes into the lists of [`Service`]).
struct DayCell {
    count: u32,
    hidden: bool,
    week: usize,
    month: usize,
    quarter: usize,
}

/// One service's history, day by day, with its weeks, months and quarters.
struct Service {
    days: Vec<DayCell>,
    weeks: Vec<Figure>,
    months: Vec<Figure>,
    quarters: Vec<Figure>,
}

/// Per service (in the rows' order), the cells of `grain` that overlap `from..=to` (whole
/// weeks: a week at either end counts its days outside the range too). `rows` are the day
/// counts of the services' whole history (`period` = `2026-11-05`), sorted by service and day.
pub fn calendar(rows: &[ScoreCount], min_cell: u32, grain: Grain, from: Option<Day>, to: Option<Day>) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let name = &rows[start].service;
        let end = start + rows[start..].iter().take_while(|row| &row.service == name).count();
        let mut service = Service::read(&rows[start..end], min_cell);
        protect(&mut service, min_cell);
        let (figures, span): (&[Figure], Span) = match grain {
            Grain::Week => (&service.weeks, week_span),
            Grain::Quarter => (&service.quarters, quarter_span),
        };
        for figure in figures {
            let overlaps = span(&figure.label)
                .is_none_or(|(first, last)| from.is_none_or(|from| last >= from) && to.is_none_or(|to| first <= to));
            if overlaps {
                cells.push(if figure.shown {
                    cell(name, Some(&figure.label), figure.scores, min_cell)
                } else {
                    Cell::suppressed(name, Some(&figure.label))
                });
            }
        }
        start = end;
    }
    cells
}

impl Service {
    fn read(rows: &[ScoreCount], min_cell: u32) -> Service {
        // Which days are hidden is exactly what `by=day` publishes.
        let (_, day_cells) = summarise(rows, min_cell);
        let mut service = Service { days: Vec::new(), weeks: Vec::new(), months: Vec::new(), quarters: Vec::new() };
        let hidden_days: BTreeMap<&str, bool> =
            day_cells.iter().filter_map(|cell| Some((cell.period.as_deref()?, cell.suppressed))).collect();
        let mut day_index: BTreeMap<Day, usize> = BTreeMap::new();
        for row in rows {
            let Some(day) = Day::parse(&row.period) else { continue };
            let slot = usize::from(row.score.clamp(1, 5) - 1);
            let week = slot_of(&mut service.weeks, day.iso_week().to_string());
            let month = slot_of(&mut service.months, row.period[..7].to_owned());
            let quarter = slot_of(&mut service.quarters, day.quarter());
            service.weeks[week].scores[slot] += row.count;
            service.months[month].scores[slot] += row.count;
            service.quarters[quarter].scores[slot] += row.count;
            let index = *day_index.entry(day).or_insert_with(|| {
                let hidden = hidden_days.get(row.period.as_str()).copied().unwrap_or(true);
                service.days.push(DayCell { count: 0, hidden, week, month, quarter });
                service.days.len() - 1
            });
            service.days[index].count += row.count;
        }
        for figure in service.weeks.iter_mut().chain(&mut service.months).chain(&mut service.quarters) {
            figure.shown = figure.count() >= min_cell;
        }
        service
    }
}

/// The index of the figure called `label`, added (empty, shown for now) if new. Rows come in
/// day order, so a figure already there is the last one or close to it.
fn slot_of(figures: &mut Vec<Figure>, label: String) -> usize {
    match figures.iter().rposition(|figure| figure.label == label) {
        Some(index) => index,
        None => {
            figures.push(Figure { label, scores: [0; 5], shown: true });
            figures.len() - 1
        }
    }
}

/// The published figures a hidden day counts in: its week, month and quarter where shown.
type Labels = (Option<usize>, Option<usize>, Option<usize>);

/// Hides weeks and quarters until every group of hidden days that share their labels holds k
/// ratings or none. The earliest small group is mended first, by hiding:
/// - its own week, where the week is shown (the week minus its shown days gave the group away);
/// - else, for days of a hidden month, its own quarter (the quarter minus its shown months did);
/// - else the smallest shown week with hidden days in the group's month, whose hidden days then
///   join the group (the month minus its shown days and weeks gave it away).
///
/// Hiding only ever merges groups, so this ends, at the latest when every week and quarter of a
/// small group's month is hidden; the group is then all of the month's hidden days, which the
/// day rule made k or none.
fn protect(service: &mut Service, min_cell: u32) {
    loop {
        let mut groups: BTreeMap<Labels, (u32, usize)> = BTreeMap::new();
        for (index, day) in service.days.iter().enumerate().filter(|(_, day)| day.hidden && day.count > 0) {
            let labels = (
                service.weeks[day.week].shown.then_some(day.week),
                service.months[day.month].shown.then_some(day.month),
                service.quarters[day.quarter].shown.then_some(day.quarter),
            );
            // Days no published figure counts are not published at all.
            if labels == (None, None, None) {
                continue;
            }
            let group = groups.entry(labels).or_insert((0, index));
            group.0 += day.count;
        }
        let small = groups
            .iter()
            .filter(|(_, (count, _))| *count < min_cell)
            .min_by_key(|(_, (_, first))| *first)
            .map(|(labels, _)| *labels);
        let Some((week, month, quarter)) = small else { return };
        match (week, month, quarter) {
            (Some(week), _, _) => service.weeks[week].shown = false,
            (None, None, Some(quarter)) => service.quarters[quarter].shown = false,
            (None, Some(month), _) => {
                let weeks_with_hidden_days: Vec<usize> = service
                    .days
                    .iter()
                    .filter(|day| day.month == month && day.hidden && day.count > 0 && service.weeks[day.week].shown)
                    .map(|day| day.week)
                    .collect();
                let smallest =
                    weeks_with_hidden_days.into_iter().min_by_key(|&week| (service.weeks[week].count(), week));
                match smallest {
                    Some(week) => service.weeks[week].shown = false,
                    // Not reached (see above); were it, the month's quarter goes rather than loop.
                    None => match quarter {
                        Some(quarter) => service.quarters[quarter].shown = false,
                        None => return,
                    },
                }
            }
            (None, None, None) => return,
        }
    }
}

/// The first and last day of a period, from its label.
type Span = fn(&str) -> Option<(Day, Day)>;

/// The first and last day of an ISO week written `2026-W05`.
fn week_span(label: &str) -> Option<(Day, Day)> {
    let (year, week) = label.split_once("-W")?;
    let monday = IsoWeek { year: year.parse().ok()?, week: week.parse().ok()? }.monday()?;
    Some((monday, Day::from_days_since_epoch(monday.days_since_epoch() + 6)?))
}

/// The first and last day of a quarter written `2026-Q4`.
fn quarter_span(label: &str) -> Option<(Day, Day)> {
    let (year, quarter) = label.split_once("-Q")?;
    let (year, quarter): (u16, u8) = (year.parse().ok()?, quarter.parse().ok()?);
    let first = Day::from_ymd(year, quarter * 3 - 2, 1)?;
    let last = crate::deadlines::last_day_of_month(i64::from(year), i64::from(quarter * 3))?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(day: &str, score: u8, count: u32) -> ScoreCount {
        ScoreCount { service: "transport".into(), period: day.into(), score, count }
    }

    /// `count` ratings of score 4 on each day from `first` for `days` days.
    fn spread(first: &str, days: i64, count: u32) -> Vec<ScoreCount> {
        let start = Day::parse(first).unwrap().days_since_epoch();
        (0..days).map(|n| row(&Day::from_days_since_epoch(start + n).unwrap().to_string(), 4, count)).collect()
    }

    fn shown(cells: &[Cell]) -> Vec<(String, Option<u32>)> {
        cells.iter().map(|cell| (cell.period.clone().unwrap(), cell.count)).collect()
    }

    #[test]
    fn a_hidden_week_of_a_month_that_is_whole_weeks_takes_a_second_week_with_it() {
        // February 2027 runs Monday 1 to Sunday 28: four whole weeks. 3 ratings in its first week
        // (hidden under 5), 6 in each of the others, at most 2 a day (so every day is hidden).
        // Were the three others shown, February's 21 less their 18 would give the first week away.
        let mut rows = spread("2027-02-01", 3, 1);
        for monday in ["2027-02-08", "2027-02-15", "2027-02-22"] {
            rows.extend(spread(monday, 3, 2));
        }
        let weeks = calendar(&rows, 5, Grain::Week, None, None);
        assert_eq!(
            shown(&weeks),
            [
                ("2027-W05".into(), None),
                ("2027-W06".into(), None),
                ("2027-W07".into(), Some(6)),
                ("2027-W08".into(), Some(6))
            ],
            "the smallest other week goes too: February less the shown weeks is now 9"
        );
        let quarters = calendar(&rows, 5, Grain::Quarter, None, None);
        assert_eq!(shown(&quarters), [("2027-Q1".into(), Some(21))], "the quarter is the month, which is public");
    }

    #[test]
    fn a_week_reaching_into_a_hidden_month_is_hidden_and_so_is_the_quarter_that_would_tell() {
        // 2 ratings on Monday 30 November (so November is hidden), 6 from 1 to 6 December in the
        // same week, 6 more the week after. The week less December's first week, which December
        // less the week after gives, is November's 2; so is Q4 less December.
        let mut rows = vec![row("2026-11-30", 2, 2)];
        rows.extend(spread("2026-12-01", 6, 1));
        rows.extend(spread("2026-12-07", 3, 2));
        let weeks = calendar(&rows, 5, Grain::Week, None, None);
        assert_eq!(shown(&weeks), [("2026-W49".into(), None), ("2026-W50".into(), Some(6))]);
        let quarters = calendar(&rows, 5, Grain::Quarter, None, None);
        assert_eq!(shown(&quarters), [("2026-Q4".into(), None)], "Q4 less December is November's 2");
    }

    #[test]
    fn a_range_picks_the_cells_it_overlaps_without_changing_them() {
        let mut rows = spread("2026-10-05", 60, 1);
        rows.extend(spread("2026-12-01", 20, 3));
        let all = calendar(&rows, 5, Grain::Week, None, None);
        let december = calendar(&rows, 5, Grain::Week, Day::parse("2026-12-01"), Day::parse("2026-12-31"));
        assert_eq!(december.first().and_then(|c| c.period.as_deref()), Some("2026-W49"), "Monday 30 November");
        for cell in &december {
            assert!(all.contains(cell), "{cell:?} is the same cell in every answer");
        }
        assert_eq!(december.len(), 3, "weeks 49 to 51");
    }

    #[test]
    fn busy_weeks_are_all_shown() {
        let rows = spread("2026-11-02", 28, 5);
        let weeks = calendar(&rows, 5, Grain::Week, None, None);
        assert!(weeks.iter().all(|cell| cell.count == Some(35)), "{weeks:?}");
    }

    proptest::proptest! {
        /// Whatever the ratings, the answers together (days, months, weeks, quarters) leave every
        /// group of hidden days that share the figures they count in with k ratings or none, and
        /// every shown cell is the true sum of at least k.
        #[test]
        fn no_answer_beside_the_others_isolates_fewer_than_k(
            counts in proptest::collection::vec(0u32..4, 20..120),
            scores in proptest::collection::vec(1u8..=5, 120),
            min_cell in 2u32..7,
            first in 0i64..400,
        ) {
            let start = Day::parse("2026-01-01").unwrap().days_since_epoch() + first;
            let day = |n: usize| Day::from_days_since_epoch(start + n as i64).unwrap();
            let rows: Vec<ScoreCount> = counts
                .iter()
                .enumerate()
                .filter(|(_, count)| **count > 0)
                .map(|(n, count)| row(&day(n).to_string(), scores[n], *count))
                .collect();
            let (_, by_day) = summarise(&rows, min_cell);
            let month_rows: Vec<ScoreCount> =
                rows.iter().map(|r| ScoreCount { period: r.period[..7].into(), ..r.clone() }).collect();
            let (_, by_month) = summarise(&month_rows, min_cell);
            let weeks = calendar(&rows, min_cell, Grain::Week, None, None);
            let quarters = calendar(&rows, min_cell, Grain::Quarter, None, None);
            let shown = |cells: &[Cell], label: &str| {
                cells.iter().any(|c| c.period.as_deref() == Some(label) && !c.suppressed)
            };
            let true_count = |label_of: &dyn Fn(Day) -> String, label: &str| -> u32 {
                rows.iter().filter(|r| label_of(Day::parse(&r.period).unwrap()) == label).map(|r| r.count).sum()
            };
            for (cells, label_of) in [
                (&weeks, &(|d: Day| d.iso_week().to_string()) as &dyn Fn(Day) -> String),
                (&quarters, &|d: Day| d.quarter()),
            ] {
                for cell in cells.iter().filter(|c| !c.suppressed) {
                    let label = cell.period.as_deref().unwrap();
                    proptest::prop_assert!(cell.count.unwrap() >= min_cell);
                    proptest::prop_assert_eq!(cell.count.unwrap(), true_count(label_of, label));
                }
            }
            let mut groups: BTreeMap<[Option<String>; 3], u32> = BTreeMap::new();
            for r in rows.iter().filter(|r| !shown(&by_day, &r.period)) {
                let d = Day::parse(&r.period).unwrap();
                let (week, month, quarter) = (d.iso_week().to_string(), r.period[..7].to_owned(), d.quarter());
                let labels = [
                    shown(&weeks, &week).then_some(week),
                    shown(&by_month, &month).then_some(month),
                    shown(&quarters, &quarter).then_some(quarter),
                ];
                if labels.iter().any(Option::is_some) {
                    *groups.entry(labels).or_default() += r.count;
                }
            }
            for (labels, total) in groups {
                proptest::prop_assert!(total >= min_cell, "{:?} isolates {} ratings", labels, total);
            }
        }
    }
}
