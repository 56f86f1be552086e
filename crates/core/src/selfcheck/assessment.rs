//! An assessment as a file (`civic-pulse.assessment.v2`): which framework, which city and year,
//! the entries per indicator code, the weight profile and overrides, targets, and the baseline
//! that progress is measured from. The self-check saves it on the device after every change;
//! export, import and share links carry the same JSON. Version 1 files (no profile, targets or
//! baseline) still open, and are written back as version 2.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assessment_error::{AssessmentError, json_value, shape_problems};
use super::{Framework, IndicatorInput};

pub const ASSESSMENT_SCHEMA_V1: &str = "civic-pulse.assessment.v1";
pub const ASSESSMENT_SCHEMA_V2: &str = "civic-pulse.assessment.v2";
/// What this version writes.
pub const ASSESSMENT_SCHEMA: &str = ASSESSMENT_SCHEMA_V2;

/// Where progress is measured from: an earlier assessment of the same city and framework,
/// copied in when chosen, so the file alone says what its progress figures rest on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[serde(default)]
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The weight profile the earlier assessment used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, f64>,
    #[serde(default)]
    pub inputs: BTreeMap<String, IndicatorInput>,
}

impl Baseline {
    /// The baseline an earlier assessment gives (its notes stay with it, not here).
    pub fn of(earlier: &Assessment) -> Baseline {
        Baseline {
            city: earlier.city.clone(),
            year: earlier.year,
            profile: earlier.profile.clone(),
            weights: earlier.weights.clone(),
            inputs: earlier
                .inputs
                .iter()
                .map(|(code, input)| (code.clone(), IndicatorInput { note: None, ..input.clone() }))
                .collect(),
        }
    }

    /// The earlier assessment as it was scored then (its own profile and weights).
    pub fn as_assessment(&self, framework: &FrameworkRef) -> Assessment {
        Assessment {
            schema: ASSESSMENT_SCHEMA.to_owned(),
            framework: framework.clone(),
            city: self.city.clone(),
            year: self.year,
            inputs: self.inputs.clone(),
            weights: self.weights.clone(),
            profile: self.profile.clone(),
            targets: BTreeMap::new(),
            baseline: None,
            progress_weight: None,
        }
    }
}

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
    /// Weight overrides by node code (relative to siblings), on top of the profile's.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub weights: BTreeMap<String, f64>,
    /// The framework's weight profile this assessment starts from; none is the framework's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Targets by node code: for an indicator a level, score or value in its own terms, for a
    /// dimension a score. They add to the framework's own targets, and replace them per code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<String, IndicatorInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// The share progress carries in the combined result (0..1); none is the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_weight: Option<f64>,
}

impl Assessment {
    /// A blank assessment of `framework`.
    pub fn new(framework: &Framework) -> Assessment {
        Assessment {
            schema: ASSESSMENT_SCHEMA.to_owned(),
            framework: FrameworkRef { id: framework.id.clone(), version: framework.version.clone() },
            city: String::new(),
            year: None,
            inputs: BTreeMap::new(),
            weights: BTreeMap::new(),
            profile: None,
            targets: BTreeMap::new(),
            baseline: None,
            progress_weight: None,
        }
    }

    /// The weights in force by node code: the profile's, then the official's own changes.
    pub fn weights_in_force(&self, framework: &Framework) -> BTreeMap<String, f64> {
        let mut weights = framework.profile_weights(self.profile.as_deref());
        weights.extend(self.weights.iter().map(|(code, weight)| (code.clone(), *weight)));
        weights
    }

    /// The weight a node starts from before the official's own change: the profile's, else
    /// the framework's.
    pub fn starting_weight(&self, framework: &Framework, index: usize) -> f64 {
        let node = &framework.nodes[index];
        framework.profile_weights(self.profile.as_deref()).get(&node.code).copied().unwrap_or(node.weight)
    }

