use civic_pulse_core::Msg;
use civic_pulse_core::scale::Aspect;
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};
use crate::ui::unique_id;

/// Optional chips (native checkboxes in a fieldset) saying what went wrong or well. Never
/// required: the rating can be sent with none ticked.
#[component]
pub fn AspectChips(
    question: Msg,
    aspects: &'static [Aspect],
    /// The ids ticked, in the order of `aspects`.
    chosen: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    let group = unique_id("cp-aspects");
    view! {
        <fieldset class="cp-aspects">
            <legend class="cp-aspects__question">{tr(question)}</legend>
            {aspects
                .iter()
                .map(|aspect| {
                    let id = format!("{group}-{}", aspect.id);
                    let toggle = move |event: leptos::ev::Event| {
                        let ticked = event_target_checked(&event);
                        chosen.update(|ids| {
                            ids.retain(|id| *id != aspect.id);
                            if ticked {
                                ids.push(aspect.id);
                                // Keep the payload's order stable: the order the chips are shown in.
                                ids.sort_by_key(|id| aspects.iter().position(|a| a.id == *id));
                            }
                        });
                    };
                    view! {
                        <div class="cp-aspects__option">
                            <input
                                class="cp-aspects__input"
                                type="checkbox"
                                id=id.clone()
                                value=aspect.id
                                prop:checked=move || chosen.with(|ids| ids.contains(&aspect.id))
                                on:change=toggle
                            />
                            <label class="cp-aspects__label" for=id>{move || lang.get().text(aspect.label)}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
