use civic_pulse_core::LaterMsg;
use civic_pulse_core::receipt::Receipt;
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// A bad review's receipt code on the confirmation: shown as it is written, said to screen
/// readers one character at a time, and the way to the portal's receipt page where it has one.
#[component]
pub fn ReceiptNote(
    receipt: Receipt,
    /// Where the resident looks a code up, if the portal has such a page.
    receipt_page: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let code = receipt.as_str().to_owned();
    // The same sentence twice, one of them hidden from view: two texts cost fewer bytes than
    // splitting the sentence around the code.
    let spelled = receipt.spelled_out();
    let note = move |code: &str| lang.get().format(LaterMsg::ReceiptNote, &[("code", code)]);
    // The page speaks the language the resident rated in (it has its own language links).
    let link = receipt_page.map(|page| {
        let separator = if page.contains('?') { '&' } else { '?' };
        let href = format!("{page}{separator}code={code}&lang={}", lang.get_untracked().tag());
        view! {
            <a class="cp-receipt__link" href=href target="_blank" rel="noopener">
                {tr(LaterMsg::ReceiptLink)}
            </a>
        }
    });
    view! {
        <p class="cp-receipt" aria-hidden="true">{move || note(receipt.as_str())}</p>
        <p class="cp-visually-hidden">{move || note(&spelled)}</p>
        {link}
    }
}
