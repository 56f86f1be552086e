use civic_pulse_core::selfcheck::{Framework, Status, localized_text};
use civic_pulse_core::{Lang, Msg};
use leptos::prelude::*;

use crate::i18n::{LanguageSwitcher, browser_languages, provide_lang, tr, use_lang};
use crate::ui::ProblemList;

/// The self-check page. For now it presents the SMART model's dimensions, published weights and
/// 2021 averages, read from the built-in framework; the assessment form builds on it.
#[component]
pub fn SelfcheckApp() -> impl IntoView {
    let lang = provide_lang(Lang::negotiate(&browser_languages()));
    // The page's own <html lang> follows the switcher, so screen readers pronounce it correctly.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    let framework = Framework::builtin("smart-2021");
    view! {
        <header class="sc-header">
            <h1>{tr(Msg::SelfcheckTitle)}</h1>
            <LanguageSwitcher />
        </header>
        <main class="sc-main">
            <p>{tr(Msg::SelfcheckIntro)}</p>
            {match framework {
                Some(framework) => view! { <DimensionTable framework=framework /> }.into_any(),
                // Only a broken build could get here; say so rather than show an empty page.
                None => view! {
                    <ProblemList title="smart-2021".to_owned() problems=vec!["The built-in framework could not be read.".to_owned()] />
                }
                .into_any(),
            }}
        </main>
    }
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
