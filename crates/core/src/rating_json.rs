//! Reading a rating that any client sent as JSON, before its values are checked
//! (`RatingV1::problems`): every field that is missing, unknown, null or of the wrong kind is
//! named with a message a sender can act on, never serde's own words. A whole number written
//! `2.0` is the number 2, as JSON Schema counts it.

use serde_json::Value;

use crate::payload::RatingV1;

/// One thing wrong with the shape of a sent rating: the field (empty for the whole value) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeProblem {
    pub field: String,
    pub message: &'static str,
}

const REQUIRED: [&str; 7] = ["schema", "id", "service", "scale", "score", "lang", "day"];
const TEXT: [&str; 8] = ["schema", "id", "service", "scale", "comment", "lang", "day", "channel"];

/// The rating in `value`, or every problem with its shape.
pub fn read_rating(value: Value) -> Result<RatingV1, Vec<ShapeProblem>> {
    let Value::Object(mut fields) = value else {
        return Err(vec![ShapeProblem { field: String::new(), message: "must be a JSON object: one rating" }]);
    };
    let mut problems = Vec::new();
    let mut found =
        |field: &str, message: &'static str| problems.push(ShapeProblem { field: field.to_owned(), message });
    for (name, field) in &fields {
        let message = if field.is_null() {
            Some("leave the field out instead of sending null")
        } else if TEXT.contains(&name.as_str()) {
            (!field.is_string()).then_some("must be a string")
        } else if name == "score" {
            whole_number(field).is_none().then_some("must be a whole number from 1 to 5")
        } else if name == "aspects" {
            let list = field.as_array().is_some_and(|items| items.iter().all(Value::is_string));
            (!list).then_some("must be a list of ids")
        } else {
            Some("is not a field of the rating schema")
        };
        if let Some(message) = message {
            found(name, message);
        }
    }
    for name in REQUIRED {
        if !fields.contains_key(name) {
            found(name, "is required");
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if let Some(score) = fields.get("score").and_then(whole_number) {
        fields.insert("score".to_owned(), Value::from(score));
    }
    serde_json::from_value(Value::Object(fields))
        .map_err(|_| vec![ShapeProblem { field: "score".to_owned(), message: "must be a whole number from 1 to 5" }])
}

/// A JSON number with no fraction, as an integer: `2` and `2.0` alike.
fn whole_number(value: &Value) -> Option<i64> {
    value.as_i64().or_else(|| value.as_f64().filter(|x| x.fract() == 0.0 && x.abs() < 1e15).map(|x| x as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Value {
        json!({"schema": "civic-pulse.rating.v1", "id": "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65",
               "service": "transport", "scale": "good-bad-5", "score": 2, "lang": "zh-Hans", "day": "2026-11-22"})
    }

    fn fields(result: Result<RatingV1, Vec<ShapeProblem>>) -> Vec<(String, &'static str)> {
        result.err().unwrap_or_default().into_iter().map(|p| (p.field, p.message)).collect()
    }

    #[test]
    fn a_well_formed_rating_reads_and_a_whole_float_is_its_number() {
        assert_eq!(read_rating(sample()).unwrap().score, 2);
        let mut float = sample();
        float["score"] = json!(2.0);
        assert_eq!(read_rating(float).unwrap().score, 2);
    }

    #[test]
    fn every_shape_problem_is_named_in_words_a_sender_can_act_on() {
        let mut sent = sample();
        sent["score"] = json!(2.5);
        sent["channel"] = Value::Null;
        sent["userAgent"] = json!("Mozilla/5.0");
        sent["aspects"] = json!([1]);
        sent.as_object_mut().unwrap().remove("day");
        let mut said = fields(read_rating(sent));
        said.sort();
        assert_eq!(
            said,
            [
                ("aspects".to_owned(), "must be a list of ids"),
                ("channel".to_owned(), "leave the field out instead of sending null"),
                ("day".to_owned(), "is required"),
                ("score".to_owned(), "must be a whole number from 1 to 5"),
                ("userAgent".to_owned(), "is not a field of the rating schema"),
            ]
        );
        assert_eq!(fields(read_rating(json!([1]))), [(String::new(), "must be a JSON object: one rating")]);
        let mut huge = sample();
        huge["score"] = json!(300);
        assert_eq!(fields(read_rating(huge)), [("score".to_owned(), "must be a whole number from 1 to 5")]);
    }
}
