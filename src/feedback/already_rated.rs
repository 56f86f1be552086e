use civic_pulse_core::Msg;
use leptos::prelude::*;

use super::rate_another::RateAnother;
use crate::i18n::use_lang;
use crate::ui::focus_when_mounted;

/// In place of the rating form while the service's cooldown lasts on this device: says so, and
/// when it can be rated again, in the resident's language and calendar.
#[component]
pub fn AlreadyRated(
    service_name: Signal<String>,
    /// End of the cooldown, in ms since the epoch.
    until_ms: u64,
    focus_heading: bool,
    offer_another: bool,
    on_another: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let heading = NodeRef::<leptos::html::H3>::new();
    focus_when_mounted(heading, focus_heading);
    let when = move || {
        let date = js_sys::Date::new(&(until_ms as f64).into());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
        String::from(date.to_locale_string(lang.get().tag(), &options))
    };
    view! {
        <div class="cp-screen">
            <h3 class="cp-screen__heading" tabindex="-1" node_ref=heading>{move || service_name.get()}</h3>
            <p>{move || lang.get().format(Msg::AlreadyRated, &[("time", &when())])}</p>
            <RateAnother offered=offer_another on_another=on_another />
        </div>
    }
}
