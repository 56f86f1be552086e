//! The blank data-collection template: one CSV row per indicator (code, indicator name, unit,
//! goalposts, value, quality, note) that departments fill in a spreadsheet and the official
//! imports. Rubric indicators take their level (0..4) as the value; the others a raw value in
//! their unit.

use std::collections::BTreeMap;

use crate::csv::{self, CsvError, cell, row};
use crate::{Lang, SelfcheckMsg as M};

use super::framework::{Direction, Framework, localized_text};
use super::input::{IndicatorInput, InputError, Quality, RUBRIC_TEXTS, normalise_inputs, parse_value};

pub const TEMPLATE_COLUMNS: [&str; 7] = ["code", "indicator", "unit", "goalposts", "value", "quality", "note"];

/// The template for `framework` in language `lang` (indicator names, units and how each is
/// scored), every value blank.
pub fn template_csv(framework: &Framework, lang: Lang) -> String {
    let better = |direction: Direction| {
        lang.text(match direction {
            Direction::Higher => M::HigherIsBetter,
            Direction::Lower => M::LowerIsBetter,
        })
    };
    let levels = RUBRIC_TEXTS
        .iter()
        .enumerate()
        .map(|(level, (title, _))| format!("{level} {}", lang.text(*title)))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = row(&TEMPLATE_COLUMNS);
    for (_, node) in framework.indicators() {
        let (unit, scale) = match (node.goalposts, node.target) {
            (Some(g), _) => (
                node.unit.clone().unwrap_or_default(),
                lang.format(
                    M::Goalposts,
                    &[
                        ("lower", &g.lower.to_string()),
                        ("upper", &g.upper.to_string()),
                        ("better", better(g.direction)),
                    ],
                ),
            ),
            (None, Some(t)) => (
                node.unit.clone().unwrap_or_default(),
                lang.format(M::Target, &[("target", &t.value.to_string()), ("better", better(t.direction))]),
            ),
            (None, None) => (lang.text(M::TemplateLevelUnit).to_owned(), levels.clone()),
        };
        out.push_str(&row(&[
            cell(&node.code),
            cell(localized_text(&node.name, lang.tag())),
            cell(&unit),
            cell(&scale),
            String::new(),
            String::new(),
            String::new(),
        ]));
    }
    out
}

/// Why a filled template cannot be read, each problem by its line where it has one.
#[derive(Clone, Debug, PartialEq)]
pub enum TemplateError {
    Csv(CsvError),
    Empty,
    NotATemplate,
    NotAnIndicator { line: usize, code: String, framework: String },
    NotANumber { line: usize, code: String, found: String },
    NotALevel { line: usize, code: String, found: String },
    BadQuality { line: usize, code: String, found: String },
    Twice { line: usize, code: String },
    Input(InputError),
}

impl TemplateError {
    /// The problem in the official's language.
    pub fn message(&self, lang: Lang) -> String {
        use TemplateError as E;
        let found = |msg: M, line: &usize, code: &str, found: &str| {
            lang.format(msg, &[("line", &line.to_string()), ("code", code), ("found", found)])
        };
        match self {
            E::Csv(CsvError::UnclosedQuote { line }) => {
                lang.format(M::ProblemCsvUnclosed, &[("line", &line.to_string())])
            }
            E::Empty => lang.text(M::ProblemTemplateEmpty).to_owned(),
            E::NotATemplate => lang.text(M::ProblemTemplateColumns).to_owned(),
            E::NotAnIndicator { line, code, framework } => lang.format(
                M::ProblemTemplateNotIndicator,
                &[("line", &line.to_string()), ("code", code), ("framework", framework)],
            ),
            E::NotANumber { line, code, found: value } => found(M::ProblemTemplateNotNumber, line, code, value),
            E::NotALevel { line, code, found: value } => found(M::ProblemTemplateNotLevel, line, code, value),
            E::BadQuality { line, code, found: value } => found(M::ProblemTemplateQuality, line, code, value),
            E::Twice { line, code } => {
                lang.format(M::ProblemTemplateTwice, &[("line", &line.to_string()), ("code", code)])
            }
            E::Input(problem) => problem.message(lang),
        }
    }
}

