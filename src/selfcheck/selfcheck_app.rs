use civic_pulse_core::selfcheck::Framework;
use civic_pulse_core::{Lang, SelfcheckMsg};
use leptos::prelude::*;

use super::assessment_shelf::AssessmentShelf;
use super::assessment_store;
use super::framework_library;
use super::offline_status::OfflineStatus;
use super::shared_link::SharedLinkOffer;
use super::state::SelfcheckState;
use super::workspace::Workspace;
use crate::i18n::{LanguageSwitcher, browser_languages, provide_lang, tr};
use crate::ui::{DisplayControls, ProblemList, follow_page_settings};

/// The self-check page: the assessments on this device, and the open one's workspace. Every
/// change is saved on the device; nothing is sent anywhere.
#[component]
pub fn SelfcheckApp() -> impl IntoView {
    let lang = provide_lang(Lang::negotiate(&browser_languages()));
    let prefs = follow_page_settings(lang);
    let Some(default_framework) = Framework::builtin("smart-2021") else {
        // Only a broken build could get here; say so rather than show an empty page.
        return view! {
            <main class="sc-main">
                <ProblemList title="smart-2021".to_owned() problems=vec!["The built-in framework could not be read.".to_owned()] />
            </main>
        }
        .into_any();
    };
    let state = SelfcheckState::provide(assessment_store::load(&default_framework));
    // The workspace is rebuilt only when the open assessment's framework changes.
    let framework_id = Memo::new(move |_| state.open().with(|a| a.framework.id.clone()));
    let workspace = move || {
        let id = framework_id.get();
        match framework_library::find(&id) {
            Some(framework) => view! { <Workspace framework=framework /> }.into_any(),
            None => view! {
                <ProblemList
                    title=lang.get_untracked().text(SelfcheckMsg::FrameworkMissing).to_owned()
                    problems=vec![id]
                />
            }
            .into_any(),
        }
    };
    view! {
        <header class="sc-header">
            <h1>{tr(SelfcheckMsg::Title)}</h1>
            <div class="sc-controls">
                <DisplayControls prefs=prefs />
                <LanguageSwitcher />
            </div>
        </header>
        <main class="sc-main">
            <p class="sc-screen-only">{tr(SelfcheckMsg::Intro)}</p>
            <OfflineStatus />
            <SharedLinkOffer />
            <AssessmentShelf />
            {workspace}
        </main>
    }
    .into_any()
}
