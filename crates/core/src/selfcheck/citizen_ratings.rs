//! Residents' ratings as evidence for the self-check: read an export (a JSON array or JSON lines
//! in the rating schema, or CSV whose columns are the schema's field names), check every rating,
//! and turn them into the satisfaction score of the framework's citizen-feedback indicator and
//! per-service satisfaction beside the digital-service indicators.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::csv::{self, CsvError};
use crate::payload::PayloadError;
use crate::satisfaction::{Satisfaction, satisfaction};
use crate::scale::Score;
use crate::{Lang, RatingV1, SelfcheckMsg as M};

use super::framework::Framework;
use super::input::{IndicatorInput, Quality};

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED: usize = 20;

/// Where in a ratings file a problem is: the n-th rating of a JSON array, or a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Rating(usize),
    Line(usize),
}

/// Why a ratings file is refused, each problem placed; rendered in the official's language.
#[derive(Clone, Debug, PartialEq)]
pub enum RatingsError {
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    /// A JSON array must hold rating objects, JSON lines one per line.
    NotARating {
        place: Place,
    },
    MissingField {
        place: Place,
        field: &'static str,
    },
    UnknownField {
        place: Place,
        field: String,
    },
    /// A field of the wrong JSON kind (text where a number belongs, say).
    WrongKind {
        place: Place,
        field: &'static str,
    },
    Payload {
        place: Place,
        problem: PayloadError,
    },
    Csv(CsvError),
    NotARatingsTable {
        missing: Vec<&'static str>,
    },
    NoRatings,
    /// More problems than are listed.
    More {
        count: usize,
    },
}

/// The rating schema's fields, required first, and what each must hold.
const FIELDS: [(&str, bool, JsonKind); 10] = [
    ("schema", true, JsonKind::Text),
    ("id", true, JsonKind::Text),
    ("service", true, JsonKind::Text),
    ("scale", true, JsonKind::Text),
    ("score", true, JsonKind::Score),
    ("lang", true, JsonKind::Text),
    ("day", true, JsonKind::Text),
    ("aspects", false, JsonKind::Texts),
    ("comment", false, JsonKind::Text),
    ("channel", false, JsonKind::Text),
];

#[derive(Clone, Copy)]
enum JsonKind {
    Text,
    Texts,
    Score,
}

