use std::rc::Rc;

use civic_pulse_core::abuse::{human_wait_ms, is_bot};
use civic_pulse_core::collection::Channel;
use civic_pulse_core::service::ServiceLabels;
use civic_pulse_core::{Msg, RatingV1, ScaleId, Score, ServiceId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::device::{fresh_rating_id, today};
use super::rating_group::RatingGroup;
use super::second_part::{Arrival, RatingDetails, Turn, second_part_slot, use_second_part};
use crate::delivery::{Courier, Delivery, sleep};
use crate::i18n::{tr, use_lang};
use crate::ui::{focus_when_mounted, unique_id};

/// What the send button has done so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SendState {
    Idle,
    NoAnswerChosen,
    Sending,
    /// The rating did not reach the receiver or the queue; the form keeps everything.
    NotTaken(Delivery),
}

/// Screen 2: the question, the answers and the send button.
#[component]
pub fn RatingScreen(
    service: ServiceId,
    /// Names of the portal's own services.
    labels: ServiceLabels,
    scale: ScaleId,
    /// How the rating is being collected (the widget's mode).
    channel: Channel,
    courier: StoredValue<Rc<Courier>, LocalStorage>,
    /// A send sooner than this after the screen appeared waits (see `civic_pulse_core::abuse`).
    min_time_ms: u32,
    focus_heading: bool,
    /// The rating was sent or saved on the device: time for the confirmation.
    on_done: Callback<(RatingV1, Delivery)>,
    /// It was not taken: refused, queue full, or neither sent nor storable.
    on_not_taken: Callback<(RatingV1, Delivery)>,
) -> impl IntoView {
    let lang = use_lang();
    let second_part = use_second_part(Turn::Last);
    let selected = RwSignal::new(None::<Score>);
    let aspects = RwSignal::new(Vec::<&'static str>::new());
    let comment = RwSignal::new(String::new());
    let honeypot = RwSignal::new(String::new());
    let shown_ms = js_sys::Date::now();
    // The chips on offer follow the score; ticks from another set of chips no longer apply.
    let chips = Memo::new(move |_| selected.get().and_then(|score| scale.aspects_for(score)));
    Effect::new(move |previous: Option<Option<Msg>>| {
        let question = chips.get().map(|(question, _)| question);
        if previous.is_some_and(|before| before != question) {
            aspects.set(Vec::new());
        }
        question
    });
    let state = RwSignal::new(SendState::Idle);
    let heading = NodeRef::<leptos::html::H3>::new();
    focus_when_mounted(heading, focus_heading);
    let error_id = unique_id("cp-rating-error");
    let error_shown = {
        let error_id = error_id.clone();
        Signal::derive(move || (state.get() == SendState::NoAnswerChosen).then(|| error_id.clone()))
    };
    // Memos, so the error and the comment box are built when they appear, not again at every
    // change of state or score (a rebuilt comment box would lose the resident's focus).
    let error_visible = Memo::new(move |_| state.get() == SendState::NoAnswerChosen);
    let rated = Memo::new(move |_| selected.get().is_some());
    let service_name = {
        let service = service.clone();
        move || labels.label(&service, lang.get())
    };
    let service = StoredValue::new(service);
    let honeypot_id = unique_id("cp-website");

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if state.get_untracked() == SendState::Sending {
            return;
        }
        let Some(score) = selected.get_untracked() else {
            state.set(SendState::NoAnswerChosen);
            return;
        };
        let (Some(id), Some(day)) = (fresh_rating_id(), today()) else {
            state.set(SendState::NotTaken(Delivery::Failed));
            return;
        };
        let rating =
            RatingV1::new(id, &service.get_value(), scale, score, lang.get_untracked(), day).with_channel(channel);
        // The comment is redacted here, on the device, before the rating is stored or sent. Chips
        // and comment come with the second part; without it there are none to add.
        let rating = match second_part.get_untracked() {
            Arrival::Here(part) => (part.add_details)(rating, &aspects.get_untracked(), &comment.get_untracked()),
            Arrival::Pending | Arrival::Missing => rating,
        };
        let bot = is_bot(&honeypot.get_untracked());
        state.set(SendState::Sending);
        let courier = courier.get_value();
        spawn_local(async move {
            let wait = human_wait_ms(shown_ms, js_sys::Date::now(), min_time_ms);
            if wait > 0 {
                let _ = wasm_bindgen_futures::JsFuture::from(sleep(wait)).await;
            }
            // A bot is thanked like anyone else, so it learns nothing, but its rating goes nowhere.
            let delivery = if bot { Delivery::Sent } else { courier.submit(&rating).await };
            match delivery {
                Delivery::Sent | Delivery::Saved { .. } => on_done.run((rating, delivery)),
                refused => {
                    state.set(SendState::NotTaken(refused));
                    on_not_taken.run((rating, refused));
                }
            }
        });
    };
    selected_clears_error(selected, state);

    view! {
        <form class="cp-screen" novalidate on:submit=submit>
            <h3 class="cp-screen__heading" tabindex="-1" node_ref=heading>{service_name}</h3>
            {move || {
                error_visible.get().then(|| {
                    view! {
                        <p class="cp-error" id=error_id.clone()>
                            <span class="cp-visually-hidden">{tr(Msg::ErrorPrefix)}" "</span>
                            {tr(Msg::ChooseRatingFirst)}
                        </p>
                    }
                })
            }}
            <RatingGroup scale=scale selected=selected error_id=error_shown />
            {second_part_slot(
                Turn::Last,
                move |part| (part.rating_details)(RatingDetails { chips, ticked: aspects, comment, rated }),
                Some(Msg::CommentMissing),
            )}
            // A field people never see or reach; bots that fill every input give themselves away.
            <div class="cp-honeypot" aria-hidden="true">
                <label for=honeypot_id.clone()>{tr(Msg::HoneypotLabel)}</label>
                <input
                    id=honeypot_id
                    type="text"
                    name="website"
                    tabindex="-1"
                    autocomplete="off"
                    on:input=move |event| honeypot.set(event_target_value(&event))
                />
            </div>
            <button type="submit" class="cp-button cp-button--primary" aria-disabled=move || (state.get() == SendState::Sending).then_some("true")>
                {move || if state.get() == SendState::Sending { tr(Msg::Sending)() } else { tr(Msg::Send)() }}
            </button>
            <p class="cp-status" role="status">
                {move || match state.get() {
                    SendState::NotTaken(delivery) => Some(not_taken_text(delivery, lang.get())),
                    _ => None,
                }}
            </p>
        </form>
    }
}

/// Once an answer is chosen, the "choose an answer" error no longer applies.
fn selected_clears_error(selected: RwSignal<Option<Score>>, state: RwSignal<SendState>) {
    Effect::new(move |_| {
        if selected.get().is_some() && state.get_untracked() == SendState::NoAnswerChosen {
            state.set(SendState::Idle);
        }
    });
}

/// Says plainly why the rating was not taken and what the resident can do.
fn not_taken_text(delivery: Delivery, lang: civic_pulse_core::Lang) -> String {
    match delivery {
        Delivery::Rejected { status } => lang.format(Msg::SendRejected, &[("status", &status.to_string())]),
        Delivery::QueueFull { waiting } => lang.format(Msg::QueueFull, &[("count", &waiting.to_string())]),
        _ => lang.text(Msg::SendFailed).to_owned(),
    }
}
