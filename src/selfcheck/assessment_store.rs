//! The assessment in progress lives in the browser's local storage and is written after every
//! change, so closing the tab or losing power loses nothing. Nothing leaves the device.

use civic_pulse_core::selfcheck::{Assessment, Framework};

const KEY: &str = "civic-pulse:selfcheck:current";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved assessment of `framework`, or a blank one (also when the saved one is unreadable
/// or of another framework, which is then left in storage untouched).
pub fn load(framework: &Framework) -> Assessment {
    storage()
        .and_then(|storage| storage.get_item(KEY).ok().flatten())
        .and_then(|json| Assessment::parse(&json).ok())
        .filter(|saved| saved.framework.id == framework.id)
        .unwrap_or_else(|| Assessment::new(framework))
}

/// Whether it was saved (storage can be full or turned off; the page says so).
pub fn save(assessment: &Assessment) -> bool {
    storage().is_some_and(|storage| storage.set_item(KEY, &assessment.to_json()).is_ok())
}
