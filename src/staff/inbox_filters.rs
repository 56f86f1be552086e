use std::collections::BTreeMap;

use civic_pulse_core::follow_up::{FollowUp, Urgency};
use civic_pulse_core::{Lang, StaffMsg};
use leptos::prelude::*;

use super::directory::Directory;
use crate::i18n::{tr, use_lang};

/// The inbox's filters; an empty value is "all".
#[derive(Clone, Copy)]
pub struct Filters {
    pub department: RwSignal<String>,
    pub service: RwSignal<String>,
    pub status: RwSignal<String>,
    pub urgency: RwSignal<String>,
}

impl Filters {
    pub fn new() -> Filters {
        Filters {
            department: RwSignal::new(String::new()),
            service: RwSignal::new(String::new()),
            status: RwSignal::new(String::new()),
            urgency: RwSignal::new(String::new()),
        }
    }

    /// The query string for the first page (without `after`).
    pub fn query(&self) -> String {
        let parts: Vec<String> = [
            ("department", self.department.get_untracked()),
            ("service", self.service.get_untracked()),
            ("status", self.status.get_untracked()),
            ("urgency", self.urgency.get_untracked()),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", js_sys::encode_uri_component(&value)))
        .collect();
        parts.join("&")
    }
}

/// Per filter, its values with the number of cases each holds under the other filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counted {
    pub service: BTreeMap<String, u32>,
    pub status: BTreeMap<String, u32>,
    pub urgency: BTreeMap<String, u32>,
}

/// Service, status and urgency (and, for the city's staff, the department), each option with its
/// count; a change asks the collector for the first page again.
#[component]
pub fn InboxFilters(filters: Filters, counts: Signal<Counted>, on_change: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let directory = Directory::get();
    let choose = move |signal: RwSignal<String>| {
        move |event: leptos::ev::Event| {
            signal.set(event_target_value(&event));
            on_change.run(());
        }
    };
    let options = move |values: BTreeMap<String, u32>, name: fn(&str, Lang, &Directory) -> String| {
        let lang = lang.get();
        let all: u32 = values.values().sum();
        let mut shown = vec![(String::new(), lang.format(StaffMsg::FilterAll, &[("count", &all.to_string())]))];
        shown.extend(values.into_iter().map(|(value, count)| {
            let label = lang.format(
                StaffMsg::FilterOption,
                &[("name", &name(&value, lang, &directory)), ("count", &count.to_string())],
            );
            (value, label)
        }));
        shown
    };
    let select = move |id: &'static str,
                       label: StaffMsg,
                       signal: RwSignal<String>,
                       values: Memo<Vec<(String, String)>>| {
        view! {
            <div class="st-filter">
                <label for=id>{tr(label)}</label>
                <select id=id on:change=choose(signal)>
                    <For each=move || values.get() key=|(value, label)| (value.clone(), label.clone()) let((value, label))>
                        <option value=value.clone() selected=move || signal.get() == value>{label}</option>
                    </For>
                </select>
            </div>
        }
    };
    let services = Memo::new(move |_| options(counts.get().service, |id, lang, d| d.service_name(id, lang)));
    let statuses = Memo::new(move |_| {
        options(counts.get().status, |code, lang, _| {
            FollowUp::parse(code).map_or_else(|| code.to_owned(), |s| lang.text(s.staff_msg()).to_owned())
        })
    });
    let urgencies = Memo::new(move |_| {
        // In the order of urgency, not of their codes.
        let counted = counts.get().urgency;
        let mut shown = options(counted, |code, lang, _| {
            Urgency::ALL
                .into_iter()
                .find(|u| u.code() == code)
                .map_or_else(|| code.to_owned(), |u| lang.text(u.staff_msg()).to_owned())
        });
        shown[1..].sort_by_key(|(code, _)| Urgency::ALL.iter().position(|u| u.code() == code));
        shown
    });
    let departments = Memo::new(move |_| {
        let lang = lang.get();
        let mut shown = vec![(String::new(), lang.text(StaffMsg::FilterAny).to_owned())];
        shown.extend(directory.departments.get().iter().map(|d| (d.id.clone(), d.name(lang.tag()).to_owned())));
        shown
    });
    let city_chooses = move || directory.own_department.get().is_none() && !directory.departments.get().is_empty();
    view! {
        <div class="st-filters" role="group" aria-label=tr(StaffMsg::InboxTitle)>
            <Show when=city_chooses>{select("filter-department", StaffMsg::FilterDepartment, filters.department, departments)}</Show>
            {select("filter-service", StaffMsg::FilterService, filters.service, services)}
            {select("filter-status", StaffMsg::FilterStatus, filters.status, statuses)}
            {select("filter-urgency", StaffMsg::FilterUrgency, filters.urgency, urgencies)}
        </div>
    }
}
