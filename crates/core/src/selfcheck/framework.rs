//! Frameworks as data: a tree of dimensions, sub-dimensions and indicators with weights, read
//! from the documented JSON format (`schemas/framework.v1.schema.json`) and checked with
//! messages that name the field, the indicator and the reason.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::framework_error::shape_problems;
pub use super::framework_error::{FieldKind, FrameworkError, TierProblem};

pub const FRAMEWORK_SCHEMA_V1: &str = "civic-pulse.framework.v1";
pub(crate) const MAX_DEPTH: usize = 6;
pub(crate) const MAX_NODES: usize = 2000;

/// Text per language tag (`zh-Hans`, `zh-Hant`, `en`, …).
pub type Localized = BTreeMap<String, String>;

/// The text for a language tag, else English, else any language given.
pub fn localized_text<'a>(texts: &'a Localized, tag: &str) -> &'a str {
    texts.get(tag).or_else(|| texts.get("en")).or_else(|| texts.values().next()).map_or("", String::as_str)
}

/// How children combine into their parent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aggregation {
    /// Weighted arithmetic mean: full compensation between children.
    #[default]
    Arithmetic,
    /// Weighted geometric mean: a weak child pulls its parent down more. Scores are floored at
    /// [`GEOMETRIC_FLOOR`] first, so one zero does not erase the whole parent.
    Geometric,
}

/// The floor applied before a geometric mean, on the 0..1 scale (one point out of 100).
pub const GEOMETRIC_FLOOR: f64 = 0.01;

/// Whether a figure was published by the source, rounded there, or derived by us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Published,
    Approximate,
    Derived,
}

impl Status {
    /// Whether a figure was published, rounded or derived, in words.
    pub fn message(self) -> crate::SelfcheckMsg {
        match self {
            Status::Published => crate::SelfcheckMsg::StatusPublished,
            Status::Approximate => crate::SelfcheckMsg::StatusApproximate,
            Status::Derived => crate::SelfcheckMsg::StatusDerived,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Higher,
    Lower,
}

/// Raw values map linearly from `lower` (0) to `upper` (100), reversed for `lower` direction.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goalposts {
    pub lower: f64,
    pub upper: f64,
    pub direction: Direction,
}

/// Raw values score by distance to a target, capped at 100.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub value: f64,
    pub direction: Direction,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    /// Lowest index (0..1) in this tier.
    pub min: f64,
    pub name: Localized,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LightsSpec {
    /// Score (0..100) from which an indicator is green.
    pub green: f64,
    /// Score (0..100) from which an indicator is yellow; below it, red.
    pub yellow: f64,
    pub status: Status,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkValue {
    /// On 0..1.
    pub value: f64,
    pub status: Status,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    pub label: Localized,
    /// By node code, or `overall` for the index.
    pub values: BTreeMap<String, BenchmarkValue>,
}

/// Where residents' ratings count in a framework: the indicator their satisfaction scores, and
/// per service id the indicator beside which that service's satisfaction is shown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitizenFeedback {
    pub indicator: String,
    #[serde(default)]
    pub services: BTreeMap<String, String>,
}

/// A named set of weights a city may start from ("very large city", "small or medium city"):
/// it changes weights only, never which nodes exist or how they are scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightProfile {
    pub id: String,
    pub name: Localized,
    /// Published by the source, or derived by us from its guidance.
    pub status: Status,
    #[serde(default)]
    pub note: Option<Localized>,
    /// Weights by node code, relative to siblings; a node not named keeps the framework's weight.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
}

/// One node as written in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeSpec {
    pub code: String,
    pub name: Localized,
    /// Relative to its siblings; equal weights when absent.
    #[serde(default)]
    pub weight: Option<f64>,
    #[serde(default)]
    pub description: Option<Localized>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub goalposts: Option<Goalposts>,
    #[serde(default)]
    pub target: Option<Target>,
    /// Per-indicator rubric: five descriptions (levels 0..4), each per language.
    #[serde(default)]
    pub rubric: Option<Vec<Localized>>,
    #[serde(default)]
    pub children: Vec<NodeSpec>,
}

