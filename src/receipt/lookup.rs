//! The two requests the receipt page makes, and what each answer means to the resident.

use civic_pulse_core::collector_api::ReceiptStatus;
use civic_pulse_core::receipt::Receipt;

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
    let Ok(text) = http::text(&response).await else { return Lookup::Unavailable };
    serde_json::from_str(&text).map_or(Lookup::Unavailable, Lookup::Found)
}

/// The resident's answer to "was your problem solved?". A 409 means this answer was already
/// given (another tab, a double tap): the page looks the case up again either way.
pub async fn answer_solved(code: &Receipt, solved: bool) -> Result<(), http::Unreached> {
    let path = format!("v1/receipts/{}/confirmation", code.as_str());
    let body = if solved { r#"{"solved":true}"# } else { r#"{"solved":false}"# };
    let response = http::send("POST", &path, Some(("application/json", body.to_owned())), None).await?;
    if response.ok() || response.status() == 409 { Ok(()) } else { Err(http::Unreached) }
}
