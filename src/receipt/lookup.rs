//! The two requests the receipt page makes, and what each answer means to the resident.

use civic_pulse_core::collector_api::{DepartmentInfo, ReceiptStatus, ResidentEvent};
use civic_pulse_core::receipt::Receipt;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::http;

/// What looking a code up found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(ReceiptStatus),
    /// No case has this code (a mistyped character, most likely).
    NotFound,
    /// No answer, or one this page cannot read: try again later.
    Unavailable,
}

/// `GET v1/receipts/{code}` on the collector that serves the page.
pub async fn look_up(code: &Receipt) -> Lookup {
    let path = format!("v1/receipts/{}", code.as_str());
    let Ok(response) = http::send("GET", &path, None, None).await else { return Lookup::Unavailable };
    if response.status() == 404 {
        return Lookup::NotFound;
    }
    if !response.ok() {
        return Lookup::Unavailable;
    }
    let Ok(body) = response.json() else { return Lookup::Unavailable };
    let Ok(answer) = JsFuture::from(body).await else { return Lookup::Unavailable };
    read_status(&answer).map_or(Lookup::Unavailable, Lookup::Found)
}

/// The collector's answer (core's [`ReceiptStatus`], which the collector serialises), read from
/// the browser's own JSON parse. Hand-written on purpose: serde_json's parser and its visitors were
/// 28 KB of this page's Wasm (twiggy), about a quarter of what a resident downloads to read one
/// answer; the end-to-end tests read every field through this page.
fn read_status(answer: &JsValue) -> Option<ReceiptStatus> {
    let timeline = array(answer, "timeline")?
        .iter()
        .map(|step| {
            Some(ResidentEvent {
                kind: string(&step, "kind")?,
                day: string(&step, "day")?,
                department: string(&step, "department"),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let departments = array(answer, "departments")
        .unwrap_or_default()
        .iter()
        .map(|department| {
            let by_tag = field(&department, "names")?;
            // Inserted one by one: collecting would link a sort for a map of three names.
            let mut names = std::collections::BTreeMap::new();
            for tag in
                js_sys::Object::keys(by_tag.dyn_ref::<js_sys::Object>()?).iter().filter_map(|tag| tag.as_string())
            {
                if let Some(name) = string(&by_tag, &tag) {
                    names.insert(tag, name);
                }
            }
            Some(DepartmentInfo { id: string(&department, "id")?, names, services: Vec::new() })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(ReceiptStatus {
        receipt: string(answer, "receipt")?,
        status: string(answer, "status")?,
        reply: string(answer, "reply"),
        timeline,
        can_confirm: field(answer, "can_confirm")?.as_bool()?,
        departments,
    })
}

fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

fn string(object: &JsValue, name: &str) -> Option<String> {
    field(object, name)?.as_string()
}

fn array(object: &JsValue, name: &str) -> Option<js_sys::Array> {
    field(object, name)?.dyn_into().ok()
}

/// The resident's answer to "was your problem solved?"; an error when no answer came or the
/// collector refused it. A 409 means this answer was already given (another tab, a double tap):
/// the page looks the case up again either way.
pub async fn answer_solved(code: &Receipt, solved: bool) -> Result<(), http::Unreached> {
    let path = format!("v1/receipts/{}/confirmation", code.as_str());
    let body = if solved { r#"{"solved":true}"# } else { r#"{"solved":false}"# };
    let response = http::send("POST", &path, Some(("application/json", body.to_owned())), None).await?;
    if response.ok() || response.status() == 409 { Ok(()) } else { Err(http::Unreached) }
}
