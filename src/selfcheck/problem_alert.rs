use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::Explained;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::ui::ProblemList;

/// Where a refused file, link or entry explains itself: an alert region that is always in the
/// page (so screen readers announce what appears in it) and shows the problems, if any, under
/// `title`.
#[component]
pub fn ProblemAlert(title: SelfcheckMsg, #[prop(into)] problems: Signal<Vec<String>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div role="alert">
            {move || {
                let found = problems.get();
                (!found.is_empty()).then(|| view! { <ProblemList title=lang.get().text(title).to_owned() problems=found /> })
            }}
        </div>
    }
}

/// Typed problems, in the page's language (and in the new one when the official switches).
pub fn in_page_language<P: Explained + Send + Sync + 'static>(problems: RwSignal<Vec<P>>) -> Signal<Vec<String>> {
    let lang = use_lang();
    Signal::derive(move || problems.with(|found| found.iter().map(|problem| problem.explain(lang.get())).collect()))
}
