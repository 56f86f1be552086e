use civic_pulse_core::Msg;
use leptos::prelude::*;

use crate::i18n::tr;

/// "Rate another service", offered at the end of a screen when the portal lists several.
#[component]
pub fn RateAnother(offered: bool, on_another: Callback<()>) -> impl IntoView {
    offered.then(|| {
        view! {
            <button type="button" class="cp-button" on:click=move |_| on_another.run(())>
                {tr(Msg::RateAnother)}
            </button>
        }
    })
}
