//! The bad-review loop's figures as evidence for the self-check: the collector's
//! `GET /v1/figures` answer (by month or quarter), read and added up over its periods into the
//! shares a city is judged by (acknowledged and closed on time, confirmed solved, reopened), for
//! the evidence note of the citizen-feedback indicator. Shares are added up from their counts,
//! so they are exact; medians cannot be added up and are left out. Periods the collector hid
//! (fewer than k bad reviews) are counted and said, never taken as zero.

use serde_json::Value;

use crate::{Lang, SelfcheckMsg as M};

/// One share, added up: `count` of `of`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: u64,
    pub of: u64,
}

impl Tally {
    pub fn share(self) -> Option<f64> {
        (self.of > 0).then(|| self.count as f64 / self.of as f64)
    }
}

/// The city's figures over every period the file holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoopFigures {
    /// The first and last period with figures, as the collector names them (`2026-Q1`).
    pub from: String,
    pub to: String,
    pub cases: u64,
    pub acknowledged_on_time: Tally,
    pub closed_on_time: Tally,
    pub confirmed_solved: Tally,
    pub reopened: Tally,
    /// Periods the collector hid because they held fewer than k bad reviews.
    pub hidden_periods: usize,
}

/// Why a figures file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FiguresError {
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not the collector's figures (no `city` list of periods).
    NotFigures,
    /// Every period is hidden, or there is none: nothing to add up.
    NothingPublished {
        hidden: usize,
    },
}

impl FiguresError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FiguresError::NotJson { line, column } => {
                lang.format(M::FiguresNotJson, &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            FiguresError::NotFigures => lang.text(M::FiguresNotFigures).to_owned(),
            FiguresError::NothingPublished { hidden } => {
                lang.format(M::FiguresNothingPublished, &[("hidden", &hidden.to_string())])
            }
        }
    }
}

fn tally(cell: &Value, name: &str) -> Option<Tally> {
    let share = cell.get(name)?;
    Some(Tally { count: share.get("count")?.as_u64()?, of: share.get("of")?.as_u64()? })
}

/// Reads the collector's figures (`/v1/figures`), adding up the city's periods.
pub fn read_figures(text: &str) -> Result<LoopFigures, FiguresError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| FiguresError::NotJson { line: e.line(), column: e.column() })?;
    let cells = value.get("city").and_then(Value::as_array).ok_or(FiguresError::NotFigures)?;
    let mut figures = LoopFigures::default();
    let mut periods = Vec::new();
    for cell in cells {
        let period = cell.get("period").and_then(Value::as_str).ok_or(FiguresError::NotFigures)?;
        if cell.get("suppressed").and_then(Value::as_bool).ok_or(FiguresError::NotFigures)? {
            figures.hidden_periods += 1;
            continue;
        }
        figures.cases += cell.get("cases").and_then(Value::as_u64).ok_or(FiguresError::NotFigures)?;
        for (name, total) in [
            ("acknowledged_on_time", &mut figures.acknowledged_on_time),
            ("closed_on_time", &mut figures.closed_on_time),
            ("confirmed_solved", &mut figures.confirmed_solved),
            ("reopened", &mut figures.reopened),
        ] {
            if let Some(found) = tally(cell, name) {
                total.count += found.count;
                total.of += found.of;
            }
        }
        periods.push(period.to_owned());
    }
    periods.sort();
    match (periods.first(), periods.last()) {
        (Some(first), Some(last)) => {
            figures.from = first.clone();
            figures.to = last.clone();
            Ok(figures)
        }
        _ => Err(FiguresError::NothingPublished { hidden: figures.hidden_periods }),
    }
}

impl LoopFigures {
    /// One share in words: "82 % (41 of 50)", or "none yet".
    fn said(tally: Tally, lang: Lang) -> String {
        match tally.share() {
            Some(share) => lang.format(
                M::FiguresShare,
                &[
                    ("percent", &format!("{:.0}", share * 100.0)),
                    ("count", &tally.count.to_string()),
                    ("of", &tally.of.to_string()),
                ],
            ),
            None => lang.text(M::FiguresNoneYet).to_owned(),
        }
    }

