//! Ratings as CSV, for officials who open files in a spreadsheet: one row per rating, the rating
//! schema's field names as columns, `aspects` space-separated. A cell that a spreadsheet would
//! run as a formula (starting with `=`, `+`, `-` or `@`) is written with a leading apostrophe,
//! which spreadsheets hide and importers of this format strip (see [`crate::csv`]).

use crate::RatingV1;
use crate::csv::{cell, row};

pub const COLUMNS: [&str; 10] =
    ["schema", "id", "service", "scale", "score", "aspects", "comment", "lang", "day", "channel"];

/// The header row and one row per rating, with CRLF line ends as RFC 4180 asks.
pub fn to_csv(ratings: &[RatingV1]) -> String {
    let mut out = header();
    for rating in ratings {
        out.push_str(&csv_row(rating));
    }
    out
}

/// The header row alone, for a file written a row at a time.
pub fn header() -> String {
    row(&COLUMNS)
}

/// One rating's row.
pub fn csv_row(rating: &RatingV1) -> String {
    row(&[
        cell(&rating.schema),
        cell(&rating.id),
        cell(&rating.service),
        cell(&rating.scale),
        rating.score.to_string(),
        cell(&rating.aspects.join(" ")),
        rating.comment.as_deref().map(cell).unwrap_or_default(),
        cell(&rating.lang),
        cell(&rating.day),
        rating.channel.as_deref().map(cell).unwrap_or_default(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(comment: Option<&str>) -> RatingV1 {
        RatingV1 {
            schema: "civic-pulse.rating.v1".into(),
            id: "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65".into(),
            service: "transport".into(),
            scale: "good-bad-5".into(),
            score: 2,
            aspects: vec!["too-slow".into(), "staff-attitude".into()],
            comment: comment.map(str::to_owned),
            lang: "zh-Hans".into(),
            day: "2026-11-22".into(),
            channel: None,
        }
    }

    #[test]
    fn writes_the_schema_fields_as_columns() {
        let csv = to_csv(&[rating(None)]);
        assert_eq!(
            csv,
            "schema,id,service,scale,score,aspects,comment,lang,day,channel\r\n\
             civic-pulse.rating.v1,3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65,transport,good-bad-5,2,too-slow staff-attitude,,zh-Hans,2026-11-22,\r\n"
        );
    }

    #[test]
    fn quotes_what_needs_quoting_and_defuses_formulas() {
        let csv = to_csv(&[rating(Some("等了\"两个\"小时, 太慢\n下次再来"))]);
        assert!(csv.contains(",\"等了\"\"两个\"\"小时, 太慢\n下次再来\","), "{csv}");
        let csv = to_csv(&[rating(Some("=HYPERLINK(\"http://evil\")"))]);
        assert!(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","), "{csv}");
    }
}
