use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{IndicatorInput, Node, RUBRIC_TEXTS, parse_value};
use leptos::prelude::*;

use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// How a node's target is given: a rubric level, a raw value in the indicator's unit, or a score
/// (a dimension's, or an indicator scored directly).
#[derive(Clone, Copy, PartialEq)]
enum TargetKind {
    Level,
    Value,
    Score,
}

/// One row of the targets table: the node, its figure now, and its target in its own terms.
/// Blank removes the city's own target (the framework's, where it has one, applies again);
/// anything that is not a figure changes nothing and says so.
#[component]
pub fn TargetRow(index: usize) -> impl IntoView {
    let Workbench { framework, assessment, scoring } = use_workbench();
    let lang = use_lang();
    let node: StoredValue<Node> = StoredValue::new(framework.with_value(|f| f.nodes[index].clone()));
    let code = StoredValue::new(node.with_value(|n| n.code.clone()));
    let kind = node.with_value(|n| match (n.is_indicator(), n.takes_value()) {
        (false, _) => TargetKind::Score,
        (true, true) => TargetKind::Value,
        (true, false) => TargetKind::Level,
    });
    let id = format!("sc-target-{}", code.read_value());
    let hint_id = format!("{id}-hint");
    let problem = RwSignal::new(false);
    let own = move || assessment.with(|a| a.targets.get(code.read_value().as_str()).cloned());
    let now = move || {
        // A dimension's figure now on the score scale its target is given in.
        if kind == TargetKind::Score {
            return scoring
                .with_evaluation(|e| e.nodes[index].value)
                .flatten()
                .map_or_else(|| "—".to_owned(), |v| format!("{}/100", (v * 1000.0).round() / 10.0));
        }
        assessment.with(|a| {
            a.inputs
                .get(code.read_value().as_str())
                .map_or_else(|| "—".to_owned(), |input| node.with_value(|n| input.in_words(n, lang.get())))
        })
    };
    let framework_target = move || {
        let target = node.with_value(|n| n.target)?;
        let text = node.with_value(|n| IndicatorInput::value(target.value).in_words(n, lang.get()));
        Some(lang.get().format(SelfcheckMsg::TargetFramework, &[("value", &text)]))
    };
    let save = move |target: Option<IndicatorInput>| {
        assessment.update(|a| match target {
            Some(target) => {
                a.targets.insert(code.get_value(), target);
            }
            None => {
                a.targets.remove(code.read_value().as_str());
            }
        });
    };
    let label = move || {
        let node = node.with_value(|n| n.label(lang.get().tag()));
        lang.get().format(SelfcheckMsg::TargetOf, &[("node", &node)])
    };
    let field = if kind == TargetKind::Level {
        let chosen = move || own().and_then(|t| t.level).map(|l| l.to_string()).unwrap_or_default();
        let choose = move |event: leptos::ev::Event| {
            save(event_target_value(&event).parse::<u8>().ok().map(IndicatorInput::level));
        };
        view! {
            <select id=id.clone() prop:value=chosen on:change=choose>
                <option value="">"—"</option>
                {(0u8..=4)
                    .map(|level| {
                        let name = move || format!("{level} · {}", lang.get().text(RUBRIC_TEXTS[usize::from(level)].0));
                        view! { <option value=level.to_string()>{name}</option> }
                    })
                    .collect_view()}
            </select>
        }
        .into_any()
    } else {
        let shown = move || {
            own().and_then(|t| if kind == TargetKind::Value { t.value } else { t.score }).map(|v| v.to_string())
        };
        let set = move |event: leptos::ev::Event| {
            let typed = event_target_value(&event);
            if typed.trim().is_empty() {
                problem.set(false);
                return save(None);
            }
            let figure = parse_value(&typed).filter(|v| kind == TargetKind::Value || (0.0..=100.0).contains(v));
            problem.set(figure.is_none());
            if let Some(figure) = figure {
                save(Some(if kind == TargetKind::Value {
                    IndicatorInput::value(figure)
                } else {
                    IndicatorInput::score(figure)
                }));
            }
        };
        view! {
            <input
                id=id.clone()
                type="text"
                inputmode="decimal"
                aria-describedby=hint_id.clone()
                aria-invalid=move || problem.get().then_some("true")
                prop:value=move || shown().unwrap_or_default()
                on:change=set
            />
        }
        .into_any()
    };
    let depth = node.with_value(|n| n.depth);
    view! {
        <tr class=if depth == 1 { "sc-weight-dimension" } else { "sc-weight-sub" } data-code=code.get_value()>
            <th scope="row">{move || node.with_value(|n| n.label(lang.get().tag()))}</th>
            <td>{now}</td>
            <td>
                <label class="sc-visually-hidden" for=id>{label}</label>
                {field}
                <small class="sc-hint" id=hint_id>
                    {move || match kind {
                        TargetKind::Score => Some(lang.get().text(SelfcheckMsg::TargetScoreHint).to_owned()),
                        _ => framework_target(),
                    }}
                </small>
                {move || {
                    let msg = if kind == TargetKind::Score { SelfcheckMsg::TargetScoreRange } else { SelfcheckMsg::TargetNotNumber };
                    problem.get().then(|| view! { <p class="sc-error" role="alert">{tr(msg)}</p> })
                }}
            </td>
        </tr>
    }
}
