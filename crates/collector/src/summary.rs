//! Safe aggregates: counts per score, share of bad reviews and satisfaction per service and
//! period, with every cell of fewer than k ratings suppressed so no one can be singled out.

use civic_pulse_core::Score;
use civic_pulse_core::satisfaction::satisfaction;
use serde::Serialize;

use crate::storage::ScoreCount;

/// One service in one period (or over the whole range, when `period` is absent).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    pub service: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// How the ratings were collected (`web`, `assisted`, …, or `not-given`), in a split by channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// True when the cell holds fewer than k ratings: nothing else about it is published.
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Ratings per score, index 0 for score 1 … index 4 for score 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores: Option<[u32; 5]>,
    /// Share of scores 1 and 2 (bad reviews), 0..1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bad_share: Option<f64>,
    /// 0..100: mean of (score - 1) x 25.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<f64>,
}

impl Cell {
    /// A cell of fewer than k ratings: its service and period, and nothing else.
    pub fn suppressed(service: &str, period: Option<&str>) -> Cell {
        Cell {
            service: service.to_owned(),
            period: period.map(str::to_owned),
            channel: None,
            suppressed: true,
            count: None,
            scores: None,
            bad_share: None,
            satisfaction: None,
        }
    }
}

fn cell(service: &str, period: Option<&str>, scores: [u32; 5], min_cell: u32) -> Cell {
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

/// Per service over the whole range, then per service and period. Input rows are sorted by
/// service and period, as the storage query returns them.
pub fn summarise(rows: &[ScoreCount], min_cell: u32) -> (Vec<Cell>, Vec<Cell>) {
    let mut totals: Vec<(String, [u32; 5])> = Vec::new();
    let mut periods: Vec<(String, String, [u32; 5])> = Vec::new();
    for row in rows {
        let slot = usize::from(row.score.clamp(1, 5) - 1);
        match totals.last_mut() {
            Some((service, counts)) if *service == row.service => counts[slot] += row.count,
            _ => {
                let mut counts = [0; 5];
                counts[slot] = row.count;
                totals.push((row.service.clone(), counts));
            }
        }
        match periods.last_mut() {
            Some((service, period, counts)) if *service == row.service && *period == row.period => {
                counts[slot] += row.count
            }
            _ => {
                let mut counts = [0; 5];
                counts[slot] = row.count;
                periods.push((row.service.clone(), row.period.clone(), counts));
            }
        }
    }
    let totals: Vec<Cell> = totals.iter().map(|(service, counts)| cell(service, None, *counts, min_cell)).collect();
    let mut cells: Vec<Cell> =
        periods.iter().map(|(service, period, counts)| cell(service, Some(period), *counts, min_cell)).collect();
    let size = |counts: &[u32; 5]| counts.iter().sum::<u32>();
    // Days sit under their month, which `by=month` publishes: the month minus its shown days
    // must not give hidden days away.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (index, (service, period, _)) in periods.iter().enumerate() {
        let month = period.get(..7).unwrap_or(period);
        match groups.last_mut() {
            Some(group) if periods[group[0]].0 == *service && periods[group[0]].1.get(..7) == Some(month) => {
                group.push(index)
            }
            _ => groups.push(vec![index]),
        }
    }
    let month_shown = |group: &[usize]| group.iter().map(|i| size(&periods[*i].2)).sum::<u32>() >= min_cell;
    for group in groups.iter().filter(|group| periods[group[0]].1.len() > 7 && month_shown(group)) {
        protect_cells(&mut cells, group, &periods, min_cell);
    }
    // Periods sit under the service's total, published in the same answer.
    let mut start = 0;
    while start < periods.len() {
        let end = start + periods[start..].iter().take_while(|p| p.0 == periods[start].0).count();
        if totals.iter().any(|t| t.service == periods[start].0 && !t.suppressed) {
            protect_cells(&mut cells, &(start..end).collect::<Vec<_>>(), &periods, min_cell);
        }
        start = end;
    }
    (totals, cells)
}

