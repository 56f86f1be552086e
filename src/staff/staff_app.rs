use civic_pulse_core::{Lang, StaffMsg};
use leptos::prelude::*;

use super::directory::Directory;
use super::exports::Exports;
use super::hotline_import::HotlineImport;
use super::inbox::Inbox;
use super::report_changes::ReportChanges;
use super::session::Session;
use super::token_form::TokenForm;
use super::trends::Trends;
use crate::i18n::{LanguageSwitcher, browser_languages, provide_lang, tr};
use crate::ui::{DisplayControls, follow_page_settings};

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
            // A new token makes a new inbox.
            {move || session.token().map(|_| view! { <Inbox refresh=imported.read_only() /> })}
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
