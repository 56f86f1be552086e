use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::localized_text;
use leptos::prelude::*;

use super::scoring::{two_decimals, two_decimals_or_dash};
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

const CENTRE: f64 = 160.0;
const RADIUS: f64 = 110.0;

/// A point on axis `axis` of `count`, at `share` (0..1) of the radius; the first axis points up.
fn point(axis: usize, count: usize, share: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * axis as f64 / count as f64;
    (CENTRE + RADIUS * share * angle.cos(), CENTRE + RADIUS * share * angle.sin())
}

fn polygon(shares: &[f64]) -> String {
    let count = shares.len();
    shares
        .iter()
        .enumerate()
        .map(|(axis, &share)| {
            let (x, y) = point(axis, count, share);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The dimensions on a radar against the framework's published averages, with the same figures
/// as a table (the chart's text alternative names the table). Solid line and filled dots: this
/// city; dashed line: the average, so the two differ without colour.
#[component]
pub fn RadarChart() -> impl IntoView {
    let Workbench { framework, scoring, .. } = use_workbench();
    let lang = use_lang();
    // Read by the chart, its description and the table: computed once per change.
    let rows = Memo::new(move |_| {
        framework.with_value(|f| {
            f.nodes[0]
                .children
                .iter()
                .map(|&index| {
                    let node = &f.nodes[index];
                    let result = scoring.with_evaluation(|e| (e.nodes[index].value, e.nodes[index].light));
                    let (value, light) = result.unwrap_or((None, None));
                    let average = f.average(&node.code).map(|b| b.value);
                    (node.code.clone(), localized_text(&node.name, lang.get().tag()).to_owned(), value, average, light)
                })
                .collect::<Vec<_>>()
        })
    });
    let has_average = framework.with_value(|f| f.benchmark.is_some());
    let average_label = move || {
        framework.with_value(|f| {
            f.benchmark.as_ref().map(|b| localized_text(&b.label, lang.get().tag()).to_owned()).unwrap_or_default()
        })
    };
    let count = framework.with_value(|f| f.nodes[0].children.len()).max(3);
    let grid = [0.25, 0.5, 0.75, 1.0]
        .map(|ring| view! { <polygon class="sc-radar-grid" points=polygon(&vec![ring; count]) /> })
        .to_vec();
    let axes = (0..count)
        .map(|axis| {
            let (x, y) = point(axis, count, 1.0);
            view! { <line class="sc-radar-grid" x1=CENTRE y1=CENTRE x2=format!("{x:.1}") y2=format!("{y:.1}") /> }
        })
        .collect_view();
    let description = move || {
        rows.get()
            .iter()
            .map(|(code, name, value, average, _)| {
                let value = value.map_or_else(|| lang.get().text(SelfcheckMsg::NotAssessed).to_owned(), two_decimals);
                match average {
                    Some(a) => format!(
                        "{code} {name}: {value} ({} {})",
                        lang.get().text(SelfcheckMsg::Average),
                        two_decimals(*a)
                    ),
                    None => format!("{code} {name}: {value}"),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    view! {
        <figure class="sc-chart">
            <svg class="sc-radar" viewBox="0 0 320 320" role="img" aria-labelledby="sc-radar-title sc-radar-desc">
                <title id="sc-radar-title">{tr(SelfcheckMsg::RadarTitle)}</title>
                <desc id="sc-radar-desc">{description}</desc>
                {grid}
                {axes}
                {move || {
                    has_average
                        .then(|| {
                            let shares: Vec<f64> = rows.get().iter().map(|r| r.3.unwrap_or(0.0)).collect();
                            view! { <polygon class="sc-radar-average" points=polygon(&shares) /> }
                        })
                }}
                {move || {
                    let rows = rows.get();
                    let shares: Vec<f64> = rows.iter().map(|r| r.2.unwrap_or(0.0)).collect();
                    let dots = shares
                        .iter()
                        .enumerate()
                        .filter(|(axis, _)| rows[*axis].2.is_some())
                        .map(|(axis, &share)| {
                            let (x, y) = point(axis, shares.len(), share);
                            view! { <circle class="sc-radar-dot" cx=format!("{x:.1}") cy=format!("{y:.1}") r="4" /> }
                        })
                        .collect_view();
                    view! {
                        <polygon class="sc-radar-city" points=polygon(&shares) />
                        {dots}
                    }
                }}
                {move || {
                    rows.get()
                        .into_iter()
                        .enumerate()
                        .map(|(axis, (code, ..))| {
                            let (x, y) = point(axis, count, 1.22);
                            view! {
                                <text class="sc-radar-label" x=format!("{x:.1}") y=format!("{y:.1}") text-anchor="middle" dominant-baseline="middle">
                                    {code}
                                </text>
                            }
                        })
                        .collect_view()
                }}
            </svg>
            <figcaption>
                {tr(SelfcheckMsg::RadarLegend)}
            </figcaption>
        </figure>
        <table class="sc-table sc-data">
            <caption>{tr(SelfcheckMsg::DimensionsTableCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(SelfcheckMsg::ColumnDimension)}</th>
                    <th scope="col">{tr(SelfcheckMsg::ThisCity)}</th>
                    {has_average.then(|| view! { <th scope="col">{average_label}</th> })}
                    <th scope="col">{tr(SelfcheckMsg::ColumnLight)}</th>
                </tr>
            </thead>
            <tbody data-testid="dimension-results">
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|(code, name, value, average, light)| {
                            view! {
                                <tr data-code=code.clone()>
                                    <th scope="row">{format!("{code} · {name}")}</th>
                                    <td>{two_decimals_or_dash(value)}</td>
                                    {has_average.then(|| view! { <td>{two_decimals_or_dash(average)}</td> })}
                                    <td>{light.map(|light| lang.get().text(light.message()))}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}