/// The file format, version 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    pub schema: String,
    pub id: String,
    pub version: String,
    pub name: Localized,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub aggregation: Aggregation,
    #[serde(default)]
    pub coverage_gate: Option<f64>,
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub tiers_status: Option<Status>,
    #[serde(default)]
    pub tiers_note: Option<String>,
    #[serde(default)]
    pub lights: Option<LightsSpec>,
    #[serde(default)]
    pub benchmark: Option<Benchmark>,
    #[serde(default)]
    pub citizen_feedback: Option<CitizenFeedback>,
    #[serde(default)]
    pub weight_profiles: Vec<WeightProfile>,
    pub nodes: Vec<NodeSpec>,
}

/// A node of a checked framework. Node 0 is the overall index; the others follow in file order
/// (depth first), so every parent comes before its children.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub code: String,
    pub name: Localized,
    pub description: Option<Localized>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub depth: usize,
    /// The weight given in the file (1 when absent), relative to siblings.
    pub weight: f64,
    pub unit: Option<String>,
    pub goalposts: Option<Goalposts>,
    pub target: Option<Target>,
    pub rubric: Option<Vec<Localized>>,
}

impl Node {
    pub fn is_indicator(&self) -> bool {
        self.children.is_empty() && self.parent.is_some()
    }

    /// Whether the indicator is entered as a raw value in its unit (it has goalposts or a
    /// target), rather than as a rubric level.
    pub fn takes_value(&self) -> bool {
        self.goalposts.is_some() || self.target.is_some()
    }

    /// "code · name" in language `tag`, as the self-check labels a node everywhere.
    pub fn label(&self, tag: &str) -> String {
        format!("{} · {}", self.code, localized_text(&self.name, tag))
    }
}

/// A checked framework, ready for evaluation.
#[derive(Clone, Debug, PartialEq)]
pub struct Framework {
    pub id: String,
    pub version: String,
    pub name: Localized,
    pub source: Option<String>,
    pub aggregation: Aggregation,
    pub coverage_gate: f64,
    /// Sorted from the highest `min` down; the last starts at 0.
    pub tiers: Vec<Tier>,
    pub tiers_status: Status,
    pub tiers_note: Option<String>,
    pub lights: Option<LightsSpec>,
    pub benchmark: Option<Benchmark>,
    pub citizen_feedback: Option<CitizenFeedback>,
    pub weight_profiles: Vec<WeightProfile>,
    pub nodes: Vec<Node>,
    by_code: BTreeMap<String, usize>,
}

