use civic_pulse_core::ReceiptMsg;
use leptos::prelude::*;

use super::receipt_app::{Asked, ReceiptState};
use crate::i18n::{tr, use_lang};

/// The code field and "Check". A code that cannot be one is said at once, never sent, and the
/// focus goes back to the field.
#[component]
pub fn LookupForm(
    /// The code the page was opened with, if any.
    initial: String,
) -> impl IntoView {
    let lang = use_lang();
    let state = ReceiptState::get();
    let field = NodeRef::<leptos::html::Input>::new();
    let check = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(input) = field.get() else { return };
        let asked = Asked::from_text(&input.value());
        if asked == Asked::NotACode {
            let _ = input.focus();
        }
        state.ask(asked);
    };
    let hint = move || lang.get().format(ReceiptMsg::Example, &[("code", "7KQ2M9XD")]);
    view! {
        <form class="rc-form" novalidate on:submit=check>
            <label for="code">{tr(ReceiptMsg::Label)}</label>
            <input
                id="code"
                name="code"
                node_ref=field
                value=initial
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                maxlength="12"
                aria-describedby="code-hint"
            />
            <p id="code-hint" class="rc-hint">{hint}</p>
            <button type="submit">{tr(ReceiptMsg::Check)}</button>
        </form>
    }
}
