use civic_pulse_core::SelfcheckMsg;
use js_sys::Reflect;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::use_lang;

/// Says whether the page is kept for offline use (its service worker, registered by the loader,
/// is active) and when the network is gone, that everything still works.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let lang = use_lang();
    let ready = RwSignal::new(false);
    let online = RwSignal::new(window().navigator().on_line());
    let on_online = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let on_offline = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on_online.remove();
        on_offline.remove();
    });
    // `navigator.serviceWorker.ready`, through Reflect: absent in browsers without service workers.
    let container =
        Reflect::get(&window().navigator(), &JsValue::from_str("serviceWorker")).ok().filter(|c| !c.is_undefined());
    if let Some(promise) = container
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("ready")).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    {
        spawn_local(async move {
            if JsFuture::from(promise).await.is_ok() {
                ready.set(true);
            }
        });
    }
    view! {
        <p class="sc-offline" role="status" data-testid="offline-status">
            {move || match (online.get(), ready.get()) {
                (false, _) => Some(lang.get().text(SelfcheckMsg::OfflineNow)),
                (true, true) => Some(lang.get().text(SelfcheckMsg::OfflineReady)),
                (true, false) => None,
            }}
        </p>
    }
}
