use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Node, RUBRIC_TEXTS, localized_text};
use leptos::prelude::*;

use super::state::use_workbench;
use crate::i18n::use_lang;

/// An indicator scored by rubric level: one radio group whose first answer is always "not
/// assessed" (never the same as level 0), then levels 0 to 4 in the framework's own words where
/// it has them, else the generic rubric.
#[component]
pub fn RubricLevels(
    node: StoredValue<Node>,
    /// The radio group's name and id prefix.
    group: String,
) -> impl IntoView {
    let assessment = use_workbench().assessment;
    let lang = use_lang();
    let code = StoredValue::new(node.with_value(|n| n.code.clone()));
    let chosen = move || assessment.with(|a| a.level(&code.read_value()));
    let set = move |level: Option<u8>| assessment.update(|a| a.set_level(&code.read_value(), level));
    std::iter::once(None)
        .chain((0..5u8).map(Some))
        .map(|level| {
            let id = format!("{group}-{}", level.map_or("none".to_owned(), |l| l.to_string()));
            let label = move || match level {
                None => lang.get().text(SelfcheckMsg::NotAssessed).to_owned(),
                Some(level) => {
                    let (title, generic) = RUBRIC_TEXTS[usize::from(level)];
                    let own = node.with_value(|n| {
                        n.rubric
                            .as_ref()
                            .and_then(|r| r.get(usize::from(level)))
                            .map(|t| localized_text(t, lang.get().tag()).to_owned())
                    });
                    format!(
                        "{level} · {} — {}",
                        lang.get().text(title),
                        own.unwrap_or_else(|| lang.get().text(generic).to_owned())
                    )
                }
            };
            let group = group.clone();
            view! {
                <div class="sc-level">
                    <input type="radio" id=id.clone() name=group prop:checked=move || chosen() == level on:change=move |_| set(level) />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
}
