//! Safe aggregates: counts per score, share of bad reviews and satisfaction per service and
//! period, with every cell of fewer than k ratings suppressed so no one can be singled out.

use civic_pulse_core::Score;
use civic_pulse_core::satisfaction::satisfaction;

use crate::storage::ScoreCount;

/// One service in one period (or over the whole range, when `period` is absent).
pub use civic_pulse_core::collector_api::SummaryCell as Cell;

pub(crate) fn cell(service: &str, period: Option<&str>, scores: [u32; 5], min_cell: u32) -> Cell {
    let count: u32 = scores.iter().sum();
    if count < min_cell {
        return Cell::suppressed(service, period);
    }
    let all = (1..=5u8)
        .filter_map(Score::new)
        .flat_map(|s| std::iter::repeat_n(s, scores[usize::from(s.get() - 1)] as usize));
    Cell {
        service: service.to_owned(),
        period: period.map(str::to_owned),
        channel: None,
        suppressed: false,
        count: Some(count),
        scores: Some(scores),
        bad_share: Some(f64::from(scores[0] + scores[1]) / f64::from(count)),
        satisfaction: satisfaction(all).map(|s| s.score),
    }
}

/// Ratings per score, score 1 first.
pub(crate) type Scores = [u32; 5];

fn add(into: &mut Scores, from: &Scores) {
    for (total, count) in into.iter_mut().zip(from) {
        *total += count;
    }
}

/// Rows added up per (service, key of the period), in the rows' order.
fn tally(rows: &[ScoreCount], key: impl Fn(&str) -> String) -> Vec<(String, String, Scores)> {
    let mut cells: Vec<(String, String, Scores)> = Vec::new();
    for row in rows {
        let slot = usize::from(row.score.clamp(1, 5) - 1);
        let period = key(&row.period);
        match cells.last_mut() {
            Some((service, last, counts)) if *service == row.service && *last == period => counts[slot] += row.count,
            _ => {
                let mut counts = [0; 5];
                counts[slot] = row.count;
                cells.push((row.service.clone(), period, counts));
            }
        }
    }
    cells
}

/// Whether a service's month holds k ratings or more (so is public); `months` as `tally` adds them up.
fn is_shown(months: &[(String, String, Scores)], service: &str, month: &str, min_cell: u32) -> bool {
    months.iter().any(|(s, m, counts)| s == service && m == month && counts.iter().sum::<u32>() >= min_cell)
}

/// The month a period (`2026-11` or `2026-11-05`) lies in.
fn month_of(period: &str) -> String {
    period.get(..7).unwrap_or(period).to_owned()
}

/// Per service, the total over the months that hold k ratings or more, then per service and
/// period (month or day), each cell under k hidden. Months are the grid every answer is built
/// from: a month of k or more is public (any answer for that month alone shows it), so a total
/// adds up shown months only; were it to count a hidden month, two totals over ranges a month
/// apart would give it away. Days are protected under their month (the month minus its shown
/// days must not give a hidden day away). Rows are sorted by service and period.
pub fn summarise(rows: &[ScoreCount], min_cell: u32) -> (Vec<Cell>, Vec<Cell>) {
    let months = tally(rows, month_of);
    let shown_month = |service: &str, month: &str| is_shown(&months, service, month, min_cell);
    let mut totals: Vec<(String, Scores)> = Vec::new();
    for (service, _, counts) in months.iter().filter(|(service, month, _)| shown_month(service, month)) {
        match totals.last_mut() {
            Some((last, total)) if last == service => add(total, counts),
            _ => totals.push((service.clone(), *counts)),
        }
    }
    // A service with no month of k still has its place in the answer, hidden.
    let mut services: Vec<&String> = months.iter().map(|(service, _, _)| service).collect();
    services.dedup();
    let totals: Vec<Cell> = services
        .into_iter()
        .map(|service| match totals.iter().find(|(s, _)| s == service) {
            Some((_, counts)) => cell(service, None, *counts, min_cell),
            None => Cell::suppressed(service, None),
        })
        .collect();
    let periods = tally(rows, str::to_owned);
    let mut cells: Vec<Cell> =
        periods.iter().map(|(service, period, counts)| cell(service, Some(period), *counts, min_cell)).collect();
    if periods.iter().any(|(_, period, _)| period.len() > 7) {
        protect_under_months(&mut cells, &periods, shown_month, min_cell);
    }
    (totals, cells)
}

/// Hides more of the finer cells (days, or a month's channels) where their shown month minus
/// the shown ones would give a hidden one away (see `suppression::protect`).
fn protect_under_months(
    cells: &mut [Cell],
    periods: &[(String, String, Scores)],
    shown_month: impl Fn(&str, &str) -> bool,
    min_cell: u32,
) {
    let mut start = 0;
    while start < periods.len() {
        let (service, month) = (&periods[start].0, month_of(&periods[start].1));
        let end = start
            + periods[start..].iter().take_while(|(s, period, _)| s == service && month_of(period) == month).count();
        if shown_month(service, &month) {
            let mut parts: Vec<(u32, bool)> =
                (start..end).map(|i| (periods[i].2.iter().sum(), cells[i].suppressed)).collect();
            if crate::suppression::protect(&mut parts, min_cell) {
                for (index, (_, now_hidden)) in (start..end).zip(parts) {
                    if now_hidden && !cells[index].suppressed {
                        cells[index] = hidden(&cells[index]);
                    }
                }
            }
        } else {
            // The month is hidden: so is everything in it.
            for cell in &mut cells[start..end] {
                *cell = hidden(cell);
            }
        }
        start = end;
    }
}