    /// Switches to another weight profile; the official's own changes were made against the old
    /// one, so they go.
    pub fn use_profile(&mut self, profile: Option<String>) {
        if self.profile != profile {
            self.profile = profile;
            self.weights.clear();
        }
    }

    /// The targets in force: the framework's own, with the official's in their place.
    pub fn targets_in_force(&self, framework: &Framework) -> BTreeMap<String, IndicatorInput> {
        let mut targets = super::progress::framework_targets(framework);
        targets.extend(self.targets.iter().map(|(code, target)| (code.clone(), target.clone())));
        targets
    }

    /// The share progress carries in the combined result.
    pub fn progress_weight(&self) -> f64 {
        self.progress_weight.unwrap_or(super::progress::DEFAULT_PROGRESS_WEIGHT)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an assessment of strings and numbers always serialises")
    }

    /// Reads a saved or imported assessment: every problem with its syntax or shape, typed.
    pub fn parse(json: &str) -> Result<Assessment, Vec<AssessmentError>> {
        let value = json_value(json).map_err(|problem| vec![problem])?;
        let problems = shape_problems(&value);
        if !problems.is_empty() {
            return Err(problems);
        }
        // The shape is checked field by field above, so the typed read cannot fail on it; should
        // it still, the file is called unreadable rather than shown serde's words.
        let assessment: Assessment = serde_json::from_value(value).map_err(|_| vec![AssessmentError::NotAnObject])?;
        let mut assessment = assessment;
        match assessment.schema.as_str() {
            ASSESSMENT_SCHEMA_V2 => {}
            // Version 1 is version 2 without its new fields: read as it is, written as version 2.
            ASSESSMENT_SCHEMA_V1 => assessment.schema = ASSESSMENT_SCHEMA.to_owned(),
            _ => return Err(vec![AssessmentError::Schema { found: assessment.schema }]),
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

    /// Everything that stops this assessment from being used with `framework` (empty when it
    /// fits): another framework, unknown codes, figures out of range.
    pub fn problems_with(&self, framework: &Framework) -> Vec<AssessmentError> {
        if self.framework.id != framework.id {
            return vec![AssessmentError::OtherFramework {
                found: self.framework.id.clone(),
                here: framework.id.clone(),
            }];
        }
        if self.framework.version != framework.version {
            return vec![AssessmentError::OtherVersion {
                id: framework.id.clone(),
                found: self.framework.version.clone(),
                here: framework.version.clone(),
            }];
        }
        let mut found: Vec<AssessmentError> = match super::normalise_inputs(framework, &self.inputs) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(AssessmentError::Input).collect(),
        };
        if let Some(profile) = self.profile.as_ref().filter(|id| framework.profile(id).is_none()) {
            found.push(AssessmentError::UnknownProfile { id: profile.clone() });
        } else if let Err(problems) = super::weights_with_overrides(framework, &self.weights_in_force(framework)) {
            found.extend(problems.into_iter().map(AssessmentError::Weight));
        }
        if let Some(year) = self.year.filter(|year| !(1990..=2100).contains(year)) {
            found.push(AssessmentError::Year { year });
        }
        if let Err(problems) = super::target_scores(framework, &self.targets) {
            found.extend(problems.into_iter().map(AssessmentError::InTarget));
        }
        if let Some(baseline) = &self.baseline
            && let Err(problems) = super::normalise_inputs(framework, &baseline.inputs)
        {
            found.extend(problems.into_iter().map(AssessmentError::InBaseline));
        }
        if let Some(weight) = self.progress_weight.filter(|w| !(0.0..=1.0).contains(w)) {
            found.push(AssessmentError::ProgressWeight { weight });
        }
        found
    }

    /// This assessment if it fits `framework`, else every problem.
    pub fn fit(self, framework: &Framework) -> Result<Assessment, Vec<AssessmentError>> {
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
    pub fn compressed_in_fragment(fragment: &str) -> Option<Result<Vec<u8>, AssessmentError>> {
        let data = fragment.trim_start_matches('#').strip_prefix("zdata=")?;
        Some(crate::base64url::decode(data).ok_or(AssessmentError::DamagedLink))
    }

    /// Reads the JSON a share link carried, once inflated.
    pub fn from_shared_bytes(bytes: Vec<u8>) -> Result<Assessment, Vec<AssessmentError>> {
        let json = String::from_utf8(bytes).map_err(|_| vec![AssessmentError::DamagedLink])?;
        Assessment::parse(&json)
    }

    /// Reads a share link's fragment (with or without the leading `#`).
    pub fn from_fragment(fragment: &str) -> Option<Result<Assessment, Vec<AssessmentError>>> {
        let data = fragment.trim_start_matches('#').strip_prefix("data=")?;
        let bytes = crate::base64url::decode(data).ok_or_else(|| vec![AssessmentError::DamagedLink]);
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
    fn profiles_targets_and_baseline_are_checked_and_kept() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut earlier = Assessment::new(&framework);
        earlier.year = Some(2025);
        earlier.set_level("T1.1", Some(1));
        earlier.set_note("T1.1", "the earlier year's note stays in the earlier file");
        let mut a = Assessment::new(&framework);
        a.use_profile(Some("very-large-city".into()));
        a.weights.insert("T".into(), 12.0);
        assert_eq!(a.weights_in_force(&framework)["M"], 25.0, "the profile's weight");
        assert_eq!(a.weights_in_force(&framework)["T"], 12.0, "the official's own change on top");
        let m = framework.index_of("M").unwrap();
        assert_eq!((a.starting_weight(&framework, m), framework.nodes[m].weight), (25.0, 20.0));
        a.use_profile(Some("small-medium-city".into()));
        assert!(a.weights.is_empty(), "own changes were made against the other profile");
        a.targets.insert("T1.1".into(), IndicatorInput::level(3));
        a.targets.insert("S".into(), IndicatorInput::score(80.0));
        a.baseline = Some(super::Baseline::of(&earlier));
        a.progress_weight = Some(0.4);
        assert_eq!(a.problems_with(&framework), Vec::new());
        assert_eq!(a.baseline.as_ref().unwrap().inputs["T1.1"].note, None);
        let json = a.to_json();
        assert_eq!(Assessment::parse(&json), Ok(a.clone()));
        a.profile = Some("megacity".into());
        a.targets.insert("S".into(), IndicatorInput::level(3));
        a.progress_weight = Some(2.0);
        let english = crate::Lang::fallback();
        let texts: Vec<String> = a.problems_with(&framework).iter().map(|p| p.message(english)).collect();
        assert_eq!(
            texts,
            [
                "The weight profile “megacity” is not one of this framework's.",
                "Target: S: a dimension's target is a score from 0 to 100.",
                "The share of progress in the combined result must be between 0 and 1 (found 2).",
            ]
        );
    }

    #[test]
    fn version_1_files_open_as_version_2() {
        let a = Assessment::parse(
            r#"{"schema":"civic-pulse.assessment.v1","framework":{"id":"qa-2025","version":"2025.1"}}"#,
        )
        .unwrap();
        assert_eq!(a.schema, ASSESSMENT_SCHEMA_V2);
        let problems = Assessment::parse(
            r#"{"schema":"civic-pulse.assessment.v2","framework":{"id":"qa-2025","version":"2025.1"},
                "targets":{"B1.1":{"value":99,"note":"x"}},"baseline":{"year":"2025","inputs":{"B1.1":3}}}"#,
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                AssessmentError::WrongKind { field: "baseline.year".into(), kind: super::super::Kind::Year },
                AssessmentError::WrongKind { field: "baseline.inputs.B1.1".into(), kind: super::super::Kind::Object },
                AssessmentError::UnknownField { field: "targets.B1.1.note".into() },
            ]
        );
    }