impl Framework {
    /// Reads and checks a framework file, reporting every problem found.
    pub fn from_json(text: &str) -> Result<Framework, Vec<FrameworkError>> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|error| vec![FrameworkError::NotJson { line: error.line(), column: error.column() }])?;
        let problems = shape_problems(&value);
        if !problems.is_empty() {
            return Err(problems);
        }
        // The shape is checked field by field above, so the typed read cannot fail on it; should
        // it still, the file is called unreadable rather than shown serde's words.
        let file: FrameworkFile = serde_json::from_value(value).map_err(|_| vec![FrameworkError::NotAFramework])?;
        Framework::from_file(file)
    }

    /// The frameworks that ship with the product.
    pub fn builtin(id: &str) -> Option<Framework> {
        let text = match id {
            "smart-2021" => include_str!("../../frameworks/smart-2021.json"),
            "qa-2025" => include_str!("../../frameworks/qa-2025.json"),
            _ => return None,
        };
        Framework::from_json(text).ok()
    }

    pub const BUILTIN_IDS: [&'static str; 2] = ["smart-2021", "qa-2025"];

    pub fn from_file(file: FrameworkFile) -> Result<Framework, Vec<FrameworkError>> {
        let mut problems = Vec::new();
        if file.schema != FRAMEWORK_SCHEMA_V1 {
            problems.push(FrameworkError::WrongSchema { found: file.schema.clone() });
        }
        if file.id.trim().is_empty() {
            problems.push(FrameworkError::MissingField { field: "id" });
        }
        if file.version.trim().is_empty() {
            problems.push(FrameworkError::MissingField { field: "version" });
        }
        let coverage_gate = file.coverage_gate.unwrap_or(0.65);
        if !(0.0..=1.0).contains(&coverage_gate) {
            problems.push(FrameworkError::BadCoverageGate { value: coverage_gate });
        }
        let tiers = check_tiers(file.tiers, &mut problems);
        if let Some(lights) = &file.lights {
            let in_range = |v: f64| (0.0..=100.0).contains(&v);
            if !(in_range(lights.green) && in_range(lights.yellow) && lights.green > lights.yellow) {
                problems.push(FrameworkError::BadLights);
            }
        }

        let root = Node {
            code: "overall".to_owned(),
            name: file.name.clone(),
            description: None,
            parent: None,
            children: Vec::new(),
            depth: 0,
            weight: 1.0,
            unit: None,
            goalposts: None,
            target: None,
            rubric: None,
        };
        let mut nodes = vec![root];
        let mut by_code = BTreeMap::new();
        by_code.insert("overall".to_owned(), 0);
        for spec in file.nodes {
            add_node(spec, 0, &mut nodes, &mut by_code, &mut problems);
        }
        if !nodes.iter().any(Node::is_indicator) {
            problems.push(FrameworkError::NoIndicators);
        }
        for parent in &nodes {
            let weights = parent.children.iter().map(|&c| nodes[c].weight);
            if !parent.children.is_empty()
                && weights.clone().all(|w| w.is_finite() && w >= 0.0)
                && weights.sum::<f64>() <= 0.0
            {
                problems.push(FrameworkError::AllWeightsZero { parent: parent.code.clone() });
            }
        }
        if let Some(benchmark) = &file.benchmark {
            for (code, value) in &benchmark.values {
                if !by_code.contains_key(code) {
                    problems.push(FrameworkError::UnknownBenchmarkCode { code: code.clone() });
                } else if !(0.0..=1.0).contains(&value.value) {
                    problems.push(FrameworkError::BadBenchmarkValue { code: code.clone(), value: value.value });
                }
            }
        }
        if let Some(feedback) = &file.citizen_feedback {
            let codes = std::iter::once(&feedback.indicator).chain(feedback.services.values());
            for code in codes {
                if !by_code.get(code).is_some_and(|&i| nodes[i].is_indicator()) {
                    problems.push(FrameworkError::FeedbackNotAnIndicator { code: code.clone() });
                }
            }
        }
        let mut profile_ids = std::collections::BTreeSet::new();
        for profile in &file.weight_profiles {
            if !is_code(&profile.id) || !profile_ids.insert(profile.id.as_str()) {
                problems.push(FrameworkError::BadProfileId { id: profile.id.clone() });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let framework = Framework {
            id: file.id,
            version: file.version,
            name: file.name,
            source: file.source,
            aggregation: file.aggregation,
            coverage_gate,
            tiers,
            tiers_status: file.tiers_status.unwrap_or(Status::Published),
            tiers_note: file.tiers_note,
            lights: file.lights,
            benchmark: file.benchmark,
            citizen_feedback: file.citizen_feedback,
            weight_profiles: file.weight_profiles,
            nodes,
            by_code,
        };
        // A profile's weights are checked as an official's own would be: by the engine.
        let problems: Vec<FrameworkError> = framework
            .weight_profiles
            .iter()
            .flat_map(|profile| {
                let found = super::weights_with_overrides(&framework, &profile.weights).err().unwrap_or_default();
                found.into_iter().map(|problem| FrameworkError::BadProfile { profile: profile.id.clone(), problem })
            })
            .collect();
        if problems.is_empty() { Ok(framework) } else { Err(problems) }
    }

    /// The weight profile with this id.
    pub fn profile(&self, id: &str) -> Option<&WeightProfile> {
        self.weight_profiles.iter().find(|profile| profile.id == id)
    }

    /// The weights a profile sets, by node code (none for no profile or one not here).
    pub fn profile_weights(&self, id: Option<&str>) -> BTreeMap<String, f64> {
        id.and_then(|id| self.profile(id)).map(|profile| profile.weights.clone()).unwrap_or_default()
    }

    /// The index of the node with this code (`overall` is node 0).
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The indicators (leaves), in file order.
    pub fn indicators(&self) -> impl Iterator<Item = (usize, &Node)> {
        self.nodes.iter().enumerate().filter(|(_, node)| node.is_indicator())
    }

    /// The indicators below node `index`, in file order. Nodes are stored depth first, so its
    /// subtree is the run of nodes after it that are deeper than it.
    pub fn indicators_under(&self, index: usize) -> impl Iterator<Item = (usize, &Node)> {
        let depth = self.nodes[index].depth;
        let end = self.nodes[index + 1..]
            .iter()
            .position(|node| node.depth <= depth)
            .map_or(self.nodes.len(), |p| index + 1 + p);
        self.nodes[index + 1..end]
            .iter()
            .enumerate()
            .map(move |(offset, node)| (index + 1 + offset, node))
            .filter(|(_, node)| node.is_indicator())
    }

    /// The tier with this id.
    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|tier| tier.id == id)
    }

    /// The framework's published average for a node code (`overall` for the index), if any.
    pub fn average(&self, code: &str) -> Option<&BenchmarkValue> {
        self.benchmark.as_ref()?.values.get(code)
    }

    /// The tier an index (0..1) falls in.
    pub fn tier_for(&self, index: f64) -> Option<&Tier> {
        self.tiers.iter().find(|tier| index >= tier.min)
    }

    /// The tier above the given one, if there is one.
    pub fn tier_above(&self, tier_id: &str) -> Option<&Tier> {
        let position = self.tiers.iter().position(|tier| tier.id == tier_id)?;
        position.checked_sub(1).map(|above| &self.tiers[above])
    }
}

