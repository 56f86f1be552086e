use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Assessment, AssessmentError, Baseline, compare_with_earlier, localized_text};
use leptos::prelude::*;

use super::file_picker::FilePicker;
use super::problem_alert::{ProblemAlert, in_page_language};
use super::scoring::{evaluate_assessment, two_decimals_or_dash};
use super::state::{Workbench, use_selfcheck, use_workbench};
use crate::i18n::{tr, use_lang};

/// Compares the open assessment with an earlier year's: one kept on this device for the same
/// city, or a file. Overall index and each dimension, then and now, with the change. The year
/// chosen becomes the assessment's baseline, copied into it, so the progress track, the export
/// and a share link all rest on it.
#[component]
pub fn EarlierComparison() -> impl IntoView {
    let Workbench { framework, scoring, assessment } = use_workbench();
    let lang = use_lang();
    let shelf = use_selfcheck().shelf();
    let problems = RwSignal::new(Vec::<AssessmentError>::new());
    // The select's choice belongs to the assessment that was open then: once another opens, it
    // no longer applies. Kept with its position and derived, never reset by an effect.
    let open_now = Memo::new(move |_| shelf.with(|s| s.current));
    let choice = RwSignal::new(None::<(usize, String)>);
    let on_device = move || {
        shelf.with(|s| {
            s.earlier_years().into_iter().map(|i| (i, s.assessments[i].year.unwrap_or_default())).collect::<Vec<_>>()
        })
    };
    let use_as_baseline = move |earlier: &Assessment| assessment.update(|a| a.baseline = Some(Baseline::of(earlier)));
    let use_chosen = move |_| {
        let open = open_now.get_untracked();
        let position: Option<usize> =
            choice.get_untracked().filter(|(for_open, _)| *for_open == open).and_then(|(_, text)| text.parse().ok());
        let found = position.and_then(|p| shelf.with_untracked(|s| s.assessments.get(p).cloned()));
        problems.set(Vec::new());
        if let Some(earlier) = found {
            use_as_baseline(&earlier);
        }
    };
    let open = Callback::new(move |text: String| {
        let candidate = Assessment::parse(&text).and_then(|c| framework.with_value(|f| c.fit(f)));
        match candidate {
            Ok(candidate) => {
                problems.set(Vec::new());
                use_as_baseline(&candidate);
            }
            Err(found) => problems.set(found),
        }
    });
    let baseline = Memo::new(move |_| assessment.with(|a| a.baseline.as_ref().map(|b| b.as_assessment(&a.framework))));
    // The earlier year is evaluated once when chosen, not again at every change to this one.
    let before = Memo::new(move |_| {
        baseline.with(|a| a.as_ref().and_then(|a| framework.with_value(|f| evaluate_assessment(f, a)).ok()))
    });
    // Different weight profiles make part of the change a change of weights: said, not hidden.
    let profiles_differ = move || {
        let lang = lang.get();
        framework.with_value(|f| {
            let first = f.weight_profiles.first().map(|p| p.id.clone());
            let name = |id: Option<String>| {
                id.or_else(|| first.clone())
                    .map(|id| f.profile(&id).map_or(id.clone(), |p| localized_text(&p.name, lang.tag()).to_owned()))
            };
            let (then, now) = assessment.with(|a| (a.baseline.as_ref().map(|b| b.profile.clone()), a.profile.clone()));
            let (then, now) = (name(then?), name(now));
            (then != now).then(|| {
                let text = lang.format(
                    SelfcheckMsg::CompareProfilesDiffer,
                    &[("then", &then.unwrap_or_default()), ("now", &now.unwrap_or_default())],
                );
                view! { <p class="sc-warning" data-testid="profiles-differ">{text}</p> }
            })
        })
    };
    let baseline_note = move || {
        let year = assessment.with(|a| a.baseline.as_ref().map(|b| b.year))?;
        let year = year.map(|y| y.to_string()).unwrap_or_else(|| "—".to_owned());
        Some(view! {
            <p>
                {lang.get().format(SelfcheckMsg::CompareIsBaseline, &[("year", &year)])}
                " "
                <button type="button" class="sc-inline-button sc-screen-only" on:click=move |_| assessment.update(|a| a.baseline = None)>
                    {tr(SelfcheckMsg::CompareRemove)}
                </button>
            </p>
        })
    };
    let table = move || {
        let before_year = baseline.with(|a| a.as_ref().map(|a| a.year))?;
        let deltas = before.with(|before| {
            let before = before.as_ref()?;
            scoring.with_evaluation(|now| framework.with_value(|f| compare_with_earlier(f, now, before)))
        })?;
        let rows = framework.with_value(|f| {
            std::iter::once(0)
                .chain(f.nodes[0].children.iter().copied())
                .map(|index| {
                    let delta = &deltas[index];
                    let name = if index == 0 {
                        lang.get().text(SelfcheckMsg::OverallIndex).to_owned()
                    } else {
                        f.nodes[index].label(lang.get().tag())
                    };
                    let change = delta.delta.map_or_else(|| "—".to_owned(), |d| format!("{d:+.2}"));
                    view! {
                        <tr data-code=delta.code.clone()>
                            <th scope="row">{name}</th>
                            <td>{two_decimals_or_dash(delta.before)}</td>
                            <td>{two_decimals_or_dash(delta.now)}</td>
                            <td>{change}</td>
                        </tr>
                    }
                })
                .collect_view()
        });
        let year = before_year.map(|y| y.to_string()).unwrap_or_else(|| "—".to_owned());
        Some(view! {
            <table class="sc-table sc-data" data-testid="comparison">
                <caption>{lang.get().format(SelfcheckMsg::CompareCaption, &[("year", &year)])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(SelfcheckMsg::ColumnDimension)}</th>
                        <th scope="col">{year}</th>
                        <th scope="col">{tr(SelfcheckMsg::ThisAssessment)}</th>
                        <th scope="col">{tr(SelfcheckMsg::ColumnChange)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };
    view! {
        <section class="sc-section" aria-labelledby="sc-compare-title">
            <h2 id="sc-compare-title">{tr(SelfcheckMsg::CompareTitle)}</h2>
            <div class="sc-actions sc-screen-only">
                {move || {
                    let found = on_device();
                    (!found.is_empty())
                        .then(|| {
                            view! {
                                <label class="sc-file">
                                    {tr(SelfcheckMsg::CompareOnDevice)}
                                    <select on:change=move |e| choice.set(Some((open_now.get_untracked(), event_target_value(&e))))>
                                        <option value="">"—"</option>
                                        {found
                                            .into_iter()
                                            .map(|(position, year)| view! { <option value=position.to_string()>{year}</option> })
                                            .collect_view()}
                                    </select>
                                </label>
                                <button type="button" on:click=use_chosen>{tr(SelfcheckMsg::CompareUse)}</button>
                            }
                        })
                }}
                <FilePicker label=SelfcheckMsg::CompareFile accept=".json,application/json" on_text=open />
            </div>
            <ProblemAlert title=SelfcheckMsg::ImportProblems problems=in_page_language(problems) />
            {baseline_note}
            {profiles_differ}
            {table}
        </section>
    }
}
