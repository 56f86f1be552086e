//! What the rating takes from the device: today's local date and fresh randomness. Nothing else
//! about the device (no clock time, time zone, screen or user agent) is read.

use civic_pulse_core::{Day, RatingId};

/// Today's date on the resident's own calendar.
pub fn today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).ok()?;
    let month = u8::try_from(now.get_month() + 1).ok()?;
    let day = u8::try_from(now.get_date()).ok()?;
    Day::from_ymd(year, month, day)
}

/// A new random rating id from the browser's cryptographic generator.
pub fn fresh_rating_id() -> Option<RatingId> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(RatingId::from_random_bytes(bytes))
}
