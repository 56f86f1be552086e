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
    /// The weight profile named is not one of this framework's.
    UnknownProfile {
        id: String,
    },
    /// A target that cannot be scored.
    InTarget(InputError),
    /// A baseline figure that cannot be scored.
    InBaseline(InputError),
    /// The share progress carries in the combined result is outside 0 to 1.
    ProgressWeight {
        weight: f64,
    },
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
                lang.format(M::ProblemSchema, &[("expected", super::ASSESSMENT_SCHEMA), ("found", found)])
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
            E::UnknownProfile { id } => lang.format(M::ProblemUnknownProfile, &[("id", id)]),
            E::InTarget(problem) => lang.format(M::ProblemInTarget, &[("problem", &problem.message(lang))]),
            E::InBaseline(problem) => lang.format(M::ProblemInBaseline, &[("problem", &problem.message(lang))]),
            E::ProgressWeight { weight } => lang.format(M::ProblemProgressWeight, &[("weight", &weight.to_string())]),
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
    let mut shape = ShapeCheck::default();
    shape.unknown(
        "",
        top,
        &[
            "schema",
            "framework",
            "city",
            "year",
            "inputs",
            "weights",
            "profile",
            "targets",
            "baseline",
            "progress_weight",
        ],
    );
    shape.field("schema", top.get("schema"), Kind::Text, true);
    shape.field("framework", top.get("framework"), Kind::Object, true);
    if let Some(framework) = top.get("framework").and_then(Value::as_object) {
        shape.field("framework.id", framework.get("id"), Kind::Text, true);
        shape.field("framework.version", framework.get("version"), Kind::Text, true);
        shape.unknown("framework", framework, &["id", "version"]);
    }
    shape.field("city", top.get("city"), Kind::Text, false);
    shape.field("year", top.get("year"), Kind::Year, false);
    shape.entries("inputs", top.get("inputs"), &ENTRY_FIELDS);
    shape.weights("weights", top.get("weights"));
    shape.field("profile", top.get("profile"), Kind::Text, false);
    // A target is only the figure: no quality, no note.
    shape.entries("targets", top.get("targets"), &ENTRY_FIELDS[..3]);
    shape.field("baseline", top.get("baseline"), Kind::Object, false);
    if let Some(baseline) = top.get("baseline").and_then(Value::as_object) {
        shape.field("baseline.city", baseline.get("city"), Kind::Text, false);
        shape.field("baseline.year", baseline.get("year"), Kind::Year, false);
        shape.field("baseline.profile", baseline.get("profile"), Kind::Text, false);
        shape.weights("baseline.weights", baseline.get("weights"));
        shape.entries("baseline.inputs", baseline.get("inputs"), &ENTRY_FIELDS);
        shape.unknown("baseline", baseline, &["city", "year", "profile", "weights", "inputs"]);
    }
    shape.field("progress_weight", top.get("progress_weight"), Kind::Number, false);
    shape.found.extend(shape.extra);
    shape.found
}

const ENTRY_FIELDS: [&str; 5] = ["level", "score", "value", "quality", "note"];

/// The problems found so far: wrong or missing fields in file order, then unknown ones.
#[derive(Default)]
struct ShapeCheck {
    found: Vec<AssessmentError>,
    extra: Vec<AssessmentError>,
}

impl ShapeCheck {
    fn field(&mut self, path: &str, value: Option<&Value>, kind: Kind, required: bool) {
        match value {
            None if required => self.found.push(AssessmentError::MissingField { field: path.to_owned() }),
            Some(value) if !fits(value, kind) => {
                self.found.push(AssessmentError::WrongKind { field: path.to_owned(), kind })
            }
            _ => {}
        }
    }

    fn unknown(&mut self, path: &str, object: &serde_json::Map<String, Value>, known: &[&str]) {
        let unknown = object.keys().filter(|key| !known.contains(&key.as_str()));
        self.extra.extend(unknown.map(|key| AssessmentError::UnknownField { field: join(path, key) }));
    }

    /// Entries by indicator code, each an object of these fields.
    fn entries(&mut self, path: &str, value: Option<&Value>, fields: &[&str]) {
        self.field(path, value, Kind::Object, false);
        for (code, entry) in value.and_then(Value::as_object).into_iter().flatten() {
            let path = join(path, code);
            self.field(&path, Some(entry), Kind::Object, true);
            let Some(entry) = entry.as_object() else { continue };
            for &name in fields {
                let kind = match name {
                    "level" => Kind::Level,
                    "quality" => Kind::Quality,
                    "note" => Kind::Text,
                    _ => Kind::Number,
                };
                self.field(&join(&path, name), entry.get(name), kind, false);
            }
            self.unknown(&path, entry, fields);
        }
    }

    /// Weights by node code: an object of numbers.
    fn weights(&mut self, path: &str, value: Option<&Value>) {
        self.field(path, value, Kind::Object, false);
        for (code, weight) in value.and_then(Value::as_object).into_iter().flatten() {
            self.field(&join(path, code), Some(weight), Kind::Number, true);
        }
    }
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
