//! What an official enters per indicator, and how it becomes a score on 0..100 for a single
//! city (no cohort, so no z-scores or min-max over cities: only rubric levels, direct scores,
//! goalposts and targets).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::framework::{Direction, Framework, Node};
use crate::messages::SelfcheckMsg;

/// The generic maturity rubric: level 0..4 maps to 0/25/50/75/100. Ids for files, then the
/// name and the plain-words description shown for each level (a framework may override the
/// descriptions per indicator with its own `rubric`).
pub const RUBRIC_LEVELS: [&str; 5] = ["none", "planned", "being-built", "in-operation", "leading"];

/// The generic rubric in words: (level name, description) for levels 0..4.
pub const RUBRIC_TEXTS: [(SelfcheckMsg, SelfcheckMsg); 5] = [
    (SelfcheckMsg::RubricLevel0, SelfcheckMsg::RubricLevel0Description),
    (SelfcheckMsg::RubricLevel1, SelfcheckMsg::RubricLevel1Description),
    (SelfcheckMsg::RubricLevel2, SelfcheckMsg::RubricLevel2Description),
    (SelfcheckMsg::RubricLevel3, SelfcheckMsg::RubricLevel3Description),
    (SelfcheckMsg::RubricLevel4, SelfcheckMsg::RubricLevel4Description),
];

/// How sure the official is of a figure, from best to worst. Estimated and unknown-source
/// figures are "weak": the uncertainty analysis lets them move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quality {
    Measured,
    Administrative,
    Estimated,
    UnknownSource,
}

impl Quality {
    /// The quality in the official's words.
    pub fn message(self) -> crate::SelfcheckMsg {
        use crate::SelfcheckMsg as M;
        match self {
            Quality::Measured => M::QualityMeasured,
            Quality::Administrative => M::QualityAdministrative,
            Quality::Estimated => M::QualityEstimated,
            Quality::UnknownSource => M::QualityUnknownSource,
        }
    }

    /// Best to worst, as forms offer them.
    pub const ALL: [Quality; 4] =
        [Quality::Measured, Quality::Administrative, Quality::Estimated, Quality::UnknownSource];

    /// The id used in files (assessment JSON, templates, results CSV).
    pub fn id(self) -> &'static str {
        match self {
            Quality::Measured => "measured",
            Quality::Administrative => "administrative",
            Quality::Estimated => "estimated",
            Quality::UnknownSource => "unknown-source",
        }
    }

    /// The quality with this id, in any letter case.
    pub fn from_id(id: &str) -> Option<Quality> {
        Quality::ALL.into_iter().find(|q| q.id().eq_ignore_ascii_case(id))
    }

    pub fn is_weak(self) -> bool {
        matches!(self, Quality::Estimated | Quality::UnknownSource)
    }
}

/// The one kind of figure given for an indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    /// Rubric level 0..=4.
    Level(u8),
    /// A direct score 0..=100.
    Score(f64),
    /// A raw value in the indicator's unit, scored by its goalposts or target.
    Value(f64),
}

/// One indicator's entry, as in the assessment file: exactly one of `level`, `score` or
/// `value`, an optional data quality and an optional evidence note. An indicator without an
/// entry is "not assessed", which is never the same as zero.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<Quality>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A raw value as officials type it, in a form or a spreadsheet cell: a decimal point or a
/// decimal comma, spaces around. `None` for anything that is not a finite number.
pub fn parse_value(typed: &str) -> Option<f64> {
    typed.trim().replace(',', ".").parse::<f64>().ok().filter(|number| number.is_finite())
}

impl IndicatorInput {
    pub fn level(level: u8) -> IndicatorInput {
        IndicatorInput { level: Some(level), ..IndicatorInput::default() }
    }
    pub fn score(score: f64) -> IndicatorInput {
        IndicatorInput { score: Some(score), ..IndicatorInput::default() }
    }
    pub fn value(value: f64) -> IndicatorInput {
        IndicatorInput { value: Some(value), ..IndicatorInput::default() }
    }
    pub fn with_quality(mut self, quality: Quality) -> IndicatorInput {
        self.quality = Some(quality);
        self
    }

    /// The one figure given, if exactly one was.
    pub fn measure(&self) -> Option<Measure> {
        match (self.level, self.score, self.value) {
            (Some(level), None, None) => Some(Measure::Level(level)),
            (None, Some(score), None) => Some(Measure::Score(score)),
            (None, None, Some(value)) => Some(Measure::Value(value)),
            _ => None,
        }
    }

    pub fn is_weak(&self) -> bool {
        self.quality.is_some_and(Quality::is_weak)
    }

    /// The figure as the official gave it, in the indicator's own terms: a level with its name,
    /// a score out of 100, or a value with its unit.
    pub fn in_words(&self, node: &Node, lang: crate::Lang) -> String {
        match self.measure() {
            Some(Measure::Level(level)) => {
                let name = RUBRIC_TEXTS.get(usize::from(level)).map_or("", |(name, _)| lang.text(*name));
                format!("{level} · {name}")
            }
            Some(Measure::Score(score)) => format!("{score}/100"),
            Some(Measure::Value(value)) => match node.unit.as_deref() {
                Some(unit) if !unit.is_empty() => format!("{value} {unit}"),
                _ => value.to_string(),
            },
            None => "—".to_owned(),
        }
    }
}

