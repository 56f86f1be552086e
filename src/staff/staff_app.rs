use civic_pulse_core::collector_api::{DepartmentInfo, ServicesAnswer};
use civic_pulse_core::{Lang, StaffMsg};
use leptos::prelude::*;

use super::collector;
use super::exports::Exports;
use super::hotline_import::HotlineImport;
use super::inbox::Inbox;
use super::report_changes::ReportChanges;
use super::session::Session;
use super::token_form::TokenForm;
use super::trends::Trends;
use crate::i18n::{LanguageSwitcher, browser_languages, provide_lang, tr};
use crate::ui::{DisplayControls, follow_page_settings};

/// What the console knows about the city once signed in: its departments, whose inbox this is,
/// and the services' names (the built-in ones and the portal's own, from `GET /v1/services`).
#[derive(Clone, Copy)]
pub struct Directory {
    pub departments: RwSignal<Vec<DepartmentInfo>>,
    /// The department whose token this is; `None` for the city's token.
    pub own_department: RwSignal<Option<String>>,
    services: LocalResource<Option<ServicesAnswer>>,
}

impl Directory {
    fn provide(session: Session) -> Directory {
        let directory = Directory {
            departments: RwSignal::new(Vec::new()),
            own_department: RwSignal::new(None),
            services: LocalResource::new(move || async move {
                collector::get::<ServicesAnswer>(session, "v1/services").await.ok()
            }),
        };
        provide_context(directory);
        directory
    }

    pub fn get() -> Directory {
        expect_context::<Directory>()
    }

    /// A service's name in `lang`, else its id.
    pub fn service_name(&self, id: &str, lang: Lang) -> String {
        self.services
            .get()
            .flatten()
            .and_then(|answer| {
                answer.services.into_iter().find(|s| s.id == id).and_then(|s| s.names.get(lang.tag()).cloned())
            })
            .unwrap_or_else(|| id.to_owned())
    }

    /// A department's name in `lang`, else its id.
    pub fn department_name(&self, id: &str, lang: Lang) -> String {
        self.departments
            .with(|all| all.iter().find(|d| d.id == id).map(|d| d.name(lang.tag()).to_owned()))
            .unwrap_or_else(|| id.to_owned())
    }
}

/// The staff page: sign in with the token, then the inbox, the trends and (for the city's
/// token) the exports, the hotline import and the monthly report. One language at a time.
#[component]
pub fn StaffApp() -> impl IntoView {
    let lang = provide_lang(Lang::negotiate(&browser_languages()));
    let prefs = follow_page_settings(lang);
    let session = Session::provide();
    let directory = Directory::provide(session);
    let city_wide = move || session.signed_in.get() && directory.own_department.get().is_none();
    // A hotline import adds cases: the inbox asks for its first page again.
    let imported = RwSignal::new(0u32);
    view! {
        <header class="st-header">
            <h1>{tr(StaffMsg::Title)}</h1>
            <div class="st-controls">
                <DisplayControls prefs=prefs />
                <LanguageSwitcher />
            </div>
        </header>
        <main class="st-main">
            <p>{tr(StaffMsg::Intro)}</p>
            <TokenForm />
            // The inbox is what proves the token: the other sections wait for it.
            {move || session.token().map(|token| view! { <Inbox token=token refresh=imported.read_only() /> })}
            <Show when=move || session.signed_in.get()>
                <Trends />
            </Show>
            <Show when=city_wide>
                <Exports />
                <HotlineImport on_imported=Callback::new(move |()| imported.update(|n| *n += 1)) />
                <ReportChanges />
            </Show>
        </main>
    }
}
