use civic_pulse_core::{Lang, StaffMsg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::collector;
use super::session::Session;
use crate::i18n::{tr, use_lang};

/// What the city changed in a month, one line each, per language, for the public monthly report.
#[component]
pub fn ReportChanges() -> impl IntoView {
    let lang = use_lang();
    let session = Session::get();
    let month = RwSignal::new(last_month());
    let language = RwSignal::new(lang.get_untracked().tag().to_owned());
    let text = RwSignal::new(String::new());
    let said = RwSignal::new(String::new());
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let changes: Vec<String> =
            text.get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
        let body = serde_json::json!({ "lang": language.get_untracked(), "changes": changes });
        let path = format!("v1/staff/reports/{}/changes", month.get_untracked());
        said.set(lang.get_untracked().text(StaffMsg::Saving).to_owned());
        spawn_local(async move {
            let lang = lang.get_untracked();
            said.set(match collector::post_json::<_, serde_json::Value>(session, &path, &body).await {
                Ok(_) => lang.text(StaffMsg::Saved).to_owned(),
                Err(problem) => problem.text(lang),
            });
        });
    };
    let link = move || format!("report.html?month={}&lang={}", month.get(), language.get());
    view! {
        <section class="st-section" aria-labelledby="report-title">
            <h2 id="report-title">{tr(StaffMsg::ReportTitle)}</h2>
            <p id="report-hint" class="st-hint">{tr(StaffMsg::ReportHint)}</p>
            <form id="changes-form" class="st-form" on:submit=save>
                <label for="changes-month">{tr(StaffMsg::ReportMonth)}</label>
                <input
                    id="changes-month"
                    type="month"
                    required
                    prop:value=move || month.get()
                    on:change=move |event| month.set(event_target_value(&event))
                />
                <label for="changes-lang">{tr(StaffMsg::ReportLanguage)}</label>
                <select id="changes-lang" on:change=move |event| language.set(event_target_value(&event))>
                    {Lang::all()
                        .map(|option| {
                            view! {
                                <option value=option.tag() lang=option.tag() selected=move || language.get() == option.tag()>
                                    {option.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <label for="changes-text">{tr(StaffMsg::ReportChanges)}</label>
                <textarea
                    id="changes-text"
                    rows="5"
                    aria-describedby="report-hint"
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                ></textarea>
                <button type="submit">{tr(StaffMsg::Save)}</button>
                <p class="st-said" role="status">{move || said.get()}</p>
            </form>
            <p><a href=link>{tr(StaffMsg::ReportOpen)}</a></p>
        </section>
    }
}

/// Last month, `2026-11`: the report a city publishes at the start of a month.
fn last_month() -> String {
    let now = js_sys::Date::new_0();
    let (year, month) = (now.get_utc_full_year(), now.get_utc_month()); // month 0..=11
    if month == 0 { format!("{:04}-12", year - 1) } else { format!("{year:04}-{month:02}") }
}