fn check_tiers(mut tiers: Vec<Tier>, problems: &mut Vec<FrameworkError>) -> Vec<Tier> {
    tiers.sort_by(|a, b| b.min.total_cmp(&a.min));
    if tiers.is_empty() {
        problems.push(FrameworkError::BadTiers { problem: TierProblem::None });
    } else if tiers.iter().any(|tier| !(0.0..=1.0).contains(&tier.min)) {
        problems.push(FrameworkError::BadTiers { problem: TierProblem::MinOutOfRange });
    } else if tiers.last().is_some_and(|lowest| lowest.min != 0.0) {
        problems.push(FrameworkError::BadTiers { problem: TierProblem::NoneAtZero });
    } else if tiers.windows(2).any(|pair| pair[0].min == pair[1].min || pair[0].id == pair[1].id) {
        problems.push(FrameworkError::BadTiers { problem: TierProblem::NotDistinct });
    }
    tiers
}

fn add_node(
    spec: NodeSpec,
    parent: usize,
    nodes: &mut Vec<Node>,
    by_code: &mut BTreeMap<String, usize>,
    problems: &mut Vec<FrameworkError>,
) {
    if nodes.len() >= MAX_NODES {
        if !problems.contains(&FrameworkError::TooManyNodes) {
            problems.push(FrameworkError::TooManyNodes);
        }
        return;
    }
    let depth = nodes[parent].depth + 1;
    let code = spec.code.clone();
    if !is_code(&code) || code == "overall" {
        problems.push(FrameworkError::BadCode { code: code.clone() });
    } else if by_code.contains_key(&code) {
        problems.push(FrameworkError::DuplicateCode { code: code.clone() });
    }
    if !spec.name.values().any(|text| !text.trim().is_empty()) {
        problems.push(FrameworkError::MissingName { code: code.clone() });
    }
    let weight = spec.weight.unwrap_or(1.0);
    if !(weight.is_finite() && weight >= 0.0) {
        problems.push(FrameworkError::BadWeight { code: code.clone(), weight });
    }
    let is_leaf = spec.children.is_empty();
    if !is_leaf && (spec.goalposts.is_some() || spec.target.is_some() || spec.unit.is_some() || spec.rubric.is_some()) {
        problems.push(FrameworkError::ScaleOnNonIndicator { code: code.clone() });
    }
    if let Some(g) = spec.goalposts
        && !(g.lower.is_finite() && g.upper.is_finite() && g.lower != g.upper)
    {
        problems.push(FrameworkError::BadGoalposts { code: code.clone() });
    }
    if let Some(t) = spec.target {
        let ok = t.value.is_finite()
            && match t.direction {
                Direction::Higher => t.value > 0.0,
                Direction::Lower => t.value >= 0.0,
            };
        if !ok {
            problems.push(FrameworkError::BadTarget { code: code.clone() });
        }
    }
    if let Some(rubric) = &spec.rubric
        && rubric.len() != RUBRIC_LEVEL_COUNT
    {
        problems.push(FrameworkError::BadRubric { code: code.clone(), levels: rubric.len() });
    }
    if depth > MAX_DEPTH {
        problems.push(FrameworkError::TooDeep { code: code.clone() });
        return;
    }
    let index = nodes.len();
    by_code.entry(code.clone()).or_insert(index);
    nodes.push(Node {
        code,
        name: spec.name,
        description: spec.description,
        parent: Some(parent),
        children: Vec::new(),
        depth,
        weight,
        unit: spec.unit,
        goalposts: spec.goalposts,
        target: spec.target,
        rubric: spec.rubric,
    });
    nodes[parent].children.push(index);
    for child in spec.children {
        add_node(child, index, nodes, by_code, problems);
    }
}

