use civic_pulse_core::collector_api::InboxItem;
use civic_pulse_core::follow_up::{FollowUp, TRANSFERRED};
use civic_pulse_core::scale::ScaleId;
use civic_pulse_core::{Lang, RatingV1, StaffMsg};
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
/// its age against the deadline, its status, public reply and timeline. "Answer" opens the
/// forms: status and public reply saved in place, and a transfer to another department where
/// the city has them. Closed by default, so a page of 50 cases is 50 tab stops, not 200, and
/// renders in a fraction of the time (the forms were a third of it; BENCHMARKS.md).
#[component]
pub fn InboxItemView(item: InboxItem, context: ItemContext) -> impl IntoView {
    let lang = use_lang();
    let answer = Answer::new(&item);
    let open = RwSignal::new(false);
    let class = format!("st-case st-case--{}", item.urgency.code());
    let heading_id = case_heading_id(&item.receipt);
    let described_by = heading_id.clone();
    let department = item.department.clone();
    // One view per language (and per saved answer), not a reactive text per line: each of those
    // is an effect, and a page has 50 cases.
    let words = move || case_words(&item, context, lang.get(), answer);
    view! {
        <li class=class>
            <article aria-labelledby=heading_id>
                {words}
                // Described by the case's heading: fifty "Answer" buttons in a list of buttons
                // each say which case they open.
                <button
                    type="button"
                    class="st-case__answer"
                    aria-describedby=described_by
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|open| *open = !*open)
                >
                    {tr(StaffMsg::ItemAnswer)}
                </button>
                {move || {
                    open.get()
                        .then(|| {
                            view! {
                                <StatusForm answer=answer />
                                <TransferForm current=department.clone() context=context answer=answer />
                            }
                        })
                }}
            </article>
        </li>
    }
}

/// The id of a case's heading: what labels the case and describes its "Answer" button, and where
/// "Show more" puts the focus.
pub fn case_heading_id(receipt: &str) -> String {
    format!("case-{receipt}")
}

/// A case's status and public reply: as the collector has them (shown in the case's words), and
/// as being edited (kept while the forms are closed).
#[derive(Clone, Copy)]
struct Answer {
    receipt: StoredValue<String>,
    saved_status: RwSignal<String>,
    saved_reply: RwSignal<Option<String>>,
    status: RwSignal<String>,
    reply: RwSignal<String>,
}

impl Answer {
    fn new(item: &InboxItem) -> Answer {
        Answer {
            receipt: StoredValue::new(item.receipt.clone()),
            saved_status: RwSignal::new(item.status.clone()),
            saved_reply: RwSignal::new(item.reply.clone()),
            status: RwSignal::new(item.status.clone()),
            reply: RwSignal::new(item.reply.clone().unwrap_or_default()),
        }
    }
}

