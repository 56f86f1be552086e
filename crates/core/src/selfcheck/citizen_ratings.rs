//! Residents' ratings as evidence for the self-check: read an export (a JSON array or JSON lines
//! in the rating schema, or CSV whose columns are the schema's field names), check every rating,
//! and turn them into the satisfaction score of the framework's citizen-feedback indicator and
//! per-service satisfaction beside the digital-service indicators.

use std::collections::{BTreeMap, BTreeSet};

use crate::RatingV1;
use crate::csv;
use crate::satisfaction::{Satisfaction, satisfaction};
use crate::scale::Score;

use super::framework::Framework;
use super::input::{IndicatorInput, Quality};

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 20;

/// What the ratings say, once duplicates (the same id twice, as a resend can produce) are dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct CitizenRatings {
    pub overall: Satisfaction,
    /// By service id, in id order.
    pub by_service: BTreeMap<String, Satisfaction>,
    /// Ratings left out because their id was already counted.
    pub duplicates: usize,
}

/// Reads a ratings file. Every rating must pass the schema's checks; otherwise the whole file is
/// refused with each problem named by its place, so a half-read file never moves a score.
pub fn read_ratings(text: &str) -> Result<CitizenRatings, Vec<String>> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    let ratings = if trimmed.is_empty() {
        return Err(vec!["the file is empty: it holds no ratings".to_owned()]);
    } else if trimmed.starts_with('[') {
        serde_json::from_str::<Vec<RatingV1>>(trimmed)
            .map(|ratings| ratings.into_iter().enumerate().map(|(i, r)| (format!("rating {}", i + 1), r)).collect())
            .map_err(|e| vec![format!("not a JSON array of ratings (line {}, column {}): {e}", e.line(), e.column())])?
    } else if trimmed.starts_with('{') {
        json_lines(trimmed)?
    } else {
        csv_rows(trimmed)?
    };
    let mut problems = Vec::new();
    for (place, rating) in &ratings {
        for problem in rating.problems() {
            problems.push(format!("{place}: {} {}", problem.field(), problem.message()));
        }
    }
    if ratings.is_empty() {
        problems.push("the file holds no ratings".to_owned());
    }
    if !problems.is_empty() {
        return Err(listed(problems));
    }
    let total = ratings.len();
    let mut seen = BTreeSet::new();
    let kept: Vec<RatingV1> = ratings.into_iter().map(|(_, r)| r).filter(|r| seen.insert(r.id.clone())).collect();
    let score = |r: &RatingV1| Score::new(r.score);
    let mut services: BTreeMap<String, Vec<Score>> = BTreeMap::new();
    for rating in &kept {
        services.entry(rating.service.clone()).or_default().extend(score(rating));
    }
    let overall =
        satisfaction(kept.iter().filter_map(score)).ok_or_else(|| vec!["the file holds no ratings".to_owned()])?;
    let by_service =
        services.into_iter().filter_map(|(service, scores)| Some((service, satisfaction(scores)?))).collect();
    Ok(CitizenRatings { overall, by_service, duplicates: total - kept.len() })
}

impl CitizenRatings {
    /// The entry for the framework's citizen-feedback indicator: the satisfaction score, marked
    /// as measured, with a note saying how many ratings it rests on. `None` when the framework
    /// has no such indicator.
    pub fn indicator_input(&self, framework: &Framework) -> Option<(String, IndicatorInput)> {
        let code = framework.citizen_feedback.as_ref()?.indicator.clone();
        let rounded = (self.overall.score * 10.0).round() / 10.0;
        let input = IndicatorInput {
            note: Some(format!("Satisfaction of {} resident ratings (imported).", self.overall.count)),
            ..IndicatorInput::score(rounded).with_quality(Quality::Measured)
        };
        Some((code, input))
    }

    /// Per-service satisfaction keyed by the indicator it is evidence for.
    pub fn by_indicator(&self, framework: &Framework) -> BTreeMap<String, (String, Satisfaction)> {
        let Some(feedback) = &framework.citizen_feedback else { return BTreeMap::new() };
        feedback
            .services
            .iter()
            .filter_map(|(service, code)| Some((code.clone(), (service.clone(), *self.by_service.get(service)?))))
            .collect()
    }
}

fn listed(mut problems: Vec<String>) -> Vec<String> {
    if problems.len() > MAX_LISTED {
        let more = problems.len() - MAX_LISTED;
        problems.truncate(MAX_LISTED);
        problems.push(format!("… and {more} more problems"));
    }
    problems
}

fn json_lines(text: &str) -> Result<Vec<(String, RatingV1)>, Vec<String>> {
    let mut ratings = Vec::new();
    let mut problems = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match serde_json::from_str::<RatingV1>(line) {
            Ok(rating) => ratings.push((format!("line {}", number + 1), rating)),
            Err(e) => problems.push(format!("line {}: not a rating in JSON ({e})", number + 1)),
        }
    }
    if problems.is_empty() { Ok(ratings) } else { Err(listed(problems)) }
}

