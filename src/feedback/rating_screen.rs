use civic_pulse_core::delivery::Outcome;
use civic_pulse_core::service::ServiceLabels;
use civic_pulse_core::{Msg, RatingV1, ScaleId, Score, ServiceId};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::aspect_chips::AspectChips;
use super::comment_box::CommentBox;
use super::device::{fresh_rating_id, today};
use super::flow::FeedbackEvent;
use super::rating_group::RatingGroup;
use super::transport::post_rating;
use crate::i18n::{tr, use_lang};
use crate::ui::{focus_when_mounted, unique_id};

/// What the send button has done so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SendState {
    Idle,
    NoAnswerChosen,
    Sending,
    Failed,
}

/// Screen 2: the question, the answers and the send button.
#[component]
pub fn RatingScreen(
    service: ServiceId,
    /// Names of the portal's own services.
    labels: ServiceLabels,
    scale: ScaleId,
    endpoint: String,
    focus_heading: bool,
    on_sent: Callback<RatingV1>,
    on_failed: Callback<FeedbackEvent>,
) -> impl IntoView {
    let lang = use_lang();
    let selected = RwSignal::new(None::<Score>);
    let aspects = RwSignal::new(Vec::<&'static str>::new());
    let comment = RwSignal::new(String::new());
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
    let service_name = {
        let service = service.clone();
        move || labels.label(&service, lang.get())
    };
    let endpoint = StoredValue::new(endpoint);
    let service = StoredValue::new(service);

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
            state.set(SendState::Failed);
            return;
        };
        // The comment is redacted here, on the device, before the rating is stored or sent.
        let rating = RatingV1::new(id, &service.get_value(), scale, score, lang.get_untracked(), day)
            .with_details(&aspects.get_untracked(), &comment.get_untracked());
        state.set(SendState::Sending);
        spawn_local(async move {
            match post_rating(endpoint.get_value().as_str(), &rating).await {
                Outcome::Delivered => on_sent.run(rating),
                failed => {
                    state.set(SendState::Failed);
                    let reason = match failed {
                        Outcome::Rejected { status } => format!("rejected-{status}"),
                        _ => "retry-later".to_owned(),
                    };
                    on_failed.run(FeedbackEvent::Error { id: rating.id.clone(), reason });
                }
            }
        });
    };
    selected_clears_error(selected, state);

    view! {
        <form class="cp-screen" novalidate on:submit=submit>
            <h3 class="cp-screen__heading" tabindex="-1" node_ref=heading>{service_name}</h3>
            <Show when=move || error_shown.get().is_some()>
                <p class="cp-error" id=error_id.clone()>
                    <span class="cp-visually-hidden">{tr(Msg::ErrorPrefix)}" "</span>
                    {tr(Msg::ChooseRatingFirst)}
                </p>
            </Show>
            <RatingGroup scale=scale selected=selected error_id=error_shown />
            {move || {
                chips.get().map(|(question, offered)| view! { <AspectChips question=question aspects=offered chosen=aspects /> })
            }}
            <Show when=move || selected.get().is_some()>
                <CommentBox text=comment />
            </Show>
            <button type="submit" class="cp-button cp-button--primary" aria-disabled=move || (state.get() == SendState::Sending).then_some("true")>
                {move || if state.get() == SendState::Sending { tr(Msg::Sending)() } else { tr(Msg::Send)() }}
            </button>
            <p class="cp-status" role="status">
                {move || (state.get() == SendState::Failed).then(tr(Msg::SendFailed))}
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
