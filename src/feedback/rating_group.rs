use civic_pulse_core::{ScaleId, Score};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};
use crate::ui::unique_id;

/// The rating control: a real radio group (native radios in a fieldset), so arrow keys move
/// between answers and screen readers announce the question, each answer's position and whether
/// it is checked. Every answer has a visible text label; the face beside it is decoration.
#[component]
pub fn RatingGroup(
    scale: ScaleId,
    /// The chosen score; written when the resident picks an answer.
    selected: RwSignal<Option<Score>>,
    /// Id of an error message describing the group, when there is one.
    #[prop(optional, into)]
    error_id: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let group = unique_id("cp-rating");
    view! {
        <fieldset class="cp-rating" aria-describedby=move || error_id.get()>
            <legend class="cp-rating__question">{tr(scale.question())}</legend>
            <div class="cp-rating__options">
                {scale
                    .options()
                    .into_iter()
                    .map(|option| {
                        let id = format!("{group}-{}", option.score.get());
                        view! {
                            <div class="cp-rating__option">
                                <input
                                    class="cp-rating__input"
                                    type="radio"
                                    id=id.clone()
                                    name=group.clone()
                                    value=option.score.get().to_string()
                                    prop:checked=move || selected.get() == Some(option.score)
                                    on:change=move |_| selected.set(Some(option.score))
                                />
                                <label class="cp-rating__label" for=id>
                                    <Face score=option.score />
                                    <span>{move || lang.get().text(option.label)}</span>
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// A face for each score, drawn inline (emoji fonts are missing or old on many cheap phones).
/// The text label carries the meaning; the face only helps recognition, so it is hidden from
/// assistive technology. It takes the text colour, so it follows high-contrast modes.
#[component]
fn Face(score: Score) -> impl IntoView {
    // Mouth from sad to happy: the control point moves from above the corners to below them.
    let mouth = match score.get() {
        1 => "M7 17q5-5 10 0",
        2 => "M7.5 16.5q4.5-3 9 0",
        3 => "M7.5 15.5h9",
        4 => "M7.5 14.5q4.5 3 9 0",
        _ => "M7 14q5 5 10 0",
    };
    view! {
        <svg class="cp-rating__face" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.8" />
            <circle cx="8.5" cy="9.5" r="1.4" fill="currentColor" />
            <circle cx="15.5" cy="9.5" r="1.4" fill="currentColor" />
            <path d=mouth fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
    }
}
