use civic_pulse_core::SelfcheckMsg;
use leptos::prelude::*;

use super::local_files::read_chosen_file;
use crate::i18n::tr;

/// A labelled file chooser that hands the chosen file's text to `on_text` (nothing is uploaded).
#[component]
pub fn FilePicker(
    label: SelfcheckMsg,
    /// The file types offered first, as in the `accept` attribute.
    accept: &'static str,
    on_text: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="sc-file">
            {tr(label)}
            <input type="file" accept=accept on:change=move |event| read_chosen_file(event, move |text| on_text.run(text)) />
        </label>
    }
}
