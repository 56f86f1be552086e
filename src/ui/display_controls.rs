use civic_pulse_core::UiMsg;
use civic_pulse_core::display::DisplayPrefs;
use leptos::prelude::*;

use crate::i18n::tr;
use crate::local_storage::local_storage;

/// Text size (three steps) and high contrast, as toggle buttons. Each size button shows an "A"
/// at that size; its name starts with the "A" too, so voice control users can say what they see.
#[component]
pub fn DisplayControls(prefs: RwSignal<DisplayPrefs>) -> impl IntoView {
    let size_label = |step: u8| match step {
        0 => UiMsg::TextSize0,
        1 => UiMsg::TextSize1,
        _ => UiMsg::TextSize2,
    };
    view! {
        <div class="cp-toggle-group" role="group" aria-label=tr(UiMsg::DisplayControls)>
            {(0..DisplayPrefs::TEXT_STEPS)
                .map(|step| {
                    view! {
                        <button
                            type="button"
                            class=format!("cp-toggle cp-display__size--{step}")
                            aria-pressed=move || (prefs.get().text_step == step).to_string()
                            on:click=move |_| prefs.update(|p| p.text_step = step)
                        >
                            "A"
                            <span class="cp-visually-hidden">" "{tr(size_label(step))}</span>
                        </button>
                    }
                })
                .collect_view()}
            <button
                type="button"
                class="cp-toggle"
                aria-pressed=move || prefs.get().high_contrast.to_string()
                on:click=move |_| prefs.update(|p| p.high_contrast = !p.high_contrast)
            >
                {tr(UiMsg::HighContrast)}
            </button>
        </div>
    }
}

/// The preferences remembered on this device, or the defaults.
pub fn load_display_prefs() -> DisplayPrefs {
    let stored = local_storage().and_then(|storage| storage.get_item(DisplayPrefs::STORAGE_KEY).ok().flatten());
    stored.map_or_else(DisplayPrefs::default, |text| DisplayPrefs::parse(&text))
}

/// Remembers the preferences; where storage is blocked (private modes, sandboxed frames) they
/// simply last until the page closes.
pub fn save_display_prefs(prefs: DisplayPrefs) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(DisplayPrefs::STORAGE_KEY, &prefs.to_stored());
    }
}
