use civic_pulse_core::LaterMsg;
use civic_pulse_core::RatingV1;
use civic_pulse_core::redact::redact;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::ui::unique_id;

/// The optional comment, with the privacy note as its hint and, as soon as anything personal is
/// typed, a preview of exactly what will be sent (announced politely to screen readers).
#[component]
pub fn CommentBox(text: RwSignal<String>) -> impl IntoView {
    let id = unique_id("cp-comment");
    let hint_id = format!("{id}-hint");
    let redacted = Memo::new(move |_| redact(&text.get()));
    view! {
        <div class="cp-comment">
            <label class="cp-comment__label" for=id.clone()>{tr(LaterMsg::CommentLabel)}</label>
            <p class="cp-hint" id=hint_id.clone()>{tr(LaterMsg::PrivacyNote)}</p>
            <textarea
                class="cp-comment__input"
                id=id
                rows="4"
                maxlength=RatingV1::MAX_COMMENT_CHARS.to_string()
                aria-describedby=hint_id
                prop:value=move || text.get()
                on:input=move |event| text.set(event_target_value(&event))
            ></textarea>
            <div class="cp-preview" aria-live="polite">
                {move || {
                    let shown = redacted.get();
                    (!shown.removed.is_empty())
                        .then(|| {
                            view! {
                                <p class="cp-preview__label">{tr(LaterMsg::RedactionPreview)}</p>
                                <p class="cp-preview__text">{shown.text}</p>
                            }
                        })
                }}
            </div>
        </div>
    }
}
