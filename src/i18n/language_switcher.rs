use civic_pulse_core::Lang;
use leptos::prelude::*;

use super::use_lang;

/// One button per shipped language, each labelled in its own language (and marked with its own
/// `lang`, so a screen reader pronounces it correctly).
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="cp-toggle-group" role="group" aria-label="Language / 语言 / 語言">
            {Lang::all()
                .map(|option| {
                    view! {
                        <button
                            type="button"
                            class="cp-toggle"
                            lang=option.tag()
                            aria-pressed=move || (lang.get() == option).to_string()
                            on:click=move |_| lang.set(option)
                        >
                            {option.name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
