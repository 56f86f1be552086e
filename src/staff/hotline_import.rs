use civic_pulse_core::StaffMsg;
use civic_pulse_core::collector_api::HotlineImportAnswer;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use super::collector;
use super::session::Session;
use crate::i18n::{tr, use_lang};

/// The hotline's calls as a CSV file: what was stored, and each refused row by line and reason.
#[component]
pub fn HotlineImport(
    /// Called when an import stored something.
    on_imported: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let session = Session::get();
    let outcome = RwSignal::new(None::<Result<HotlineImportAnswer, String>>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let import = move |_| {
        let Some(field) = input.get_untracked() else { return };
        let Some(file) = field.files().and_then(|files| files.get(0)) else { return };
        busy.set(true);
        outcome.set(None);
        spawn_local(async move {
            let lang = lang.get_untracked();
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            let answer = match text {
                Some(text) => {
                    collector::post_text::<HotlineImportAnswer>(session, "v1/staff/import/hotline", "text/csv", text)
                        .await
                        .map_err(|problem| problem.text(lang))
                }
                None => Err(lang.text(StaffMsg::Unreadable).to_owned()),
            };
            if answer.as_ref().is_ok_and(|a| a.stored > 0) {
                on_imported.run(());
            }
            outcome.set(Some(answer));
            busy.set(false);
            // The same file may be chosen again (to show nothing is stored twice).
            field.set_value("");
        });
    };
    let report = move || {
        let lang = lang.get();
        if busy.get() {
            return view! { <p>{lang.text(StaffMsg::Importing)}</p> }.into_any();
        }
        match outcome.get() {
            None => ().into_any(),
            Some(Err(problem)) => view! { <p>{problem}</p> }.into_any(),
            Some(Ok(answer)) => {
                let summary = lang.format(
                    StaffMsg::Imported,
                    &[
                        ("stored", &answer.stored.to_string()),
                        ("already", &answer.already.to_string()),
                        ("refused", &answer.refused.len().to_string()),
                    ],
                );
                let lines = answer
                    .refused
                    .iter()
                    .map(|row| {
                        let problems: Vec<String> =
                            row.problems.iter().map(|p| format!("{} {}", p.field, p.message)).collect();
                        let text = lang.format(
                            StaffMsg::ImportLine,
                            &[("line", &row.line.to_string()), ("problems", &problems.join("; "))],
                        );
                        view! { <li>{text}</li> }
                    })
                    .collect_view();
                view! {
                    <p>{summary}</p>
                    <ul>{lines}</ul>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="st-section" aria-labelledby="hotline-title">
            <h2 id="hotline-title">{tr(StaffMsg::HotlineTitle)}</h2>
            <p id="hotline-hint" class="st-hint">{tr(StaffMsg::HotlineHint)}</p>
            <label for="hotline-file">{tr(StaffMsg::HotlineFile)}</label>
            <input
                id="hotline-file"
                node_ref=input
                type="file"
                accept=".csv,text/csv"
                aria-describedby="hotline-hint"
                on:change=import
            />
            <div role="status">{report}</div>
        </section>
    }
}
