//! The monthly public report ("每月发布服务质量白皮书"): `report.html?month=2026-11&lang=en`,
//! server-rendered so it prints and archives as it is, one language at a time. Satisfaction per
//! service, how bad reviews were answered (the figures), and what staff wrote the city changed.
//! Only k-suppressed aggregates: never a comment, a code or a cell under k.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use civic_pulse_core::service::ServiceLabels;
use civic_pulse_core::{Day, Lang, ReportMsg, ServiceId};
use serde::Deserialize;

use crate::deadlines::{Counting, Deadlines};
use crate::figures::{Cell as FigureCell, Figures, Period, Share, Spread};
use crate::html::escape;
use crate::json_body::JsonBody;
use crate::problem::AppError;
use crate::staff_auth::Staff;
use crate::state::AppState;
use crate::storage::Storage;
use crate::summary::Cell as SummaryCell;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Month {
    pub year: i64,
    pub month: i64,
}

impl Month {
    /// Reads `2026-11`.
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.trim().split_once('-')?;
        let (year, month): (i64, i64) = (year.parse().ok()?, month.parse().ok()?);
        (text.trim().len() == 7 && (1970..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(Month { year, month })
    }

    /// The month before the one `today` is in: the report a city publishes at the start of a month.
    pub fn before(today: Day) -> Month {
        let text = today.to_string();
        let (year, month): (i64, i64) = (text[0..4].parse().unwrap_or(1970), text[5..7].parse().unwrap_or(1));
        if month == 1 { Month { year: year - 1, month: 12 } } else { Month { year, month: month - 1 } }
    }

    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The first and last day of the months from `first` of this quarter to this month's end.
    fn days(self, first_month: i64) -> (String, String) {
        let last = crate::deadlines::last_day_of_month(self.year, self.month);
        (format!("{:04}-{:02}-01", self.year, first_month), last.map_or_else(String::new, |d| d.to_string()))
    }

    fn name(self, lang: Lang) -> String {
        const NAMES: [ReportMsg; 12] = [
            ReportMsg::Month1,
            ReportMsg::Month2,
            ReportMsg::Month3,
            ReportMsg::Month4,
            ReportMsg::Month5,
            ReportMsg::Month6,
            ReportMsg::Month7,
            ReportMsg::Month8,
            ReportMsg::Month9,
            ReportMsg::Month10,
            ReportMsg::Month11,
            ReportMsg::Month12,
        ];
        let msg = NAMES[usize::try_from(self.month - 1).unwrap_or(0).min(11)];
        lang.format(msg, &[("year", &self.year.to_string())])
    }
}

/// The page's two parameters, read from any query a link or a person may write: the first of
/// each is taken, anything else ignored, so the answer is always a page in some language.
pub struct ReportQuery {
    month: Option<String>,
    lang: Option<String>,
}

impl ReportQuery {
    fn from_pairs(pairs: Vec<(String, String)>) -> ReportQuery {
        let first = |name: &str| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone());
        ReportQuery { month: first("month"), lang: first("lang") }
    }
}

/// Everything one report shows, gathered before any HTML is written.
pub struct ReportData {
    pub month: Month,
    pub today: Day,
    pub min_cell: u32,
    pub deadlines: Deadlines,
    pub satisfaction: Vec<SummaryCell>,
    pub city: Option<FigureCell>,
    pub departments: Vec<FigureCell>,
    pub department_names: crate::departments::Departments,
    /// The portal's own services' names (`CIVIC_PULSE_SERVICE_LABELS`).
    pub service_labels: ServiceLabels,
    /// What staff wrote, by language tag.
    pub changes: Vec<(String, Vec<String>)>,
}

