//! Why a framework file cannot be used, as typed values the self-check renders in the official's
//! language. Reading goes in two passes so that no serde text reaches the page: the JSON syntax
//! (serde gives the line and column), then the shape, checked here against a description of the
//! file format field by field, before the typed read and the checks of meaning in `framework.rs`.

use serde_json::Value;

use super::framework::{FRAMEWORK_SCHEMA_V1, MAX_DEPTH, MAX_NODES};
use crate::{Lang, SelfcheckMsg as M};

#[derive(Clone, Debug, PartialEq)]
pub enum FrameworkError {
    NotJson {
        line: usize,
        column: usize,
    },
    /// Valid JSON, but not one object.
    NotAFramework,
    FieldMissing {
        field: String,
    },
    FieldUnknown {
        field: String,
    },
    FieldKind {
        field: String,
        kind: FieldKind,
    },
    WrongSchema {
        found: String,
    },
    /// `id` or `version` is blank.
    MissingField {
        field: &'static str,
    },
    NoIndicators,
    BadCode {
        code: String,
    },
    DuplicateCode {
        code: String,
    },
    MissingName {
        code: String,
    },
    BadWeight {
        code: String,
        weight: f64,
    },
    AllWeightsZero {
        parent: String,
    },
    BadGoalposts {
        code: String,
    },
    BadTarget {
        code: String,
    },
    ScaleOnNonIndicator {
        code: String,
    },
    BadRubric {
        code: String,
        levels: usize,
    },
    TooDeep {
        code: String,
    },
    TooManyNodes,
    BadCoverageGate {
        value: f64,
    },
    BadTiers {
        problem: TierProblem,
    },
    BadLights,
    UnknownBenchmarkCode {
        code: String,
    },
    FeedbackNotAnIndicator {
        code: String,
    },
    BadBenchmarkValue {
        code: String,
        value: f64,
    },
    /// A weight profile's id is not a code, or is used twice.
    BadProfileId {
        id: String,
    },
    /// A weight profile sets a weight the engine cannot use.
    BadProfile {
        profile: String,
        problem: super::evaluate::WeightError,
    },
    /// A file may not redefine a framework that ships with the product.
    BuiltinId {
        id: String,
    },
    /// The device would not keep it (storage full or turned off).
    NotKept,
}

/// What a field of the file format must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Number,
    /// Texts by language tag, such as `{"en": "…", "zh-Hans": "…"}`.
    Texts,
    List,
    Object,
    /// One of a few words.
    OneOf(&'static [&'static str]),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierProblem {
    None,
    MinOutOfRange,
    NoneAtZero,
    NotDistinct,
}

