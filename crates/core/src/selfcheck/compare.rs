//! Comparisons: with the framework's published benchmark, and with an earlier assessment.

use super::evaluate::Evaluation;
use super::framework::{Framework, Status};

/// A node next to its benchmark value.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchmarkComparison {
    pub code: String,
    pub value: Option<f64>,
    pub benchmark: f64,
    /// Whether the benchmark figure is published, approximate or derived.
    pub status: Status,
    /// `value - benchmark`, when the node has a value.
    pub delta: Option<f64>,
}

/// Every node the benchmark covers, in framework order (`overall` first).
pub fn compare_with_benchmark(framework: &Framework, evaluation: &Evaluation) -> Vec<BenchmarkComparison> {
    let Some(benchmark) = &framework.benchmark else {
        return Vec::new();
    };
    framework
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(index, node)| {
            let figure = benchmark.values.get(&node.code)?;
            let value = evaluation.nodes[index].value;
            Some(BenchmarkComparison {
                code: node.code.clone(),
                value,
                benchmark: figure.value,
                status: figure.status,
                delta: value.map(|v| v - figure.value),
            })
        })
        .collect()
}

/// A node now and in an earlier assessment of the same framework.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeDelta {
    pub code: String,
    pub now: Option<f64>,
    pub before: Option<f64>,
    pub delta: Option<f64>,
}

/// Per node, in framework order. Both evaluations must come from `framework`.
pub fn compare_with_earlier(framework: &Framework, now: &Evaluation, before: &Evaluation) -> Vec<NodeDelta> {
    framework
        .nodes
        .iter()
        .zip(now.nodes.iter().zip(&before.nodes))
        .map(|(node, (now, before))| NodeDelta {
            code: node.code.clone(),
            now: now.value,
            before: before.value,
            delta: now.value.zip(before.value).map(|(n, b)| n - b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selfcheck::{Options, evaluate};

    #[test]
    fn compares_with_the_2021_averages_and_says_which_are_derived() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut scores = vec![None; framework.nodes.len()];
        for (index, _) in framework.indicators() {
            scores[index] = Some(0.75);
        }
        let evaluation = evaluate(&framework, &scores, &Options::default()).unwrap();
        let rows = compare_with_benchmark(&framework, &evaluation);
        let overall = &rows[0];
        assert_eq!((overall.code.as_str(), overall.status), ("overall", Status::Published));
        assert!((overall.delta.unwrap() - 0.05).abs() < 1e-12);
        let t = rows.iter().find(|r| r.code == "T").unwrap();
        assert_eq!(t.status, Status::Derived);
        assert!(rows.iter().any(|r| r.code == "T4" && r.benchmark == 0.38));
    }

    #[test]
    fn deltas_against_an_earlier_year_are_per_node() {
        let framework = Framework::builtin("qa-2025").unwrap();
        let mut before = vec![None; framework.nodes.len()];
        let mut now = before.clone();
        before[framework.index_of("E1.2").unwrap()] = Some(0.6);
        now[framework.index_of("E1.2").unwrap()] = Some(0.9);
        now[framework.index_of("B1.1").unwrap()] = Some(1.0);
        let (before, now) = (
            evaluate(&framework, &before, &Options::default()).unwrap(),
            evaluate(&framework, &now, &Options::default()).unwrap(),
        );
        let rows = compare_with_earlier(&framework, &now, &before);
        let e12 = rows.iter().find(|r| r.code == "E1.2").unwrap();
        assert!((e12.delta.unwrap() - 0.3).abs() < 1e-12);
        let b11 = rows.iter().find(|r| r.code == "B1.1").unwrap();
        assert_eq!((b11.before, b11.delta), (None, None), "newly assessed: no delta, not a jump from zero");
    }
}