    /// The evidence note: what the figures say, over which periods, and what was hidden.
    pub fn note(&self, lang: Lang) -> String {
        let period = if self.from == self.to { self.from.clone() } else { format!("{}–{}", self.from, self.to) };
        let note = lang.format(
            M::FiguresNote,
            &[
                ("period", &period),
                ("cases", &self.cases.to_string()),
                ("acknowledged", &LoopFigures::said(self.acknowledged_on_time, lang)),
                ("closed", &LoopFigures::said(self.closed_on_time, lang)),
                ("confirmed", &LoopFigures::said(self.confirmed_solved, lang)),
                ("reopened", &LoopFigures::said(self.reopened, lang)),
            ],
        );
        match self.hidden_periods {
            0 => note,
            hidden => format!("{note} {}", lang.format(M::FiguresHidden, &[("hidden", &hidden.to_string())])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{"by": "quarter", "min_cell": 5, "city": [
        {"period": "2026-Q1", "suppressed": false, "cases": 20,
         "acknowledged_on_time": {"of": 20, "count": 18, "share": 0.9},
         "closed_on_time": {"of": 18, "count": 15, "share": 0.83},
         "confirmed_solved": {"of": 15, "count": 6, "share": 0.4},
         "reopened": {"of": 15, "count": 3, "share": 0.2},
         "acknowledge_hours": {"median": 3, "p90": 30}, "close_days": null},
        {"period": "2026-Q2", "suppressed": true},
        {"period": "2026-Q3", "suppressed": false, "cases": 30,
         "acknowledged_on_time": {"of": 30, "count": 27, "share": 0.9},
         "closed_on_time": {"of": 32, "count": 26, "share": 0.81},
         "confirmed_solved": {"of": 25, "count": 14, "share": 0.56},
         "reopened": null}
    ], "services": [], "departments": []}"#;

    #[test]
    fn periods_add_up_by_their_counts_and_hidden_ones_are_said() {
        let figures = read_figures(FILE).unwrap();
        assert_eq!((figures.from.as_str(), figures.to.as_str(), figures.cases), ("2026-Q1", "2026-Q3", 50));
        assert_eq!(figures.closed_on_time, Tally { count: 41, of: 50 }, "15 + 26 of 18 + 32");
        assert_eq!(figures.confirmed_solved, Tally { count: 20, of: 40 });
        assert_eq!(figures.reopened, Tally { count: 3, of: 15 }, "a period without the share adds nothing");
        assert_eq!(figures.hidden_periods, 1);
        let en = Lang::from_tag("en").unwrap();
        assert_eq!(
            figures.note(en),
            "Bad reviews 2026-Q1–2026-Q3 (collector figures): 50; acknowledged on time 90 % (45 of 50), \
             closed on time 82 % (41 of 50), confirmed solved by the resident 50 % (20 of 40), reopened 20 % (3 of 15). \
             Periods hidden (fewer than k bad reviews): 1."
        );
    }

    #[test]
    fn a_file_that_is_not_the_figures_says_so() {
        assert!(matches!(read_figures("{\"city\": "), Err(FiguresError::NotJson { line: 1, .. })));
        assert_eq!(read_figures("[]"), Err(FiguresError::NotFigures));
        assert_eq!(read_figures(r#"{"city": [{"period": "2026-11"}]}"#), Err(FiguresError::NotFigures));
        assert_eq!(
            read_figures(r#"{"city": [{"period": "2026-11", "suppressed": true}]}"#),
            Err(FiguresError::NothingPublished { hidden: 1 })
        );
        let zh = Lang::from_tag("zh-Hans").unwrap();
        assert!(!FiguresError::NothingPublished { hidden: 1 }.message(zh).is_empty());
    }
}