impl RatingsError {
    /// The problem in the official's language.
    pub fn message(&self, lang: Lang) -> String {
        use RatingsError as E;
        let at = |place: &Place| match place {
            Place::Rating(n) => lang.format(M::PlaceRating, &[("number", &n.to_string())]),
            Place::Line(n) => lang.format(M::PlaceLine, &[("number", &n.to_string())]),
        };
        match self {
            E::Empty => lang.text(M::ProblemRatingsEmpty).to_owned(),
            E::NotJson { line, column } => {
                lang.format(M::ProblemNotJson, &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            E::NotARating { place } => lang.format(M::ProblemNotARating, &[("place", &at(place))]),
            E::MissingField { place, field } => {
                lang.format(M::ProblemRatingFieldMissing, &[("place", &at(place)), ("field", field)])
            }
            E::UnknownField { place, field } => {
                lang.format(M::ProblemRatingFieldUnknown, &[("place", &at(place)), ("field", field)])
            }
            E::WrongKind { place, field } => {
                let rule =
                    FIELDS.iter().find(|(name, _, _)| name == field).map_or(M::RuleText, |(_, _, kind)| match kind {
                        JsonKind::Text => M::RuleText,
                        JsonKind::Texts => M::RuleTexts,
                        JsonKind::Score => M::RuleScore,
                    });
                lang.format(
                    M::ProblemRatingField,
                    &[("place", &at(place)), ("field", field), ("rule", lang.text(rule))],
                )
            }
            E::Payload { place, problem } => lang.format(
                M::ProblemRatingField,
                &[("place", &at(place)), ("field", problem.field()), ("rule", lang.text(rule_of(problem)))],
            ),
            E::Csv(CsvError::UnclosedQuote { line }) => {
                lang.format(M::ProblemCsvUnclosed, &[("line", &line.to_string())])
            }
            E::NotARatingsTable { missing } => {
                lang.format(M::ProblemRatingsColumns, &[("missing", &missing.join(", "))])
            }
            E::NoRatings => lang.text(M::ProblemRatingsNone).to_owned(),
            E::More { count } => lang.format(M::ProblemMore, &[("count", &count.to_string())]),
        }
    }
}

/// What a rating field must hold, as the schema says it.
fn rule_of(problem: &PayloadError) -> M {
    match problem {
        PayloadError::WrongSchema => M::RuleSchema,
        PayloadError::BadId => M::RuleId,
        PayloadError::BadService => M::RuleService,
        PayloadError::UnknownScale => M::RuleScale,
        PayloadError::ScoreOutOfRange => M::RuleScore,
        PayloadError::UnknownLanguage => M::RuleLang,
        PayloadError::BadDay => M::RuleDay,
        PayloadError::CommentTooLong => M::RuleComment,
        PayloadError::BadAspects => M::RuleAspects,
        PayloadError::UnknownChannel => M::RuleChannel,
    }
}

/// Checks one JSON value's shape as a rating, then reads it; every problem placed.
fn rating_from(value: Value, place: Place) -> Result<RatingV1, Vec<RatingsError>> {
    let Some(object) = value.as_object() else { return Err(vec![RatingsError::NotARating { place }]) };
    let mut problems = Vec::new();
    for (field, required, kind) in FIELDS {
        match object.get(field) {
            None if required => problems.push(RatingsError::MissingField { place, field }),
            None => {}
            Some(value) => {
                let fits = match kind {
                    JsonKind::Text => value.is_string(),
                    JsonKind::Texts => value.as_array().is_some_and(|items| items.iter().all(Value::is_string)),
                    // Whole numbers that fit the typed read; 1 to 5 is checked with the rating.
                    JsonKind::Score => value.as_u64().is_some_and(|n| n <= u64::from(u8::MAX)),
                };
                if !fits {
                    problems.push(RatingsError::WrongKind { place, field });
                }
            }
        }
    }
    for key in object.keys().filter(|key| !FIELDS.iter().any(|(name, _, _)| name == key)) {
        problems.push(RatingsError::UnknownField { place, field: key.clone() });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Every field was checked above; should the typed read still fail, the entry is "not a
    // rating" rather than serde's words.
    serde_json::from_value(value).map_err(|_| vec![RatingsError::NotARating { place }])
}

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
pub fn read_ratings(text: &str) -> Result<CitizenRatings, Vec<RatingsError>> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    let ratings = if trimmed.is_empty() {
        return Err(vec![RatingsError::Empty]);
    } else if trimmed.starts_with('[') {
        json_array(trimmed)?
    } else if trimmed.starts_with('{') {
        json_lines(trimmed)?
    } else {
        csv_rows(trimmed)?
    };
    let mut problems = Vec::new();
    for (place, rating) in &ratings {
        problems.extend(rating.problems().into_iter().map(|problem| RatingsError::Payload { place: *place, problem }));
    }
    if ratings.is_empty() {
        problems.push(RatingsError::NoRatings);
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
    let overall = satisfaction(kept.iter().filter_map(score)).ok_or_else(|| vec![RatingsError::NoRatings])?;
    let by_service =
        services.into_iter().filter_map(|(service, scores)| Some((service, satisfaction(scores)?))).collect();
    Ok(CitizenRatings { overall, by_service, duplicates: total - kept.len() })
}

impl CitizenRatings {
    /// The entry for the framework's citizen-feedback indicator: the satisfaction score, marked
    /// as measured, with a note in the official's language saying how many ratings it rests on.
    /// `None` when the framework has no such indicator.
    pub fn indicator_input(&self, framework: &Framework, lang: Lang) -> Option<(String, IndicatorInput)> {
        let code = framework.citizen_feedback.as_ref()?.indicator.clone();
        let rounded = (self.overall.score * 10.0).round() / 10.0;
        let input = IndicatorInput {
            note: Some(lang.format(M::RatingsNote, &[("count", &self.overall.count.to_string())])),
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

fn listed(mut problems: Vec<RatingsError>) -> Vec<RatingsError> {
    if problems.len() > MAX_LISTED {
        let count = problems.len() - MAX_LISTED;
        problems.truncate(MAX_LISTED);
        problems.push(RatingsError::More { count });
    }
    problems
}

fn json_array(text: &str) -> Result<Vec<(Place, RatingV1)>, Vec<RatingsError>> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| vec![RatingsError::NotJson { line: e.line(), column: e.column() }])?;
    let Value::Array(items) = value else { return Err(vec![RatingsError::NotARating { place: Place::Rating(1) }]) };
    let mut ratings = Vec::new();
    let mut problems = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let place = Place::Rating(index + 1);
        match rating_from(item, place) {
            Ok(rating) => ratings.push((place, rating)),
            Err(found) => problems.extend(found),
        }
    }
    if problems.is_empty() { Ok(ratings) } else { Err(listed(problems)) }
}

fn json_lines(text: &str) -> Result<Vec<(Place, RatingV1)>, Vec<RatingsError>> {
    let mut ratings = Vec::new();
    let mut problems = Vec::new();
    for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let place = Place::Line(number + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(value) => match rating_from(value, place) {
                Ok(rating) => ratings.push((place, rating)),
                Err(found) => problems.extend(found),
            },
            Err(_) => problems.push(RatingsError::NotARating { place }),
        }
    }
    if problems.is_empty() { Ok(ratings) } else { Err(listed(problems)) }
}

fn csv_rows(text: &str) -> Result<Vec<(Place, RatingV1)>, Vec<RatingsError>> {
    let rows = csv::parse(text).map_err(|e| vec![RatingsError::Csv(e)])?;
    let Some(((_, header), body)) = rows.split_first() else { return Ok(Vec::new()) };
    let column = |name: &str| header.iter().position(|h| h == name);
    let missing: Vec<&'static str> = FIELDS
        .iter()
        .filter(|(name, required, _)| *required && column(name).is_none())
        .map(|(name, _, _)| *name)
        .collect();
    if !missing.is_empty() {
        return Err(vec![RatingsError::NotARatingsTable { missing }]);
    }
    let mut ratings = Vec::new();
    let mut problems = Vec::new();
    for (line, cells) in body {
        let place = Place::Line(*line);
        let get = |name: &str| column(name).and_then(|c| cells.get(c)).cloned().unwrap_or_default();
        let Ok(score) = get("score").parse::<u8>() else {
            problems.push(RatingsError::Payload { place, problem: PayloadError::ScoreOutOfRange });
            continue;
        };
        let comment = get("comment");
        ratings.push((
            place,
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
                channel: Some(get("channel")).filter(|channel| !channel.is_empty()),
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
            channel: None,
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
        let (code, input) = result.indicator_input(&framework, Lang::fallback()).unwrap();
        assert_eq!(code, "S2.3");
        assert_eq!(input.score, Some(66.7));
        assert_eq!(input.quality, Some(Quality::Measured));
        let evidence = result.by_indicator(&framework);
        assert_eq!(evidence["S1.1"].0, "transport");
        assert_eq!(evidence["S1.2"].1.count, 1);
        assert!(!evidence.contains_key("S1.3"), "no ratings for education, so no evidence");
        assert!(result.indicator_input(&Framework::builtin("qa-2025").unwrap(), Lang::fallback()).is_none());
    }

    #[test]
    fn bad_files_are_refused_with_each_problem_placed() {
        let mut bad = sample();
        bad[1].score = 9;
        bad[2].day = "2026-02-30".into();
        let problems = read_ratings(&serde_json::to_string(&bad).unwrap()).unwrap_err();
        let english = |problems: &[RatingsError]| -> Vec<String> {
            problems.iter().map(|p| p.message(Lang::fallback())).collect()
        };
        assert_eq!(
            english(&problems),
            [
                "Rating 2: “score” must be a whole number from 1 to 5.",
                "Rating 3: “day” must be a real date written YYYY-MM-DD."
            ]
        );
        let chinese = Lang::from_tag("zh-Hans").unwrap();
        assert_eq!(problems[0].message(chinese), "第 2 条评价：“score”必须是 1 至 5 的整数。");
        assert_eq!(read_ratings("[{\"schema\":"), Err(vec![RatingsError::NotJson { line: 1, column: 11 }]));
        assert_eq!(
            read_ratings("{\"id\":1,\"colour\":\"red\"}\n").unwrap_err()[..3],
            [
                RatingsError::MissingField { place: Place::Line(1), field: "schema" },
                RatingsError::WrongKind { place: Place::Line(1), field: "id" },
                RatingsError::MissingField { place: Place::Line(1), field: "service" },
            ]
        );
        assert!(matches!(&read_ratings("code,value\nT1.1,3\n").unwrap_err()[0],
            RatingsError::NotARatingsTable { missing } if missing[..3] == ["schema", "id", "service"]));
        assert_eq!(read_ratings("  "), Err(vec![RatingsError::Empty]));
        let many: String = (0..30).map(|_| "{}\n").collect();
        let problems = read_ratings(&many).unwrap_err();
        assert_eq!(problems.len(), 21);
        assert_eq!(problems[20], RatingsError::More { count: 30 * 7 - 20 });
        for lang in Lang::all() {
            for problem in &problems {
                assert!(!problem.message(lang).contains('{'), "every placeholder filled");
            }
        }
    }
}
