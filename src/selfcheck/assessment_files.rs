use civic_pulse_core::Msg;
use civic_pulse_core::selfcheck::{Assessment, Framework};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{tr, use_lang};
use crate::ui::ProblemList;

/// Download, open and share the assessment. A file that does not fit is explained and changes
/// nothing; a share link carries the whole assessment in its fragment, which browsers never
/// send to a server.
#[component]
pub fn AssessmentFiles(framework: StoredValue<Framework>, assessment: RwSignal<Assessment>) -> impl IntoView {
    let lang = use_lang();
    let problems = RwSignal::new(Vec::<String>::new());
    let status = RwSignal::new(None::<Msg>);
    let link = RwSignal::new(None::<String>);

    let download = move |_| {
        let json = assessment.with(Assessment::to_json);
        let name = assessment.with(|a| {
            let city: String = a.city.chars().filter(|c| c.is_alphanumeric()).collect();
            format!(
                "self-check-{}-{}.json",
                if city.is_empty() { "city".to_owned() } else { city },
                a.year.unwrap_or(0)
            )
        });
        let _ = save_file(&json, &name);
    };
    let open = move |event: leptos::ev::Event| {
        let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
            match Assessment::parse(&text).map_err(|e| vec![e]).and_then(|candidate| {
                let found = framework.with_value(|f| candidate.problems_with(f));
                if found.is_empty() { Ok(candidate) } else { Err(found) }
            }) {
                Ok(candidate) => {
                    problems.set(Vec::new());
                    assessment.set(candidate);
                    status.set(Some(Msg::SelfcheckLoaded));
                }
                Err(found) => {
                    status.set(None);
                    problems.set(found);
                }
            }
        });
    };
    let share = move |_| {
        let fragment = assessment.with(Assessment::share_fragment);
        let base = window().location().href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_owned();
        link.set(Some(format!("{base}#{fragment}")));
    };

    view! {
        <section class="sc-files" aria-labelledby="sc-files-title">
            <h2 id="sc-files-title">{tr(Msg::SelfcheckFiles)}</h2>
            <div class="sc-actions">
                <button type="button" on:click=download>{tr(Msg::SelfcheckExport)}</button>
                <label class="sc-file">
                    {tr(Msg::SelfcheckImport)}
                    <input type="file" accept=".json,application/json" on:change=open />
                </label>
                <button type="button" on:click=share>{tr(Msg::SelfcheckShare)}</button>
            </div>
            <p role="status">{move || status.get().map(|msg| lang.get().text(msg))}</p>
            <div role="alert">
                {move || {
                    let found = problems.get();
                    (!found.is_empty())
                        .then(|| view! { <ProblemList title=lang.get().text(Msg::SelfcheckImportProblems).to_owned() problems=found /> })
                }}
            </div>
            {move || {
                link.get()
                    .map(|url| {
                        view! {
                            <label class="sc-share">
                                {tr(Msg::SelfcheckShareLink)}
                                <input type="url" readonly prop:value=url />
                            </label>
                        }
                    })
            }}
        </section>
    }
}

/// Offers `text` as a file download.
fn save_file(text: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
