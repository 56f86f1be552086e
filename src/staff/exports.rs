use civic_pulse_core::StaffMsg;
use civic_pulse_core::collector_api::PAGE_EXPORT_LIMIT_BYTES;
use civic_pulse_core::staff_error::StaffError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::collector;
use super::session::Session;
use crate::i18n::{tr, use_lang};

/// What a download came to.
enum Downloaded {
    Saved { file: &'static str, bytes: u64 },
    TooLarge,
    Failed(StaffError),
}

/// The CSV and JSON exports as buttons. The token goes in the request's header, never in a URL,
/// so the file is fetched by the page and built in its memory: up to a stated limit, counted as
/// it arrives (the request is cancelled past it, never held whole first).
#[component]
pub fn Exports() -> impl IntoView {
    let lang = use_lang();
    let session = Session::get();
    let said = RwSignal::new(String::new());
    let download = move |path: &'static str, file: &'static str, kind: &'static str| {
        said.set(lang.get_untracked().text(StaffMsg::Exporting).to_owned());
        spawn_local(async move {
            let lang = lang.get_untracked();
            said.set(match fetch_file(session, path, file, kind).await {
                Downloaded::Saved { file, bytes } => {
                    lang.format(StaffMsg::Exported, &[("file", file), ("size", &bytes.div_ceil(1024).to_string())])
                }
                Downloaded::TooLarge => lang.format(StaffMsg::ExportTooLarge, &[("limit", &limit_mb())]),
                Downloaded::Failed(problem) => problem.text(lang),
            });
        });
    };
    view! {
        <section class="st-section" aria-labelledby="exports-title">
            <h2 id="exports-title">{tr(StaffMsg::ExportsTitle)}</h2>
            <p class="st-hint">{move || lang.get().format(StaffMsg::ExportsHint, &[("limit", &limit_mb())])}</p>
            <div class="st-buttons">
                <button type="button" on:click=move |_| download("v1/export.csv", "ratings.csv", "text/csv")>
                    {tr(StaffMsg::ExportCsv)}
                </button>
                <button type="button" on:click=move |_| download("v1/export.json", "ratings.json", "application/json")>
                    {tr(StaffMsg::ExportJson)}
                </button>
            </div>
            <p class="st-said" role="status">{move || said.get()}</p>
        </section>
    }
}

/// The stated limit, in MB as the texts give it.
fn limit_mb() -> String {
    (PAGE_EXPORT_LIMIT_BYTES / (1024 * 1024)).to_string()
}

async fn fetch_file(session: Session, path: &str, file: &'static str, kind: &str) -> Downloaded {
    let response = match collector::get_response(session, path).await {
        Ok(response) => response,
        Err(problem) => return Downloaded::Failed(problem),
    };
    match read_limited(&response).await {
        Ok(Some((chunks, bytes))) => match save(&chunks, file, kind) {
            Ok(()) => Downloaded::Saved { file, bytes },
            Err(_) => Downloaded::Failed(StaffError::Offline),
        },
        Ok(None) => Downloaded::TooLarge,
        Err(_) => Downloaded::Failed(StaffError::Offline),
    }
}

/// The body's chunks and their size, or `None` (and the request cancelled) past the limit.
async fn read_limited(response: &web_sys::Response) -> Result<Option<(js_sys::Array, u64)>, JsValue> {
    let chunks = js_sys::Array::new();
    let Some(body) = response.body() else { return Ok(Some((chunks, 0))) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().dyn_into()?;
    let mut bytes = 0u64;
    loop {
        let step = JsFuture::from(reader.read()).await?;
        if js_sys::Reflect::get(&step, &"done".into())?.as_bool().unwrap_or(true) {
            return Ok(Some((chunks, bytes)));
        }
        let chunk: js_sys::Uint8Array = js_sys::Reflect::get(&step, &"value".into())?.dyn_into()?;
        bytes += u64::from(chunk.length());
        if bytes > PAGE_EXPORT_LIMIT_BYTES {
            let _ = reader.cancel();
            return Ok(None);
        }
        chunks.push(&chunk);
    }
}

/// Hands the file to the browser's downloads.
fn save(chunks: &js_sys::Array, file: &str, kind: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(chunks, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}
