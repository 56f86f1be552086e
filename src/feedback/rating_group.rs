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
                                    <span class="cp-rating__face" aria-hidden="true">
                                        {face(option.score)}
                                    </span>
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

/// A face for each score; text carries the meaning, the face only helps recognition.
fn face(score: Score) -> &'static str {
    ["😞", "🙁", "😐", "🙂", "😀"][usize::from(score.get() - 1)]
}
