use civic_pulse_core::StaffMsg;
use civic_pulse_core::trend::{Frame, RECTIFICATION_BELOW, TARGET, TrendPoint};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

const FRAME: Frame = Frame { width: 640.0, height: 260.0, left: 36.0, right: 36.0, top: 16.0, bottom: 44.0 };

/// One service's satisfaction by period as an SVG line with its title and description, the
/// framework's two lines drawn and named (85, the target; 80, below which a quarter calls for
/// rectification), the number of ratings beside each point, and a hidden period left as a
/// marked gap, never drawn as zero. The same figures follow in a table, for screen readers and
/// for print.
#[component]
pub fn TrendChart(
    /// The periods in order.
    points: Vec<TrendPoint>,
    /// The chart's title, already in the reader's language.
    title: Signal<String>,
    /// Fewer ratings than this hide a period.
    min_cell: u32,
) -> impl IntoView {
    let lang = use_lang();
    let count = points.len();
    let path = FRAME.path(&points);
    // The target's name above its line, the rectification line's below: they lie close.
    let line = |value: f64, label: StaffMsg, class: &'static str, label_offset: f64| {
        let y = format!("{:.1}", FRAME.y(value));
        view! {
            <line class=class x1=FRAME.left.to_string() x2=(FRAME.width - FRAME.right).to_string() y1=y.clone() y2=y.clone() />
            <text
                class="st-chart__line-label"
                x=(FRAME.width - FRAME.right).to_string()
                y=format!("{:.1}", FRAME.y(value) + label_offset)
                text-anchor="end"
            >
                {tr(label)}
            </text>
        }
    };
    // Every label would crowd a year of weeks: about a dozen along the axis.
    let label_every = count.div_ceil(12).max(1);
    let marks = points
        .iter()
        .enumerate()
        .map(|(index, point)| {
            let x = FRAME.x(index, count);
            let axis_label = (index % label_every == 0).then(|| {
                view! {
                    <text class="st-chart__axis" x=format!("{x:.1}") y=(FRAME.height - 24.0).to_string() text-anchor="middle">
                        {point.period.clone()}
                    </text>
                }
            });
            let mark = match (point.satisfaction, point.count) {
                (Some(value), Some(ratings)) => view! {
                    <circle class="st-chart__point" cx=format!("{x:.1}") cy=format!("{:.1}", FRAME.y(value)) r="4" />
                    <text class="st-chart__count" x=format!("{x:.1}") y=format!("{:.1}", FRAME.y(value) - 8.0) text-anchor="middle">
                        {ratings.to_string()}
                    </text>
                }
                .into_any(),
                _ => view! {
                    <rect
                        class="st-chart__hidden"
                        x=format!("{:.1}", x - 3.0)
                        y=FRAME.top.to_string()
                        width="6"
                        height=(FRAME.height - FRAME.top - FRAME.bottom).to_string()
                    />
                }
                .into_any(),
            };
            view! { <g>{mark}{axis_label}</g> }
        })
        .collect_view();
    let hidden_text = move || lang.get().format(StaffMsg::Hidden, &[("k", &min_cell.to_string())]);
    let rows = points
        .into_iter()
        .map(|point| {
            let figures = match (point.count, point.satisfaction) {
                (Some(count), Some(value)) => view! {
                    <td>{count.to_string()}</td>
                    <td>{format!("{value:.1}")}</td>
                }
                .into_any(),
                _ => view! { <td colspan="2">{hidden_text}</td> }.into_any(),
            };
            view! { <tr><th scope="row">{point.period}</th>{figures}</tr> }
        })
        .collect_view();
    let description = move || lang.get().format(StaffMsg::ChartDescription, &[("k", &min_cell.to_string())]);
    let id = crate::ui::unique_id("trend");
    let (title_id, description_id) = (format!("{id}-title"), format!("{id}-description"));
    let labelled_by = format!("{title_id} {description_id}");
    view! {
        <figure class="st-chart">
            <svg
                viewBox=format!("0 0 {} {}", FRAME.width, FRAME.height)
                role="img"
                aria-labelledby=labelled_by
            >
                <title id=title_id>{move || title.get()}</title>
                <desc id=description_id>{description}</desc>
                <text class="st-chart__axis" x="4" y=format!("{:.1}", FRAME.y(100.0) + 4.0)>"100"</text>
                <text class="st-chart__axis" x="4" y=format!("{:.1}", FRAME.y(0.0) + 4.0)>"0"</text>
                {line(TARGET, StaffMsg::TargetLine, "st-chart__target", -5.0)}
                {line(RECTIFICATION_BELOW, StaffMsg::RectificationLine, "st-chart__rectification", 15.0)}
                <path class="st-chart__series" d=path />
                {marks}
            </svg>
            <table class="st-table">
                <caption>{move || title.get()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(StaffMsg::TablePeriod)}</th>
                        <th scope="col">{tr(StaffMsg::TableRatings)}</th>
                        <th scope="col">{tr(StaffMsg::TableSatisfaction)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}