/// Why an entry cannot be scored.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    UnknownCode {
        code: String,
    },
    NotAnIndicator {
        code: String,
    },
    NotExactlyOneFigure {
        code: String,
    },
    LevelOutOfRange {
        code: String,
        level: u8,
    },
    ScoreOutOfRange {
        code: String,
        score: f64,
    },
    ValueNotFinite {
        code: String,
    },
    ValueWithoutScale {
        code: String,
    },
    /// A dimension's target is a score; levels and values belong to indicators.
    DimensionTargetNotScore {
        code: String,
    },
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use InputError as E;
        match self {
            E::UnknownCode { code } => write!(f, "{code} is not an indicator of this framework"),
            E::NotAnIndicator { code } => {
                write!(f, "{code} is a dimension, not an indicator; give figures for its indicators")
            }
            E::NotExactlyOneFigure { code } => write!(f, "indicator {code}: give exactly one of level, score or value"),
            E::LevelOutOfRange { code, level } => {
                write!(f, "indicator {code}: level must be 0 to 4 (found {level})")
            }
            E::ScoreOutOfRange { code, score } => write!(f, "indicator {code}: score must be 0 to 100 (found {score})"),
            E::ValueNotFinite { code } => write!(f, "indicator {code}: value must be a number"),
            E::ValueWithoutScale { code } => write!(
                f,
                "indicator {code}: this indicator has no goalposts or target, so give a level or a score instead of a value"
            ),
            E::DimensionTargetNotScore { code } => write!(f, "{code}: a dimension's target is a score from 0 to 100"),
        }
    }
}

impl std::error::Error for InputError {}

impl InputError {
    /// The problem in the official's language.
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::SelfcheckMsg as M;
        use InputError as E;
        match self {
            E::UnknownCode { code } => lang.format(M::ProblemUnknownCode, &[("code", code)]),
            E::NotAnIndicator { code } => lang.format(M::ProblemNotAnIndicator, &[("code", code)]),
            E::NotExactlyOneFigure { code } => lang.format(M::ProblemNotOneFigure, &[("code", code)]),
            E::LevelOutOfRange { code, level } => {
                lang.format(M::ProblemLevelRange, &[("code", code), ("level", &level.to_string())])
            }
            E::ScoreOutOfRange { code, score } => {
                lang.format(M::ProblemScoreRange, &[("code", code), ("score", &score.to_string())])
            }
            E::ValueNotFinite { code } => lang.format(M::ProblemValueNotNumber, &[("code", code)]),
            E::ValueWithoutScale { code } => lang.format(M::ProblemValueWithoutScale, &[("code", code)]),
            E::DimensionTargetNotScore { code } => lang.format(M::ProblemDimensionTarget, &[("code", code)]),
        }
    }
}

/// Scores a raw value against an indicator's goalposts or target, on 0..100.
fn score_value(node: &Node, value: f64) -> Option<f64> {
    let score = if let Some(g) = node.goalposts {
        let share = (value - g.lower) / (g.upper - g.lower);
        match g.direction {
            Direction::Higher => share,
            Direction::Lower => 1.0 - share,
        }
    } else {
        let t = node.target?;
        match t.direction {
            // Distance to target: the share of the target reached.
            Direction::Higher => value / t.value,
            // At or under the target is full marks; above it, the target's share of the value.
            Direction::Lower if value <= t.value => 1.0,
            Direction::Lower => t.value / value,
        }
    };
    Some((score * 100.0).clamp(0.0, 100.0))
}

/// One indicator entry's score on 0..100, or why it has none.
pub(crate) fn entry_score(node: &Node, code: &str, input: &IndicatorInput) -> Result<f64, InputError> {
    let code = code.to_owned();
    match input.measure() {
        None => Err(InputError::NotExactlyOneFigure { code }),
        Some(Measure::Level(level)) if level <= 4 => Ok(f64::from(level) * 25.0),
        Some(Measure::Level(level)) => Err(InputError::LevelOutOfRange { code, level }),
        Some(Measure::Score(score)) if (0.0..=100.0).contains(&score) => Ok(score),
        Some(Measure::Score(score)) => Err(InputError::ScoreOutOfRange { code, score }),
        Some(Measure::Value(value)) if !value.is_finite() => Err(InputError::ValueNotFinite { code }),
        Some(Measure::Value(value)) => score_value(node, value).ok_or(InputError::ValueWithoutScale { code }),
    }
}

