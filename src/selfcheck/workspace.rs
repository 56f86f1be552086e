use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{CitizenRatings, Framework};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::assessment_files::AssessmentFiles;
use super::bar_chart::BarChart;
use super::data_collection::DataCollection;
use super::dimension_form::DimensionForm;
use super::dimension_overview::DimensionOverview;
use super::dimension_table::DimensionTable;
use super::earlier_comparison::EarlierComparison;
use super::gap_list::GapList;
use super::method_note::MethodNote;
use super::printed_report::{IndicatorTable, ReportCover};
use super::profile_picker::ProfilePicker;
use super::progress_track::ProgressTrack;
use super::radar_chart::RadarChart;
use super::results_panel::ResultsPanel;
use super::state::{Workbench, use_selfcheck};
use super::target_editor::TargetEditor;
use super::weight_editor::WeightEditor;
use crate::i18n::{tr, use_lang};

/// Everything about the open assessment of one framework: who and when, its weight profile, the
/// form one dimension at a time, the results beside it, then weights, targets, charts, gaps,
/// comparison and progress, data, files and method, in the order the printed report follows.
#[component]
pub fn Workspace(framework: Framework) -> impl IntoView {
    let lang = use_lang();
    let state = use_selfcheck();
    let saved = state.saved();
    let dimensions: Vec<usize> = framework.nodes[0].children.clone();
    let count = dimensions.len();
    let table = view! { <DimensionTable framework=framework.clone() /> };
    let Workbench { assessment, .. } = Workbench::provide(framework, state);
    let ratings = RwSignal::new(None::<CitizenRatings>);
    let current = RwSignal::new(0usize);
    let dimensions = StoredValue::new(dimensions);
    let heading_moves = StoredValue::new(false);
    let open = move |position: usize| {
        heading_moves.set_value(true);
        current.set(position.min(count - 1));
    };
    let go = move |step: isize| open(current.get_untracked().saturating_add_signed(step));
    Effect::new(move |_| {
        current.track();
        if heading_moves.get_value()
            && let Some(heading) = document().get_element_by_id("sc-dimension-title")
            && let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = heading.focus();
        }
    });
    let position = move || {
        lang.get().format(
            SelfcheckMsg::DimensionOf,
            &[("number", &(current.get() + 1).to_string()), ("total", &count.to_string())],
        )
    };
    let city_id = "sc-city";
    let year_id = "sc-year";
    view! {
        <ReportCover />
        <div class="sc-identity sc-screen-only">
            <label for=city_id>{tr(SelfcheckMsg::City)}</label>
            <input
                id=city_id
                type="text"
                autocomplete="address-level2"
                prop:value=move || assessment.with(|a| a.city.clone())
                on:input=move |event| assessment.update(|a| a.city = event_target_value(&event))
            />
            <label for=year_id>{tr(SelfcheckMsg::Year)}</label>
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
        <ProfilePicker />
        <p class="sc-saved sc-screen-only" role="status">
            {move || if saved.get() { tr(SelfcheckMsg::Saved)() } else { tr(SelfcheckMsg::SaveFailed)() }}
        </p>
        <div class="sc-layout">
            <div class="sc-form sc-screen-only">
                <DimensionOverview current=current open=Callback::new(open) />
                <nav class="sc-nav" aria-label=position>
                    <button type="button" disabled=move || current.get() == 0 on:click=move |_| go(-1)>
                        {tr(SelfcheckMsg::Previous)}
                    </button>
                    <span>{position}</span>
                    <button type="button" disabled=move || current.get() + 1 == count on:click=move |_| go(1)>
                        {tr(SelfcheckMsg::Next)}
                    </button>
                </nav>
                {move || {
                    let dimension = dimensions.with_value(|d| d[current.get()]);
                    view! { <DimensionForm dimension=dimension ratings=ratings /> }
                }}
            </div>
            <ResultsPanel />
        </div>
        <WeightEditor />
        <TargetEditor />
        <section class="sc-section sc-charts" aria-labelledby="sc-charts-title">
            <h2 id="sc-charts-title">{tr(SelfcheckMsg::ChartsTitle)}</h2>
            <RadarChart />
            <BarChart />
        </section>
        <GapList />
        <EarlierComparison />
        <ProgressTrack />
        <DataCollection ratings=ratings />
        <AssessmentFiles />
        <IndicatorTable />
        <MethodNote />
        {table}
    }
}
