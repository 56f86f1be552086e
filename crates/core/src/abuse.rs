//! Abuse resistance that needs no third party and tracks nobody: a honeypot field, a minimum
//! human time before sending, and a one-rating-per-service cooldown remembered only on the
//! device. None of it refuses a person: a quick send waits, a rated service says so.

/// A filled honeypot (a field people never see) marks a bot. Its rating is acknowledged, so the
/// bot learns nothing, but never queued or sent.
pub fn is_bot(honeypot: &str) -> bool {
    !honeypot.trim().is_empty()
}

/// How much longer a send must wait so that it happens no sooner than `min_ms` after the form
/// appeared at `shown_ms` (times in milliseconds on one clock).
pub fn human_wait_ms(shown_ms: f64, now_ms: f64, min_ms: u32) -> u32 {
    let left = f64::from(min_ms) - (now_ms - shown_ms).max(0.0);
    if left > 0.0 { left.ceil() as u32 } else { 0 }
}

/// When each service may be rated again on this device, stored in the browser as lines of
/// `<service id> <end in ms since the epoch>`. Only service ids and times: nothing about the
/// rating itself. (A plain format: JSON here would add parser code to every widget.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cooldowns(Vec<(String, u64)>);

impl Cooldowns {
    /// Reads what the device stored; unreadable lines count as no cooldown.
    pub fn parse(text: &str) -> Cooldowns {
        Cooldowns(
            text.lines()
                .filter_map(|line| {
                    let (service, until) = line.split_once(' ')?;
                    Some((service.to_owned(), until.parse().ok()?))
                })
                .collect(),
        )
    }

    pub fn to_text(&self) -> String {
        self.0.iter().map(|(service, until)| format!("{service} {until}\n")).collect()
    }

    /// Until when `service` rests, if it does at `now_ms`.
    pub fn until(&self, service: &str, now_ms: u64) -> Option<u64> {
        self.0.iter().find(|(id, until)| id == service && *until > now_ms).map(|(_, until)| *until)
    }

    /// Starts the rest after a rating; `period_ms` 0 turns the cooldown off. Entries that have
    /// ended are forgotten, so the record never grows.
    pub fn start(&mut self, service: &str, now_ms: u64, period_ms: u64) {
        self.0.retain(|(id, until)| id != service && *until > now_ms);
        if period_ms > 0 {
            self.0.push((service.to_owned(), now_ms.saturating_add(period_ms)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_send_waits_out_the_minimum_time() {
        assert_eq!(human_wait_ms(1_000.0, 1_500.0, 2_000), 1_500);
        assert_eq!(human_wait_ms(1_000.0, 3_000.0, 2_000), 0);
        assert_eq!(human_wait_ms(1_000.0, 9_000.0, 2_000), 0);
        assert_eq!(human_wait_ms(1_000.0, 500.0, 2_000), 2_000, "a clock that went back never shortens it");
        assert_eq!(human_wait_ms(1_000.0, 1_000.0, 0), 0);
    }

    #[test]
    fn the_honeypot_catches_only_filled_fields() {
        assert!(!is_bot(""));
        assert!(!is_bot("  "));
        assert!(is_bot("http://spam.example"));
    }

    #[test]
    fn each_service_rests_for_the_period_then_is_forgotten() {
        let mut cooldowns = Cooldowns::default();
        cooldowns.start("transport", 1_000, 500);
        assert_eq!(cooldowns.until("transport", 1_200), Some(1_500));
        assert_eq!(cooldowns.until("healthcare", 1_200), None, "other services are free");
        assert_eq!(cooldowns.until("transport", 1_500), None);
        cooldowns.start("healthcare", 2_000, 500);
        assert_eq!(cooldowns, Cooldowns(vec![("healthcare".into(), 2_500)]), "ended entries are dropped");
        cooldowns.start("healthcare", 2_100, 0);
        assert_eq!(cooldowns.until("healthcare", 2_200), None, "period 0 means no cooldown");
        assert_eq!(Cooldowns::parse(&cooldowns.to_text()), cooldowns);
        assert_eq!(Cooldowns::parse("{oops\ntransport soon"), Cooldowns::default());
    }
}
