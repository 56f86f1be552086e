use civic_pulse_core::ReceiptMsg;
use civic_pulse_core::follow_up::resident_words;
use leptos::prelude::*;

use super::lookup::Lookup;
use super::receipt_app::{Asked, ReceiptState};
use crate::i18n::{tr, use_lang};

/// Where the lookup stands, in words: checking, not a code, not found, unavailable, or the case's
/// status with the code (spelled out for screen readers) and the public reply.
#[component]
pub fn StatusLine() -> impl IntoView {
    let lang = use_lang();
    let state = ReceiptState::get();
    let line = move || {
        let lang = lang.get();
        let text = |msg| view! { <p>{lang.text(msg)}</p> }.into_any();
        match (state.asked.get(), state.lookup.get()) {
            (None, _) => ().into_any(),
            (Some(Asked::NotACode), _) => text(ReceiptMsg::BadCode),
            (Some(Asked::Code(_)), None) => text(ReceiptMsg::Checking),
            (Some(Asked::Code(_)), Some(Lookup::NotFound)) => text(ReceiptMsg::NotFound),
            (Some(Asked::Code(_)), Some(Lookup::Unavailable)) => text(ReceiptMsg::Unavailable),
            (Some(Asked::Code(code)), Some(Lookup::Found(status))) => {
                let words = resident_words(lang, &status.status, "");
                let said = |code: &str| lang.format(ReceiptMsg::Status, &[("code", code), ("status", &words)]);
                // Shown as written; said one character at a time (the same sentence, unseen).
                view! {
                    <p aria-hidden="true">{said(code.as_str())}</p>
                    <p class="cp-visually-hidden">{said(&code.spelled_out())}</p>
                    {status.reply.map(|reply| view! { <blockquote>{reply}</blockquote> })}
                }
                .into_any()
            }
        }
    };
    view! {
        {line}
        <Show when=move || state.send_failed.get()>
            <p class="rc-problem">{tr(ReceiptMsg::SendFailed)}</p>
        </Show>
    }
}
