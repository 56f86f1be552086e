use civic_pulse_core::Msg;
use leptos::prelude::*;

use crate::delivery::Delivery;
use crate::i18n::tr;
use crate::ui::focus_when_mounted;

/// The last screen: the outcome in words (sent, or saved on this device to be sent later), and a
/// way to rate another service. Focus moves to the heading, which is what makes screen readers
/// announce the outcome.
#[component]
pub fn Confirmation(delivery: Delivery, offer_another: bool, on_another: Callback<()>) -> impl IntoView {
    let outcome = if delivery == Delivery::Saved { Msg::SavedOffline } else { Msg::Sent };
    let heading = NodeRef::<leptos::html::H3>::new();
    focus_when_mounted(heading, true);
    view! {
        <div class="cp-screen cp-screen--done">
            <h3 class="cp-screen__heading" tabindex="-1" node_ref=heading>{tr(outcome)}</h3>
            <Show when=move || offer_another>
                <button type="button" class="cp-button" on:click=move |_| on_another.run(())>
                    {tr(Msg::RateAnother)}
                </button>
            </Show>
        </div>
    }
}