/// The entries of a filled template, keyed by indicator code; rows with a blank value are "not
/// assessed" and left out. Any problem refuses the whole file, each named by its line.
pub fn read_template(
    framework: &Framework,
    text: &str,
) -> Result<BTreeMap<String, IndicatorInput>, Vec<TemplateError>> {
    let rows = csv::parse(text).map_err(|e| vec![TemplateError::Csv(e)])?;
    let Some(((_, header), body)) = rows.split_first() else {
        return Err(vec![TemplateError::Empty]);
    };
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(code_at), Some(value_at)) = (column("code"), column("value")) else {
        return Err(vec![TemplateError::NotATemplate]);
    };
    let (quality_at, note_at) = (column("quality"), column("note"));
    let mut inputs = BTreeMap::new();
    let mut problems = Vec::new();
    for (line, cells) in body {
        let line = *line;
        let get = |at: Option<usize>| at.and_then(|c| cells.get(c)).map(|s| s.trim()).unwrap_or_default();
        let code = get(Some(code_at));
        let value = get(Some(value_at));
        if value.is_empty() {
            continue;
        }
        let Some(node) = framework.index_of(code).map(|i| &framework.nodes[i]).filter(|n| n.is_indicator()) else {
            problems.push(TemplateError::NotAnIndicator {
                line,
                code: code.to_owned(),
                framework: framework.id.clone(),
            });
            continue;
        };
        let mut input = if node.takes_value() {
            match parse_value(value) {
                Some(number) => IndicatorInput::value(number),
                None => {
                    problems.push(TemplateError::NotANumber { line, code: code.to_owned(), found: value.to_owned() });
                    continue;
                }
            }
        } else {
            match value.parse::<u8>() {
                Ok(level) => IndicatorInput::level(level),
                Err(_) => {
                    problems.push(TemplateError::NotALevel { line, code: code.to_owned(), found: value.to_owned() });
                    continue;
                }
            }
        };
        let quality = get(quality_at);
        if !quality.is_empty() {
            match Quality::from_id(quality) {
                Some(q) => input.quality = Some(q),
                None => {
                    problems.push(TemplateError::BadQuality { line, code: code.to_owned(), found: quality.to_owned() })
                }
            }
        }
        let note = get(note_at);
        input.note = (!note.is_empty()).then(|| note.to_owned());
        if inputs.insert(code.to_owned(), input).is_some() {
            problems.push(TemplateError::Twice { line, code: code.to_owned() });
        }
    }
    if let Err(found) = normalise_inputs(framework, &inputs) {
        problems.extend(found.into_iter().map(TemplateError::Input));
    }
    if problems.is_empty() { Ok(inputs) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(framework: &Framework, values: &[(&str, &str, &str, &str)]) -> String {
        let template = template_csv(framework, Lang::fallback());
        let rows = csv::parse(&template).unwrap();
        let mut out = row(&TEMPLATE_COLUMNS);
        for (_, cells) in &rows[1..] {
            let mut cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
            if let Some((_, value, quality, note)) = values.iter().find(|(code, ..)| *code == cells[0]) {
                cells[4] = cell(value);
                cells[5] = cell(quality);
                cells[6] = cell(note);
            }
            out.push_str(&row(&cells));
        }
        out
    }

    #[test]
    fn a_blank_template_lists_every_indicator_and_reads_back_as_nothing_assessed() {
        let smart = Framework::builtin("smart-2021").unwrap();
        let template = template_csv(&smart, Lang::from_tag("zh-Hans").unwrap());
        let rows = csv::parse(&template).unwrap();
        assert_eq!(rows.len(), 53);
        assert_eq!(
            rows[1].1[..4],
            ["T1.1", "家庭光纤入户率", "等级 0–4", "0 没有, 1 已规划, 2 建设中, 3 已运行, 4 领先"]
        );
        assert_eq!(read_template(&smart, &template).unwrap(), BTreeMap::new());
        let qa = Framework::builtin("qa-2025").unwrap();
        let row = &csv::parse(&template_csv(&qa, Lang::fallback())).unwrap()[1].1;
        assert_eq!(row[2], "%");
        assert!(row[3].starts_with("Scored by distance to the target "), "{row:?}");
    }

    #[test]
    fn a_filled_template_gives_levels_values_quality_and_notes() {
        let smart = Framework::builtin("smart-2021").unwrap();
        let text = filled(&smart, &[("T1.1", "3", "measured", "Telecom bureau, 2026"), ("S2.3", "4", "", "")]);
        let inputs = read_template(&smart, &text).unwrap();
        assert_eq!(inputs.len(), 2);
        assert_eq!(inputs["T1.1"].level, Some(3));
        assert_eq!(inputs["T1.1"].quality, Some(Quality::Measured));
        assert_eq!(inputs["T1.1"].note.as_deref(), Some("Telecom bureau, 2026"));
        let qa = Framework::builtin("qa-2025").unwrap();
        let inputs = read_template(&qa, &filled(&qa, &[("B1.1", "87,5", "estimated", "")])).unwrap();
        assert_eq!(inputs["B1.1"].value, Some(87.5));
    }

    #[test]
    fn every_bad_row_is_named_and_nothing_is_taken() {
        let smart = Framework::builtin("smart-2021").unwrap();
        let text = filled(&smart, &[("T1.1", "7", "", ""), ("T1.2", "high", "sure", "")]) + "X9,,,,1,,\r\n";
        let problems = read_template(&smart, &text).unwrap_err();
        let english: Vec<String> = problems.iter().map(|p| p.message(Lang::fallback())).collect();
        assert_eq!(
            english,
            [
                "Line 3: the value of T1.2 must be a level from 0 to 4 (found “high”).",
                "Line 54: “X9” is not an indicator of smart-2021.",
                "Indicator T1.1: the level must be 0 to 4 (found 7).",
            ]
        );
        let chinese = Lang::from_tag("zh-Hans").unwrap();
        assert_eq!(problems[1].message(chinese), "第 54 行：“X9”不是 smart-2021 的指标。");
        assert_eq!(read_template(&smart, "a,b\n1,2\n"), Err(vec![TemplateError::NotATemplate]));
        assert_eq!(
            read_template(&smart, "code,value\nT1.1,\"3\n"),
            Err(vec![TemplateError::Csv(CsvError::UnclosedQuote { line: 2 })])
        );
    }
}
