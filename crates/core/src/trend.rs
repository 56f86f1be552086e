//! One service's satisfaction over time, as the staff console draws it: a point per period, a
//! gap where a period is hidden (fewer than k ratings), and the quality-assurance framework's two
//! lines (see the indicator reference, section 2).

use crate::collector_api::SummaryCell;

/// The quarterly satisfaction a service aims at.
pub const TARGET: f64 = 85.0;
/// Below this, a quarter's satisfaction calls for rectification.
pub const RECTIFICATION_BELOW: f64 = 80.0;

/// One period of the series.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub period: String,
    /// `None` when hidden.
    pub count: Option<u32>,
    pub satisfaction: Option<f64>,
}

impl TrendPoint {
    pub fn hidden(&self) -> bool {
        self.satisfaction.is_none()
    }
}

/// The periods of `service`, in order.
pub fn series(cells: &[SummaryCell], service: &str) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = cells
        .iter()
        .filter(|cell| cell.service == service)
        .filter_map(|cell| {
            Some(TrendPoint {
                period: cell.period.clone()?,
                count: cell.count.filter(|_| !cell.suppressed),
                satisfaction: cell.satisfaction.filter(|_| !cell.suppressed),
            })
        })
        .collect();
    points.sort_by(|a, b| a.period.cmp(&b.period));
    points
}

/// Where a chart of `width` × `height` puts things: periods spread evenly across, satisfaction
/// 0..100 from the bottom up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Room left of the plot for the axis labels, and right of it for the last period's label.
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    pub fn x(&self, index: usize, points: usize) -> f64 {
        let plot = self.width - self.left - self.right;
        if points <= 1 { self.left + plot / 2.0 } else { self.left + plot * index as f64 / (points - 1) as f64 }
    }

    pub fn y(&self, satisfaction: f64) -> f64 {
        let plot = self.height - self.top - self.bottom;
        self.top + plot * (1.0 - satisfaction.clamp(0.0, 100.0) / 100.0)
    }

    /// The SVG path through the shown points: a hidden period breaks the line (a new `M`), so
    /// no line is drawn across what nobody may see.
    pub fn path(&self, points: &[TrendPoint]) -> String {
        let mut path = String::new();
        let mut drawing = false;
        for (index, point) in points.iter().enumerate() {
            match point.satisfaction {
                Some(value) => {
                    let command = if drawing { 'L' } else { 'M' };
                    path.push_str(&format!("{command}{:.1} {:.1} ", self.x(index, points.len()), self.y(value)));
                    drawing = true;
                }
                None => drawing = false,
            }
        }
        path.trim_end().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(period: &str, satisfaction: Option<f64>) -> SummaryCell {
        SummaryCell {
            satisfaction,
            count: satisfaction.map(|_| 9),
            suppressed: satisfaction.is_none(),
            ..SummaryCell::suppressed("transport", Some(period))
        }
    }

    #[test]
    fn a_hidden_period_is_a_gap_in_the_line_never_a_zero() {
        let cells = [cell("2026-W03", Some(90.0)), cell("2026-W01", Some(50.0)), cell("2026-W02", None)];
        let points = series(&cells, "transport");
        assert_eq!(points.iter().map(|p| p.period.as_str()).collect::<Vec<_>>(), ["2026-W01", "2026-W02", "2026-W03"]);
        assert!(points[1].hidden() && points[1].count.is_none());
        let frame = Frame { width: 220.0, height: 120.0, left: 10.0, right: 20.0, top: 10.0, bottom: 10.0 };
        assert_eq!(frame.path(&points), "M10.0 60.0 M200.0 20.0", "two separate points, no line through the gap");
        assert_eq!(frame.y(100.0), 10.0);
        assert_eq!(frame.y(0.0), 110.0);
        assert!(series(&cells, "healthcare").is_empty());
        let joined = [cell("2026-01", Some(80.0)), cell("2026-02", Some(85.0))];
        assert!(frame.path(&series(&joined, "transport")).contains(" L"));
    }
}
