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
    (
        totals.iter().map(|(service, counts)| cell(service, None, *counts, min_cell)).collect(),
        periods.iter().map(|(service, period, counts)| cell(service, Some(period), *counts, min_cell)).collect(),
    )
}

/// Per service and channel, over the whole range. Input rows carry the channel in `period`,
/// sorted by service and channel. Beside each service's published total, one hidden cell could
/// be recovered by subtraction, so where a service has exactly one cell under k, its smallest
/// other cell is hidden too.
pub fn by_channel(rows: &[ScoreCount], min_cell: u32) -> Vec<Cell> {
    let (_, split) = summarise(rows, min_cell);
    let mut cells: Vec<Cell> =
        split.into_iter().map(|cell| Cell { channel: cell.period.clone(), period: None, ..cell }).collect();
    let mut start = 0;
    while start < cells.len() {
        let end = start + cells[start..].iter().take_while(|c| c.service == cells[start].service).count();
        let service = &mut cells[start..end];
        if service.iter().filter(|c| c.suppressed).count() == 1
            && let Some(smallest) = service.iter_mut().filter(|c| !c.suppressed).min_by_key(|c| c.count)
        {
            *smallest = hidden(smallest);
        }
        start = end;
    }
    cells
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
        assert!(!periods[1].suppressed);
        assert_eq!(periods[1].period.as_deref(), Some("2026-11"));
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
