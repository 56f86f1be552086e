use civic_pulse_core::ReceiptMsg;
use civic_pulse_core::collector_api::ReceiptStatus;
use civic_pulse_core::follow_up::resident_words;
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// The case's steps, each on its day; a transfer names the department it went to (in the
/// page's language), never the staff's reason.
#[component]
pub fn CaseTimeline(status: ReceiptStatus) -> impl IntoView {
    let lang = use_lang();
    let steps = move || {
        let lang = lang.get();
        status
            .timeline
            .iter()
            .map(|step| {
                let department = step.department.as_deref().map(|id| status.department_name(id, lang.tag()));
                let words = resident_words(lang, &step.kind, department.as_deref().unwrap_or_default());
                view! {
                    <li>
                        <time datetime=step.day.clone()>{step.day.clone()}</time>
                        " "
                        {words}
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ol class="rc-timeline" aria-label=tr(ReceiptMsg::Timeline)>{steps}</ol> }
}
