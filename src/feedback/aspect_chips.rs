use civic_pulse_core::LaterMsg;
use civic_pulse_core::aspect_ticks::AspectTicks;
use civic_pulse_core::scale::Aspect;
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};
use crate::ui::unique_id;

/// Optional chips (native checkboxes in a fieldset) saying what went wrong or well. Never
/// required: the rating can be sent with none ticked.
#[component]
pub fn AspectChips(
    question: LaterMsg,
    aspects: &'static [Aspect],
    /// The rating's ticks; those under `question` are this fieldset's.
    ticks: RwSignal<AspectTicks>,
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
                        ticks.update(|ticks| *ticks = ticks.with(question, aspects, aspect.id, ticked));
                    };
                    view! {
                        <div class="cp-aspects__option">
                            <input
                                class="cp-aspects__input"
                                type="checkbox"
                                id=id.clone()
                                value=aspect.id
                                prop:checked=move || ticks.with(|ticks| ticks.under(question).contains(&aspect.id))
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
