//! The current language as reactive context, so every component follows the switcher.

mod language_switcher;

pub use language_switcher::LanguageSwitcher;

use civic_pulse_core::{Lang, Message};
use leptos::prelude::*;

/// Puts the current language in context for every component below.
pub fn provide_lang(initial: Lang) -> RwSignal<Lang> {
    let lang = RwSignal::new(initial);
    provide_context(lang);
    lang
}

/// The current language; falls back to English if a component is used outside a widget.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::fallback()))
}

/// A reactive text: re-reads the message whenever the language changes.
pub fn tr<M: Message + Send + Sync>(msg: M) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().text(msg)
}

/// The languages the browser prefers, most preferred first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|window| window.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}
