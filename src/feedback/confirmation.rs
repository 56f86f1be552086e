use civic_pulse_core::delivery::Trouble;
use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::{Lang, Msg};
use leptos::either::Either;
use leptos::prelude::*;

use super::rate_another::RateAnother;
use super::second_part::{Turn, second_part_slot};
use crate::delivery::Delivery;
use crate::i18n::{tr, use_lang};
use crate::ui::focus_when_mounted;

/// The last screen: the outcome in words (sent, or saved on this device to be sent later), a bad
/// review's receipt code (from the second part), and a way to rate another service. Focus moves
/// to the heading, which is what makes screen readers announce the outcome.
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
    // The code comes with the second part: the outcome above it is what the first part must say.
    let receipt_view = receipt.map(|receipt| {
        second_part_slot(
            Turn::Last,
            move |part| (part.receipt_note)(receipt.clone(), receipt_page.clone()),
            Some(Msg::ReceiptMissing),
        )
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
