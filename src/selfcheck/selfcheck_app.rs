use civic_pulse_core::selfcheck::{Assessment, Framework, Status, localized_text};
use civic_pulse_core::{Lang, Msg};
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::assessment_files::AssessmentFiles;
use super::assessment_store;
use super::dimension_form::DimensionForm;
use super::results_panel::ResultsPanel;
use super::shared_link::{SharedLinkOffer, take_shared_assessment};
use crate::i18n::{LanguageSwitcher, browser_languages, provide_lang, tr, use_lang};
use crate::ui::ProblemList;

/// The self-check page: the city and year, the assessment form one dimension at a time with
/// progress, and the results beside it, all saved on the device after every change.
#[component]
pub fn SelfcheckApp() -> impl IntoView {
    let lang = provide_lang(Lang::negotiate(&browser_languages()));
    // The page's own <html lang> follows the switcher, so screen readers pronounce it correctly.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    let Some(framework) = Framework::builtin("smart-2021") else {
        // Only a broken build could get here; say so rather than show an empty page.
        return view! {
            <main class="sc-main">
                <ProblemList title="smart-2021".to_owned() problems=vec!["The built-in framework could not be read.".to_owned()] />
            </main>
        }
        .into_any();
    };
    let stored = assessment_store::load(&framework);
    let offered = RwSignal::new(None::<Assessment>);
    let link_problems = RwSignal::new(Vec::<String>::new());
    let assessment = match take_shared_assessment(&framework) {
        // A device with nothing entered yet simply opens the link.
        Some(Ok(shared)) if stored.inputs.is_empty() && stored.city.is_empty() => RwSignal::new(shared),
        Some(Ok(shared)) => {
            offered.set(Some(shared));
            RwSignal::new(stored)
        }
        Some(Err(problems)) => {
            link_problems.set(problems);
            RwSignal::new(stored)
        }
        None => RwSignal::new(stored),
    };
    let saved = RwSignal::new(true);
    Effect::new(move |first: Option<()>| {
        let ok = assessment.with(assessment_store::save);
        // The first run only reads what was loaded; from then on every change is written.
        if first.is_some() {
            saved.set(ok);
        }
    });
    let dimensions: Vec<usize> = framework.nodes[0].children.clone();
    let count = dimensions.len();
    let framework = StoredValue::new(framework);
    let current = RwSignal::new(0usize);
    let dimensions = StoredValue::new(dimensions);
    let heading_moves = StoredValue::new(false);
    let go = move |step: isize| {
        let next = current.get_untracked().saturating_add_signed(step).min(count - 1);
        heading_moves.set_value(true);
        current.set(next);
    };
    Effect::new(move |_| {
        current.track();
        if heading_moves.get_value()
            && let Some(heading) = document().get_element_by_id("sc-dimension-title")
            && let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = heading.focus();
        }
    });
    let city_id = "sc-city";
    let year_id = "sc-year";
    view! {
        <header class="sc-header">
            <h1>{tr(Msg::SelfcheckTitle)}</h1>
            <LanguageSwitcher />
        </header>
        <main class="sc-main">
            <p>{tr(Msg::SelfcheckIntro)}</p>
            <SharedLinkOffer offered=offered problems=link_problems assessment=assessment />
            <div class="sc-identity">
                <label for=city_id>{tr(Msg::SelfcheckCity)}</label>
                <input
                    id=city_id
                    type="text"
                    autocomplete="address-level2"
                    prop:value=move || assessment.with(|a| a.city.clone())
                    on:input=move |event| assessment.update(|a| a.city = event_target_value(&event))
                />
                <label for=year_id>{tr(Msg::SelfcheckYear)}</label>
                <input
                    id=year_id
                    type="number"
                    min="2000"
                    max="2100"
                    inputmode="numeric"
                    prop:value=move || assessment.with(|a| a.year.map(|y| y.to_string()).unwrap_or_default())
                    on:input=move |event| assessment.update(|a| a.year = event_target_value(&event).trim().parse().ok())
                />
            </div>
            <p class="sc-saved" role="status">
                {move || if saved.get() { tr(Msg::SelfcheckSaved)() } else { tr(Msg::SendFailed)() }}
            </p>
            <div class="sc-layout">
                <div class="sc-form">
                    <nav class="sc-nav" aria-label=move || lang.get().format(Msg::SelfcheckDimensionOf, &[("number", &(current.get() + 1).to_string()), ("total", &count.to_string())])>
                        <button type="button" disabled=move || current.get() == 0 on:click=move |_| go(-1)>
                            {tr(Msg::SelfcheckPrevious)}
                        </button>
                        <span>
                            {move || {
                                lang.get().format(Msg::SelfcheckDimensionOf, &[("number", &(current.get() + 1).to_string()), ("total", &count.to_string())])
                            }}
                        </span>
                        <button type="button" disabled=move || current.get() + 1 == count on:click=move |_| go(1)>
                            {tr(Msg::SelfcheckNext)}
                        </button>
                    </nav>
                    {move || {
                        let dimension = dimensions.with_value(|d| d[current.get()]);
                        view! { <DimensionForm framework=framework dimension=dimension assessment=assessment /> }
                    }}
                </div>
                <ResultsPanel framework=framework assessment=assessment />
            </div>
            <AssessmentFiles framework=framework assessment=assessment />
            {framework.with_value(|f| view! { <DimensionTable framework=f.clone() /> })}
        </main>
    }
    .into_any()
}

#[component]
fn DimensionTable(framework: Framework) -> impl IntoView {
    let lang = use_lang();
    let root = &framework.nodes[0];
    let total: f64 = root.children.iter().map(|&c| framework.nodes[c].weight).sum();
    let average =
        |code: &str| framework.benchmark.as_ref().and_then(|b| b.values.get(code)).map(|v| (v.value, v.status));
    let rows: Vec<_> = root
        .children
        .iter()
        .map(|&c| {
            let node = &framework.nodes[c];
            (node.code.clone(), node.name.clone(), node.weight / total * 100.0, average(&node.code))
        })
        .collect();
    view! {
        <table class="sc-table">
            <caption>{tr(Msg::SelfcheckDimensionsCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(Msg::SelfcheckColumnDimension)}</th>
                    <th scope="col">{tr(Msg::SelfcheckColumnWeight)}</th>
                    <th scope="col">{tr(Msg::SelfcheckColumnAverage)}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(code, name, percent, average)| {
                        let label = code.clone();
                        view! {
                            <tr data-code=code>
                                <th scope="row">{label}" · "{move || localized_text(&name, lang.get().tag()).to_owned()}</th>
                                <td>{format!("{percent:.0} %")}</td>
                                <td>
                                    {move || {
                                        average.map(|(value, status)| {
                                            format!("{} ({})", at_least_two_decimals(value), lang.get().text(status_text(status)))
                                        })
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// A figure as written in its source (0.295 stays 0.295, not a rounded 0.29 or 0.30), padded to
/// two decimals so a column of averages lines up (0.8 shows as 0.80).
fn at_least_two_decimals(value: f64) -> String {
    let text = value.to_string();
    let decimals = text.split_once('.').map_or(0, |(_, fraction)| fraction.len());
    match decimals {
        0 => format!("{text}.00"),
        1 => format!("{text}0"),
        _ => text,
    }
}

fn status_text(status: Status) -> Msg {
    match status {
        Status::Published => Msg::StatusPublished,
        Status::Approximate => Msg::StatusApproximate,
        Status::Derived => Msg::StatusDerived,
    }
}
