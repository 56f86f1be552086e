use civic_pulse_core::collector_api::InboxItem;
use civic_pulse_core::follow_up::{FollowUp, TRANSFERRED};
use civic_pulse_core::scale::ScaleId;
use civic_pulse_core::{RatingV1, StaffMsg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::collector;
use super::session::Session;
use crate::i18n::{tr, use_lang};

/// What an item shows beside the case itself, from the page around it: names in the staff
/// member's language (following the switcher) and how the collector counts deadlines.
#[derive(Clone, Copy)]
pub struct ItemContext {
    pub service_name: Signal<String>,
    /// The name of a department, by id.
    pub department_name: Callback<String, String>,
    /// The departments a case may be passed to, by id.
    pub departments: Signal<Vec<String>>,
    /// `working` when the close deadline counts working days.
    pub working_days: bool,
    pub close_days: i64,
}

/// One bad review: the service by name, the score and the ticked chips in words, the comment,
/// its age against the deadline and its timeline; status and public reply saved in place, and a
/// transfer to another department where the city has them.
#[component]
pub fn InboxItemView(item: InboxItem, context: ItemContext) -> impl IntoView {
    let lang = use_lang();
    let heading_id = format!("case-{}", item.receipt);
    let labelled_by = heading_id.clone();
    let urgency = item.urgency;
    let scale = ScaleId::parse(&item.scale);
    let score = item.score;
    let score_words = move || {
        let lang = lang.get();
        let words =
            scale.and_then(|s| s.label_of(score)).map_or_else(|| score.to_string(), |m| lang.text(m).to_owned());
        lang.format(StaffMsg::ItemScore, &[("score", &words)])
    };
    let aspects = item.aspects.clone();
    let aspect_words = move || {
        let lang = lang.get();
        let words: Vec<String> = aspects
            .iter()
            .map(|id| ScaleId::aspect_label(id).map_or_else(|| id.clone(), |m| lang.text(m).to_owned()))
            .collect();
        lang.format(StaffMsg::ItemAspects, &[("aspects", &words.join(", "))])
    };
    let (days_open, close_days, working) = (item.days_open, context.close_days, context.working_days);
    let age = move || {
        let message = if working { StaffMsg::ItemAgeWorking } else { StaffMsg::ItemAgeCalendar };
        lang.get().format(message, &[("days", &days_open.to_string()), ("limit", &close_days.to_string())])
    };
    let receipt = item.receipt.clone();
    let code_line = move || lang.get().format(StaffMsg::ItemReceipt, &[("code", &receipt)]);
    let day = item.day.clone();
    let heading =
        move || lang.get().format(StaffMsg::ItemHeading, &[("service", &context.service_name.get()), ("day", &day)]);
    let department = item.department.clone().map(|id| {
        move || lang.get().format(StaffMsg::ItemDepartment, &[("department", &context.department_name.run(id.clone()))])
    });
    let timeline = item.timeline.clone();
    let timeline_view = move || {
        let lang = lang.get();
        timeline
            .iter()
            .map(|event| {
                let what = if event.kind == TRANSFERRED {
                    let to = event.department.clone().map(|d| context.department_name.run(d)).unwrap_or_default();
                    let why = event.reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
                    format!("{} → {to}{why}", lang.text(StaffMsg::EventTransferred))
                } else {
                    FollowUp::parse(&event.kind)
                        .map_or_else(|| event.kind.clone(), |s| lang.text(s.staff_msg()).to_owned())
                };
                view! { <li><time>{event.at.replace('T', " ")}</time>" "{what}</li> }
            })
            .collect_view()
    };
    view! {
        <li class=format!("st-case st-case--{}", urgency.code())>
            <article aria-labelledby=labelled_by>
                <h3 id=heading_id tabindex="-1">{heading}</h3>
                <p class="st-case__meta">
                    <span class=format!("st-urgency st-urgency--{}", urgency.code())>{tr(urgency.staff_msg())}</span>
                    " · "{age}" · "{code_line}
                </p>
                <p>{score_words}</p>
                {(!item.aspects.is_empty()).then(|| view! { <p>{aspect_words}</p> })}
                {department.map(|text| view! { <p>{text}</p> })}
                {item.comment.clone().map(|comment| view! { <blockquote lang=item.lang.clone()>{comment}</blockquote> })}
                <ol class="st-case__timeline" aria-label=tr(StaffMsg::ItemTimeline)>{timeline_view}</ol>
                <StatusForm receipt=item.receipt.clone() status=item.status.clone() reply=item.reply.clone() />
                <TransferForm receipt=item.receipt.clone() current=item.department.clone() context=context />
            </article>
        </li>
    }
}

/// The case's status and its public reply, saved without a reload.
#[component]
fn StatusForm(receipt: String, status: String, reply: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let session = Session::get();
    let chosen = RwSignal::new(status.clone());
    let text = RwSignal::new(reply.unwrap_or_default());
    let said = RwSignal::new(None::<Result<(), String>>);
    let saving = RwSignal::new(false);
    let status_id = format!("status-{receipt}");
    let reply_id = format!("reply-{receipt}");
    // What staff may set, and the case's own status where only the resident sets it.
    let options: Vec<FollowUp> =
        FollowUp::ALL.into_iter().filter(|s| s.staff_may_set() || s.code() == status).collect();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let path = format!("v1/staff/receipts/{receipt}");
        let reply = text.get_untracked().trim().to_owned();
        // No reply field clears the public reply.
        let body = if reply.is_empty() {
            serde_json::json!({ "status": chosen.get_untracked() })
        } else {
            serde_json::json!({ "status": chosen.get_untracked(), "reply": reply })
        };
        saving.set(true);
        said.set(None);
        spawn_local(async move {
            let answer = collector::post_json::<_, serde_json::Value>(session, &path, &body).await;
            said.set(Some(answer.map(|_| ()).map_err(|e| e.text(lang.get_untracked()))));
            saving.set(false);
        });
    };
    view! {
        <form class="st-form st-case__status" on:submit=save>
            <label for=status_id.clone()>{tr(StaffMsg::ItemStatus)}</label>
            <select id=status_id on:change=move |event| chosen.set(event_target_value(&event))>
                {options
                    .into_iter()
                    .map(|option| {
                        view! {
                            <option value=option.code() selected=option.code() == status>
                                {tr(option.staff_msg())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <label for=reply_id.clone()>{tr(StaffMsg::ItemReply)}</label>
            <textarea
                id=reply_id
                rows="3"
                maxlength=RatingV1::MAX_COMMENT_CHARS.to_string()
                prop:value=move || text.get()
                on:input=move |event| text.set(event_target_value(&event))
            ></textarea>
            <button type="submit" disabled=move || saving.get()>{tr(StaffMsg::Save)}</button>
            <p class="st-said" role="status">
                {move || match said.get() {
                    _ if saving.get() => lang.get().text(StaffMsg::Saving).to_owned(),
                    Some(Ok(())) => lang.get().text(StaffMsg::Saved).to_owned(),
                    Some(Err(problem)) => problem,
                    None => String::new(),
                }}
            </p>
        </form>
    }
}

/// Passing the case to another department, with a reason the resident never sees.
#[component]
fn TransferForm(receipt: String, current: Option<String>, context: ItemContext) -> impl IntoView {
    let lang = use_lang();
    let session = Session::get();
    let others = Memo::new(move |_| {
        context.departments.get().into_iter().filter(|d| Some(d) != current.as_ref()).collect::<Vec<_>>()
    });
    let target = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let said = RwSignal::new(String::new());
    let to_id = format!("transfer-to-{receipt}");
    let reason_id = format!("transfer-reason-{receipt}");
    let send = Callback::new(move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let department = if target.get_untracked().is_empty() {
            others.get_untracked().first().cloned().unwrap_or_default()
        } else {
            target.get_untracked()
        };
        let body = serde_json::json!({ "department": department, "reason": reason.get_untracked().trim() });
        let path = format!("v1/staff/receipts/{receipt}/transfer");
        said.set(lang.get_untracked().text(StaffMsg::Transferring).to_owned());
        spawn_local(async move {
            let lang = lang.get_untracked();
            said.set(match collector::post_json::<_, serde_json::Value>(session, &path, &body).await {
                Ok(_) => {
                    lang.format(StaffMsg::Transferred, &[("department", &context.department_name.run(department))])
                }
                Err(problem) => problem.text(lang),
            });
        });
    });
    move || {
        (!others.get().is_empty()).then(|| {
            view! {
                <form class="st-form st-case__transfer" on:submit=move |event| send.run(event)>
                    <label for=to_id.clone()>{tr(StaffMsg::TransferTo)}</label>
                    <select id=to_id.clone() on:change=move |event| target.set(event_target_value(&event))>
                        {others
                            .get()
                            .into_iter()
                            .map(|id| {
                                let name = id.clone();
                                view! { <option value=id>{move || context.department_name.run(name.clone())}</option> }
                            })
                            .collect_view()}
                    </select>
                    <label for=reason_id.clone()>{tr(StaffMsg::TransferReason)}</label>
                    <input
                        id=reason_id.clone()
                        type="text"
                        maxlength="500"
                        required
                        prop:value=move || reason.get()
                        on:input=move |event| reason.set(event_target_value(&event))
                    />
                    <button type="submit">{tr(StaffMsg::Transfer)}</button>
                    <p class="st-said" role="status">{move || said.get()}</p>
                </form>
            }
        })
    }
}
