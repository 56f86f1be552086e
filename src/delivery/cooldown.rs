//! The one-rating-per-service cooldown of a widget's endpoint, remembered in the browser's local
//! storage: only service ids and end times (the rules are `civic_pulse_core::abuse::Cooldowns`).

use civic_pulse_core::abuse::Cooldowns;

use super::timer::now_ms;
use crate::local_storage::local_storage;

pub struct Cooldown {
    /// The local-storage key, one per endpoint.
    key: String,
    period_ms: u64,
}

impl Cooldown {
    /// The cooldown of the endpoint whose queue is `namespace` (see `queue_namespace`).
    pub fn new(namespace: &str, period_ms: u64) -> Cooldown {
        Cooldown { key: format!("civic-pulse:cooldowns:{namespace}"), period_ms }
    }

    /// Until when `service` rests on this device, if it does now.
    pub fn rests_until(&self, service: &str) -> Option<u64> {
        let text = local_storage()?.get_item(&self.key).ok().flatten()?;
        Cooldowns::parse(&text).until(service, now_ms())
    }

    /// Starts `service`'s rest once a rating of it was sent or saved. Without storage there is
    /// simply no cooldown: it is a courtesy against repeats, never a reason to refuse a rating.
    pub fn start(&self, service: &str) {
        let Some(storage) = local_storage() else { return };
        let mut cooldowns =
            storage.get_item(&self.key).ok().flatten().map(|text| Cooldowns::parse(&text)).unwrap_or_default();
        cooldowns.start(service, now_ms(), self.period_ms);
        let _ = storage.set_item(&self.key, &cooldowns.to_text());
    }
}