impl FrameworkError {
    /// The problem in the official's language.
    pub fn message(&self, lang: Lang) -> String {
        use FrameworkError as E;
        let code_only = |msg: M, code: &str| lang.format(msg, &[("code", code)]);
        match self {
            E::NotJson { line, column } => {
                lang.format(M::ProblemNotJson, &[("line", &line.to_string()), ("column", &column.to_string())])
            }
            E::NotAFramework => lang.text(M::ProblemNotAFramework).to_owned(),
            E::FieldMissing { field } => lang.format(M::ProblemFrameworkFieldMissing, &[("field", field)]),
            E::FieldUnknown { field } => lang.format(M::ProblemFrameworkFieldUnknown, &[("field", field)]),
            E::FieldKind { field, kind } => match kind {
                FieldKind::Text => lang.format(M::ProblemFieldText, &[("field", field)]),
                FieldKind::Number => lang.format(M::ProblemFieldNumber, &[("field", field)]),
                FieldKind::Texts => lang.format(M::ProblemFieldTexts, &[("field", field)]),
                FieldKind::List => lang.format(M::ProblemFieldList, &[("field", field)]),
                FieldKind::Object => lang.format(M::ProblemFieldObject, &[("field", field)]),
                FieldKind::OneOf(words) => {
                    lang.format(M::ProblemFieldOneOf, &[("field", field), ("words", &words.join(", "))])
                }
            },
            E::WrongSchema { found } => {
                lang.format(M::ProblemFrameworkSchema, &[("expected", FRAMEWORK_SCHEMA_V1), ("found", found)])
            }
            E::MissingField { field } => lang.format(M::ProblemFrameworkBlank, &[("field", field)]),
            E::NoIndicators => lang.text(M::ProblemNoIndicators).to_owned(),
            E::BadCode { code } => code_only(M::ProblemBadCode, code),
            E::DuplicateCode { code } => code_only(M::ProblemDuplicateCode, code),
            E::MissingName { code } => code_only(M::ProblemMissingName, code),
            E::BadWeight { code, weight } => {
                lang.format(M::ProblemNodeWeight, &[("code", code), ("weight", &weight.to_string())])
            }
            E::AllWeightsZero { parent } => code_only(M::ProblemWeightAllZero, parent),
            E::BadGoalposts { code } => code_only(M::ProblemBadGoalposts, code),
            E::BadTarget { code } => code_only(M::ProblemBadTarget, code),
            E::ScaleOnNonIndicator { code } => code_only(M::ProblemScaleOnParent, code),
            E::BadRubric { code, levels } => {
                lang.format(M::ProblemBadRubric, &[("code", code), ("levels", &levels.to_string())])
            }
            E::TooDeep { code } => lang.format(M::ProblemTooDeep, &[("code", code), ("depth", &MAX_DEPTH.to_string())]),
            E::TooManyNodes => lang.format(M::ProblemTooManyNodes, &[("count", &MAX_NODES.to_string())]),
            E::BadCoverageGate { value } => lang.format(M::ProblemCoverageGate, &[("value", &value.to_string())]),
            E::BadTiers { problem } => lang
                .text(match problem {
                    TierProblem::None => M::ProblemTiersNone,
                    TierProblem::MinOutOfRange => M::ProblemTiersMin,
                    TierProblem::NoneAtZero => M::ProblemTiersZero,
                    TierProblem::NotDistinct => M::ProblemTiersDistinct,
                })
                .to_owned(),
            E::BadLights => lang.text(M::ProblemLights).to_owned(),
            E::UnknownBenchmarkCode { code } => code_only(M::ProblemBenchmarkCode, code),
            E::FeedbackNotAnIndicator { code } => code_only(M::ProblemFeedbackIndicator, code),
            E::BadBenchmarkValue { code, value } => {
                lang.format(M::ProblemBenchmarkValue, &[("code", code), ("value", &value.to_string())])
            }
            E::BadProfileId { id } => lang.format(M::ProblemProfileId, &[("id", id)]),
            E::BadProfile { profile, problem } => {
                lang.format(M::ProblemProfile, &[("profile", profile), ("problem", &problem.message(lang))])
            }
            E::BuiltinId { id } => lang.format(M::ProblemBuiltinId, &[("id", id)]),
            E::NotKept => lang.text(M::ProblemNotKept).to_owned(),
        }
    }
}

