use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::Quality;
use leptos::prelude::*;

use super::state::use_workbench;
use crate::i18n::tr;

/// An assessed indicator's data quality and evidence note: what the figure rests on. Quality
/// describes a figure, so the fields exist only while there is one.
#[component]
pub fn EvidenceFields(code: StoredValue<String>) -> impl IntoView {
    let assessment = use_workbench().assessment;
    let quality_id = format!("{}-quality", code.read_value());
    let note_id = format!("{}-note", code.read_value());
    let quality = move || {
        assessment.with(|a| a.inputs.get(code.read_value().as_str()).and_then(|i| i.quality).map_or("", Quality::id))
    };
    let set_quality = move |event: leptos::ev::Event| {
        let quality = Quality::from_id(&event_target_value(&event));
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
                {Quality::ALL.map(|q| view! { <option value=q.id()>{tr(q.message())}</option> }).to_vec()}
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
}
