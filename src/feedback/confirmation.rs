use civic_pulse_core::Msg;
use civic_pulse_core::receipt::Receipt;
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
) -> impl IntoView {
    let lang = use_lang();
    let outcome = if delivery == Delivery::Saved { Msg::SavedOffline } else { Msg::Sent };
    let receipt_view = receipt.map(|receipt| {
        let code = receipt.as_str().to_owned();
        let link = receipt_page.map(|page| {
            let separator = if page.contains('?') { '&' } else { '?' };
            view! {
                <a class="cp-receipt__link" href=format!("{page}{separator}code={code}") target="_blank" rel="noopener">
                    {tr(Msg::ReceiptLink)}
                </a>
            }
        });
        view! {
            <p class="cp-receipt">{move || lang.get().format(Msg::ReceiptNote, &[("code", receipt.as_str())])}</p>
            {link}
        }
    });
    let heading = NodeRef::<leptos::html::H3>::new();
    focus_when_mounted(heading, true);
    view! {
        <div class="cp-screen cp-screen--done">
            <h3 class="cp-screen__heading" tabindex="-1" node_ref=heading>{tr(outcome)}</h3>
            {receipt_view}
            <RateAnother offered=offer_another on_another=on_another />
        </div>
    }
}
