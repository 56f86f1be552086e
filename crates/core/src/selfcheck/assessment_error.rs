//! Why an assessment file or share link cannot be opened, as typed values the self-check renders
//! in the official's language. Reading goes in two passes so that no serde text ever reaches the
//! page: the JSON syntax (serde gives the line and column), then the shape, checked here field by
//! field, before the typed read.

use serde_json::Value;

use super::evaluate::WeightError;
use super::input::{InputError, Quality};
use crate::{Lang, SelfcheckMsg as M};

#[derive(Clone, Debug, PartialEq)]
pub enum AssessmentError {
    /// The link's data is cut short or garbled.
    DamagedLink,
    NotJson {
        line: usize,
        column: usize,
    },
    /// Valid JSON, but not one object.
    NotAnObject,
    MissingField {
        field: String,
    },
    UnknownField {
        field: String,
    },
    WrongKind {
        field: String,
        kind: Kind,
    },
    Schema {
        found: String,
    },
    OtherFramework {
        found: String,
        here: String,
    },
    OtherVersion {
        id: String,
        found: String,
        here: String,
    },
    FrameworkNotHere {
        id: String,
    },
    Year {
        year: u16,
    },
    Input(InputError),
    Weight(WeightError),
}

/// What a field must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Number,
    /// A year: a whole number (its range is checked with the figure).
    Year,
    /// A rubric level: a whole number (0 to 4 is checked with the figure, up to 255 here).
    Level,
    Object,
    Quality,
}

impl AssessmentError {
    /// The problem in the official's language.
    pub fn message(&self, lang: Lang) -> String {
        use AssessmentError as E;
        match self {
            E::DamagedLink => lang.text(M::ProblemLinkDamaged).to_owned(),
            E::NotJson { line, column } => {
                lang.format(M::ProblemNotJson, &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            E::NotAnObject => lang.text(M::ProblemNotAnAssessment).to_owned(),
            E::MissingField { field } => lang.format(M::ProblemFieldMissing, &[("field", field)]),
            E::UnknownField { field } => lang.format(M::ProblemFieldUnknown, &[("field", field)]),
            E::WrongKind { field, kind } => {
                let msg = match kind {
                    Kind::Text => M::ProblemFieldText,
                    Kind::Number => M::ProblemFieldNumber,
                    Kind::Year => M::ProblemFieldWhole,
                    Kind::Level => M::ProblemFieldLevel,
                    Kind::Object => M::ProblemFieldObject,
                    Kind::Quality => M::ProblemFieldQuality,
                };
                lang.format(msg, &[("field", field)])
            }
            E::Schema { found } => {
                lang.format(M::ProblemSchema, &[("expected", super::ASSESSMENT_SCHEMA_V1), ("found", found)])
            }
            E::OtherFramework { found, here } => {
                lang.format(M::ProblemOtherFramework, &[("found", found), ("here", here)])
            }
            E::OtherVersion { id, found, here } => {
                lang.format(M::ProblemOtherVersion, &[("id", id), ("found", found), ("here", here)])
            }
            E::FrameworkNotHere { id } => lang.format(M::ProblemFrameworkNotHere, &[("id", id)]),
            E::Year { year } => lang.format(M::ProblemYear, &[("year", &year.to_string())]),
            E::Input(problem) => problem.message(lang),
            E::Weight(problem) => problem.message(lang),
        }
    }
}

/// The JSON text as a value, or where its syntax breaks.
pub(crate) fn json_value(text: &str) -> Result<Value, AssessmentError> {
    serde_json::from_str(text).map_err(|e| AssessmentError::NotJson { line: e.line(), column: e.column() })
}

/// Every field that is missing, unknown or of the wrong kind, by its path (`inputs.T1.1.level`).
pub(crate) fn shape_problems(value: &Value) -> Vec<AssessmentError> {
    let Some(top) = value.as_object() else { return vec![AssessmentError::NotAnObject] };
    let mut found = Vec::new();
    let mut check = |path: String, value: Option<&Value>, kind: Kind, required: bool| match value {
        None if required => found.push(AssessmentError::MissingField { field: path }),
        None => {}
        Some(value) if !fits(value, kind) => found.push(AssessmentError::WrongKind { field: path, kind }),
        Some(_) => {}
    };
    let unknown = |path: &str, object: &serde_json::Map<String, Value>, known: &[&str]| -> Vec<AssessmentError> {
        object
            .keys()
            .filter(|key| !known.contains(&key.as_str()))
            .map(|key| AssessmentError::UnknownField { field: join(path, key) })
            .collect()
    };
    let mut extra = unknown("", top, &["schema", "framework", "city", "year", "inputs", "weights"]);
    check("schema".into(), top.get("schema"), Kind::Text, true);
    check("framework".into(), top.get("framework"), Kind::Object, true);
    if let Some(framework) = top.get("framework").and_then(Value::as_object) {
        check("framework.id".into(), framework.get("id"), Kind::Text, true);
        check("framework.version".into(), framework.get("version"), Kind::Text, true);
        extra.extend(unknown("framework", framework, &["id", "version"]));
    }
    check("city".into(), top.get("city"), Kind::Text, false);
    check("year".into(), top.get("year"), Kind::Year, false);
    check("inputs".into(), top.get("inputs"), Kind::Object, false);
    for (code, entry) in top.get("inputs").and_then(Value::as_object).into_iter().flatten() {
        let path = join("inputs", code);
        check(path.clone(), Some(entry), Kind::Object, true);
        let Some(entry) = entry.as_object() else { continue };
        check(join(&path, "level"), entry.get("level"), Kind::Level, false);
        check(join(&path, "score"), entry.get("score"), Kind::Number, false);
        check(join(&path, "value"), entry.get("value"), Kind::Number, false);
        check(join(&path, "quality"), entry.get("quality"), Kind::Quality, false);
        check(join(&path, "note"), entry.get("note"), Kind::Text, false);
        extra.extend(unknown(&path, entry, &["level", "score", "value", "quality", "note"]));
    }
    check("weights".into(), top.get("weights"), Kind::Object, false);
    for (code, weight) in top.get("weights").and_then(Value::as_object).into_iter().flatten() {
        check(join("weights", code), Some(weight), Kind::Number, true);
    }
    found.extend(extra);
    found
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

fn fits(value: &Value, kind: Kind) -> bool {
    match kind {
        Kind::Text => value.is_string(),
        Kind::Number => value.is_number(),
        // What the typed read takes (`u16`, `u8`); a level above 4 or an odd year is a range
        // problem, said later with the figure.
        Kind::Year => value.as_u64().is_some_and(|n| n <= u64::from(u16::MAX)),
        Kind::Level => value.as_u64().is_some_and(|n| n <= u64::from(u8::MAX)),
        Kind::Object => value.is_object(),
        Kind::Quality => value.as_str().is_some_and(|id| Quality::ALL.iter().any(|quality| quality.id() == id)),
    }
}