/// Hides more of the cells at `indices` where their shown total would give a hidden one away
/// (see `suppression::protect`).
fn protect_cells(cells: &mut [Cell], indices: &[usize], periods: &[(String, String, [u32; 5])], min_cell: u32) {
    let mut parts: Vec<(u32, bool)> =
        indices.iter().map(|i| (periods[*i].2.iter().sum(), cells[*i].suppressed)).collect();
    if crate::suppression::protect(&mut parts, min_cell) {
        for (index, (_, now_hidden)) in indices.iter().zip(parts) {
            if now_hidden && !cells[*index].suppressed {
                cells[*index] = hidden(&cells[*index]);
            }
        }
    }
}

/// Per service and channel, over the whole range. Input rows carry the channel in `period`,
/// sorted by service and channel. Beside each service's published total, hidden cells could be
/// recovered by subtraction, so more are hidden until the hidden ones hold k together.
pub fn by_channel(rows: &[ScoreCount], min_cell: u32) -> Vec<Cell> {
    let (_, split) = summarise(rows, min_cell);
    split.into_iter().map(|cell| Cell { channel: cell.period.clone(), period: None, ..cell }).collect()
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
    fn small_cells_are_suppressed_whole() {
        let rows =
            [row("transport", "2026-10", 5, 3), row("transport", "2026-11", 1, 2), row("transport", "2026-11", 5, 4)];
        let (totals, periods) = summarise(&rows, 5);
        assert_eq!(totals[0].count, Some(9));
        assert_eq!(totals[0].scores, Some([2, 0, 0, 0, 7]));
        assert!((totals[0].bad_share.unwrap() - 2.0 / 9.0).abs() < 1e-12);
        assert!((totals[0].satisfaction.unwrap() - 700.0 / 9.0).abs() < 1e-9);
        assert!(periods[0].suppressed && periods[0].count.is_none() && periods[0].scores.is_none());
        assert_eq!(periods[1].period.as_deref(), Some("2026-11"));
    }

    #[test]
    fn a_hidden_period_is_not_left_to_subtract_from_the_total_nor_a_hidden_day_from_its_month() {
        // 3 ratings in October (hidden under 5) beside 6 in November and the total of 9: 9 − 6
        // would give October away, scores and all, so November is hidden too.
        let rows =
            [row("transport", "2026-10", 5, 3), row("transport", "2026-11", 1, 2), row("transport", "2026-11", 5, 4)];
        let (totals, periods) = summarise(&rows, 5);
        assert_eq!(totals[0].count, Some(9), "the total holds 9, hidden in no part");
        assert!(periods.iter().all(|p| p.suppressed && p.scores.is_none()));
        // Days: 1 rating on Nov 3 beside 6 on Nov 4 and 5 on Nov 5 (12 in the month, which
        // `by=month` shows): the 5 of Nov 5 go with it, so the hidden days hold 6.
        let days = [
            row("transport", "2026-11-03", 5, 1),
            row("transport", "2026-11-04", 4, 6),
            row("transport", "2026-11-05", 3, 5),
        ];
        let (_, cells) = summarise(&days, 5);
        let shown: Vec<Option<u32>> = cells.iter().map(|c| c.count).collect();
        assert_eq!(shown, [None, Some(6), None]);
    }

    #[test]
    fn a_lone_hidden_channel_takes_the_next_smallest_with_it() {
        let rows = [
            row("transport", "assisted", 5, 2),
            row("transport", "kiosk", 4, 6),
            row("transport", "web", 5, 9),
            row("healthcare", "hotline", 1, 1),
            row("healthcare", "web", 5, 2),
        ];
        let cells = by_channel(&rows, 5);
        let shown: Vec<(&str, Option<&str>, Option<u32>)> =
            cells.iter().map(|c| (c.service.as_str(), c.channel.as_deref(), c.count)).collect();
        assert_eq!(
            shown,
            [
                ("transport", Some("assisted"), None),
                ("transport", Some("kiosk"), None),
                ("transport", Some("web"), Some(9)),
                ("healthcare", Some("hotline"), None),
                ("healthcare", Some("web"), None),
            ],
            "the 17 of transport minus 9 would give the 2 assisted ratings away, so kiosk is hidden too"
        );
        assert!(cells.iter().all(|c| c.period.is_none()));
    }
}
