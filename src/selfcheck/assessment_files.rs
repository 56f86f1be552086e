use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Assessment, AssessmentError, results_csv};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::file_picker::FilePicker;
use super::framework_library;
use super::link_compression::deflate;
use super::local_files::{file_name, save_csv, save_file};
use super::problem_alert::{ProblemAlert, in_page_language};
use super::state::{Workbench, use_selfcheck, use_workbench};
use crate::i18n::{tr, use_lang};

/// Share links longer than this are compressed (`#zdata=`): some mail and chat programs cut
/// longer links.
const LONG_LINK: usize = 2000;

/// Download, open and share the assessment, download the results, print the report. A file that
/// does not fit is explained and changes nothing; a share link carries the whole assessment in
/// its fragment, which browsers never send to a server.
#[component]
pub fn AssessmentFiles() -> impl IntoView {
    let Workbench { framework, assessment, scoring } = use_workbench();
    let state = use_selfcheck();
    let lang = use_lang();
    let problems = RwSignal::new(Vec::<AssessmentError>::new());
    let status = RwSignal::new(None::<SelfcheckMsg>);
    let link = RwSignal::new(None::<String>);

    let download = move |_| {
        let (json, name) = assessment.with(|a| (a.to_json(), file_name("self-check", &a.city, a.year, "json")));
        let _ = save_file(&json, &name, "application/json");
    };
    let download_results = move |_| {
        let Ok(evaluation) = scoring.evaluation.get_untracked() else { return };
        let (csv, name) = assessment.with_untracked(|a| {
            let csv = framework.with_value(|f| results_csv(f, a, &evaluation, lang.get_untracked().tag()));
            (csv, file_name("self-check-results", &a.city, a.year, "csv"))
        });
        let _ = save_csv(&csv, &name);
    };
    // A good file opens beside the assessments already here, so importing never overwrites work.
    let open = Callback::new(move |text: String| match Assessment::parse(&text).and_then(framework_library::check) {
        Ok(candidate) => {
            problems.set(Vec::new());
            state.open_beside(candidate);
            status.set(Some(SelfcheckMsg::Loaded));
        }
        Err(found) => {
            status.set(None);
            problems.set(found);
        }
    });
    let share = move |_| {
        let json = assessment.with(Assessment::to_json);
        let plain = assessment.with(Assessment::share_fragment);
        let base = window().location().href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_owned();
        if base.len() + plain.len() < LONG_LINK {
            link.set(Some(format!("{base}#{plain}")));
            return;
        }
        spawn_local(async move {
            // A browser without CompressionStream still gets a working (long) link.
            let fragment = match deflate(json.as_bytes()).await {
                Ok(bytes) => Assessment::compressed_fragment(&bytes),
                Err(_) => plain,
            };
            link.set(Some(format!("{base}#{fragment}")));
        });
    };
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <section class="sc-files sc-screen-only" aria-labelledby="sc-files-title">
            <h2 id="sc-files-title">{tr(SelfcheckMsg::Files)}</h2>
            <div class="sc-actions">
                <button type="button" on:click=download>{tr(SelfcheckMsg::Export)}</button>
                <FilePicker label=SelfcheckMsg::Import accept=".json,application/json" on_text=open />
                <button type="button" on:click=download_results disabled=move || scoring.evaluation.with(Result::is_err)>
                    {tr(SelfcheckMsg::ExportResults)}
                </button>
                <button type="button" on:click=share>{tr(SelfcheckMsg::Share)}</button>
                <button type="button" on:click=print>{tr(SelfcheckMsg::Print)}</button>
            </div>
            <p role="status">{move || status.get().map(|msg| lang.get().text(msg))}</p>
            <ProblemAlert title=SelfcheckMsg::ImportProblems problems=in_page_language(problems) />
            {move || {
                link.get()
                    .map(|url| {
                        view! {
                            <label class="sc-share">
                                {tr(SelfcheckMsg::ShareLink)}
                                <input type="url" readonly prop:value=url />
                            </label>
                        }
                    })
            }}
        </section>
    }
}
