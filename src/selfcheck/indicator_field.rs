use civic_pulse_core::Msg;
use civic_pulse_core::selfcheck::{Assessment, RUBRIC_TEXTS};
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::ui::unique_id;

/// One indicator: its name and meaning, and its rubric level as a radio group whose first
/// answer is always "not assessed" (never the same as level 0).
#[component]
pub fn IndicatorField(
    code: String,
    /// The indicator's name and description, per language.
    name: Signal<String>,
    description: Signal<Option<String>>,
    assessment: RwSignal<Assessment>,
) -> impl IntoView {
    let lang = use_lang();
    let group = unique_id("sc-level");
    let hint_id = format!("{group}-hint");
    let code = StoredValue::new(code);
    let chosen = move || assessment.with(|a| a.level(&code.read_value()));
    let set = move |level: Option<u8>| assessment.update(|a| a.set_level(&code.read_value(), level));
    let options = std::iter::once(None).chain((0..5u8).map(Some)).map(|level| {
        let id = format!("{group}-{}", level.map_or("none".to_owned(), |l| l.to_string()));
        let label = move || match level {
            None => lang.get().text(Msg::SelfcheckNotAssessed).to_owned(),
            Some(level) => {
                let (name, description) = RUBRIC_TEXTS[usize::from(level)];
                format!("{level} · {} — {}", lang.get().text(name), lang.get().text(description))
            }
        };
        let group = group.clone();
        view! {
            <div class="sc-level">
                <input
                    type="radio"
                    id=id.clone()
                    name=group
                    prop:checked=move || chosen() == level
                    on:change=move |_| set(level)
                />
                <label for=id>{label}</label>
            </div>
        }
    });
    let described_by = hint_id.clone();
    view! {
        <fieldset class="sc-indicator" aria-describedby=described_by>
            <legend>{code.get_value()}" · "{move || name.get()}</legend>
            <p class="sc-hint" id=hint_id>{move || description.get()}</p>
            {options.collect_view()}
        </fieldset>
    }
}