/// GET /report.html?month=2026-11&lang=en: the month's report (default: last month, in the
/// language the browser asks for).
pub async fn get_report(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Response {
    let query = ReportQuery::from_pairs(pairs);
    let lang = query.lang.as_deref().and_then(Lang::from_tag).unwrap_or_else(|| {
        let asked = headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let tags: Vec<&str> = asked.split(',').map(|tag| tag.split(';').next().unwrap_or_default().trim()).collect();
        Lang::negotiate(&tags)
    });
    let now = crate::deadlines::now();
    let Some(today) = crate::deadlines::day_of(now) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let month = match query.month.as_deref() {
        None => Month::before(today),
        Some(text) => match Month::parse(text) {
            Some(month) => month,
            None => {
                let example = Month::before(today).code();
                let said = lang.format(ReportMsg::BadMonth, &[("month", text), ("example", &example)]);
                let page = format!(
                    "<!doctype html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head>\n<body><main><h1>{}</h1><p>{}</p></main></body>\n</html>\n",
                    lang.tag(),
                    escape(lang.text(ReportMsg::Title)),
                    escape(lang.text(ReportMsg::Title)),
                    escape(&said)
                );
                return (StatusCode::BAD_REQUEST, Html(page)).into_response();
            }
        },
    };
    let (from, to) = month.days(month.month);
    // The figures come from the month's whole quarter, as `/v1/figures?by=month` computes them:
    // a month hidden there is hidden here too.
    let (quarter_from, quarter_to) = crate::figures::whole_quarters(Some(&from), Some(&to));
    let counts = state.store.score_counts(None, Some(from.clone()), Some(to.clone()), 7).await;
    let cases = state.store.cases(state.departments.clone(), quarter_from, quarter_to).await;
    let changes = state.store.changes(month.code()).await;
    let (counts, cases, changes) = match (counts, cases, changes) {
        (Ok(counts), Ok(cases), Ok(changes)) => (counts, cases, changes),
        _ => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let min_cell = state.config.min_cell;
    let figures = crate::figures::report(&cases, &state.config.deadlines, now, Period::Month, min_cell);
    let code = month.code();
    let data = ReportData {
        month,
        today,
        min_cell,
        deadlines: state.config.deadlines.clone(),
        satisfaction: crate::summary::summarise(&counts, min_cell).0,
        city: figures.city.into_iter().find(|cell| cell.period == code),
        departments: figures.departments.into_iter().filter(|cell| cell.period == code).collect(),
        department_names: state.config.departments.clone(),
        service_labels: state.config.service_labels.clone(),
        changes,
    };
    Html(report_html(&data, lang)).into_response()
}

/// What staff send for a month's "what we changed", in one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    lang: String,
    changes: Vec<String>,
}

/// The most items a month's list takes, and the longest item.
pub const MAX_CHANGES: usize = 30;
pub const MAX_CHANGE_CHARS: usize = 500;

/// POST /v1/staff/reports/{month}/changes: `{"lang": "en", "changes": ["…"]}` replaces what the
/// month's report says the city changed, in that language (the city's token).
pub async fn set_changes(
    State(state): State<AppState>,
    staff: Staff,
    Path(month): Path<String>,
    JsonBody(body): JsonBody<serde_json::Value>,
) -> Result<Json<serde_json::Value>, AppError> {
    staff.city_wide()?;
    let month = Month::parse(&month).ok_or_else(|| AppError::bad_request("month", "a month is written YYYY-MM"))?;
    let Changes { lang, changes } = serde_json::from_value(body)
        .map_err(|_| AppError::bad_request("", "send {\"lang\": \"zh-Hans\", \"changes\": [\"…\"]}"))?;
    let lang = Lang::from_tag(&lang).filter(|known| known.tag() == lang).ok_or_else(|| {
        let tags: Vec<&str> = Lang::all().map(Lang::tag).collect();
        AppError::bad_request("/lang", format!("one of {}", tags.join(", ")))
    })?;
    // The limits hold for what was sent, as the API's document states them; blank items are dropped after.
    if changes.len() > MAX_CHANGES || changes.iter().any(|text| text.chars().count() > MAX_CHANGE_CHARS) {
        let message = format!("at most {MAX_CHANGES} changes of at most {MAX_CHANGE_CHARS} characters each");
        return Err(AppError::bad_request("/changes", message));
    }
    let changes: Vec<String> =
        changes.iter().map(|text| text.trim()).filter(|text| !text.is_empty()).map(str::to_owned).collect();
    // Published as written, so a phone number pasted by mistake must not reach the public page.
    let changes = changes.iter().map(|text| civic_pulse_core::redact::redact(text).text).collect::<Vec<_>>();
    state.store.set_changes(month.code(), lang.tag().to_owned(), changes.clone()).await?;
    Ok(Json(serde_json::json!({ "month": month.code(), "lang": lang.tag(), "changes": changes })))
}

/// A number as people write it: no trailing `.0`.
fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") }
}

