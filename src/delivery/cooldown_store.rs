//! Where the one-rating-per-service cooldown is remembered: the browser's local storage, per
//! endpoint, holding only service ids and end times (see `civic_pulse_core::abuse::Cooldowns`).

use civic_pulse_core::abuse::Cooldowns;

use crate::local_storage::local_storage;

fn key(namespace: &str) -> String {
    format!("civic-pulse:cooldowns:{namespace}")
}

/// Until when `service` rests on this device, if it does now.
pub fn rested_until(namespace: &str, service: &str) -> Option<u64> {
    let text = local_storage()?.get_item(&key(namespace)).ok().flatten()?;
    Cooldowns::parse(&text).until(service, js_sys::Date::now() as u64)
}

/// Starts `service`'s rest after a rating was sent or queued. Without storage there is simply
/// no cooldown: it is a courtesy against repeats, never a reason to refuse a rating.
pub fn start(namespace: &str, service: &str, period_ms: u64) {
    let Some(storage) = local_storage() else { return };
    let mut cooldowns =
        storage.get_item(&key(namespace)).ok().flatten().map(|text| Cooldowns::parse(&text)).unwrap_or_default();
    cooldowns.start(service, js_sys::Date::now() as u64, period_ms);
    let _ = storage.set_item(&key(namespace), &cooldowns.to_text());
}
