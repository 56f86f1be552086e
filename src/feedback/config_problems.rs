use civic_pulse_core::{ConfigError, Lang, Msg};
use leptos::prelude::*;

use super::second_part::{FetchWhen, Turn, provide_second_part, second_part_slot};
use crate::i18n::provide_lang;

/// Shown in place of the widget when its configuration cannot work. The list of what to fix comes
/// with the second part, since a good configuration never needs it.
#[component]
pub fn ConfigProblems(problems: Vec<ConfigError>, lang: Lang) -> impl IntoView {
    provide_lang(lang);
    provide_second_part(FetchWhen::AtOnce);
    let problems = StoredValue::new(problems);
    second_part_slot(
        Turn::First,
        move |part| (part.problem_screen)(problems.get_value(), lang),
        Some(Msg::ConfigScreenMissing),
    )
}
