use civic_pulse_core::SelfcheckMsg;
use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::ui::ProblemList;

/// Where a refused file, link or entry explains itself: an alert region that is always in the
/// page (so screen readers announce what appears in it) and shows the problems, if any, under
/// `title`.
#[component]
pub fn ProblemAlert(title: SelfcheckMsg, problems: RwSignal<Vec<String>>) -> impl IntoView {
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
