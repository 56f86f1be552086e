//! The assessments on this device (a [`Shelf`]) live in the browser's local storage and are
//! written after every change, so closing the tab or losing power loses nothing. Nothing leaves
//! the device.

use civic_pulse_core::selfcheck::{Assessment, Framework, Shelf};

use crate::local_storage::local_storage;

const KEY: &str = "civic-pulse:selfcheck:shelf";
/// Where the first version kept its single assessment; read once, so nothing entered is lost.
const OLD_KEY: &str = "civic-pulse:selfcheck:current";

/// The saved shelf; else one holding the first version's assessment; else a blank assessment of
/// `framework`. An unreadable saved shelf is left in storage untouched.
pub fn load(framework: &Framework) -> Shelf {
    let read = |key: &str| local_storage().and_then(|s| s.get_item(key).ok().flatten());
    read(KEY)
        .and_then(|json| Shelf::parse(&json))
        .or_else(|| read(OLD_KEY).and_then(|json| Assessment::parse(&json).ok()).map(Shelf::with))
        .unwrap_or_else(|| Shelf::with(Assessment::new(framework)))
}

/// Whether it was saved (storage can be full or turned off; the page says so).
pub fn save(shelf: &Shelf) -> bool {
    local_storage().is_some_and(|storage| storage.set_item(KEY, &shelf.to_json()).is_ok())
}