/// The service's name in this language: the portal's, else the built-in one, else its id.
fn service_name(id: &str, labels: &ServiceLabels, lang: Lang) -> String {
    ServiceId::parse(id)
        .filter(|service| service.as_str() == id)
        .map_or_else(|| id.to_owned(), |service| labels.label(&service, lang))
}

/// The page, in one language.
pub fn report_html(data: &ReportData, lang: Lang) -> String {
    let k = data.min_cell.to_string();
    let period = data.month.name(lang);
    let text = |msg: ReportMsg| escape(lang.text(msg));
    let hidden = escape(&lang.format(ReportMsg::Hidden, &[("k", &k)]));
    let none_yet = text(ReportMsg::NoneYet);
    let languages: String = Lang::all()
        .map(|other| {
            if other == lang {
                format!(
                    "<li><span aria-current=\"page\" lang=\"{0}\">{1}</span></li>",
                    other.tag(),
                    escape(other.name())
                )
            } else {
                format!(
                    "<li><a href=\"report.html?month={2}&amp;lang={0}\" lang=\"{0}\" hreflang=\"{0}\">{1}</a></li>",
                    other.tag(),
                    escape(other.name()),
                    data.month.code()
                )
            }
        })
        .collect();
    let satisfaction = if data.satisfaction.is_empty() {
        format!("<p>{}</p>", text(ReportMsg::NoRatings))
    } else {
        let rows: String = data
            .satisfaction
            .iter()
            .map(|cell| {
                let name = escape(&service_name(&cell.service, &data.service_labels, lang));
                match (cell.suppressed, cell.count, cell.satisfaction, cell.bad_share) {
                    (false, Some(count), Some(score), Some(bad)) => format!(
                        "<tr><th scope=\"row\">{name}</th><td>{count}</td><td>{}</td><td>{} %</td></tr>",
                        number(score),
                        number(bad * 100.0)
                    ),
                    _ => format!("<tr><th scope=\"row\">{name}</th><td colspan=\"3\">{hidden}</td></tr>"),
                }
            })
            .collect();
        format!(
            "<div class=\"scroll\" role=\"region\" aria-labelledby=\"satisfaction-caption\" tabindex=\"0\"><table><caption id=\"satisfaction-caption\">{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table></div>",
            escape(&lang.format(ReportMsg::SatisfactionCaption, &[("period", &period)])),
            text(ReportMsg::ColumnService),
            text(ReportMsg::ColumnRatings),
            text(ReportMsg::ColumnSatisfaction),
            text(ReportMsg::ColumnBadShare),
        )
    };
    let share = |share: Option<Share>| {
        share.map_or_else(
            || none_yet.clone(),
            |s| {
                escape(&lang.format(
                    ReportMsg::Share,
                    &[
                        ("percent", &number(s.share * 100.0)),
                        ("count", &s.count.to_string()),
                        ("of", &s.of.to_string()),
                    ],
                ))
            },
        )
    };
    let spread = |spread: Option<Spread>, msg: ReportMsg| {
        spread.map_or_else(
            || none_yet.clone(),
            |s| escape(&lang.format(msg, &[("median", &number(s.median)), ("p90", &number(s.p90))])),
        )
    };
    let loop_row = |who: String, cell: &FigureCell| match &cell.figures {
        Some(Figures {
            cases,
            acknowledge_hours,
            close_days,
            acknowledged_on_time,
            closed_on_time,
            confirmed_solved,
            reopened,
        }) => format!(
            "<tr><th scope=\"row\">{who}</th><td>{cases}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            share(*acknowledged_on_time),
            share(*closed_on_time),
            share(*confirmed_solved),
            share(*reopened),
            spread(*acknowledge_hours, ReportMsg::Hours),
            spread(*close_days, ReportMsg::Days),
        ),
        None => format!("<tr><th scope=\"row\">{who}</th><td colspan=\"7\">{hidden}</td></tr>"),
    };
    let answered = match &data.city {
        None => format!("<p>{}</p>", text(ReportMsg::NoRatings)),
        Some(city) => {
            let mut rows = loop_row(text(ReportMsg::City), city);
            if !data.department_names.is_empty() {
                for cell in &data.departments {
                    let who = match cell.department.as_ref().and_then(|d| d.as_deref()) {
                        Some(id) => escape(&data.department_names.name(id, lang.tag())),
                        None => text(ReportMsg::NoDepartment),
                    };
                    rows.push_str(&loop_row(who, cell));
                }
            }
            let caption = match data.deadlines.counting {
                Counting::Calendar => ReportMsg::LoopCaption,
                Counting::Working { .. } => ReportMsg::LoopCaptionWorking,
            };
            let caption = lang.format(
                caption,
                &[
                    ("period", &period),
                    ("hours", &data.deadlines.acknowledge_hours.to_string()),
                    ("days", &data.deadlines.close_days.to_string()),
                ],
            );
            let headers: String = [
                ReportMsg::ColumnWho,
                ReportMsg::ColumnCases,
                ReportMsg::ColumnAcknowledged,
                ReportMsg::ColumnClosed,
                ReportMsg::ColumnConfirmed,
                ReportMsg::ColumnReopened,
                ReportMsg::ColumnAcknowledgeTime,
                ReportMsg::ColumnCloseTime,
            ]
            .map(|msg| format!("<th scope=\"col\">{}</th>", text(msg)))
            .concat();
            format!(
                "<div class=\"scroll\" role=\"region\" aria-labelledby=\"loop-caption\" tabindex=\"0\"><table><caption id=\"loop-caption\">{}</caption><thead><tr>{headers}</tr></thead><tbody>{rows}</tbody></table></div>",
                escape(&caption)
            )
        }
    };
    // Staff's list in this language, else the first language they wrote it in, marked as such.
    let written = data
        .changes
        .iter()
        .find(|(tag, _)| tag == lang.tag())
        .or_else(|| data.changes.iter().find(|(_, items)| !items.is_empty()))
        .filter(|(_, items)| !items.is_empty());
    let changes = match written {
        Some((tag, items)) => {
            let items: String = items.iter().map(|item| format!("<li>{}</li>", escape(item))).collect();
            format!("<ul lang=\"{}\">{items}</ul>", escape(tag))
        }
        None => format!("<p>{}</p>", text(ReportMsg::NoChanges)),
    };
    let heading = escape(&lang.format(ReportMsg::Heading, &[("period", &period)]));
    format!(
        r#"<!doctype html>
<html lang="{tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title>
<style>
body {{ margin: 0; font: 1.125rem/1.6 system-ui, "Noto Sans CJK SC", sans-serif; color: #111; background: #fff; }}
main {{ max-width: 60rem; margin: 0 auto; padding: 1rem; }}
nav ul {{ list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; }}
nav a {{ color: #0645ad; display: inline-block; min-height: 44px; line-height: 44px; }}
nav span {{ display: inline-block; line-height: 44px; font-weight: 700; }}
a:focus-visible, .scroll:focus-visible {{ outline: 3px solid #111; outline-offset: 2px; }}
.scroll {{ overflow-x: auto; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }}
caption {{ text-align: left; font-weight: 700; padding-bottom: 0.5rem; }}
th, td {{ border: 1px solid #767676; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }}
thead th {{ background: #eee; }}
.method {{ font-size: 1rem; color: #333; }}
@media print {{ nav {{ display: none; }} .scroll {{ overflow: visible; }} body {{ font-size: 11pt; }} }}
</style>
</head>
<body>
<main>
<header>
<p>{title}</p>
<nav aria-label="{languages_label}"><ul>{languages}</ul></nav>
<h1>{heading}</h1>
<p>{intro}</p>
</header>
<section aria-labelledby="satisfaction"><h2 id="satisfaction">{satisfaction_title}</h2>{satisfaction}</section>
<section aria-labelledby="answered"><h2 id="answered">{loop_title}</h2>{answered}</section>
<section aria-labelledby="changes"><h2 id="changes">{changes_title}</h2>{changes}</section>
<p class="method">{method}</p>
</main>
</body>
</html>
"#,
        tag = lang.tag(),
        title = text(ReportMsg::Title),
        languages_label = text(ReportMsg::Languages),
        intro = escape(&lang.format(ReportMsg::Intro, &[("k", &k)])),
        satisfaction_title = text(ReportMsg::Satisfaction),
        loop_title = text(ReportMsg::Loop),
        changes_title = text(ReportMsg::Changes),
        method = escape(&lang.format(ReportMsg::Method, &[("day", &data.today.to_string())])),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty(month: &str) -> ReportData {
        ReportData {
            month: Month::parse(month).unwrap(),
            today: Day::parse("2026-12-02").unwrap(),
            min_cell: 5,
            deadlines: Deadlines::default(),
            satisfaction: Vec::new(),
            city: None,
            departments: Vec::new(),
            department_names: Default::default(),
            service_labels: Default::default(),
            changes: Vec::new(),
        }
    }

    #[test]
    fn months_are_read_named_and_bounded() {
        assert_eq!(Month::parse("2026-11"), Some(Month { year: 2026, month: 11 }));
        for bad in ["2026-13", "2026-1", "November", "2026-11-01", ""] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(Month::before(Day::parse("2027-01-15").unwrap()).code(), "2026-12");
        assert_eq!(Month::parse("2024-02").unwrap().days(2), ("2024-02-01".to_owned(), "2024-02-29".to_owned()));
        assert_eq!(Month::parse("2026-11").unwrap().days(10).0, "2026-10-01", "from the quarter's first month");
        let en = Lang::from_tag("en").unwrap();
        let zh = Lang::from_tag("zh-Hans").unwrap();
        assert_eq!(Month::parse("2026-11").unwrap().name(en), "November 2026");
        assert_eq!(Month::parse("2026-11").unwrap().name(zh), "2026年11月");
    }

    #[test]
    fn a_month_with_nothing_says_so_in_its_language_and_links_the_others() {
        let html = report_html(&empty("2026-11"), Lang::from_tag("zh-Hant").unwrap());
        assert!(html.contains("<html lang=\"zh-Hant\">"));
        assert!(html.contains("本月沒有評價。") && html.contains("本月的改進情況尚未填寫。"));
        assert!(html.contains("href=\"report.html?month=2026-11&amp;lang=en\""));
        assert!(html.contains("<span aria-current=\"page\" lang=\"zh-Hant\">"));
    }

    #[test]
    fn a_hidden_cell_says_hidden_never_zero_and_changes_fall_back_to_the_language_written() {
        let mut data = empty("2026-11");
        data.satisfaction = vec![SummaryCell::suppressed("transport", None)];
        data.city = Some(FigureCell {
            period: "2026-11".into(),
            service: None,
            department: None,
            suppressed: false,
            figures: Some(Figures {
                cases: 7,
                acknowledge_hours: Some(Spread { median: 2.0, p90: 36.5 }),
                close_days: None,
                acknowledged_on_time: Some(Share { of: 5, count: 3, share: 0.6 }),
                closed_on_time: None,
                confirmed_solved: None,
                reopened: None,
            }),
        });
        data.changes = vec![("zh-Hans".into(), vec!["42路公交高峰加密到每8分钟一班。".into()])];
        let html = report_html(&data, Lang::from_tag("en").unwrap());
        assert!(html.contains("<td colspan=\"3\">hidden (fewer than 5)</td>"), "{html}");
        assert!(html.contains("<td>60 % (3 of 5)</td>"));
        assert!(html.contains("<td>2 h, 36.5 h</td>"));
        assert!(html.contains("<td>none yet</td>"));
        assert!(html.contains("<ul lang=\"zh-Hans\"><li>42路公交高峰加密到每8分钟一班。</li></ul>"));
    }
}
