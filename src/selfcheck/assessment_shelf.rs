use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Assessment, FrameworkError, localized_text};
use leptos::prelude::*;

use super::file_picker::FilePicker;
use super::framework_library;
use super::problem_alert::{ProblemAlert, in_page_language};
use super::state::use_selfcheck;
use crate::i18n::{tr, use_lang};

/// The assessments kept on this device: open another (city or year), start a new one with any
/// framework (built in or from a file), or delete one after confirming.
#[component]
pub fn AssessmentShelf() -> impl IntoView {
    let lang = use_lang();
    let state = use_selfcheck();
    let shelf = state.shelf();
    // Whatever opens an assessment (this list, an import, a link), the list shows the open one;
    // a pick in the list holds only while the assessment open when it was made stays open.
    let open_now = Memo::new(move |_| shelf.with(|s| s.current));
    let picked = RwSignal::new(None::<(usize, usize)>);
    let chosen = Memo::new(move |_| {
        let open = open_now.get();
        picked.get().filter(|(open_then, _)| *open_then == open).map_or(open, |(_, position)| position)
    });
    let frameworks = RwSignal::new(framework_library::available());
    let new_framework =
        RwSignal::new(frameworks.with_untracked(|f| f.first().map(|(id, _)| id.clone()).unwrap_or_default()));
    let confirming = RwSignal::new(false);
    // A refused framework file's problems, typed: said in the page's language when shown.
    let problems = RwSignal::new(Vec::<FrameworkError>::new());
    let problem_texts = in_page_language(problems);
    let status = RwSignal::new(None::<String>);

    let label = move |a: &Assessment| {
        let city =
            if a.city.trim().is_empty() { lang.get().text(SelfcheckMsg::NoCityYet).to_owned() } else { a.city.clone() };
        let year = a.year.map(|y| y.to_string()).unwrap_or_else(|| "—".to_owned());
        let framework = frameworks
            .with(|list| {
                list.iter()
                    .find(|(id, _)| *id == a.framework.id)
                    .map(|(_, name)| localized_text(name, lang.get().tag()).to_owned())
            })
            .unwrap_or_else(|| a.framework.id.clone());
        format!("{city} · {year} · {framework}")
    };
    let open_assessment = move |position: usize| {
        state.open_at(position);
        confirming.set(false);
    };
    let start = move |framework_id: &str| {
        let Some(framework) = framework_library::find(framework_id) else { return };
        state.open_beside(Assessment::new(&framework));
    };
    let delete = move |_| {
        let position = chosen.get_untracked();
        let blank = shelf
            .with_untracked(|s| s.assessments.get(position).and_then(|a| framework_library::find(&a.framework.id)));
        let Some(blank) = blank.map(|f| Assessment::new(&f)) else { return };
        state.remove(position, blank);
        confirming.set(false);
        status.set(Some(lang.get_untracked().text(SelfcheckMsg::Deleted).to_owned()));
    };
    let add_framework = Callback::new(move |text: String| match framework_library::add(&text) {
        Ok(framework) => {
            frameworks.set(framework_library::available());
            problems.set(Vec::new());
            let name = localized_text(&framework.name, lang.get_untracked().tag()).to_owned();
            start(&framework.id);
            status.set(Some(lang.get_untracked().format(SelfcheckMsg::FrameworkAdded, &[("name", &name)])));
        }
        Err(found) => {
            status.set(None);
            problems.set(found);
        }
    });
    view! {
        <section class="sc-shelf sc-screen-only" aria-labelledby="sc-shelf-title">
            <h2 id="sc-shelf-title">{tr(SelfcheckMsg::ShelfTitle)}</h2>
            <div class="sc-actions">
                <label class="sc-file">
                    {tr(SelfcheckMsg::ShelfChoose)}
                    <select
                        prop:value=move || chosen.get().to_string()
                        on:change=move |e| {
                            let position = event_target_value(&e).parse().unwrap_or(0);
                            picked.set(Some((open_now.get_untracked(), position)));
                        }
                    >
                        {move || {
                            shelf
                                .with(|s| {
                                    s.assessments
                                        .iter()
                                        .enumerate()
                                        .map(|(position, a)| {
                                            view! {
                                                <option value=position.to_string() selected=move || chosen.get() == position>
                                                    {label(a)}
                                                </option>
                                            }
                                        })
                                        .collect_view()
                                })
                        }}
                    </select>
                </label>
                <button type="button" on:click=move |_| open_assessment(chosen.get_untracked())>{tr(SelfcheckMsg::ShelfOpen)}</button>
                <button type="button" on:click=move |_| confirming.set(true)>{tr(SelfcheckMsg::ShelfDelete)}</button>
            </div>
            {move || {
                confirming
                    .get()
                    .then(|| {
                        let name = shelf.with(|s| s.assessments.get(chosen.get()).map(label).unwrap_or_default());
                        view! {
                            <div class="sc-offer" role="alert">
                                <p>{lang.get().format(SelfcheckMsg::DeleteConfirm, &[("name", &name)])}</p>
                                <button type="button" on:click=delete>{tr(SelfcheckMsg::DeleteYes)}</button>
                                <button type="button" on:click=move |_| confirming.set(false)>{tr(SelfcheckMsg::DeleteNo)}</button>
                            </div>
                        }
                    })
            }}
            <div class="sc-actions">
                <label class="sc-file">
                    {tr(SelfcheckMsg::NewWithFramework)}
                    <select prop:value=move || new_framework.get() on:change=move |e| new_framework.set(event_target_value(&e))>
                        {move || {
                            frameworks
                                .get()
                                .into_iter()
                                .map(|(id, name)| {
                                    let text = format!("{} ({id})", localized_text(&name, lang.get().tag()));
                                    let selected = {
                                        let id = id.clone();
                                        move || new_framework.with(|chosen| *chosen == id)
                                    };
                                    view! { <option value=id selected=selected>{text}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button type="button" on:click=move |_| start(&new_framework.get_untracked())>{tr(SelfcheckMsg::NewStart)}</button>
                <FilePicker label=SelfcheckMsg::FrameworkFile accept=".json,application/json" on_text=add_framework />
            </div>
            <p role="status">{move || status.get()}</p>
            <ProblemAlert title=SelfcheckMsg::FrameworkProblems problems=problem_texts />
        </section>
    }
}
