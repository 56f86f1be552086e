use civic_pulse_core::StaffMsg;
use leptos::prelude::*;

use super::session::Session;
use crate::i18n::{tr, use_lang};

/// The staff token: pasted or filled by a password manager (no test to pass, WCAG 3.3.8), with
/// what went wrong last time said where staff are looking.
#[component]
pub fn TokenForm() -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let typed = RwSignal::new(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    // Back to the field when the token is refused, so it can be typed again at once.
    Effect::new(move |_| {
        if session.problem.get().is_some_and(|p| p.needs_token())
            && let Some(field) = input.get()
        {
            let _ = field.focus();
        }
    });
    view! {
        <form
            class="st-form st-sign-in"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                let token = typed.get_untracked().trim().to_owned();
                if !token.is_empty() {
                    session.enter(token);
                }
            }
        >
            <label for="staff-token">{tr(StaffMsg::TokenLabel)}</label>
            <input
                id="staff-token"
                node_ref=input
                type="password"
                autocomplete="current-password"
                aria-describedby="staff-token-hint"
                prop:value=move || typed.get()
                on:input=move |event| typed.set(event_target_value(&event))
            />
            <p id="staff-token-hint" class="st-hint">{tr(StaffMsg::TokenHint)}</p>
            <button type="submit">{tr(StaffMsg::Open)}</button>
            <p class="st-problem" role="alert">
                {move || session.problem.get().map(|problem| problem.text(lang.get()))}
            </p>
        </form>
    }
}
