use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Measure, localized_text};
use leptos::prelude::*;

use super::scoring::{bounds_text, two_decimals, two_decimals_or_dash};
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// The printed report's cover (city, year, framework, date and the headline result), shown
/// only in print.
#[component]
pub fn ReportCover() -> impl IntoView {
    let Workbench { framework, assessment, scoring } = use_workbench();
    let lang = use_lang();
    let title = move || {
        assessment.with(|a| {
            let year = a.year.map(|y| y.to_string()).unwrap_or_default();
            lang.get().format(SelfcheckMsg::ReportTitle, &[("city", a.city.trim()), ("year", &year)])
        })
    };
    let framework_name = move || framework.with_value(|f| localized_text(&f.name, lang.get().tag()).to_owned());
    let today: String = String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect();
    let headline = move || {
        scoring
            .with_evaluation(|e| e.index)
            .flatten()
            .map(|index| format!("{} {}", lang.get().text(SelfcheckMsg::OverallIndex), two_decimals(index)))
    };
    // The exact range travels with the index on paper too: a reader of a low-coverage report
    // sees at once how little the figure pins down.
    let bounds = move || scoring.with_evaluation(|e| e.index.map(|_| bounds_text(lang.get(), &e.bounds)));
    view! {
        <section class="sc-cover sc-print-only" aria-labelledby="sc-cover-title">
            <h2 id="sc-cover-title">{title}</h2>
            <p>{framework_name}</p>
            <p class="sc-cover-figure">{headline}</p>
            <p>{bounds}</p>
            <p>{move || lang.get().format(SelfcheckMsg::ReportDate, &[("date", &today)])}</p>
        </section>
    }
}

/// Every indicator with what was entered, its score, data quality and evidence note: the full
/// table of the printed report.
#[component]
pub fn IndicatorTable() -> impl IntoView {
    let Workbench { framework, scoring, .. } = use_workbench();
    let lang = use_lang();
    let rows = move || {
        let scores = scoring.scores.get().unwrap_or_default();
        framework.with_value(|f| {
            scoring.figures.with(|(inputs, _)| {
                f.indicators()
                    .map(|(index, node)| {
                        let input = inputs.get(&node.code);
                        let entered = match input.and_then(|i| i.measure()) {
                            Some(Measure::Level(level)) => {
                                lang.get().format(SelfcheckMsg::LevelEntered, &[("level", &level.to_string())])
                            }
                            Some(Measure::Score(score)) => format!("{score}"),
                            Some(Measure::Value(value)) => format!("{value} {}", node.unit.clone().unwrap_or_default()),
                            None => lang.get().text(SelfcheckMsg::NotAssessed).to_owned(),
                        };
                        let score = two_decimals_or_dash(scores.get(index).copied().flatten());
                        let quality = input.and_then(|i| i.quality).map_or("", |q| lang.get().text(q.message()));
                        let note = input.and_then(|i| i.note.clone()).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{node.label(lang.get().tag())}</th>
                                <td>{entered}</td>
                                <td>{score}</td>
                                <td>{quality}</td>
                                <td>{note}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="sc-section sc-print-only" aria-labelledby="sc-all-title">
            <h2 id="sc-all-title">{tr(SelfcheckMsg::AllIndicators)}</h2>
            <table class="sc-table sc-data sc-full">
                <thead>
                    <tr>
                        <th scope="col">{tr(SelfcheckMsg::ColumnIndicator)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnEntered)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnScore)}</th>
                        <th scope="col">{tr(SelfcheckMsg::QualityLabel)}</th>
                        <th scope="col">{tr(SelfcheckMsg::NoteLabel)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
