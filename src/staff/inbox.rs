use civic_pulse_core::StaffMsg;
use civic_pulse_core::collector_api::{DayCounting, InboxAnswer, InboxItem, StatedDeadlines};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::collector;
use super::directory::Directory;
use super::inbox_filters::{Counted, Filters, InboxFilters};
use super::inbox_item::{InboxItemView, ItemContext, case_heading_id};
use super::session::Session;
use crate::i18n::{tr, use_lang};

/// The bad reviews, most urgent first, a page at a time from the collector (its keyset token in
/// `after`, so any collector can serve the next page); filtered by service, status, urgency and,
/// for the city's staff, department, each choice with its count. Created anew for each token.
#[component]
pub fn Inbox(
    /// Changes when cases came in from this page (a hotline import): the first page is asked again.
    refresh: ReadSignal<u32>,
) -> impl IntoView {
    let session = Session::get();
    let directory = Directory::get();
    let lang = use_lang();
    let filters = Filters::new();
    let items = RwSignal::new(Vec::<InboxItem>::new());
    let next = RwSignal::new(None::<String>);
    let counts = RwSignal::new(Counted::default());
    let today = RwSignal::new(String::new());
    // Set by the first page: the inbox is shown from then on.
    let deadlines = RwSignal::new(None::<StatedDeadlines>);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    // Each first-page request outdates the ones before it: a late answer to an older filter is
    // dropped, never shown under the new one.
    let generation = StoredValue::new(0u32);
    let load = move |more: bool| {
        let mut path = format!("v1/staff/inbox?{}", filters.query());
        if more {
            let Some(after) = next.get_untracked() else { return };
            path.push_str(&format!("&after={}", js_sys::encode_uri_component(&after)));
        } else {
            generation.update_value(|g| *g += 1);
        }
        let asked = generation.get_value();
        busy.set(true);
        spawn_local(async move {
            let answer = collector::get::<InboxAnswer>(session, &path).await;
            if generation.get_value() != asked {
                return;
            }
            busy.set(false);
            match answer {
                Ok(page) => {
                    problem.set(None);
                    set_if_changed(directory.departments, page.departments);
                    set_if_changed(directory.own_department, page.scope.department);
                    session.problem.set(None);
                    // The rest of the console (trends, exports, the import) comes once the cases
                    // are painted and the page is idle: what staff open the page for comes first.
                    // Once per sign-in: later pages and filters find it shown.
                    if !session.signed_in.get_untracked() {
                        show_when_idle(move || session.signed_in.set(true));
                    }
                    let first_new = page.items.first().map(|item| item.receipt.clone());
                    if more {
                        items.update(|all| all.extend(page.items));
                    } else {
                        items.set(page.items);
                    }
                    next.set(page.next);
                    counts.set(Counted {
                        service: page.counts.service,
                        status: page.counts.status,
                        urgency: page.counts.urgency,
                    });
                    today.set(page.today);
                    deadlines.set(Some(page.deadlines));
                    // After "Show more", the first new case has the focus: the reader carries on there.
                    if more && let Some(receipt) = first_new {
                        focus_heading(&case_heading_id(&receipt));
                    }
                }
                Err(error) => problem.set((!error.needs_token()).then(|| error.text(lang.get_untracked()))),
            }
        });
    };
    load(false);
    Effect::watch(move || refresh.get(), move |_, _, _| load(false), false);
    let total = move || counts.with(|c| c.urgency.values().sum::<u32>());
    let deadline_line = move || {
        deadlines.with(|stated| {
            let stated = stated.as_ref()?;
            let message = if stated.counting == DayCounting::Working {
                StaffMsg::DeadlinesWorking
            } else {
                StaffMsg::DeadlinesCalendar
            };
            Some(lang.get().format(
                message,
                &[("hours", &stated.acknowledge_hours.to_string()), ("days", &stated.close_days.to_string())],
            ))
        })
    };
    let status_line = move || {
        let lang = lang.get();
        if busy.get() {
            return lang.text(StaffMsg::Loading).to_owned();
        }
        problem.get().unwrap_or_else(|| {
            let today = today.get();
            if today.is_empty() { String::new() } else { lang.format(StaffMsg::Loaded, &[("today", &today)]) }
        })
    };
    let scope = move || {
        directory.own_department.get().map(|id| {
            let lang = lang.get();
            lang.format(StaffMsg::Scope, &[("department", &directory.department_name(&id, lang))])
        })
    };
    let item_context = move |service: String| {
        let stated = deadlines.get_untracked();
        ItemContext {
            service_name: Signal::derive(move || directory.service_name(&service, lang.get())),
            department_name: Callback::new(move |id: String| directory.department_name(&id, lang.get())),
            departments: Signal::derive(move || directory.departments.get().into_iter().map(|d| d.id).collect()),
            working_days: stated.as_ref().is_some_and(|s| s.counting == DayCounting::Working),
            close_days: stated.map_or(0, |s| s.close_days),
        }
    };
    view! {
        <p class="st-status" role="status">{status_line}</p>
        <Show when=move || deadlines.with(Option::is_some)>
            <section class="st-section" aria-labelledby="inbox-title">
                <h2 id="inbox-title">{tr(StaffMsg::InboxTitle)}</h2>
                <p class="st-hint">{deadline_line}</p>
                {move || scope().map(|text| view! { <p class="st-hint st-scope">{text}</p> })}
                <InboxFilters filters=filters counts=counts.into() on_change=Callback::new(move |()| load(false)) />
                <Show when=move || items.with(Vec::is_empty)>
                    <p>{tr(StaffMsg::NoBadReviews)}</p>
                </Show>
                // Keyed by receipt: "Show more" adds rows and leaves the ones above (and what is
                // typed in them) as they are.
                <ol class="st-inbox">
                    <For each=move || items.get() key=|item| item.receipt.clone() let(item)>
                        <InboxItemView context=item_context(item.service.clone()) item=item />
                    </For>
                </ol>
                <p class="st-hint" role="status">
                    {move || {
                        let shown = items.with(Vec::len).to_string();
                        lang.get().format(StaffMsg::Showing, &[("shown", &shown), ("total", &total().to_string())])
                    }}
                </p>
                <Show when=move || next.with(Option::is_some)>
                    <button type="button" disabled=move || busy.get() on:click=move |_| load(true)>
                        {tr(StaffMsg::ShowMore)}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

/// The longest the rest of the console waits for the browser to be idle. A phone that stays busy
/// (a long list being laid out, other tabs) may have no idle moment for seconds, and staff would
/// see the inbox alone, with no sign that the trends and exports are still to come.
const IDLE_WAIT_MS: u32 = 1_000;

/// Runs `show` when the browser is next idle, which is after the frame being prepared is
/// painted, and at the latest after [`IDLE_WAIT_MS`]; after a zero timer where the browser has no
/// idle callbacks (Safari). Written on web-sys rather than Leptos's helper, which has no timeout.
fn show_when_idle(show: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let show = Closure::once_into_js(show);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    // Not asked when idle callbacks are missing, so the one callback runs once either way.
    if window.request_idle_callback_with_options(show.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback(show.unchecked_ref());
    }
}

/// Sets `signal` only to a different value. Every page repeats the city's departments and the
/// token's scope, and a set that changes nothing would still run everything that reads them: each
/// case naming a department would work out its words again on every "Show more".
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    signal.maybe_update(|current| {
        let changed = *current != value;
        if changed {
            *current = value;
        }
        changed
    });
}

fn focus_heading(id: &str) {
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}
