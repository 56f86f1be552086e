use civic_pulse_core::Msg;
use civic_pulse_core::dimensions::SMART_2021;
use leptos::prelude::*;

use crate::i18n::{LanguageSwitcher, browser_languages, provide_lang, tr, use_lang};

/// The self-check page. For now it presents the SMART model's dimensions and published weights;
/// the scoring engine and assessment form build on it.
#[component]
pub fn SelfcheckApp() -> impl IntoView {
    let lang = provide_lang(civic_pulse_core::Lang::negotiate(&browser_languages()));
    // The page's own <html lang> follows the switcher, so screen readers pronounce it correctly.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    view! {
        <header class="sc-header">
            <h1>{tr(Msg::SelfcheckTitle)}</h1>
            <LanguageSwitcher />
        </header>
        <main class="sc-main">
            <p>{tr(Msg::SelfcheckIntro)}</p>
            <DimensionTable />
        </main>
    }
}

#[component]
fn DimensionTable() -> impl IntoView {
    let lang = use_lang();
    view! {
        <table class="sc-table">
            <caption>{tr(Msg::SelfcheckDimensionsCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(Msg::SelfcheckColumnDimension)}</th>
                    <th scope="col">{tr(Msg::SelfcheckColumnWeight)}</th>
                </tr>
            </thead>
            <tbody>
                {SMART_2021
                    .iter()
                    .map(|dimension| {
                        view! {
                            <tr data-code=dimension.code>
                                <th scope="row">{dimension.code}" · "{move || lang.get().text(dimension.name)}</th>
                                <td>{dimension.weight_percent}" %"</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
