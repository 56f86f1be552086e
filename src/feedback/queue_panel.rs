use std::rc::Rc;

use civic_pulse_core::LaterMsg;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::delivery::{QueueCounts, QueueFlusher};
use crate::i18n::{tr, use_lang};

/// What waits on this device for the endpoint and why, with "send now", "try again" for what was
/// set aside after repeated server errors, and "discard" (which asks first, because discarded
/// ratings are gone). Hidden while nothing waits; says so once all are sent.
#[component]
pub fn QueuePanel(
    flusher: StoredValue<Rc<QueueFlusher>, LocalStorage>,
    counts: ReadSignal<QueueCounts>,
) -> impl IntoView {
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    // "All sent" is said only once something was waiting in this widget's lifetime, or it sent
    // ratings left by an earlier visit.
    let had_waiting =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || counts.get().queue.waiting > 0);
    // "Send now" sends what waits; "Try again" also what was set aside after server errors.
    let flush = move |set_aside_too: bool| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let flusher = flusher.get_value();
        spawn_local(async move {
            if set_aside_too {
                flusher.send_everything().await
            } else {
                flusher.send_waiting().await
            }
            busy.try_set(false);
        });
    };
    // One of the two flush buttons, shown only while it has something to send.
    let flush_button = move |label: LaterMsg, set_aside_too: bool| {
        let nothing_to_send = move || {
            let now = counts.get().queue;
            if set_aside_too { now.set_aside == 0 } else { now.waiting == 0 }
        };
        view! {
            <button
                type="button"
                class="cp-button"
                hidden=nothing_to_send
                aria-disabled=move || busy.get().then_some("true")
                on:click=move |_| flush(set_aside_too)
            >
                {tr(label)}
            </button>
        }
    };
    let discard = move |_| {
        confirming.set(false);
        let flusher = flusher.get_value();
        spawn_local(async move { flusher.discard().await });
    };
    let count_text = move |msg: LaterMsg, count: usize| lang.get().format(msg, &[("count", &count.to_string())]);
    // Memos, so the box and its buttons are rebuilt only when they appear or change, not at
    // every count update (a rebuilt button would lose keyboard focus).
    let something_waits = Memo::new(move |_| counts.get().queue.holds_anything());
    let asking = Memo::new(move |_| confirming.get());
    let queue_actions = move || {
        view! {
            <div class="cp-queue__actions">
                {flush_button(LaterMsg::SendNow, false)}
                {flush_button(LaterMsg::TryAgain, true)}
                <button type="button" class="cp-button" on:click=move |_| confirming.set(true)>
                    {tr(LaterMsg::Discard)}
                </button>
            </div>
        }
    };
    // The question is said in the status region; its answers sit outside it, so a screen reader
    // announces what changed, not the names of the buttons.
    let discard_question = move || {
        view! {
            <p class="cp-queue__line">
                {move || {
                    let now = counts.get().queue;
                    count_text(LaterMsg::DiscardConfirm, now.waiting + now.refused + now.set_aside)
                }}
            </p>
        }
    };
    let discard_answers = move || {
        view! {
            <div class="cp-queue__actions">
                <button type="button" class="cp-button" on:click=discard>{tr(LaterMsg::DiscardYes)}</button>
                <button type="button" class="cp-button" on:click=move |_| confirming.set(false)>
                    {tr(LaterMsg::DiscardNo)}
                </button>
            </div>
        }
    };

    view! {
        // The class attribute set whole: `class:` toggling would bring classList into the bundle.
        <div class=move || if something_waits.get() { "cp-queue cp-queue__box" } else { "cp-queue" }>
            // Always in the page, so what appears in it is announced; only words, never buttons.
            <div role="status">
                {move || {
                    let now = counts.get();
                    // Never "all sent" while a rating refused or set aside is still on the device.
                    (!now.queue.holds_anything() && (had_waiting.get() || now.sent_later > 0))
                        .then(|| view! { <p class="cp-queue__line">{tr(LaterMsg::QueueAllSent)}</p> })
                }}
                {move || {
                    something_waits.get().then(|| {
                        view! {
                            <p class="cp-queue__line" hidden=move || counts.get().queue.waiting == 0>
                                {move || count_text(LaterMsg::QueueWaiting, counts.get().queue.waiting)}
                            </p>
                            <p class="cp-queue__line" hidden=move || counts.with(|now| now.queue.waiting == 0 || now.queue.trouble.is_none())>
                                {move || counts.get().queue.trouble.map(|trouble| trouble.explain(lang.get()))}
                            </p>
                            <p class="cp-queue__line" hidden=move || counts.get().queue.refused == 0>
                                {move || count_text(LaterMsg::QueueRefused, counts.get().queue.refused)}
                            </p>
                            <p class="cp-queue__line" hidden=move || counts.get().queue.set_aside == 0>
                                {move || {
                                    let now = counts.get().queue;
                                    lang.get()
                                        .format(
                                            LaterMsg::QueueSetAside,
                                            &[
                                                ("count", &now.set_aside.to_string()),
                                                ("status", &now.set_aside_status.unwrap_or_default().to_string()),
                                            ],
                                        )
                                }}
                            </p>
                            {move || asking.get().then(discard_question)}
                        }
                    })
                }}
            </div>
            {move || {
                something_waits
                    .get()
                    .then(|| if asking.get() { Either::Left(discard_answers()) } else { Either::Right(queue_actions()) })
            }}
        </div>
    }
}