/// What a case says, in one language: heading, urgency and age, reference, score, chips,
/// department, status and reply, comment, timeline.
fn case_words(item: &InboxItem, context: ItemContext, lang: Lang, answer: Answer) -> impl IntoView + use<> {
    let score = ScaleId::parse(&item.scale)
        .and_then(|scale| scale.label_of(item.score))
        .map_or_else(|| item.score.to_string(), |m| lang.text(m).to_owned());
    let aspects: Vec<String> = item
        .aspects
        .iter()
        .map(|id| ScaleId::aspect_label(id).map_or_else(|| id.clone(), |m| lang.text(m).to_owned()))
        .collect();
    let age = if context.working_days { StaffMsg::ItemAgeWorking } else { StaffMsg::ItemAgeCalendar };
    let status = status_words(&answer.saved_status.get(), lang);
    let timeline: Vec<_> = item
        .timeline
        .iter()
        .map(|event| {
            let what = if event.kind == TRANSFERRED {
                let to = event.department.clone().map(|d| context.department_name.run(d)).unwrap_or_default();
                let why = event.reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
                format!("{} → {to}{why}", lang.text(StaffMsg::EventTransferred))
            } else {
                status_words(&event.kind, lang)
            };
            view! { <li><time>{event.at.replace('T', " ")}</time>{format!(" {what}")}</li> }
        })
        .collect();
    view! {
        <h3 id=case_heading_id(&item.receipt) tabindex="-1">
            {lang.format(StaffMsg::ItemHeading, &[("service", &context.service_name.get()), ("day", &item.day)])}
        </h3>
        <p class="st-case__meta">
            <span class=format!("st-urgency st-urgency--{}", item.urgency.code())>
                {lang.text(item.urgency.staff_msg())}
            </span>
            {format!(
                " · {} · {}",
                lang.format(age, &[("days", &item.days_open.to_string()), ("limit", &context.close_days.to_string())]),
                lang.format(StaffMsg::ItemReceipt, &[("code", &item.receipt)]),
            )}
        </p>
        <p>{lang.format(StaffMsg::ItemScore, &[("score", &score)])}</p>
        {(!aspects.is_empty())
            .then(|| view! { <p>{lang.format(StaffMsg::ItemAspects, &[("aspects", &aspects.join(", "))])}</p> })}
        {item.department.clone().map(|id| {
            view! {
                <p>
                    {lang.format(StaffMsg::ItemDepartment, &[("department", &context.department_name.run(id))])}
                </p>
            }
        })}
        <p>{lang.format(StaffMsg::ItemStatusNow, &[("status", &status)])}</p>
        {answer.saved_reply.get().map(|reply| view! { <p>{lang.format(StaffMsg::ItemReplyNow, &[("reply", &reply)])}</p> })}
        {item.comment.clone().map(|comment| view! { <blockquote lang=item.lang.clone()>{comment}</blockquote> })}
        <ol class="st-case__timeline" aria-label=lang.text(StaffMsg::ItemTimeline)>{timeline}</ol>
    }
}

/// A follow-up status (or timeline event) in words; a code this console does not know, as sent.
fn status_words(code: &str, lang: Lang) -> String {
    FollowUp::parse(code).map_or_else(|| code.to_owned(), |status| lang.text(status.staff_msg()).to_owned())
}

/// The case's status and its public reply, saved without a reload.
#[component]
fn StatusForm(answer: Answer) -> impl IntoView {
    let lang = use_lang();
    let session = Session::get();
    let said = RwSignal::new(None::<Result<(), String>>);
    let saving = RwSignal::new(false);
    let receipt = answer.receipt.get_value();
    let status_id = format!("status-{receipt}");
    let reply_id = format!("reply-{receipt}");
    // What staff may set, and the case's own status where only the resident sets it.
    let current = answer.saved_status.get_untracked();
    let chosen = answer.status.get_untracked();
    let options: Vec<FollowUp> =
        FollowUp::ALL.into_iter().filter(|s| s.staff_may_set() || s.code() == current).collect();
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let path = format!("v1/staff/receipts/{receipt}");
        let status = answer.status.get_untracked();
        let reply = answer.reply.get_untracked().trim().to_owned();
        // No reply field clears the public reply.
        let body = if reply.is_empty() {
            serde_json::json!({ "status": status })
        } else {
            serde_json::json!({ "status": status, "reply": reply })
        };
        saving.set(true);
        said.set(None);
        spawn_local(async move {
            let saved = collector::post_json::<_, serde_json::Value>(session, &path, &body).await;
            if saved.is_ok() {
                answer.saved_status.set(status);
                answer.saved_reply.set((!reply.is_empty()).then_some(reply));
            }
            said.set(Some(saved.map(|_| ()).map_err(|e| e.text(lang.get_untracked()))));
            saving.set(false);
        });
    };
    view! {
        <form class="st-form st-case__status" on:submit=save>
            <label for=status_id.clone()>{tr(StaffMsg::ItemStatus)}</label>
            <select id=status_id on:change=move |event| answer.status.set(event_target_value(&event))>
                {options
                    .into_iter()
                    .map(|option| {
                        view! {
                            <option value=option.code() selected=option.code() == chosen>
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
                prop:value=move || answer.reply.get()
                on:input=move |event| answer.reply.set(event_target_value(&event))
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
fn TransferForm(current: Option<String>, context: ItemContext, answer: Answer) -> impl IntoView {
    let receipt = answer.receipt.get_value();
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
