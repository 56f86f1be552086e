use civic_pulse_core::delivery::Trouble;
use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::{Lang, Msg};
use leptos::either::Either;
use leptos::prelude::*;

use super::rate_another::RateAnother;
use crate::delivery::Delivery;
use crate::i18n::{tr, use_lang};
use crate::ui::focus_when_mounted;

/// The last screen: the outcome in words (sent, or saved on this device to be sent later), and a
/// way to rate another service. Focus moves to the heading, which is what makes screen readers
/// announce the outcome.
#[component]
pub fn Confirmation(
    delivery: Delivery,
    /// The receiver's receipt code for a bad review, if it gave one.
    receipt: Option<Receipt>,
    /// Where the resident looks a code up, if the portal has such a page.
    receipt_page: Option<String>,
    offer_another: bool,
    on_another: Callback<()>,
    /// On a shared device: the way to the next person, in place of "rate another".
    next_person: Option<Callback<()>>,
) -> impl IntoView {
    let lang = use_lang();
    let receipt_view = receipt.map(|receipt| {
        let code = receipt.as_str().to_owned();
        // The code is shown as it is written, and said to screen readers one character at a
        // time (the same sentence, hidden from view). Two texts cost less in the first part than
        // splitting the sentence.
        let spelled = receipt.spelled_out();
        let note = move |code: &str| lang.get().format(Msg::ReceiptNote, &[("code", code)]);
        // The page speaks the language the resident rated in (it has its own language links).
        let link = receipt_page.map(|page| {
            let separator = if page.contains('?') { '&' } else { '?' };
            let href = format!("{page}{separator}code={code}&lang={}", lang.get_untracked().tag());
            view! {
                <a class="cp-receipt__link" href=href target="_blank" rel="noopener">
                    {tr(Msg::ReceiptLink)}
                </a>
            }
        });
        view! {
            <p class="cp-receipt" aria-hidden="true">{move || note(receipt.as_str())}</p>
            <p class="cp-visually-hidden">{move || note(&spelled)}</p>
            {link}
        }
    });
    let heading = NodeRef::<leptos::html::H3>::new();
    focus_when_mounted(heading, true);
    view! {
        <div class="cp-screen cp-screen--done">
            <h3 class="cp-screen__heading" tabindex="-1" node_ref=heading>{move || outcome_text(delivery, lang.get())}</h3>
            {receipt_view}
            {match next_person {
                Some(next) => Either::Left(view! {
                    <p>{tr(Msg::NextPersonSoon)}</p>
                    <button type="button" class="cp-button" on:click=move |_| next.run(())>{tr(Msg::NextPerson)}</button>
                }),
                None => Either::Right(view! { <RateAnother offered=offer_another on_another=on_another /> }),
            }}
        </div>
    }
}

/// Where the rating is, in words: sent; or saved on this phone, and why it was not sent now. Only
/// an offline phone is told "when you are online": otherwise the trouble is the service's.
fn outcome_text(delivery: Delivery, lang: Lang) -> String {
    match delivery {
        Delivery::Saved { trouble: Some(Trouble::Offline) } => lang.text(Msg::SavedOffline).to_owned(),
        Delivery::Saved { trouble: Some(trouble) } => {
            format!("{} {}", lang.text(Msg::SavedOnPhone), trouble.explain(lang))
        }
        Delivery::Saved { trouble: None } => lang.text(Msg::SavedSendingSoon).to_owned(),
        _ => lang.text(Msg::Sent).to_owned(),
    }
}
