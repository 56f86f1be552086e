use civic_pulse_core::Lang;
use civic_pulse_core::display::DisplayPrefs;
use leptos::prelude::*;

use super::{load_display_prefs, save_display_prefs};

/// For a page of its own (the self-check, the staff console): the page's `<html lang>` follows
/// the language switcher, so screen readers pronounce it right, and the text size and contrast
/// chosen (remembered on the device) are set on `<html>`, so the whole page follows. Returns the
/// display preferences for the page's controls.
pub fn follow_page_settings(lang: RwSignal<Lang>) -> RwSignal<DisplayPrefs> {
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    let prefs = RwSignal::new(load_display_prefs());
    Effect::new(move |_| {
        let chosen = prefs.get();
        save_display_prefs(chosen);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-text-size", &chosen.text_step.to_string());
            let _ = if chosen.high_contrast {
                root.set_attribute("data-contrast", "high")
            } else {
                root.remove_attribute("data-contrast")
            };
        }
    });
    prefs
}
