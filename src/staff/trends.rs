use civic_pulse_core::StaffMsg;
use civic_pulse_core::collector_api::SummaryAnswer;
use civic_pulse_core::trend::series;
use leptos::prelude::*;

use super::collector;
use super::directory::Directory;
use super::session::Session;
use super::trend_chart::TrendChart;
use crate::i18n::{tr, use_lang};

/// The periods a trend is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grain {
    Quarter,
    Month,
    Week,
}

impl Grain {
    const ALL: [Grain; 3] = [Grain::Quarter, Grain::Month, Grain::Week];

    fn code(self) -> &'static str {
        match self {
            Grain::Quarter => "quarter",
            Grain::Month => "month",
            Grain::Week => "week",
        }
    }

    fn name(self) -> StaffMsg {
        match self {
            Grain::Quarter => StaffMsg::GrainQuarter,
            Grain::Month => StaffMsg::GrainMonth,
            Grain::Week => StaffMsg::GrainWeek,
        }
    }
}

/// Satisfaction per service over the whole record, then one service's trend by quarter, month
/// or ISO week, each k-suppressed by the collector (`GET /v1/summary?by=…`).
#[component]
pub fn Trends() -> impl IntoView {
    let lang = use_lang();
    let directory = Directory::get();
    let grain = RwSignal::new(Grain::Quarter);
    let chosen = RwSignal::new(String::new());
    let session = Session::get();
    let summary = LocalResource::new(move || {
        let by = grain.get().code();
        async move { collector::get::<SummaryAnswer>(session, &format!("v1/summary?by={by}")).await }
    });
    // The services with ratings, and the one whose trend is drawn (the first, until chosen).
    let services = Memo::new(move |_| {
        summary
            .get()
            .and_then(Result::ok)
            .map(|answer| answer.services.into_iter().map(|s| s.service).collect::<Vec<_>>())
    });
    let shown_service =
        Memo::new(move |_| Some(chosen.get()).filter(|s| !s.is_empty()).or_else(|| services.get()?.first().cloned()));
    let totals = move || {
        let answer = summary.get()?;
        let lang = lang.get();
        Some(match answer {
            Err(problem) => view! { <p role="alert">{problem.text(lang)}</p> }.into_any(),
            Ok(answer) if answer.services.is_empty() => view! { <p>{tr(StaffMsg::NoRatings)}</p> }.into_any(),
            Ok(answer) => {
                let k = answer.min_cell.to_string();
                let hidden = lang.format(StaffMsg::Hidden, &[("k", &k)]);
                let rows = answer
                    .services
                    .iter()
                    .map(|cell| {
                        let name = directory.service_name(&cell.service, lang);
                        let figures = match (cell.count, cell.bad_share, cell.satisfaction) {
                            (Some(count), Some(bad), Some(score)) => view! {
                                <td>{count.to_string()}</td>
                                <td>{format!("{:.0} %", bad * 100.0)}</td>
                                <td>{format!("{score:.1}")}</td>
                            }
                            .into_any(),
                            _ => view! { <td colspan="3">{hidden.clone()}</td> }.into_any(),
                        };
                        view! { <tr><th scope="row">{name}</th>{figures}</tr> }
                    })
                    .collect_view();
                view! {
                    <table class="st-table">
                        <caption>{lang.format(StaffMsg::SummaryCaption, &[("k", &k)])}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr(StaffMsg::TableService)}</th>
                                <th scope="col">{tr(StaffMsg::TableRatings)}</th>
                                <th scope="col">{tr(StaffMsg::TableBadShare)}</th>
                                <th scope="col">{tr(StaffMsg::TableSatisfaction)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }
        })
    };
    let chart = move || {
        let answer = summary.get()?.ok()?;
        let service = shown_service.get()?;
        let points = series(&answer.periods, &service);
        let title = Signal::derive(move || {
            let lang = lang.get();
            lang.format(
                StaffMsg::ChartTitle,
                &[("service", &directory.service_name(&service, lang)), ("period", lang.text(grain.get().name()))],
            )
        });
        Some(view! { <TrendChart points=points title=title min_cell=answer.min_cell /> })
    };
    view! {
        <section class="st-section" aria-labelledby="trends-title">
            <h2 id="trends-title">{tr(StaffMsg::TrendsTitle)}</h2>
            {totals}
            <div class="st-filters">
                <div class="st-filter">
                    <label for="trend-service">{tr(StaffMsg::TrendsService)}</label>
                    <select id="trend-service" on:change=move |event| chosen.set(event_target_value(&event))>
                        {move || {
                            services
                                .get()
                                .unwrap_or_default()
                                .into_iter()
                                .map(|id| {
                                    let selected = shown_service.get().as_ref() == Some(&id);
                                    let name = directory.service_name(&id, lang.get());
                                    view! { <option value=id selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="cp-toggle-group" role="group" aria-label=tr(StaffMsg::TrendsPeriod)>
                    {Grain::ALL
                        .into_iter()
                        .map(|option| {
                            view! {
                                <button
                                    type="button"
                                    class="cp-toggle"
                                    aria-pressed=move || (grain.get() == option).to_string()
                                    on:click=move |_| grain.set(option)
                                >
                                    {tr(option.name())}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
            {chart}
        </section>
    }
}
