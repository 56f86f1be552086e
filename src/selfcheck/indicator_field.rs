use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::satisfaction::Satisfaction;
use civic_pulse_core::selfcheck::{
    Assessment, Direction, Framework, Node, Quality, RUBRIC_TEXTS, localized_text, parse_value,
};
use civic_pulse_core::service::ServiceId;
use leptos::prelude::*;

use super::scoring::percent;
use crate::i18n::{tr, use_lang};
use crate::ui::unique_id;

/// A data quality in words.
pub fn quality_text(quality: Quality) -> SelfcheckMsg {
    match quality {
        Quality::Measured => SelfcheckMsg::QualityMeasured,
        Quality::Administrative => SelfcheckMsg::QualityAdministrative,
        Quality::Estimated => SelfcheckMsg::QualityEstimated,
        Quality::UnknownSource => SelfcheckMsg::QualityUnknownSource,
    }
}

/// One indicator: its name and meaning; its rubric level as a radio group whose first answer is
/// always "not assessed" (never the same as level 0), or its raw value in its unit with the
/// goalposts or target that score it; then, once assessed, the data quality and an evidence
/// note. Residents' satisfaction with the matching service is shown beside it when imported.
#[component]
pub fn IndicatorField(
    framework: StoredValue<Framework>,
    /// The indicator's node in the framework.
    index: usize,
    assessment: RwSignal<Assessment>,
    /// Residents' ratings of the service this indicator measures: (service id, satisfaction).
    evidence: Signal<Option<(String, Satisfaction)>>,
) -> impl IntoView {
    let lang = use_lang();
    let group = unique_id("sc-ind");
    let hint_id = format!("{group}-hint");
    let node = framework.with_value(|f| f.nodes[index].clone());
    let code = StoredValue::new(node.code.clone());
    let node = StoredValue::new(node);
    // A memo, so the quality and note fields are rebuilt only when the indicator becomes assessed
    // or not, never while the official types in them.
    let assessed = Memo::new(move |_| assessment.with(|a| a.inputs.contains_key(code.read_value().as_str())));
    let takes_value = node.with_value(Node::takes_value);

    let label = move || node.with_value(|n| n.label(lang.get().tag()));
    let description =
        move || node.with_value(|n| n.description.as_ref().map(|d| localized_text(d, lang.get().tag()).to_owned()));

    let figure = if takes_value {
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
            // Blank clears the entry (not assessed); anything but a number changes nothing.
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
        .into_any()
    } else {
        let chosen = move || assessment.with(|a| a.level(&code.read_value()));
        let set = move |level: Option<u8>| assessment.update(|a| a.set_level(&code.read_value(), level));
        std::iter::once(None)
            .chain((0..5u8).map(Some))
            .map(|level| {
                let id = format!("{group}-{}", level.map_or("none".to_owned(), |l| l.to_string()));
                let label = move || match level {
                    None => lang.get().text(SelfcheckMsg::NotAssessed).to_owned(),
                    Some(level) => {
                        let (title, generic) = RUBRIC_TEXTS[usize::from(level)];
                        // A framework may describe each level of this indicator in its own words.
                        let own = node.with_value(|n| {
                            n.rubric.as_ref().and_then(|r| r.get(usize::from(level))).map(|t| localized_text(t, lang.get().tag()).to_owned())
                        });
                        format!("{level} · {} — {}", lang.get().text(title), own.unwrap_or_else(|| lang.get().text(generic).to_owned()))
                    }
                };
                let group = group.clone();
                view! {
                    <div class="sc-level">
                        <input type="radio" id=id.clone() name=group prop:checked=move || chosen() == level on:change=move |_| set(level) />
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };

    let details = move || {
        assessed.get().then(|| {
            let quality_id = format!("{}-quality", code.read_value());
            let note_id = format!("{}-note", code.read_value());
            let quality = move || {
                assessment.with(|a| {
                    a.inputs
                        .get(code.read_value().as_str())
                        .and_then(|i| i.quality)
                        .map_or("", Quality::id)
                })
            };
            let set_quality = move |event: leptos::ev::Event| {
                let chosen = event_target_value(&event);
                let quality = Quality::from_id(&chosen);
                assessment.update(|a| a.set_quality(&code.read_value(), quality));
            };
            let note = move || {
                assessment.with(|a| a.inputs.get(code.read_value().as_str()).and_then(|i| i.note.clone()).unwrap_or_default())
            };
            view! {
                <div class="sc-evidence">
                    <label for=quality_id.clone()>{tr(SelfcheckMsg::QualityLabel)}</label>
                    <select id=quality_id prop:value=quality on:change=set_quality>
                        <option value="">{tr(SelfcheckMsg::QualityNotStated)}</option>
                        {Quality::ALL.map(|q| view! { <option value=q.id()>{tr(quality_text(q))}</option> }).to_vec()}
                    </select>
                    <label for=note_id.clone()>{tr(SelfcheckMsg::NoteLabel)}</label>
                    <textarea
                        id=note_id
                        rows="2"
                        prop:value=note
                        on:change=move |e| assessment.update(|a| a.set_note(&code.read_value(), &event_target_value(&e)))
                    ></textarea>
                </div>
            }
        })
    };
    let ratings = move || {
        evidence.get().map(|(service, found)| {
            // The built-in services have names in every language; a portal's own id is shown as is.
            let service = ServiceId::parse(&service)
                .and_then(|id| id.builtin_label())
                .map_or(service, |msg| lang.get().text(msg).to_owned());
            view! {
                <p class="sc-ratings" data-testid="service-evidence">
                    {lang.get().format(
                        SelfcheckMsg::ServiceEvidence,
                        &[("percent", &percent(found.score / 100.0)), ("count", &found.count.to_string()), ("service", &service)],
                    )}
                </p>
            }
        })
    };
    let described_by = hint_id.clone();
    view! {
        <fieldset class="sc-indicator" aria-describedby=described_by data-code=code.get_value()>
            <legend>{label}</legend>
            <p class="sc-hint" id=hint_id>{description}</p>
            {ratings}
            {figure}
            {details}
        </fieldset>
    }
}
