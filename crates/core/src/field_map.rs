//! A portal's own names for the payload's fields, so a receiver that expects `rating` instead of
//! `score` needs no proxy. Only top-level names change; values and the `Idempotency-Key` header
//! stay exactly as the contract says.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::json_attribute_problem::JsonAttributeProblem;
use crate::{RatingV1, attribute_json};

/// The payload's field names, in contract order.
pub const CONTRACT_FIELDS: [&str; 10] =
    ["schema", "id", "service", "scale", "score", "aspects", "comment", "lang", "day", "channel"];

/// Renames from contract names to the portal's names; empty means the contract as published.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldMap(Vec<(&'static str, String)>);

impl FieldMap {
    /// Parses a JSON object such as `{"score": "rating", "comment": "text"}`. The error says what
    /// to fix, for the portal team.
    pub fn parse(json: &str) -> Result<FieldMap, JsonAttributeProblem> {
        let object = attribute_json::texts(json)?;
        let mut renames: Vec<(&'static str, String)> = Vec::new();
        for (from, to) in object {
            let Some(field) = CONTRACT_FIELDS.iter().find(|field| **field == from) else {
                return Err(JsonAttributeProblem::NotARatingField(from));
            };
            let to = to.trim();
            if to.is_empty() || to.len() > 64 {
                return Err(JsonAttributeProblem::NewNameNotShort(from));
            }
            renames.push((field, to.to_owned()));
        }
        let names: Vec<&str> = CONTRACT_FIELDS.iter().map(|field| renamed(&renames, field)).collect();
        if let Some((_, name)) = names.iter().enumerate().find(|(index, name)| names[..*index].contains(name)) {
            return Err(JsonAttributeProblem::SameNameTwice((*name).to_owned()));
        }
        Ok(FieldMap(renames))
    }

    pub fn is_identity(&self) -> bool {
        self.0.iter().all(|(from, to)| from == to)
    }

    /// The body to POST: the contract's JSON with the portal's names.
    pub fn body(&self, rating: &RatingV1) -> String {
        if self.is_identity() {
            return rating.to_json();
        }
        serde_json::to_string(&Renamed { rating, map: self }).unwrap_or_else(|_| rating.to_json())
    }
}

/// Serialises a rating field by field under the portal's names, in contract order, leaving out
/// the optional fields exactly as [`RatingV1`] does.
struct Renamed<'a> {
    rating: &'a RatingV1,
    map: &'a FieldMap,
}

impl Serialize for Renamed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let RatingV1 { schema, id, service, scale, score, aspects, comment, lang, day, channel } = self.rating;
        let name = |field: &'static str| renamed(&self.map.0, field);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(name("schema"), schema)?;
        map.serialize_entry(name("id"), id)?;
        map.serialize_entry(name("service"), service)?;
        map.serialize_entry(name("scale"), scale)?;
        map.serialize_entry(name("score"), score)?;
        if !aspects.is_empty() {
            map.serialize_entry(name("aspects"), aspects)?;
        }
        if let Some(comment) = comment {
            map.serialize_entry(name("comment"), comment)?;
        }
        map.serialize_entry(name("lang"), lang)?;
        map.serialize_entry(name("day"), day)?;
        if let Some(channel) = channel {
            map.serialize_entry(name("channel"), channel)?;
        }
        map.end()
    }
}

fn renamed<'a>(renames: &'a [(&'static str, String)], field: &'a str) -> &'a str {
    renames.iter().find(|(from, _)| *from == field).map_or(field, |(_, to)| to.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn rating() -> RatingV1 {
        serde_json::from_str(
            r#"{"schema":"civic-pulse.rating.v1","id":"3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65","service":"transport",
            "scale":"good-bad-5","score":2,"comment":"late","lang":"en","day":"2026-11-22"}"#,
        )
        .unwrap()
    }

    #[test]
    fn renames_only_the_named_fields() {
        let map = FieldMap::parse(r#"{"score": "rating", "comment": "text"}"#).unwrap();
        let body: serde_json::Value = serde_json::from_str(&map.body(&rating())).unwrap();
        assert_eq!(body["rating"], 2);
        assert_eq!(body["text"], "late");
        assert_eq!(body["service"], "transport");
        assert!(body.get("score").is_none() && body.get("comment").is_none());
        assert_eq!(body.as_object().unwrap().len(), 8, "nothing added, nothing lost");
    }

    #[test]
    fn an_empty_map_sends_the_contract_byte_for_byte() {
        assert_eq!(FieldMap::default().body(&rating()), rating().to_json());
        assert_eq!(FieldMap::parse("{}").unwrap().body(&rating()), rating().to_json());
    }

    #[test]
    fn refuses_maps_that_would_lose_or_invent_fields() {
        for (json, says) in [
            ("[1]", "the value at character 1 must be an object in braces"),
            (r#"{"userAgent": "ua"}"#, "“userAgent” is not a field"),
            (r#"{"score": 5}"#, "the value at character 11 must be a text in quotes"),
            (r#"{"score": " "}"#, "short text"),
            (r#"{"score": "day"}"#, "both be called “day”"),
            (r#"{"score": "x", "comment": "x"}"#, "both be called “x”"),
        ] {
            let error = FieldMap::parse(json).unwrap_err().detail(Lang::from_tag("en").unwrap());
            assert!(error.contains(says), "{json}: {error}");
        }
        assert!(FieldMap::parse(r#"{"score": "day", "day": "date"}"#).is_ok(), "a swap-like rename is fine");
    }
}
