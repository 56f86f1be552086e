use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::localized_text;
use leptos::prelude::*;

use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// The weight profile the assessment starts from ("published", "very large city", …), for a
/// framework that offers profiles. An assessment that names none uses the first, the framework's
/// own weights. Choosing another clears the official's own weight changes, which were made
/// against the old one; the results and the method note follow at once.
#[component]
pub fn ProfilePicker() -> impl IntoView {
    let Workbench { framework, assessment, .. } = use_workbench();
    let lang = use_lang();
    let profiles: Vec<(String, civic_pulse_core::selfcheck::Localized)> =
        framework.with_value(|f| f.weight_profiles.iter().map(|p| (p.id.clone(), p.name.clone())).collect());
    if profiles.is_empty() {
        return None;
    }
    let first = profiles[0].0.clone();
    let chosen = move || assessment.with(|a| a.profile.clone()).unwrap_or_else(|| first.clone());
    let options = profiles
        .into_iter()
        .map(|(id, name)| {
            let selected = {
                let id = id.clone();
                let chosen = chosen.clone();
                move || chosen() == id
            };
            view! { <option value=id selected=selected>{move || localized_text(&name, lang.get().tag()).to_owned()}</option> }
        })
        .collect_view();
    let choose = move |event: leptos::ev::Event| {
        let id = event_target_value(&event);
        assessment.update(|a| a.use_profile(Some(id)));
    };
    Some(view! {
        <div class="sc-profile sc-screen-only">
            <label for="sc-profile">{tr(SelfcheckMsg::ProfileLabel)}</label>
            <select id="sc-profile" aria-describedby="sc-profile-help" on:change=choose>{options}</select>
            <p id="sc-profile-help" class="sc-hint">{tr(SelfcheckMsg::ProfileHelp)}</p>
        </div>
    })
}
