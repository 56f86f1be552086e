use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Direction, Node, parse_value};
use leptos::prelude::*;

use super::state::use_workbench;
use crate::i18n::{tr, use_lang};

/// An indicator scored from a raw value: the value in its unit, with the goalposts or target
/// that score it. Blank clears the entry (not assessed); anything but a number changes nothing
/// and says so.
#[component]
pub fn RawValueInput(
    node: StoredValue<Node>,
    /// The id prefix of the indicator's fields.
    group: String,
) -> impl IntoView {
    let assessment = use_workbench().assessment;
    let lang = use_lang();
    let code = node.with_value(|n| n.code.clone());
    let code = StoredValue::new(code);
    let value_id = format!("{group}-value");
    let scale_id = format!("{group}-scale");
    let problem = RwSignal::new(false);
    let unit = node.with_value(|n| n.unit.clone().unwrap_or_default());
    let scale = move || {
        node.with_value(|n| {
            let better = |d: Direction| match d {
                Direction::Higher => SelfcheckMsg::HigherIsBetter,
                Direction::Lower => SelfcheckMsg::LowerIsBetter,
            };
            match (n.goalposts, n.target) {
                (Some(g), _) => lang.get().format(
                    SelfcheckMsg::Goalposts,
                    &[
                        ("lower", &g.lower.to_string()),
                        ("upper", &g.upper.to_string()),
                        ("better", lang.get().text(better(g.direction))),
                    ],
                ),
                (None, Some(t)) => lang.get().format(
                    SelfcheckMsg::Target,
                    &[("target", &t.value.to_string()), ("better", lang.get().text(better(t.direction)))],
                ),
                _ => String::new(),
            }
        })
    };
    let value = move || {
        assessment
            .with(|a| a.inputs.get(code.read_value().as_str()).and_then(|i| i.value))
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let set = move |event: leptos::ev::Event| {
        let typed = event_target_value(&event);
        let parsed = (!typed.trim().is_empty()).then(|| parse_value(&typed));
        match parsed {
            Some(None) => problem.set(true),
            value => {
                problem.set(false);
                assessment.update(|a| a.set_value(&code.read_value(), value.flatten()));
            }
        }
    };
    view! {
        <div class="sc-value">
            <label for=value_id.clone()>{move || lang.get().format(SelfcheckMsg::ValueLabel, &[("unit", &unit)])}</label>
            <input
                id=value_id
                type="text"
                inputmode="decimal"
                aria-describedby=scale_id.clone()
                aria-invalid=move || problem.get().then_some("true")
                prop:value=value
                on:change=set
            />
            <p class="sc-hint" id=scale_id>{scale}" "{tr(SelfcheckMsg::ValueBlankHint)}</p>
            {move || problem.get().then(|| view! { <p class="sc-error" role="alert">{tr(SelfcheckMsg::ValueNotNumber)}</p> })}
        </div>
    }
}
