use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Light, localized_text};
use leptos::prelude::*;

use super::scoring::{two_decimals, two_decimals_or_dash};
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

const ROW: f64 = 26.0;
const LABEL: f64 = 52.0;
const BAR: f64 = 220.0;

/// One bar per sub-dimension, coloured by its light and labelled with its value, with the same
/// figures as a table. A sub-dimension not assessed has no bar and says so.
#[component]
pub fn BarChart() -> impl IntoView {
    let Workbench { framework, scoring, .. } = use_workbench();
    let lang = use_lang();
    // Read by the chart, its description and the table: computed once per change.
    let rows = Memo::new(move |_| {
        framework.with_value(|f| {
            f.nodes
                .iter()
                .enumerate()
                .filter(|(_, node)| node.depth == 2 && !node.is_indicator())
                .map(|(index, node)| {
                    let result = scoring.with_evaluation(|e| (e.nodes[index].value, e.nodes[index].light));
                    let (value, light) = result.unwrap_or((None, None));
                    (node.code.clone(), localized_text(&node.name, lang.get().tag()).to_owned(), value, light)
                })
                .collect::<Vec<_>>()
        })
    });
    let count = framework.with_value(|f| f.nodes.iter().filter(|n| n.depth == 2 && !n.is_indicator()).count());
    let height = (count as f64 * ROW).max(ROW);
    let description = move || {
        rows.get()
            .iter()
            .map(|(code, name, value, _)| {
                let value = value.map_or_else(|| lang.get().text(SelfcheckMsg::NotAssessed).to_owned(), two_decimals);
                format!("{code} {name}: {value}")
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    (count > 0).then(|| {
        view! {
            <figure class="sc-chart">
                <svg class="sc-bars" viewBox=format!("0 0 320 {height}") role="img" aria-labelledby="sc-bars-title sc-bars-desc">
                    <title id="sc-bars-title">{tr(SelfcheckMsg::BarsTitle)}</title>
                    <desc id="sc-bars-desc">{description}</desc>
                    {move || {
                        rows.get()
                            .into_iter()
                            .enumerate()
                            .map(|(row, (code, _, value, light))| {
                                let y = row as f64 * ROW;
                                let class = match light {
                                    Some(Light::Green) => "sc-bar sc-bar--green",
                                    Some(Light::Yellow) => "sc-bar sc-bar--yellow",
                                    Some(Light::Red) => "sc-bar sc-bar--red",
                                    None => "sc-bar",
                                };
                                let width = value.unwrap_or(0.0) * BAR;
                                let label = two_decimals_or_dash(value);
                                view! {
                                    <text class="sc-bar-label" x="0" y=format!("{:.1}", y + ROW * 0.65)>{code}</text>
                                    <rect class=class x=LABEL y=format!("{:.1}", y + 4.0) width=format!("{width:.1}") height=format!("{:.1}", ROW - 8.0) />
                                    <text class="sc-bar-label" x=format!("{:.1}", LABEL + width + 6.0) y=format!("{:.1}", y + ROW * 0.65)>{label}</text>
                                }
                            })
                            .collect_view()
                    }}
                </svg>
            </figure>
            <table class="sc-table sc-data">
                <caption>{tr(SelfcheckMsg::BarsTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(SelfcheckMsg::ColumnSubdimension)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ThisCity)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnLight)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows.get()
                            .into_iter()
                            .map(|(code, name, value, light)| {
                                view! {
                                    <tr>
                                        <th scope="row">{format!("{code} · {name}")}</th>
                                        <td>{two_decimals_or_dash(value)}</td>
                                        <td>{light.map(|light| lang.get().text(light.message()))}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        }
    })
}
