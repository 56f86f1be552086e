//! The blank data-collection template: one CSV row per indicator (code, indicator name, unit,
//! goalposts, value, quality, note) that departments fill in a spreadsheet and the official
//! imports. Rubric indicators take their level (0..4) as the value; the others a raw value in
//! their unit.

use std::collections::BTreeMap;

use crate::csv::{self, cell, row};

use super::framework::{Direction, Framework, localized_text};
use super::input::{IndicatorInput, Quality, normalise_inputs, parse_value};

pub const TEMPLATE_COLUMNS: [&str; 7] = ["code", "indicator", "unit", "goalposts", "value", "quality", "note"];

fn better(direction: Direction) -> &'static str {
    match direction {
        Direction::Higher => "higher is better",
        Direction::Lower => "lower is better",
    }
}

/// The template for `framework`, indicator names in language `tag`, every value blank.
pub fn template_csv(framework: &Framework, tag: &str) -> String {
    let mut out = row(&TEMPLATE_COLUMNS);
    for (_, node) in framework.indicators() {
        let (unit, scale) = match (node.goalposts, node.target) {
            (Some(g), _) => (
                node.unit.clone().unwrap_or_default(),
                format!("0 points at {}, 100 at {} ({})", g.lower, g.upper, better(g.direction)),
            ),
            (None, Some(t)) => {
                (node.unit.clone().unwrap_or_default(), format!("target {} ({})", t.value, better(t.direction)))
            }
            (None, None) => {
                ("level 0-4".to_owned(), "0 none, 1 planned, 2 being built, 3 in operation, 4 leading".to_owned())
            }
        };
        out.push_str(&row(&[
            cell(&node.code),
            cell(localized_text(&node.name, tag)),
            cell(&unit),
            cell(&scale),
            String::new(),
            String::new(),
            String::new(),
        ]));
    }
    out
}

/// The entries of a filled template, keyed by indicator code; rows with a blank value are "not
/// assessed" and left out. Any problem refuses the whole file, each named by its line.
pub fn read_template(framework: &Framework, text: &str) -> Result<BTreeMap<String, IndicatorInput>, Vec<String>> {
    let rows = csv::parse(text).map_err(|e| vec![e.to_string()])?;
    let Some(((_, header), body)) = rows.split_first() else {
        return Err(vec!["the file is empty".to_owned()]);
    };
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(code_at), Some(value_at)) = (column("code"), column("value")) else {
        return Err(vec![
            "not a data-collection template: the first row must have the columns code and value".to_owned(),
        ]);
    };
    let (quality_at, note_at) = (column("quality"), column("note"));
    let mut inputs = BTreeMap::new();
    let mut problems = Vec::new();
    for (line, cells) in body {
        let get = |at: Option<usize>| at.and_then(|c| cells.get(c)).map(|s| s.trim()).unwrap_or_default();
        let code = get(Some(code_at));
        let value = get(Some(value_at));
        if value.is_empty() {
            continue;
        }
        let Some(node) = framework.index_of(code).map(|i| &framework.nodes[i]).filter(|n| n.is_indicator()) else {
            problems.push(format!("line {line}: “{code}” is not an indicator of {}", framework.id));
            continue;
        };
        let mut input = if node.takes_value() {
            match parse_value(value) {
                Some(number) => IndicatorInput::value(number),
                None => {
                    problems.push(format!("line {line}: {code} value must be a number (found “{value}”)"));
                    continue;
                }
            }
        } else {
            match value.parse::<u8>() {
                Ok(level) => IndicatorInput::level(level),
                Err(_) => {
                    problems.push(format!("line {line}: {code} value must be a level from 0 to 4 (found “{value}”)"));
                    continue;
                }
            }
        };
        let quality = get(quality_at);
        if !quality.is_empty() {
            match Quality::from_id(quality) {
                Some(q) => input.quality = Some(q),
                None => problems.push(format!(
                    "line {line}: {code} quality must be measured, administrative, estimated or unknown-source (found “{quality}”)"
                )),
            }
        }
        let note = get(note_at);
        input.note = (!note.is_empty()).then(|| note.to_owned());
        if inputs.insert(code.to_owned(), input).is_some() {
            problems.push(format!("line {line}: {code} appears twice"));
        }
    }
    if let Err(found) = normalise_inputs(framework, &inputs) {
        problems.extend(found.iter().map(ToString::to_string));
    }
    if problems.is_empty() { Ok(inputs) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(framework: &Framework, values: &[(&str, &str, &str, &str)]) -> String {
        let template = template_csv(framework, "en");
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
        let template = template_csv(&smart, "zh-Hans");
        let rows = csv::parse(&template).unwrap();
        assert_eq!(rows.len(), 53);
        assert_eq!(
            rows[1].1[..4],
            ["T1.1", "家庭光纤入户率", "level 0-4", "0 none, 1 planned, 2 being built, 3 in operation, 4 leading"]
        );
        assert_eq!(read_template(&smart, &template).unwrap(), BTreeMap::new());
        let qa = Framework::builtin("qa-2025").unwrap();
        let row = &csv::parse(&template_csv(&qa, "en")).unwrap()[1].1;
        assert_eq!(row[2], "%");
        assert!(row[3].starts_with("target "), "{row:?}");
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
        assert_eq!(
            problems,
            [
                "line 3: T1.2 value must be a level from 0 to 4 (found “high”)",
                "line 54: “X9” is not an indicator of smart-2021",
                "indicator T1.1: level must be 0 to 4 (found 7)",
            ]
        );
        assert!(read_template(&smart, "a,b\n1,2\n").unwrap_err()[0].contains("columns code and value"));
        assert!(read_template(&smart, "code,value\nT1.1,\"3\n").unwrap_err()[0].contains("never ends"));
    }
}