/// The file format, version 1, as far as the shape goes: each field, whether it is required,
/// and what it holds.
enum Shape {
    Text,
    Number,
    Texts,
    Words(&'static [&'static str]),
    Fields(&'static [(&'static str, bool, &'static Shape)]),
    ListOf(&'static Shape),
    /// An object whose keys are free (node codes, service ids), each value of one shape.
    MapOf(&'static Shape),
}

const STATUS: Shape = Shape::Words(&["published", "approximate", "derived"]);
const DIRECTION: Shape = Shape::Words(&["higher", "lower"]);
static NODE: Shape = Shape::Fields(&[
    ("code", true, &Shape::Text),
    ("name", true, &Shape::Texts),
    ("weight", false, &Shape::Number),
    ("description", false, &Shape::Texts),
    ("unit", false, &Shape::Text),
    (
        "goalposts",
        false,
        &Shape::Fields(&[
            ("lower", true, &Shape::Number),
            ("upper", true, &Shape::Number),
            ("direction", true, &DIRECTION),
        ]),
    ),
    ("target", false, &Shape::Fields(&[("value", true, &Shape::Number), ("direction", true, &DIRECTION)])),
    ("rubric", false, &Shape::ListOf(&Shape::Texts)),
    ("children", false, &Shape::ListOf(&NODE)),
]);
static FILE: Shape = Shape::Fields(&[
    ("schema", true, &Shape::Text),
    ("id", true, &Shape::Text),
    ("version", true, &Shape::Text),
    ("name", true, &Shape::Texts),
    ("source", false, &Shape::Text),
    ("aggregation", false, &Shape::Words(&["arithmetic", "geometric"])),
    ("coverage_gate", false, &Shape::Number),
    (
        "tiers",
        true,
        &Shape::ListOf(&Shape::Fields(&[
            ("id", true, &Shape::Text),
            ("min", true, &Shape::Number),
            ("name", true, &Shape::Texts),
        ])),
    ),
    ("tiers_status", false, &STATUS),
    ("tiers_note", false, &Shape::Text),
    (
        "lights",
        false,
        &Shape::Fields(&[
            ("green", true, &Shape::Number),
            ("yellow", true, &Shape::Number),
            ("status", true, &STATUS),
            ("note", false, &Shape::Text),
        ]),
    ),
    (
        "benchmark",
        false,
        &Shape::Fields(&[
            ("label", true, &Shape::Texts),
            (
                "values",
                true,
                &Shape::MapOf(&Shape::Fields(&[
                    ("value", true, &Shape::Number),
                    ("status", true, &STATUS),
                    ("note", false, &Shape::Text),
                ])),
            ),
        ]),
    ),
    (
        "citizen_feedback",
        false,
        &Shape::Fields(&[("indicator", true, &Shape::Text), ("services", false, &Shape::MapOf(&Shape::Text))]),
    ),
    (
        "weight_profiles",
        false,
        &Shape::ListOf(&Shape::Fields(&[
            ("id", true, &Shape::Text),
            ("name", true, &Shape::Texts),
            ("status", true, &STATUS),
            ("note", false, &Shape::Texts),
            ("weights", false, &Shape::MapOf(&Shape::Number)),
        ])),
    ),
    ("nodes", true, &Shape::ListOf(&NODE)),
]);

/// Every field that is missing, unknown or of the wrong kind, by its path (`nodes[T].children[T1]
/// .weight`: list items that have a code or an id are named by it).
pub(crate) fn shape_problems(value: &Value) -> Vec<FrameworkError> {
    if !value.is_object() {
        return vec![FrameworkError::NotAFramework];
    }
    let mut found = Vec::new();
    check(value, &FILE, "", &mut found);
    found
}

fn check(value: &Value, shape: &Shape, path: &str, found: &mut Vec<FrameworkError>) {
    let kind = |kind| FrameworkError::FieldKind { field: path.to_owned(), kind };
    match shape {
        Shape::Text if !value.is_string() => found.push(kind(FieldKind::Text)),
        Shape::Number if !value.is_number() => found.push(kind(FieldKind::Number)),
        Shape::Texts if !value.as_object().is_some_and(|texts| texts.values().all(Value::is_string)) => {
            found.push(kind(FieldKind::Texts))
        }
        Shape::Words(words) if !value.as_str().is_some_and(|word| words.contains(&word)) => {
            found.push(kind(FieldKind::OneOf(words)))
        }
        Shape::Fields(fields) => {
            let Some(object) = value.as_object() else { return found.push(kind(FieldKind::Object)) };
            for (name, required, shape) in fields.iter() {
                let field = join(path, name);
                match object.get(*name) {
                    Some(inner) => check(inner, shape, &field, found),
                    None if *required => found.push(FrameworkError::FieldMissing { field }),
                    None => {}
                }
            }
            for key in object.keys().filter(|key| !fields.iter().any(|(name, _, _)| name == key)) {
                found.push(FrameworkError::FieldUnknown { field: join(path, key) });
            }
        }
        Shape::ListOf(item) => {
            let Some(items) = value.as_array() else { return found.push(kind(FieldKind::List)) };
            for (index, inner) in items.iter().enumerate() {
                let name = (inner.get("code").or_else(|| inner.get("id")))
                    .and_then(Value::as_str)
                    .map_or_else(|| index.to_string(), str::to_owned);
                check(inner, item, &format!("{path}[{name}]"), found);
            }
        }
        Shape::MapOf(item) => {
            let Some(object) = value.as_object() else { return found.push(kind(FieldKind::Object)) };
            for (key, inner) in object {
                check(inner, item, &join(path, key), found);
            }
        }
        _ => {}
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}