/// Scores every entry on 0..1, indexed like `framework.nodes` (`None` = not assessed), or lists
/// every problem.
pub fn normalise_inputs(
    framework: &Framework,
    inputs: &BTreeMap<String, IndicatorInput>,
) -> Result<Vec<Option<f64>>, Vec<InputError>> {
    let mut scores = vec![None; framework.nodes.len()];
    let mut problems = Vec::new();
    for (code, input) in inputs {
        let Some(index) = framework.index_of(code) else {
            problems.push(InputError::UnknownCode { code: code.clone() });
            continue;
        };
        let node = &framework.nodes[index];
        if !node.is_indicator() {
            problems.push(InputError::NotAnIndicator { code: code.clone() });
            continue;
        }
        let score = entry_score(node, code, input);
        match score {
            Ok(score) => scores[index] = Some(score / 100.0),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() { Ok(scores) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qa() -> Framework {
        Framework::builtin("qa-2025").unwrap()
    }

    #[test]
    fn values_are_read_with_a_decimal_point_or_comma() {
        assert_eq!(parse_value(" 87,5 "), Some(87.5));
        assert_eq!(parse_value("-3.25"), Some(-3.25));
        for bad in ["", "abc", "1,2,3", "inf", "NaN", "1e999"] {
            assert_eq!(parse_value(bad), None, "{bad}");
        }
    }

    #[test]
    fn figures_read_in_the_indicators_own_terms() {
        let qa = qa();
        let english = crate::Lang::fallback();
        let node = |code| &qa.nodes[qa.index_of(code).unwrap()];
        assert_eq!(IndicatorInput::value(99.5).in_words(node("B1.1"), english), "99.5 %");
        assert_eq!(IndicatorInput::score(72.5).in_words(node("B1.1"), english), "72.5/100");
        assert_eq!(IndicatorInput::level(3).in_words(node("B1.1"), english), "3 · In operation");
    }

    #[test]
    fn quality_ids_match_the_file_format() {
        for quality in Quality::ALL {
            let json = serde_json::to_string(&quality).unwrap();
            assert_eq!(json, format!("\"{}\"", quality.id()));
            assert_eq!(Quality::from_id(&quality.id().to_uppercase()), Some(quality));
        }
        assert_eq!(Quality::from_id("guessed"), None);
    }

    fn score_of(framework: &Framework, code: &str, input: IndicatorInput) -> f64 {
        let inputs = BTreeMap::from([(code.to_owned(), input)]);
        normalise_inputs(framework, &inputs).unwrap()[framework.index_of(code).unwrap()].unwrap()
    }

    #[test]
    fn levels_map_to_quarters_and_scores_pass_through() {
        let smart = Framework::builtin("smart-2021").unwrap();
        let levels: Vec<f64> = (0..=4).map(|l| score_of(&smart, "T1.1", IndicatorInput::level(l))).collect();
        assert_eq!(levels, [0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(score_of(&smart, "S2.3", IndicatorInput::score(76.0)), 0.76);
    }

    #[test]
    fn the_generic_rubric_reads_in_every_language() {
        for lang in crate::Lang::all() {
            for (name, description) in RUBRIC_TEXTS {
                assert!(
                    !lang.text(name).is_empty() && lang.text(description).len() > lang.text(name).len(),
                    "{}",
                    lang.tag()
                );
            }
        }
        let zh = crate::Lang::from_tag("zh-Hans").unwrap();
        assert_eq!(zh.text(RUBRIC_TEXTS[3].0), "已运行");
    }

    #[test]
    fn targets_score_by_distance_capped_at_full_marks() {
        let qa = qa();
        assert!((score_of(&qa, "E1.2", IndicatorInput::value(76.0)) - 76.0 / 85.0).abs() < 1e-12);
        assert_eq!(score_of(&qa, "I2.1", IndicatorInput::value(6.0)), 1.0);
        assert_eq!(score_of(&qa, "I2.1", IndicatorInput::value(-1.0)), 0.0);
        // Lower is better: at or under the target is full marks, twice the target is half.
        assert_eq!(score_of(&qa, "B1.2", IndicatorInput::value(1.0)), 1.0);
        assert_eq!(score_of(&qa, "B1.2", IndicatorInput::value(4.0)), 0.5);
    }

    #[test]
    fn every_bad_entry_is_reported_by_code() {
        let smart = Framework::builtin("smart-2021").unwrap();
        let inputs = BTreeMap::from([
            ("T".to_owned(), IndicatorInput::level(2)),
            ("T1.1".to_owned(), IndicatorInput::level(5)),
            ("T1.2".to_owned(), IndicatorInput::score(101.0)),
            ("T1.3".to_owned(), IndicatorInput::value(3.0)),
            ("T1.4".to_owned(), IndicatorInput { level: Some(1), score: Some(20.0), ..Default::default() }),
            ("Z9.9".to_owned(), IndicatorInput::level(1)),
        ]);
        let problems = normalise_inputs(&smart, &inputs).unwrap_err();
        let codes: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 6, "{codes:#?}");
        assert!(codes[0].contains("T is a dimension"));
        assert!(codes[5].contains("Z9.9 is not an indicator"));
    }
}
