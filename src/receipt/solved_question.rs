use civic_pulse_core::ReceiptMsg;
use civic_pulse_core::receipt::Receipt;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::lookup::answer_solved;
use super::receipt_app::ReceiptState;
use crate::i18n::tr;

/// "Was your problem solved?" after an answer, once: yes confirms the case, no reopens it with
/// its deadline running again. Either way the page looks the case up again.
#[component]
pub fn SolvedQuestion(code: Receipt) -> impl IntoView {
    let state = ReceiptState::get();
    let sending = RwSignal::new(false);
    let answer = move |solved: bool| {
        let code = code.clone();
        sending.set(true);
        spawn_local(async move {
            match answer_solved(&code, solved).await {
                // The buttons stay disabled until the new answer takes the question away.
                Ok(()) => state.refresh(),
                Err(_) => {
                    state.send_failed.set(true);
                    sending.set(false);
                }
            }
        });
    };
    let answer_no = answer.clone();
    view! {
        <div class="rc-solved" role="group" aria-labelledby="solved-question">
            <p id="solved-question">{tr(ReceiptMsg::SolvedQuestion)}</p>
            <button type="button" disabled=move || sending.get() on:click=move |_| answer(true)>
                {tr(ReceiptMsg::SolvedYes)}
            </button>
            <button type="button" disabled=move || sending.get() on:click=move |_| answer_no(false)>
                {tr(ReceiptMsg::SolvedNo)}
            </button>
        </div>
    }
}
