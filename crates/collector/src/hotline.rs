//! Ratings taken on the phone by the 12345 hotline, imported by staff as CSV: one row per call,
//! each checked as a POSTed rating would be, its comment redacted with the widget's own redactor
//! (the operator typed what the caller said), and its id derived from the file's row id, so the
//! same file imported twice stores nothing twice.

use civic_pulse_core::collection::Channel;
use civic_pulse_core::payload::SCHEMA_V1;
use civic_pulse_core::{RatingId, RatingV1};

use crate::problem::{Problem, problem};

/// The columns a hotline file has; `row_id`, `service`, `score` and `day` are required.
pub const COLUMNS: [&str; 8] = ["row_id", "service", "score", "day", "scale", "lang", "aspects", "comment"];
const REQUIRED: [&str; 4] = ["row_id", "service", "score", "day"];
/// Longest row id (a call-log reference) the file may use.
const MAX_ROW_ID: usize = 64;

pub use civic_pulse_core::collector_api::RefusedRow as Refused;

/// The rows read from a file: the ratings to store, by line, and the rows refused.
#[derive(Debug, Default)]
pub struct HotlineFile {
    pub ratings: Vec<(usize, RatingV1)>,
    pub refused: Vec<Refused>,
}

/// Reads a hotline file, or says why it is not one (not CSV, required columns missing).
pub fn read(text: &str) -> Result<HotlineFile, Vec<Problem>> {
    let rows = civic_pulse_core::csv::parse(text).map_err(|e| vec![problem("", e.to_string())])?;
    let Some(((_, header), body)) = rows.split_first() else {
        return Err(vec![problem("", "the file is empty: its first line names the columns")]);
    };
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let missing: Vec<&str> = REQUIRED.into_iter().filter(|name| column(name).is_none()).collect();
    if !missing.is_empty() {
        let message =
            format!("the first line must name the columns {}; missing: {}", COLUMNS.join(","), missing.join(", "));
        return Err(vec![problem("", message)]);
    }
    let mut file = HotlineFile::default();
    for (line, cells) in body {
        let get = |name: &str| column(name).and_then(|c| cells.get(c)).map(|cell| cell.trim().to_owned());
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let mut found = Vec::new();
        let row_id = get("row_id").unwrap_or_default();
        if row_id.is_empty() || row_id.chars().count() > MAX_ROW_ID {
            found.push(problem("row_id", format!("must be the call's reference, 1 to {MAX_ROW_ID} characters")));
        }
        let score = get("score").unwrap_or_default().parse::<u8>().unwrap_or(0);
        let comment = get("comment").map(|text| civic_pulse_core::redact::redact(&text).text);
        let rating = RatingV1 {
            schema: SCHEMA_V1.to_owned(),
            id: RatingId::derived(&format!("hotline:{row_id}")).as_str().to_owned(),
            service: get("service").unwrap_or_default(),
            scale: get("scale").filter(|s| !s.is_empty()).unwrap_or_else(|| "good-bad-5".to_owned()),
            score,
            aspects: get("aspects").unwrap_or_default().split_whitespace().map(str::to_owned).collect(),
            comment: comment.filter(|text| !text.is_empty()),
            lang: get("lang").filter(|l| !l.is_empty()).unwrap_or_else(|| "zh-Hans".to_owned()),
            day: get("day").unwrap_or_default(),
            channel: Some(Channel::Hotline.id().to_owned()),
        };
        found.extend(rating.problems().iter().map(|p| problem(p.field(), p.message())));
        if found.is_empty() {
            file.ratings.push((*line, rating));
        } else {
            file.refused.push(Refused { line: *line, problems: found });
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_good_rows_refuses_bad_ones_by_line_and_redacts() {
        let text = "row_id,service,score,day,comment\r\n\
                    A-1,transport,1,2026-11-03,\"Bus late, call me on 13812345678\"\r\n\
                    A-2,transport,9,2026-11-03,\r\n\
                    ,healthcare,5,2026-13-01,\r\n\
                    \r\n\
                    A-3,healthcare,5,2026-11-04,\r\n";
        let file = read(text).unwrap();
        let lines: Vec<usize> = file.ratings.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 6]);
        let first = &file.ratings[0].1;
        assert_eq!(first.channel.as_deref(), Some("hotline"));
        assert!(!first.comment.as_deref().unwrap().contains("13812345678"), "{:?}", first.comment);
        assert_eq!(first.id, RatingId::derived("hotline:A-1").as_str());
        assert_eq!(file.refused[0].line, 3);
        assert_eq!(file.refused[0].problems[0].field, "score");
        let fields: Vec<&str> = file.refused[1].problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!((file.refused[1].line, fields), (4, vec!["row_id", "day"]));
    }

    #[test]
    fn a_file_without_the_columns_says_which() {
        let problems = read("id,score\r\n1,5\r\n").unwrap_err();
        assert!(problems[0].message.contains("missing: row_id, service, day"), "{}", problems[0].message);
        assert!(read("row_id,service,score,day\r\n\"A-1,transport").is_err(), "cut short");
    }
}
