//! The results as CSV, for the official's own spreadsheet or report: one row for the index and
//! one per dimension, sub-dimension and indicator, with the weight each actually carried, its
//! value, the range it can take whatever the indicators not assessed below it turn out to be, light,
//! the published average where there is one, what was entered, and the progress track (baseline,
//! target and the share of the way covered, or why it is not defined).

use crate::csv::{cell, row};

use super::assessment::Assessment;
use super::evaluate::{Evaluation, Light};
use super::framework::{Framework, localized_text};
use super::input::{Measure, Quality};
use super::progress::{NoProgress, assessment_progress};

pub const RESULT_COLUMNS: [&str; 17] = [
    "code",
    "name",
    "level",
    "weight_used_percent",
    "value",
    "value_if_missing_0",
    "value_if_missing_100",
    "light",
    "average",
    "level_entered",
    "score_entered",
    "value_entered",
    "quality",
    "baseline",
    "target",
    "progress",
    "progress_not_defined_because",
];

fn number(value: Option<f64>, decimals: usize) -> String {
    value.map(|v| format!("{v:.decimals$}")).unwrap_or_default()
}

/// The results table; names in language `tag`. Values are on 0..1 like the index; a blank value
/// means not assessed, never zero.
pub fn results_csv(framework: &Framework, assessment: &Assessment, evaluation: &Evaluation, tag: &str) -> String {
    let mut out = row(&RESULT_COLUMNS);
    let progress = assessment_progress(framework, assessment, evaluation);
    for (index, node) in framework.nodes.iter().enumerate() {
        let result = &evaluation.nodes[index];
        let kind = match (index, node.is_indicator(), node.depth) {
            (0, _, _) => "index",
            (_, true, _) => "indicator",
            (_, false, 1) => "dimension",
            _ => "sub-dimension",
        };
        let light = match result.light {
            Some(Light::Green) => "green",
            Some(Light::Yellow) => "yellow",
            Some(Light::Red) => "red",
            None => "",
        };
        let average = framework.average(&node.code).map(|b| b.value);
        let input = assessment.inputs.get(&node.code);
        let measure = input.and_then(|i| i.measure());
        let quality = input.and_then(|i| i.quality).map_or("", Quality::id);
        out.push_str(&row(&[
            cell(&node.code),
            cell(localized_text(&node.name, tag)),
            kind.to_owned(),
            number(Some(result.effective_weight * 100.0), 2),
            number(result.value, 4),
            number(Some(result.low), 4),
            number(Some(result.high), 4),
            light.to_owned(),
            average.map(|v| v.to_string()).unwrap_or_default(),
            match measure {
                Some(Measure::Level(level)) => level.to_string(),
                _ => String::new(),
            },
            match measure {
                Some(Measure::Score(score)) => score.to_string(),
                _ => String::new(),
            },
            match measure {
                Some(Measure::Value(value)) => cell(&value.to_string()),
                _ => String::new(),
            },
            quality.to_owned(),
            number(progress.nodes[index].baseline, 4),
            number(progress.nodes[index].target, 4),
            number(progress.nodes[index].progress.ok(), 4),
            progress.nodes[index].progress.err().map_or("", NoProgress::id).to_owned(),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csv::parse;
    use crate::selfcheck::{IndicatorInput, Options, evaluate, normalise_inputs};

    #[test]
    fn one_row_per_node_with_what_was_entered_and_blank_for_not_assessed() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut assessment = Assessment::new(&framework);
        assessment.inputs.insert("T1.1".into(), IndicatorInput::level(4).with_quality(Quality::Estimated));
        assessment.inputs.insert("S2.3".into(), IndicatorInput::score(70.0));
        let scores = normalise_inputs(&framework, &assessment.inputs).unwrap();
        let evaluation = evaluate(&framework, &scores, &Options::default()).unwrap();
        let rows = parse(&results_csv(&framework, &assessment, &evaluation, "en")).unwrap();
        assert_eq!(rows.len(), 1 + 1 + 5 + 16 + 52);
        let by_code = |code: &str| rows.iter().find(|(_, r)| r[0] == code).map(|(_, r)| r.clone()).unwrap();
        let overall = by_code("overall");
        assert_eq!(overall[2], "index");
        assert_eq!(overall[3], "100.00");
        assert_eq!(overall[8], "0.7");
        // Whatever the rest turn out to be: 0.10 · (1/4)/6 + 0.30 · (0.7/3)/2 at 0; at 100, all but
        // the 0.30 · 1/6 S2.3 carries at 0.7 instead of 1.
        assert_eq!((overall[5].as_str(), overall[6].as_str()), ("0.0392", "0.9850"));
        let t11 = by_code("T1.1");
        assert_eq!(
            &t11[2..],
            [
                "indicator",
                "25.00",
                "1.0000",
                "1.0000",
                "1.0000",
                "green",
                "",
                "4",
                "",
                "",
                "estimated",
                "",
                "",
                "",
                "no-baseline"
            ]
        );
        assert_eq!(by_code("S2.3")[10], "70");
        let t12 = by_code("T1.2");
        assert_eq!((t12[3].as_str(), t12[4].as_str()), ("0.00", ""), "not assessed is blank, not zero");
        assert_eq!((t12[5].as_str(), t12[6].as_str()), ("0.0000", "1.0000"), "but it may be anything");
        assert_eq!(by_code("T")[2], "dimension");
        assert_eq!(by_code("T1")[2], "sub-dimension");
    }

    #[test]
    fn the_progress_track_is_in_the_table() {
        let framework = Framework::builtin("smart-2021").unwrap();
        let mut earlier = Assessment::new(&framework);
        earlier.set_level("T1.1", Some(1));
        earlier.set_level("T1.2", Some(2));
        let mut assessment = Assessment::new(&framework);
        assessment.set_level("T1.1", Some(2));
        assessment.set_level("T1.2", Some(2));
        assessment.targets.insert("T1.1".into(), IndicatorInput::level(3));
        assessment.baseline = Some(crate::selfcheck::Baseline::of(&earlier));
        let scores = normalise_inputs(&framework, &assessment.inputs).unwrap();
        let evaluation = evaluate(&framework, &scores, &Options::default()).unwrap();
        let rows = parse(&results_csv(&framework, &assessment, &evaluation, "en")).unwrap();
        let by_code = |code: &str| rows.iter().find(|(_, r)| r[0] == code).map(|(_, r)| r[13..].to_vec()).unwrap();
        assert_eq!(by_code("T1.1"), ["0.2500", "0.7500", "0.5000", ""]);
        assert_eq!(by_code("T1.2"), ["0.5000", "", "", "no-target"]);
        assert_eq!(by_code("overall"), ["0.2500", "0.7500", "0.5000", ""]);
    }
}
