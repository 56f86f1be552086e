//! How the widget delivers ratings, as the portal configures it on the element: request
//! timeout, queue size, extra headers, field names, and the abuse guards' timings.

use crate::attribute_json;
use crate::field_map::FieldMap;
use crate::json_attribute_problem::JsonAttributeProblem;

/// One delivery setting that is not usable, explained to the portal team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionError {
    /// A number outside its range, or not a number.
    Number {
        attribute: &'static str,
        value: String,
        min: u32,
        max: u32,
    },
    Headers(JsonAttributeProblem),
    FieldMap(JsonAttributeProblem),
}

/// A checked set of delivery settings; [`Default`] is what an element without them gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeliveryOptions {
    /// Longest wait for one answer before the attempt counts as failed.
    pub timeout_ms: u32,
    /// Most ratings one device keeps waiting for this endpoint.
    pub queue_size: usize,
    /// Extra request headers, such as an API key.
    pub headers: Vec<(String, String)>,
    pub field_map: FieldMap,
    /// A send earlier than this after the form appeared waits until then (never refused).
    pub min_time_ms: u32,
    /// After rating a service, this device does not rate it again for this long; 0 = never.
    pub cooldown_ms: u64,
}

impl Default for DeliveryOptions {
    fn default() -> Self {
        DeliveryOptions {
            timeout_ms: 10_000,
            queue_size: 200,
            headers: Vec::new(),
            field_map: FieldMap::default(),
            min_time_ms: 2_000,
            cooldown_ms: 24 * HOUR_MS,
        }
    }
}

const HOUR_MS: u64 = 60 * 60 * 1000;

/// Headers the widget sets itself, or that browsers forbid scripts to set.
const RESERVED_HEADERS: [&str; 11] = [
    "content-type",
    "idempotency-key",
    "cookie",
    "cookie2",
    "referer",
    "origin",
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "transfer-encoding",
];

impl DeliveryOptions {
    /// Reads the settings through `attribute`, collecting every problem.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>, problems: &mut Vec<OptionError>) -> Self {
        let defaults = DeliveryOptions::default();
        let given = |name: &str| attribute(name).filter(|value| !value.trim().is_empty());
        // Whole numbers only: parsing decimals would pull a float parser and its tables into
        // every widget for no resident's benefit.
        let mut number = |name: &'static str, min: u32, max: u32, unit: u64, default: u64| -> u64 {
            let Some(text) = given(name) else { return default };
            match crate::whole_number::parse::<u32>(text.trim()) {
                Some(value) if (min..=max).contains(&value) => u64::from(value) * unit,
                _ => {
                    problems.push(OptionError::Number { attribute: name, value: text.trim().to_owned(), min, max });
                    default
                }
            }
        };
        let timeout_ms = number("timeout-seconds", 1, 120, 1000, u64::from(defaults.timeout_ms));
        let queue_size = number("queue-size", 1, 1000, 1, defaults.queue_size as u64);
        let min_time_ms = number("min-seconds", 0, 30, 1000, u64::from(defaults.min_time_ms));
        let cooldown_ms = number("cooldown-hours", 0, 720, HOUR_MS, defaults.cooldown_ms);
        let headers = given("headers").map_or_else(Vec::new, |json| {
            parse_headers(&json).unwrap_or_else(|detail| {
                problems.push(OptionError::Headers(detail));
                Vec::new()
            })
        });
        let field_map = given("field-map").map_or_else(FieldMap::default, |json| {
            FieldMap::parse(&json).unwrap_or_else(|detail| {
                problems.push(OptionError::FieldMap(detail));
                FieldMap::default()
            })
        });
        DeliveryOptions {
            timeout_ms: timeout_ms as u32,
            queue_size: queue_size as usize,
            headers,
            field_map,
            min_time_ms: min_time_ms as u32,
            cooldown_ms,
        }
    }
}

/// Parses `{"X-Api-Key": "…"}`: names must be HTTP tokens the widget does not set itself, values
/// single-line text.
pub fn parse_headers(json: &str) -> Result<Vec<(String, String)>, JsonAttributeProblem> {
    let object = attribute_json::texts(json)?;
    object
        .into_iter()
        .map(|(name, value)| {
            let token =
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            if !token {
                return Err(JsonAttributeProblem::NotAHeaderName(name));
            }
            let lower = name.to_ascii_lowercase();
            if RESERVED_HEADERS.contains(&lower.as_str()) || lower.starts_with("sec-") || lower.starts_with("proxy-") {
                return Err(JsonAttributeProblem::ReservedHeader(name));
            }
            if value.len() > 1024 || value.chars().any(char::is_control) {
                return Err(JsonAttributeProblem::HeaderValueNotOneLine(name));
            }
            Ok((name, value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pairs: &[(&str, &str)]) -> (DeliveryOptions, Vec<OptionError>) {
        let mut problems = Vec::new();
        let options = DeliveryOptions::from_attributes(
            |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned()),
            &mut problems,
        );
        (options, problems)
    }

    #[test]
    fn defaults_follow_the_delivery_contract() {
        let (options, problems) = options(&[]);
        assert!(problems.is_empty());
        assert_eq!(options.timeout_ms, 10_000);
        assert_eq!(options.queue_size, 200);
        assert_eq!(options.min_time_ms, 2_000);
        assert_eq!(options.cooldown_ms, 24 * HOUR_MS);
        assert!(options.headers.is_empty() && options.field_map.is_identity());
    }

    #[test]
    fn reads_every_setting() {
        let (options, problems) = options(&[
            ("timeout-seconds", "3"),
            ("queue-size", "5"),
            ("min-seconds", "0"),
            ("cooldown-hours", "0"),
            ("headers", r#"{"X-Api-Key": "k-123"}"#),
            ("field-map", r#"{"score": "rating"}"#),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            (options.timeout_ms, options.queue_size, options.min_time_ms, options.cooldown_ms),
            (3_000, 5, 0, 0)
        );
        assert_eq!(options.headers, [("X-Api-Key".to_owned(), "k-123".to_owned())]);
        assert!(!options.field_map.is_identity());
    }

    #[test]
    fn reports_each_unusable_setting() {
        let (options, problems) = options(&[
            ("timeout-seconds", "0"),
            ("queue-size", "lots"),
            ("cooldown-hours", "1.5"),
            ("headers", r#"{"Cookie": "a=b"}"#),
            ("field-map", r#"{"ua": "x"}"#),
        ]);
        assert_eq!(options.timeout_ms, 10_000, "a bad value falls back to the default");
        assert!(matches!(problems[0], OptionError::Number { attribute: "timeout-seconds", min: 1, max: 120, .. }));
        assert!(matches!(problems[1], OptionError::Number { attribute: "queue-size", .. }));
        assert!(matches!(problems[2], OptionError::Number { attribute: "cooldown-hours", .. }));
        assert_eq!(problems[3], OptionError::Headers(JsonAttributeProblem::ReservedHeader("Cookie".into())));
        assert!(matches!(problems[4], OptionError::FieldMap(_)));
    }

    #[test]
    fn headers_must_be_safe_to_send() {
        assert!(parse_headers(r#"{"Authorization": "Bearer x", "X-City": "南京"}"#).is_ok());
        for bad in [
            r#"{"Bad Name": "x"}"#,
            r#"{"Idempotency-Key": "x"}"#,
            r#"{"Sec-Fetch-Site": "x"}"#,
            r#"{"X-A": "line\nbreak"}"#,
            r#"{"X-A": 1}"#,
            r#"["X-A"]"#,
        ] {
            assert!(parse_headers(bad).is_err(), "{bad}");
        }
    }
}