/// Per service and channel over the range: each month's channels are a grid cell (hidden under
/// k, and protected under their month, which is public), and a channel's figure adds up its
/// shown cells only, for the reason totals do. Input rows carry `2026-11/web` in `period`,
/// sorted by service and period.
pub fn by_channel(rows: &[ScoreCount], min_cell: u32) -> Vec<Cell> {
    let grid = tally(rows, str::to_owned);
    let months = tally(rows, month_of);
    let shown_month = |service: &str, month: &str| is_shown(&months, service, month, min_cell);
    let mut cells: Vec<Cell> =
        grid.iter().map(|(service, period, counts)| cell(service, Some(period), *counts, min_cell)).collect();
    protect_under_months(&mut cells, &grid, shown_month, min_cell);
    let mut channels: Vec<(String, String, Scores)> = Vec::new();
    for ((service, period, counts), shown) in grid.iter().zip(&cells) {
        let channel = period.split_once('/').map_or(period.as_str(), |(_, channel)| channel).to_owned();
        let counted = if shown.suppressed { [0; 5] } else { *counts };
        match channels.iter_mut().find(|(s, c, _)| s == service && *c == channel) {
            Some((_, _, total)) => add(total, &counted),
            None => channels.push((service.clone(), channel, counted)),
        }
    }
    channels.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    // Services in the order they came.
    let mut order: Vec<&String> = grid.iter().map(|(service, _, _)| service).collect();
    order.dedup();
    order
        .into_iter()
        .flat_map(|service| channels.iter().filter(move |(s, _, _)| s == service))
        .map(|(service, channel, counts)| {
            let shown = counts.iter().sum::<u32>() > 0;
            let cell = if shown { cell(service, None, *counts, min_cell) } else { Cell::suppressed(service, None) };
            Cell { channel: Some(channel.clone()), ..cell }
        })
        .collect()
}

/// The same cell with nothing but its place published.
fn hidden(cell: &Cell) -> Cell {
    Cell { suppressed: true, count: None, scores: None, bad_share: None, satisfaction: None, ..cell.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(service: &str, period: &str, score: u8, count: u32) -> ScoreCount {
        ScoreCount { service: service.into(), period: period.into(), score, count }
    }

    #[test]
    fn small_cells_are_suppressed_whole_and_a_total_counts_only_the_months_shown() {
        // 3 ratings in October (hidden under 5) beside 6 in November. Counting October in the
        // total would let a total over October and November, less one over November alone, give
        // October away, scores and all: the total is November's.
        let rows =
            [row("transport", "2026-10", 5, 3), row("transport", "2026-11", 1, 2), row("transport", "2026-11", 5, 4)];
        let (totals, periods) = summarise(&rows, 5);
        assert_eq!(totals[0].count, Some(6));
        assert_eq!(totals[0].scores, Some([2, 0, 0, 0, 4]));
        assert!((totals[0].bad_share.unwrap() - 2.0 / 6.0).abs() < 1e-12);
        assert!((totals[0].satisfaction.unwrap() - 400.0 / 6.0).abs() < 1e-9);
        assert!(periods[0].suppressed && periods[0].count.is_none() && periods[0].scores.is_none());
        assert_eq!((periods[1].period.as_deref(), periods[1].count), (Some("2026-11"), Some(6)));
        let (only_small, _) = summarise(&rows[..1], 5);
        assert!(only_small[0].suppressed, "no month of k: the service is there, hidden");
    }

    #[test]
    fn a_hidden_day_is_not_left_to_subtract_from_its_month() {
        // 1 rating on Nov 3 beside 6 on Nov 4 and 5 on Nov 5 (12 in the month, which is public):
        // the 5 of Nov 5 go with it, so the hidden days hold 6.
        let days = [
            row("transport", "2026-11-03", 5, 1),
            row("transport", "2026-11-04", 4, 6),
            row("transport", "2026-11-05", 3, 5),
        ];
        let (totals, cells) = summarise(&days, 5);
        let shown: Vec<Option<u32>> = cells.iter().map(|c| c.count).collect();
        assert_eq!(shown, [None, Some(6), None]);
        assert_eq!(totals[0].count, Some(12), "the month's total, which by=month shows anyway");
        let few = [row("transport", "2026-10-01", 5, 2), row("transport", "2026-10-02", 5, 2)];
        assert!(summarise(&few, 5).1.iter().all(|c| c.suppressed), "a hidden month hides its days");
    }

    #[test]
    fn a_lone_hidden_channel_takes_the_next_smallest_with_it() {
        let rows = [
            row("healthcare", "2026-11/hotline", 1, 1),
            row("healthcare", "2026-11/web", 5, 2),
            row("transport", "2026-11/assisted", 5, 2),
            row("transport", "2026-11/kiosk", 4, 6),
            row("transport", "2026-11/web", 5, 9),
        ];
        let cells = by_channel(&rows, 5);
        let shown: Vec<(&str, Option<&str>, Option<u32>)> =
            cells.iter().map(|c| (c.service.as_str(), c.channel.as_deref(), c.count)).collect();
        assert_eq!(
            shown,
            [
                ("healthcare", Some("hotline"), None),
                ("healthcare", Some("web"), None),
                ("transport", Some("assisted"), None),
                ("transport", Some("kiosk"), None),
                ("transport", Some("web"), Some(9)),
            ],
            "the 17 of transport minus 9 would give the 2 assisted ratings away, so kiosk is hidden too"
        );
        assert!(cells.iter().all(|c| c.period.is_none()));
    }
}