fn csv_rows(text: &str) -> Result<Vec<(String, RatingV1)>, Vec<String>> {
    let rows = csv::parse(text).map_err(|e| vec![e.to_string()])?;
    let Some(((_, header), body)) = rows.split_first() else { return Ok(Vec::new()) };
    let column = |name: &str| header.iter().position(|h| h == name);
    let required = ["schema", "id", "service", "scale", "score", "lang", "day"];
    let missing: Vec<&str> = required.iter().copied().filter(|name| column(name).is_none()).collect();
    if !missing.is_empty() {
        return Err(vec![format!(
            "not a ratings file: the first row must name the rating schema's fields as columns; missing {}",
            missing.join(", ")
        )]);
    }
    let mut ratings = Vec::new();
    let mut problems = Vec::new();
    for (line, cells) in body {
        let get = |name: &str| column(name).and_then(|c| cells.get(c)).cloned().unwrap_or_default();
        let Ok(score) = get("score").parse::<u8>() else {
            problems.push(format!("line {line}: score must be a whole number from 1 to 5"));
            continue;
        };
        let comment = get("comment");
        ratings.push((
            format!("line {line}"),
            RatingV1 {
                schema: get("schema"),
                id: get("id"),
                service: get("service"),
                scale: get("scale"),
                score,
                aspects: get("aspects").split_whitespace().map(str::to_owned).collect(),
                comment: (!comment.is_empty()).then_some(comment),
                lang: get("lang"),
                day: get("day"),
            },
        ));
    }
    if problems.is_empty() { Ok(ratings) } else { Err(listed(problems)) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ratings_csv::to_csv;

    fn rating(id: u8, service: &str, score: u8) -> RatingV1 {
        RatingV1 {
            schema: "civic-pulse.rating.v1".into(),
            id: format!("3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a{id:02x}"),
            service: service.into(),
            scale: "good-bad-5".into(),
            score,
            aspects: Vec::new(),
            comment: Some("排队, \"太久\"".into()),
            lang: "zh-Hans".into(),
            day: "2026-11-22".into(),
        }
    }

    fn sample() -> Vec<RatingV1> {
        vec![
            rating(1, "transport", 5),
            rating(2, "transport", 2),
            rating(3, "healthcare", 4),
            rating(1, "transport", 5),
        ]
    }

    #[test]
    fn the_three_formats_give_the_same_result_and_count_a_resend_once() {
        let array = serde_json::to_string(&sample()).unwrap();
        let lines: String = sample().iter().map(|r| r.to_json() + "\n").collect();
        let csv = to_csv(&sample());
        let results: Vec<CitizenRatings> = [array, lines, csv].iter().map(|t| read_ratings(t).unwrap()).collect();
        assert_eq!(results[0], results[1]);
        assert_eq!(results[0], results[2]);
        let result = &results[0];
        assert_eq!(result.duplicates, 1);
        assert_eq!(result.overall.count, 3);
        assert_eq!(result.overall.score, (100.0 + 25.0 + 75.0) / 3.0);
        assert_eq!(result.by_service["transport"].score, 62.5);
    }

    #[test]
    fn feeds_the_frameworks_citizen_feedback_indicator_and_service_evidence() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let result = read_ratings(&serde_json::to_string(&sample()).unwrap()).unwrap();
        let (code, input) = result.indicator_input(&framework).unwrap();
        assert_eq!(code, "S2.3");
        assert_eq!(input.score, Some(66.7));
        assert_eq!(input.quality, Some(Quality::Measured));
        let evidence = result.by_indicator(&framework);
        assert_eq!(evidence["S1.1"].0, "transport");
        assert_eq!(evidence["S1.2"].1.count, 1);
        assert!(!evidence.contains_key("S1.3"), "no ratings for education, so no evidence");
        assert!(result.indicator_input(&Framework::builtin("qa-2025").unwrap()).is_none());
    }

    #[test]
    fn bad_files_are_refused_with_each_problem_placed() {
        let mut bad = sample();
        bad[1].score = 9;
        bad[2].day = "2026-02-30".into();
        let problems = read_ratings(&serde_json::to_string(&bad).unwrap()).unwrap_err();
        assert_eq!(
            problems,
            [
                "rating 2: score must be a whole number from 1 to 5",
                "rating 3: day must be a real date written YYYY-MM-DD"
            ]
        );
        assert!(read_ratings("[{\"schema\":").unwrap_err()[0].starts_with("not a JSON array of ratings (line 1"));
        assert!(read_ratings("{\"id\":1}\n").unwrap_err()[0].starts_with("line 1: not a rating in JSON"));
        assert!(read_ratings("code,value\nT1.1,3\n").unwrap_err()[0].contains("missing schema, id, service"));
        assert_eq!(read_ratings("  ").unwrap_err(), ["the file is empty: it holds no ratings"]);
        let many: String = (0..30).map(|_| "{}\n").collect();
        let problems = read_ratings(&many).unwrap_err();
        assert_eq!(problems.len(), 21);
        assert_eq!(problems[20], "… and 10 more problems");
    }
}
