//! An assessment as a file (`civic-pulse.assessment.v1`): which framework, which city and year,
//! the entries per indicator code, and weight overrides. The self-check saves it on the device
//! after every change; export, import and share links carry the same JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Framework, IndicatorInput};

pub const ASSESSMENT_SCHEMA_V1: &str = "civic-pulse.assessment.v1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkRef {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub schema: String,
    pub framework: FrameworkRef,
    #[serde(default)]
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Entries by indicator code; an absent code is "not assessed".
    #[serde(default)]
    pub inputs: BTreeMap<String, IndicatorInput>,
    /// Weight overrides by node code (relative to siblings).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, f64>,
}

impl Assessment {
    /// A blank assessment of `framework`.
    pub fn new(framework: &Framework) -> Assessment {
        Assessment {
            schema: ASSESSMENT_SCHEMA_V1.to_owned(),
            framework: FrameworkRef { id: framework.id.clone(), version: framework.version.clone() },
            city: String::new(),
            year: None,
            inputs: BTreeMap::new(),
            weights: BTreeMap::new(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an assessment of strings and numbers always serialises")
    }

    /// Reads a saved or imported assessment; the error says what is wrong, with its position.
    pub fn parse(json: &str) -> Result<Assessment, String> {
        let assessment: Assessment = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if assessment.schema != ASSESSMENT_SCHEMA_V1 {
            return Err(format!("schema must be \"{ASSESSMENT_SCHEMA_V1}\""));
        }
        Ok(assessment)
    }

    /// Sets or clears (`None`: not assessed) the rubric level of one indicator.
    pub fn set_level(&mut self, code: &str, level: Option<u8>) {
        match level {
            Some(level) => {
                let entry = self.inputs.entry(code.to_owned()).or_default();
                *entry =
                    IndicatorInput { quality: entry.quality, note: entry.note.take(), ..IndicatorInput::level(level) };
            }
            None => {
                self.inputs.remove(code);
            }
        }
    }

    pub fn level(&self, code: &str) -> Option<u8> {
        self.inputs.get(code).and_then(|input| input.level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_files() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut assessment = Assessment::new(&framework);
        assessment.city = "Lishui".into();
        assessment.year = Some(2026);
        assessment.set_level("T1.1", Some(3));
        assessment.set_level("T1.2", Some(0));
        assert_eq!(assessment.level("T1.1"), Some(3));
        assert_eq!(assessment.level("T1.2"), Some(0), "level 0 is assessed, not missing");
        assessment.set_level("T1.2", None);
        assert_eq!(assessment.level("T1.2"), None);
        let json = assessment.to_json();
        assert!(json.starts_with(r#"{"schema":"civic-pulse.assessment.v1","framework":{"id":"smart-2021""#), "{json}");
        assert_eq!(Assessment::parse(&json), Ok(assessment));
        assert!(Assessment::parse(r#"{"schema":"other","framework":{"id":"x","version":"1"}}"#).is_err());
        assert!(Assessment::parse(r#"{"schema":"civic-pulse.assessment.v1""#).unwrap_err().contains("EOF"));
    }
}
