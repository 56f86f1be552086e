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
        self.set_figure(code, level.map(IndicatorInput::level));
    }

    /// Sets or clears (`None`: not assessed) the raw value of one indicator.
    pub fn set_value(&mut self, code: &str, value: Option<f64>) {
        self.set_figure(code, value.map(IndicatorInput::value));
    }

    /// Replaces an indicator's figure, keeping its quality and note; `None` clears the entry.
    fn set_figure(&mut self, code: &str, figure: Option<IndicatorInput>) {
        match figure {
            Some(figure) => {
                let entry = self.inputs.entry(code.to_owned()).or_default();
                *entry = IndicatorInput { quality: entry.quality, note: entry.note.take(), ..figure };
            }
            None => {
                self.inputs.remove(code);
            }
        }
    }

    /// Sets the data quality of an assessed indicator (ignored for one not assessed: quality
    /// describes a figure, and there is none).
    pub fn set_quality(&mut self, code: &str, quality: Option<super::Quality>) {
        if let Some(entry) = self.inputs.get_mut(code) {
            entry.quality = quality;
        }
    }

    /// Sets the evidence note of an assessed indicator; blank removes it.
    pub fn set_note(&mut self, code: &str, note: &str) {
        if let Some(entry) = self.inputs.get_mut(code) {
            entry.note = (!note.trim().is_empty()).then(|| note.to_owned());
        }
    }

    /// Everything that stops this assessment from being used with `framework`, in words (empty
    /// when it fits): another framework, unknown codes, figures out of range.
    pub fn problems_with(&self, framework: &Framework) -> Vec<String> {
        if self.framework.id != framework.id {
            return vec![format!(
                "it is an assessment of the framework “{}”, not “{}”",
                self.framework.id, framework.id
            )];
        }
        if self.framework.version != framework.version {
            return vec![format!(
                "it was made with version {} of the framework “{}”, and this device has version {}",
                self.framework.version, framework.id, framework.version
            )];
        }
        let mut found: Vec<String> = match super::normalise_inputs(framework, &self.inputs) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        };
        if let Err(problems) = super::weights_with_overrides(framework, &self.weights) {
            found.extend(problems.iter().map(ToString::to_string));
        }
        if self.year.is_some_and(|year| !(1990..=2100).contains(&year)) {
            found.push("year must be between 1990 and 2100".to_owned());
        }
        found
    }

    /// This assessment if it fits `framework`, else every problem in words.
    pub fn fit(self, framework: &Framework) -> Result<Assessment, Vec<String>> {
        let problems = self.problems_with(framework);
        if problems.is_empty() { Ok(self) } else { Err(problems) }
    }

    /// The fragment of a share link that carries the whole assessment: `data=<base64url JSON>`.
    pub fn share_fragment(&self) -> String {
        format!("data={}", crate::base64url::encode(self.to_json().as_bytes()))
    }

    /// The fragment for a long assessment: `zdata=<base64url of the deflate-raw compressed JSON>`,
    /// given the compressed bytes (the browser's CompressionStream makes them).
    pub fn compressed_fragment(deflated: &[u8]) -> String {
        format!("zdata={}", crate::base64url::encode(deflated))
    }

    /// The compressed bytes a `zdata=` fragment carries, still to be inflated.
    pub fn compressed_in_fragment(fragment: &str) -> Option<Result<Vec<u8>, String>> {
        let data = fragment.trim_start_matches('#').strip_prefix("zdata=")?;
        Some(crate::base64url::decode(data).ok_or_else(|| "the link is damaged".to_owned()))
    }

    /// Reads the JSON a share link carried, once inflated.
    pub fn from_shared_bytes(bytes: Vec<u8>) -> Result<Assessment, String> {
        String::from_utf8(bytes).map_err(|_| "the link is damaged".to_owned()).and_then(|json| Assessment::parse(&json))
    }

    /// Reads a share link's fragment (with or without the leading `#`).
    pub fn from_fragment(fragment: &str) -> Option<Result<Assessment, String>> {
        let data = fragment.trim_start_matches('#').strip_prefix("data=")?;
        let bytes = crate::base64url::decode(data).ok_or_else(|| "the link is damaged".to_owned());
        Some(bytes.and_then(Assessment::from_shared_bytes))
    }

    pub fn level(&self, code: &str) -> Option<u8> {
        self.inputs.get(code).and_then(|input| input.level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_quality_and_notes_follow_the_entry() {
        let framework = Framework::builtin("qa-2025").unwrap();
        let mut a = Assessment::new(&framework);
        a.set_quality("B1.1", Some(super::super::Quality::Estimated));
        a.set_note("B1.1", "nothing to describe yet");
        assert!(a.inputs.is_empty(), "no figure, so no quality or note");
        a.set_value("B1.1", Some(87.5));
        a.set_quality("B1.1", Some(super::super::Quality::Estimated));
        a.set_note("B1.1", "Survey of 2026");
        a.set_value("B1.1", Some(90.0));
        let entry = &a.inputs["B1.1"];
        assert_eq!((entry.value, entry.quality), (Some(90.0), Some(super::super::Quality::Estimated)));
        assert_eq!(entry.note.as_deref(), Some("Survey of 2026"));
        a.set_note("B1.1", "  ");
        assert_eq!(a.inputs["B1.1"].note, None);
        a.set_value("B1.1", None);
        assert!(a.inputs.is_empty());
        assert!(a.problems_with(&framework).is_empty());
    }

    #[test]
    fn compressed_fragments_carry_bytes() {
        let fragment = Assessment::compressed_fragment(&[1, 2, 250]);
        assert!(fragment.starts_with("zdata="));
        assert_eq!(Assessment::compressed_in_fragment(&format!("#{fragment}")), Some(Ok(vec![1, 2, 250])));
        assert_eq!(Assessment::compressed_in_fragment("#data=abc"), None);
        assert_eq!(Assessment::compressed_in_fragment("#zdata=!!"), Some(Err("the link is damaged".to_owned())));
    }

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

    #[test]
    fn the_published_schema_example_is_an_assessment_the_engine_accepts() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../../../schemas/assessment.v1.schema.json")).unwrap();
        let framework = Framework::builtin("smart-2021").unwrap();
        for example in schema["examples"].as_array().unwrap() {
            let assessment = Assessment::parse(&example.to_string()).unwrap();
            assert_eq!(assessment.problems_with(&framework), Vec::<String>::new());
            assert_eq!(assessment.framework.version, framework.version);
        }
    }

    #[test]
    fn share_links_carry_the_whole_assessment() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut assessment = Assessment::new(&framework);
        assessment.city = "丽水".into();
        assessment.set_level("S2.3", Some(4));
        let fragment = assessment.share_fragment();
        assert!(
            fragment.starts_with("data=") && fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"=-_".contains(&b))
        );
        assert_eq!(Assessment::from_fragment(&format!("#{fragment}")), Some(Ok(assessment)));
        assert_eq!(Assessment::from_fragment("#other=1"), None);
        assert!(matches!(Assessment::from_fragment("#data=!!"), Some(Err(_))));
    }

    #[test]
    fn names_what_does_not_fit_the_framework() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut assessment = Assessment::new(&framework);
        assert!(assessment.problems_with(&framework).is_empty());
        assessment.inputs.insert("X9.9".into(), IndicatorInput::level(2));
        assessment.inputs.insert("T1.1".into(), IndicatorInput::level(7));
        assessment.year = Some(1200);
        let problems = assessment.problems_with(&framework);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("X9.9")) && problems.iter().any(|p| p.contains("T1.1")));
        let other = Framework::builtin("qa-2025").unwrap();
        assert!(Assessment::new(&other).problems_with(&framework)[0].contains("qa-2025"));
    }
}