    #[test]
    fn compressed_fragments_carry_bytes() {
        let fragment = Assessment::compressed_fragment(&[1, 2, 250]);
        assert!(fragment.starts_with("zdata="));
        assert_eq!(Assessment::compressed_in_fragment(&format!("#{fragment}")), Some(Ok(vec![1, 2, 250])));
        assert_eq!(Assessment::compressed_in_fragment("#data=abc"), None);
        assert_eq!(Assessment::compressed_in_fragment("#zdata=!!"), Some(Err(AssessmentError::DamagedLink)));
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
        assert!(json.starts_with(r#"{"schema":"civic-pulse.assessment.v2","framework":{"id":"smart-2021""#), "{json}");
        assert_eq!(Assessment::parse(&json), Ok(assessment));
        assert_eq!(
            Assessment::parse(r#"{"schema":"other","framework":{"id":"x","version":"1"}}"#),
            Err(vec![AssessmentError::Schema { found: "other".into() }])
        );
        assert_eq!(
            Assessment::parse("{\n\"schema\":\"civic-pulse.assessment.v1\""),
            Err(vec![AssessmentError::NotJson { line: 2, column: 36 }]),
            "cut short: where it breaks off"
        );
    }

    #[test]
    fn every_shape_problem_is_named_by_its_field_and_none_is_serde_text() {
        use super::super::Kind;
        let problems = Assessment::parse(
            r#"{"schema":"civic-pulse.assessment.v1","framework":{"id":"smart-2021"},"year":"2026","colour":1,
                "inputs":{"T1.1":{"level":300,"quality":"guessed"},"T1.2":5},"weights":{"T":"heavy"}}"#,
        )
        .unwrap_err();
        let wrong = |field: &str, kind| AssessmentError::WrongKind { field: field.into(), kind };
        assert_eq!(
            problems,
            [
                AssessmentError::MissingField { field: "framework.version".into() },
                wrong("year", Kind::Year),
                wrong("inputs.T1.1.level", Kind::Level),
                wrong("inputs.T1.1.quality", Kind::Quality),
                wrong("inputs.T1.2", Kind::Object),
                wrong("weights.T", Kind::Number),
                AssessmentError::UnknownField { field: "colour".into() },
            ]
        );
        assert_eq!(Assessment::parse("[1, 2]"), Err(vec![AssessmentError::NotAnObject]));
        for lang in crate::Lang::all() {
            for problem in &problems {
                let text = problem.message(lang);
                assert!(!text.contains('{') && !text.contains("invalid type"), "{text}");
            }
        }
        let chinese = crate::Lang::from_tag("zh-Hans").unwrap();
        assert_eq!(problems[0].message(chinese), "评估缺少“framework.version”。");
    }

    #[test]
    fn the_published_schema_example_is_an_assessment_the_engine_accepts() {
        let framework = Framework::builtin("smart-2021").unwrap();
        for text in [
            include_str!("../../../../schemas/assessment.v1.schema.json"),
            include_str!("../../../../schemas/assessment.v2.schema.json"),
        ] {
            let schema: serde_json::Value = serde_json::from_str(text).unwrap();
            for example in schema["examples"].as_array().unwrap() {
                let assessment = Assessment::parse(&example.to_string()).unwrap();
                assert_eq!(assessment.problems_with(&framework), Vec::new());
                assert_eq!(assessment.framework.version, framework.version);
                assert_eq!(assessment.schema, ASSESSMENT_SCHEMA_V2, "read as version 2");
            }
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
        let english = crate::Lang::fallback();
        let texts: Vec<String> = problems.iter().map(|problem| problem.message(english)).collect();
        assert_eq!(
            texts,
            [
                "Indicator T1.1: the level must be 0 to 4 (found 7).",
                "X9.9 is not an indicator of this framework.",
                "The year must be between 1990 and 2100 (found 1200).",
            ]
        );
        let other = Framework::builtin("qa-2025").unwrap();
        assert_eq!(
            Assessment::new(&other).problems_with(&framework),
            [AssessmentError::OtherFramework { found: "qa-2025".into(), here: "smart-2021".into() }]
        );
    }
}
