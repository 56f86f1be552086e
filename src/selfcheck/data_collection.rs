use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{
    CitizenRatings, FiguresError, RatingsError, TemplateError, read_figures, read_ratings, read_template, template_csv,
};
use leptos::prelude::*;

use super::file_picker::FilePicker;
use super::local_files::save_csv;
use super::problem_alert::{ProblemAlert, in_page_language};
use super::scoring::percent;
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// Gathering figures: a blank CSV template for departments to fill in and its import, and
/// residents' ratings (a collector or portal export) that score the citizen-feedback indicator,
/// and the collector's bad-review figures, which go in that indicator's evidence note.
/// A bad file is explained line by line and changes nothing.
#[component]
pub fn DataCollection(ratings: RwSignal<Option<CitizenRatings>>) -> impl IntoView {
    let Workbench { framework, assessment, .. } = use_workbench();
    let lang = use_lang();
    // A refused file's problems are typed, said in the page's language when shown.
    let template_problems = RwSignal::new(Vec::<TemplateError>::new());
    let ratings_problems = RwSignal::new(Vec::<RatingsError>::new());
    let figures_problems = RwSignal::new(Vec::<FiguresError>::new());
    let (template_texts, ratings_texts, figures_texts) =
        (in_page_language(template_problems), in_page_language(ratings_problems), in_page_language(figures_problems));
    let all_problems = Signal::derive(move || {
        template_texts.get().into_iter().chain(ratings_texts.get()).chain(figures_texts.get()).collect::<Vec<_>>()
    });
    let status = RwSignal::new(None::<String>);
    let takes_ratings = framework.with_value(|f| f.citizen_feedback.is_some());

    let template = move |_| {
        let (csv, name) = framework
            .with_value(|f| (template_csv(f, lang.get_untracked()), format!("self-check-template-{}.csv", f.id)));
        let _ = save_csv(&csv, &name);
    };
    let import_template = Callback::new(move |text: String| match framework.with_value(|f| read_template(f, &text)) {
        Ok(inputs) => {
            let count = inputs.len();
            assessment.update(|a| a.inputs.extend(inputs));
            template_problems.set(Vec::new());
            ratings_problems.set(Vec::new());
            status
                .set(Some(lang.get_untracked().format(SelfcheckMsg::TemplateLoaded, &[("count", &count.to_string())])));
        }
        Err(found) => {
            status.set(None);
            ratings_problems.set(Vec::new());
            template_problems.set(found);
        }
    });
    let import_ratings = Callback::new(move |text: String| match read_ratings(&text) {
        Ok(found) => {
            let entry = framework.with_value(|f| found.indicator_input(f, lang.get_untracked()));
            let (code, satisfaction) = (entry.as_ref().map(|(c, _)| c.clone()).unwrap_or_default(), found.overall);
            if let Some((code, input)) = entry {
                assessment.update(|a| {
                    a.inputs.insert(code, input);
                });
            }
            template_problems.set(Vec::new());
            ratings_problems.set(Vec::new());
            status.set(Some(lang.get_untracked().format(
                SelfcheckMsg::RatingsLoaded,
                &[
                    ("count", &satisfaction.count.to_string()),
                    ("repeats", &found.duplicates.to_string()),
                    ("percent", &percent(satisfaction.score / 100.0)),
                    ("indicator", &code),
                ],
            )));
            ratings.set(Some(found));
        }
        Err(found) => {
            status.set(None);
            template_problems.set(Vec::new());
            ratings_problems.set(found);
        }
    });
    let import_figures = Callback::new(move |text: String| {
        template_problems.set(Vec::new());
        ratings_problems.set(Vec::new());
        let figures = match read_figures(&text) {
            Ok(figures) => figures,
            Err(problem) => {
                status.set(None);
                figures_problems.set(vec![problem]);
                return;
            }
        };
        figures_problems.set(Vec::new());
        let Some(code) = framework.with_value(|f| f.citizen_feedback.as_ref().map(|c| c.indicator.clone())) else {
            return;
        };
        let lang = lang.get_untracked();
        let note = figures.note(lang);
        // The note adds to what the indicator's evidence already says; it needs a figure to sit beside.
        let earlier =
            assessment.with_untracked(|a| a.inputs.get(&code).map(|input| input.note.clone().unwrap_or_default()));
        if let Some(earlier) = &earlier
            && !earlier.contains(&note)
        {
            let joined = if earlier.trim().is_empty() { note.clone() } else { format!("{earlier}\n{note}") };
            assessment.update(|a| a.set_note(&code, &joined));
        }
        let period = if figures.from == figures.to {
            figures.from.clone()
        } else {
            format!("{}–{}", figures.from, figures.to)
        };
        let said = if earlier.is_some() {
            lang.format(SelfcheckMsg::FiguresLoaded, &[("period", &period), ("indicator", &code)])
        } else {
            lang.format(SelfcheckMsg::FiguresNeedsFigure, &[("indicator", &code)])
        };
        status.set(Some(said));
    });
    view! {
        <section class="sc-files sc-screen-only" aria-labelledby="sc-data-title">
            <h2 id="sc-data-title">{tr(SelfcheckMsg::DataTitle)}</h2>
            <p>{tr(SelfcheckMsg::DataHelp)}</p>
            <div class="sc-actions">
                <button type="button" on:click=template>{tr(SelfcheckMsg::TemplateDownload)}</button>
                <FilePicker label=SelfcheckMsg::TemplateImport accept=".csv,text/csv" on_text=import_template />
                {takes_ratings
                    .then(|| {
                        view! {
                            <FilePicker label=SelfcheckMsg::RatingsImport accept=".json,.jsonl,.csv,application/json,text/csv" on_text=import_ratings />
                            <FilePicker label=SelfcheckMsg::FiguresImport accept=".json,application/json" on_text=import_figures />
                        }
                    })}
            </div>
            <p role="status" data-testid="data-status">{move || status.get()}</p>
            <ProblemAlert title=SelfcheckMsg::ImportProblems problems=all_problems />
        </section>
    }
}