const RUBRIC_LEVEL_COUNT: usize = 5;

/// Node codes and profile ids: 1 to 32 letters, digits, `.`, `-` or `_`.
fn is_code(code: &str) -> bool {
    (1..=32).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_2021_has_5_16_52_nodes_with_the_published_weights() {
        let framework = Framework::builtin("smart-2021").expect("smart-2021 loads");
        let at_depth = |d| framework.nodes.iter().filter(|n| n.depth == d).count();
        assert_eq!((at_depth(1), at_depth(2), at_depth(3)), (5, 16, 52));
        let weights: Vec<(String, f64)> = framework.nodes[0]
            .children
            .iter()
            .map(|&c| (framework.nodes[c].code.clone(), framework.nodes[c].weight))
            .collect();
        assert_eq!(
            weights,
            [("T".into(), 10.0), ("R".into(), 15.0), ("A".into(), 25.0), ("M".into(), 20.0), ("S".into(), 30.0)]
        );
        let s23 = &framework.nodes[framework.index_of("S2.3").unwrap()];
        assert_eq!(s23.name["zh-Hans"], "市民反馈");
        assert_eq!(s23.name["en"], "Citizen feedback");
        assert_eq!(
            framework.nodes[framework.index_of("A1.1").unwrap()].name["en"],
            "External opening of platform data"
        );
        for node in &framework.nodes[1..] {
            for lang in ["zh-Hans", "zh-Hant", "en"] {
                assert!(node.name.get(lang).is_some_and(|t| !t.is_empty()), "{} lacks {lang}", node.code);
            }
        }
        assert_eq!(framework.tiers_status, Status::Derived);
    }

    #[test]
    fn smart_2021_offers_the_published_and_two_derived_weight_profiles() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let ids: Vec<(&str, Status)> = framework.weight_profiles.iter().map(|p| (p.id.as_str(), p.status)).collect();
        assert_eq!(
            ids,
            [
                ("published", Status::Published),
                ("very-large-city", Status::Derived),
                ("small-medium-city", Status::Derived)
            ]
        );
        assert!(framework.profile("published").unwrap().weights.is_empty(), "today's weights");
        assert_eq!(framework.profile_weights(Some("very-large-city"))["M"], 25.0);
        assert_eq!(framework.profile_weights(Some("nope")), BTreeMap::new());
        let text = r#"{"schema":"civic-pulse.framework.v1","id":"x","version":"1","name":{"en":"X"},
            "tiers":[{"id":"a","min":0,"name":{"en":"A"}}],
            "weight_profiles":[{"id":"big","name":{"en":"Big"},"status":"derived","weights":{"D":-1,"Q":2}},
                               {"id":"big","name":{"en":"Again"},"status":"derived"}],
            "nodes":[{"code":"D","name":{"en":"D"},"children":[{"code":"D.1","name":{"en":"One"}}]}]}"#;
        assert_eq!(Framework::from_json(text).unwrap_err(), [FrameworkError::BadProfileId { id: "big".into() }]);
        let text = text.replace(r#""id":"big","name":{"en":"Again"}"#, r#""id":"small","name":{"en":"Small"}"#);
        let problems = Framework::from_json(&text).unwrap_err();
        let english: Vec<String> = problems.iter().map(|p| p.message(crate::Lang::fallback())).collect();
        assert_eq!(english.len(), 2, "{english:?}");
        assert!(english[0].starts_with("Weight profile “big”: "), "{english:?}");
    }

    #[test]
    fn indicators_under_a_node_are_its_subtree_leaves() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let all: Vec<usize> = framework.indicators().map(|(i, _)| i).collect();
        assert_eq!(framework.indicators_under(0).map(|(i, _)| i).collect::<Vec<_>>(), all);
        let mut by_dimension = Vec::new();
        for &dimension in &framework.nodes[0].children {
            let codes: Vec<&str> = framework.indicators_under(dimension).map(|(_, node)| node.code.as_str()).collect();
            let prefix = &framework.nodes[dimension].code;
            assert!(codes.iter().all(|code| code.starts_with(prefix.as_str())), "{prefix}: {codes:?}");
            by_dimension.extend(framework.indicators_under(dimension).map(|(i, _)| i));
        }
        assert_eq!(by_dimension, all, "the dimensions share out every indicator, in order");
        let leaf = all[0];
        assert_eq!(framework.indicators_under(leaf).count(), 0);
    }

    #[test]
    fn qa_2025_has_targets_for_all_nine_indicators() {
        let framework = Framework::builtin("qa-2025").expect("qa-2025 loads");
        let codes: Vec<&str> = framework.indicators().map(|(_, n)| n.code.as_str()).collect();
        assert_eq!(codes, ["B1.1", "B1.2", "B2.1", "B2.2", "E1.1", "E1.2", "E2.1", "I1.1", "I2.1"]);
        assert!(framework.indicators().all(|(_, n)| n.target.is_some()));
        assert_eq!(framework.tier_for(0.95).map(|t| t.id.as_str()), Some("five-star"));
        assert_eq!(framework.tier_for(0.59).map(|t| t.id.as_str()), Some("unqualified"));
    }

    #[test]
    fn reports_each_problem_with_its_place() {
        let text = r#"{"schema":"civic-pulse.framework.v1","id":"x","version":"1","name":{"en":"X"},
            "tiers":[{"id":"a","min":0.5,"name":{}}],
            "nodes":[{"code":"D","name":{"en":"D"},"weight":-1,"target":{"value":1,"direction":"higher"},"children":[
                {"code":"D.1","name":{"en":""}},
                {"code":"D.1","name":{"en":"again"},"goalposts":{"lower":1,"upper":1,"direction":"higher"}}]}]}"#;
        let problems = Framework::from_json(text).unwrap_err();
        let messages: Vec<String> = problems.iter().map(|p| p.message(crate::Lang::fallback())).collect();
        assert_eq!(
            problems,
            [
                FrameworkError::BadTiers { problem: TierProblem::NoneAtZero },
                FrameworkError::BadWeight { code: "D".into(), weight: -1.0 },
                FrameworkError::ScaleOnNonIndicator { code: "D".into() },
                FrameworkError::MissingName { code: "D.1".into() },
                FrameworkError::DuplicateCode { code: "D.1".into() },
                FrameworkError::BadGoalposts { code: "D.1".into() },
            ],
            "{messages:#?}"
        );
        assert_eq!(messages[1], "Node D: “weight” must be a number of 0 or more (found -1).");
    }

    #[test]
    fn looks_up_tiers_averages_and_labels() {
        let framework = Framework::builtin("smart-2021").unwrap();
        assert_eq!(framework.tier("pioneer").map(|t| t.min), Some(0.7));
        assert!(framework.tier("gold").is_none());
        assert_eq!(framework.average("overall").map(|b| b.value), Some(0.7));
        assert!(framework.average("T1.1").is_none());
        let t = &framework.nodes[framework.index_of("T").unwrap()];
        assert_eq!(t.label("en"), "T · Technology support");
    }

    #[test]
    fn citizen_feedback_must_name_indicators() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let feedback = framework.citizen_feedback.as_ref().expect("smart-2021 says where ratings count");
        assert_eq!(feedback.indicator, "S2.3");
        assert_eq!(feedback.services["social-security"], "S1.4");
        let text = r#"{"schema":"civic-pulse.framework.v1","id":"x","version":"1","name":{"en":"X"},
            "tiers":[{"id":"a","min":0,"name":{"en":"A"}}],
            "citizen_feedback":{"indicator":"D","services":{"transport":"D.9"}},
            "nodes":[{"code":"D","name":{"en":"D"},"children":[{"code":"D.1","name":{"en":"One"}}]}]}"#;
        assert_eq!(
            Framework::from_json(text).unwrap_err(),
            [
                FrameworkError::FeedbackNotAnIndicator { code: "D".into() },
                FrameworkError::FeedbackNotAnIndicator { code: "D.9".into() },
            ]
        );
    }

    #[test]
    fn truncated_and_unknown_fields_are_json_errors_with_a_position() {
        let problems = Framework::from_json(r#"{"schema": "civic-pulse.framework.v1", "id": "#).unwrap_err();
        assert!(matches!(problems[..], [FrameworkError::NotJson { line: 1, .. }]), "{problems:?}");
        let problems = Framework::from_json(
            r#"{"schema":"civic-pulse.framework.v1","id":"x","version":"1","name":{"en":"X"},"tiers":[],
                "nodes":[{"code":"D","name":{"en":"D"},"wieght":1,"children":[{"code":"D.1","name":"One","weight":"2"}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                FrameworkError::FieldKind { field: "nodes[D].children[D.1].name".into(), kind: FieldKind::Texts },
                FrameworkError::FieldKind { field: "nodes[D].children[D.1].weight".into(), kind: FieldKind::Number },
                FrameworkError::FieldUnknown { field: "nodes[D].wieght".into() },
            ]
        );
        let chinese = crate::Lang::from_tag("zh-Hans").unwrap();
        assert_eq!(problems[1].message(chinese), "“nodes[D].children[D.1].weight”必须是数字。");
        for lang in crate::Lang::all() {
            // Every placeholder filled (the texts-by-language example keeps its literal braces).
            let unfilled =
                |text: String| text.split('{').skip(1).any(|rest| rest.starts_with(|c: char| c.is_ascii_lowercase()));
            assert!(problems.iter().all(|p| !unfilled(p.message(lang))));
        }
    }
}
