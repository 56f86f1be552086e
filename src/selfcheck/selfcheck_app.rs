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
use crate::ui::{DisplayControls, ProblemList, load_display_prefs, save_display_prefs};

/// The self-check page: the assessments on this device, and the open one's workspace. Every
/// change is saved on the device; nothing is sent anywhere.
#[component]
pub fn SelfcheckApp() -> impl IntoView {
    let lang = provide_lang(Lang::negotiate(&browser_languages()));
    // The page's own <html lang> follows the switcher, so screen readers pronounce it correctly.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    // Larger text and high contrast, as in the widget, remembered on the device; set on <html>
    // so the whole page (charts included) follows.
    let prefs = RwSignal::new(load_display_prefs());
    Effect::new(move |_| {
        let chosen = prefs.get();
        save_display_prefs(chosen);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-text-size", &chosen.text_step.to_string());
            let _ = if chosen.high_contrast {
                root.set_attribute("data-contrast", "high")
            } else {
                root.remove_attribute("data-contrast")
            };
        }
    });
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
