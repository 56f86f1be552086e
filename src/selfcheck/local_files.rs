//! Files on the official's own computer: reading the one chosen in an `<input type="file">`,
//! and offering text as a download. Nothing is uploaded anywhere.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Reads the chosen file as text and hands it to `then`; clears the input so choosing the same
/// file again (after fixing it) fires again. Nothing happens when no file was chosen.
pub fn read_chosen_file(event: leptos::ev::Event, then: impl FnOnce(String) + 'static) {
    let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
    input.set_value("");
    spawn_local(async move {
        let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
        then(text);
    });
}

/// Offers `text` as a file download named `name`.
pub fn save_file(text: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Offers a CSV text as a download, behind a byte-order mark so spreadsheet programs read its
/// Chinese as UTF-8.
pub fn save_csv(csv: &str, name: &str) -> Result<(), JsValue> {
    save_file(&format!("\u{feff}{csv}"), name, "text/csv")
}

/// A file name for the open assessment: `<stem>-<city>-<year>.<extension>`, city letters only.
pub fn file_name(stem: &str, city: &str, year: Option<u16>, extension: &str) -> String {
    let city: String = city.chars().filter(|c| c.is_alphanumeric()).collect();
    let city = if city.is_empty() { "city".to_owned() } else { city };
    format!("{stem}-{city}-{}.{extension}", year.map_or_else(|| "undated".to_owned(), |y| y.to_string()))
}
