use civic_pulse_core::ReceiptMsg;
use civic_pulse_core::follow_up::resident_words;
use leptos::either::Either;
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
        let said = |msg| Some(Either::Left(view! { <p>{lang.text(msg)}</p> }));
        match (state.asked.get()?, state.lookup.get()) {
            (Asked::NotACode, _) => said(ReceiptMsg::BadCode),
            (Asked::Code(_), None) => said(ReceiptMsg::Checking),
            (Asked::Code(_), Some(Lookup::NotFound)) => said(ReceiptMsg::NotFound),
            (Asked::Code(_), Some(Lookup::Unavailable)) => said(ReceiptMsg::Unavailable),
            (Asked::Code(code), Some(Lookup::Found(status))) => {
                let words = resident_words(lang, &status.status, "");
                let line = |code: &str| lang.format(ReceiptMsg::Status, &[("code", code), ("status", &words)]);
                // Shown as written; said one character at a time (the same sentence, unseen).
                Some(Either::Right(view! {
                    <p aria-hidden="true">{line(code.as_str())}</p>
                    <p class="cp-visually-hidden">{line(&code.spelled_out())}</p>
                    {status.reply.map(|reply| view! { <blockquote>{reply}</blockquote> })}
                }))
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
