use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::{Lang, ReceiptMsg};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::case_timeline::CaseTimeline;
use super::lookup::{Lookup, look_up};
use super::lookup_form::LookupForm;
use super::solved_question::SolvedQuestion;
use super::status_line::StatusLine;
use crate::i18n::{LanguageSwitcher, browser_languages, provide_lang, tr};
use crate::ui::{DisplayControls, follow_page_settings};

/// What the resident asked for: a code, or text that cannot be one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Asked {
    Code(Receipt),
    /// Not 8 characters of the alphabet: said at once, never sent.
    NotACode,
}

impl Asked {
    pub fn from_text(text: &str) -> Asked {
        Receipt::parse(text).map_or(Asked::NotACode, Asked::Code)
    }
}

/// The page's state, shared by its parts: what was asked, what the collector said about it,
/// and whether the resident's last answer to "was it solved?" could not be sent.
#[derive(Clone, Copy)]
pub struct ReceiptState {
    pub asked: RwSignal<Option<Asked>>,
    /// The answer for the code asked, once it has come; `None` while it is on its way.
    pub lookup: RwSignal<Option<Lookup>>,
    pub send_failed: RwSignal<bool>,
}

impl ReceiptState {
    /// The state `ReceiptApp` provides. Not `expect_context`: its message formats the type's
    /// name with `Debug`, which links Unicode escaping tables into this small page (1 KB gzip).
    pub fn get() -> ReceiptState {
        use_context().expect("ReceiptApp provides the page's state")
    }

    /// Looks up what the resident asked: text that cannot be a code is said at once and never
    /// sent; a code is "checking" until the collector answers.
    pub fn ask(self, asked: Asked) {
        self.send_failed.set(false);
        self.lookup.set(None);
        self.asked.set(Some(asked.clone()));
        if let Asked::Code(code) = asked {
            self.fetch(code);
        }
    }

    /// Looks the same code up again (after the resident answered); what is shown stays until
    /// the new answer comes.
    pub fn refresh(self) {
        if let Some(Asked::Code(code)) = self.asked.get_untracked() {
            self.fetch(code);
        }
    }

    fn fetch(self, code: Receipt) {
        spawn_local(async move {
            let found = look_up(&code).await;
            // A later question wins: an answer for a code no longer asked is dropped.
            if self.asked.get_untracked() == Some(Asked::Code(code)) {
                self.lookup.set(Some(found));
            }
        });
    }
}

/// The receipt page: the code from the widget's link (`?code=`) is looked up at once; a code
/// typed in the form is looked up on "Check".
#[component]
pub fn ReceiptApp() -> impl IntoView {
    let query = Query::read();
    let mut preferred: Vec<String> = query.lang.iter().cloned().collect();
    preferred.extend(browser_languages());
    let lang = provide_lang(Lang::negotiate(&preferred));
    let prefs = follow_page_settings(lang);
    keep_title_and_address(lang);

    let state =
        ReceiptState { asked: RwSignal::new(None), lookup: RwSignal::new(None), send_failed: RwSignal::new(false) };
    provide_context(state);
    if let Some(code) = query.code.as_deref() {
        state.ask(Asked::from_text(code));
    }

    // The case found for the code asked (the question answers for that code).
    let found = move || match (state.asked.get(), state.lookup.get()) {
        (Some(Asked::Code(code)), Some(Lookup::Found(status))) => Some((code, status)),
        _ => None,
    };
    view! {
        <header class="rc-header">
            <DisplayControls prefs=prefs />
            <LanguageSwitcher />
        </header>
        <main class="rc-main">
            <h1>{tr(ReceiptMsg::Title)}</h1>
            <p>{tr(ReceiptMsg::Intro)}</p>
            <LookupForm initial=query.code.unwrap_or_default() />
            <div id="result" role="status" class="rc-result">
                <StatusLine />
            </div>
            // The steps and the question stand outside the status region, so a screen reader
            // announces the status alone and the buttons are not read as part of it.
            <div class="rc-case">
                {move || {
                    found()
                        .map(|(code, status)| {
                            let can_confirm = status.can_confirm;
                            view! {
                                <CaseTimeline status=status />
                                {can_confirm.then(|| view! { <SolvedQuestion code=code /> })}
                            }
                        })
                }}
            </div>
            <p>
                <a href="./">{tr(ReceiptMsg::Back)}</a>
            </p>
        </main>
    }
}

/// The page's query: `code` and `lang`, as the widget's link writes them.
struct Query {
    code: Option<String>,
    lang: Option<String>,
}

impl Query {
    fn read() -> Query {
        let search = web_sys::window().and_then(|window| window.location().search().ok()).unwrap_or_default();
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let get = |name: &str| params.as_ref().and_then(|params| params.get(name)).filter(|value| !value.is_empty());
        Query { code: get("code"), lang: get("lang") }
    }
}

/// The tab's title in the page's language, and `?lang=` in the address kept to the language
/// chosen, so a reload or a bookmark opens the page in it. (Effects that write to the DOM, not
/// to other signals.)
fn keep_title_and_address(lang: RwSignal<Lang>) {
    Effect::new(move |_| {
        let lang = lang.get();
        document().set_title(lang.text(ReceiptMsg::Title));
        let Some(window) = web_sys::window() else { return };
        let Ok(href) = window.location().href() else { return };
        let Ok(url) = web_sys::Url::new(&href) else { return };
        if url.search_params().get("lang").as_deref() == Some(lang.tag()) {
            return;
        }
        url.search_params().set("lang", lang.tag());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
        }
    });
}
