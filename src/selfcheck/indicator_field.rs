use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::satisfaction::Satisfaction;
use civic_pulse_core::selfcheck::{Node, localized_text};
use civic_pulse_core::service::ServiceId;
use leptos::prelude::*;

use super::evidence_fields::EvidenceFields;
use super::raw_value_input::RawValueInput;
use super::rubric_levels::RubricLevels;
use super::scoring::percent;
use super::state::{Workbench, use_workbench};
use crate::i18n::use_lang;
use crate::ui::unique_id;

/// One indicator: its name and meaning; its figure (a rubric level or a raw value); then, once
/// assessed, the data quality and an evidence note. Residents' satisfaction with the matching
/// service is shown beside it when imported.
#[component]
pub fn IndicatorField(
    /// The indicator's node in the framework.
    index: usize,
    /// Residents' ratings of the service this indicator measures: (service id, satisfaction).
    evidence: Signal<Option<(String, Satisfaction)>>,
) -> impl IntoView {
    let Workbench { framework, assessment, .. } = use_workbench();
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
        view! { <RawValueInput node=node group=group.clone() /> }.into_any()
    } else {
        view! { <RubricLevels node=node group=group.clone() /> }.into_any()
    };
    // Built when the indicator becomes assessed, never while the official types in it.
    let details = move || assessed.get().then(|| view! { <EvidenceFields code=code /> });
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
