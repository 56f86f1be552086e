use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{combined, localized_text};
use leptos::prelude::*;

use super::scoring::{bounds_text, percent, two_decimals};
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};
use crate::ui::ProblemList;

/// The headline results, recomputed at every change: the overall index (of what is assessed) and
/// what it means, the tier, coverage, and how sure the index is. Below the coverage gate the
/// exact range comes first, the tier is not told, and the heaviest indicators still to assess are
/// named; above it the Monte Carlo interval, its median and the chance of each tier. The
/// `data-testid` hooks are stable for automated checks.
#[component]
pub fn ResultsPanel() -> impl IntoView {
    let Workbench { framework, scoring, assessment } = use_workbench();
    let lang = use_lang();
    let tier_name = move |id: &str| {
        framework.with_value(|f| f.tier(id).map(|t| localized_text(&t.name, lang.get().tag()).to_owned()))
    };
    let has_index = Memo::new(move |_| scoring.with_evaluation(|e| e.index.is_some()).unwrap_or(false));
    let below_gate = Memo::new(move |_| scoring.with_evaluation(|e| e.low_coverage).unwrap_or(true));
    let index = move || {
        scoring
            .with_evaluation(|e| e.index)
            .flatten()
            .map_or_else(|| lang.get().text(SelfcheckMsg::NoIndex).to_owned(), two_decimals)
    };
    let tier = move || {
        if !has_index.get() {
            return "—".to_owned();
        }
        if below_gate.get() {
            return lang.get().text(SelfcheckMsg::TierUnknown).to_owned();
        }
        scoring
            .with_evaluation(|e| e.tier.clone())
            .flatten()
            .and_then(|id| tier_name(&id))
            .unwrap_or_else(|| "—".to_owned())
    };
    let coverage = move || scoring.with_evaluation(|e| (e.coverage, e.coverage_gate, e.low_coverage));
    // Level and progress together, beside the level and never instead of it.
    let combined_result = move || {
        let level = scoring.with_evaluation(|e| e.index).flatten();
        let progress = scoring.progress.with(|p| p.as_ref().and_then(|p| p.overall().ok()));
        let share = assessment.with(|a| a.progress_weight());
        let lang = lang.get();
        match level.zip(progress) {
            Some((level, progress)) => lang.format(
                SelfcheckMsg::CombinedValue,
                &[
                    ("value", &two_decimals(combined(level, progress, share))),
                    ("level_share", &percent(1.0 - share)),
                    ("progress_share", &percent(share)),
                ],
            ),
            None => lang.text(SelfcheckMsg::CombinedNone).to_owned(),
        }
    };
    let bounds_line = move || scoring.with_evaluation(|e| bounds_text(lang.get(), &e.bounds));
    let bounds = move || has_index.get().then(|| view! { <p class="sc-bounds" data-testid="bounds">{bounds_line}</p> });
    let interval = move || {
        scoring.uncertainty.with(|u| {
            u.as_ref().map(|u| {
                lang.get().format(
                    SelfcheckMsg::Interval,
                    &[("low", &two_decimals(u.p05)), ("high", &two_decimals(u.p95)), ("draws", &thousands(u.draws))],
                )
            })
        })
    };
    let median = move || {
        scoring.uncertainty.with(|u| {
            u.as_ref().map(|u| lang.get().format(SelfcheckMsg::Median, &[("median", &two_decimals(u.median))]))
        })
    };
    let likelihood = move || {
        let mut chances = scoring.uncertainty.with(|u| u.as_ref().map(|u| u.tier_probabilities.clone()))?;
        chances.retain(|(_, p)| *p > 0.0);
        chances.sort_by(|a, b| b.1.total_cmp(&a.1));
        let parts: Vec<String> = chances
            .iter()
            .map(|(id, p)| {
                let name = tier_name(id).unwrap_or_else(|| id.clone());
                lang.get().format(SelfcheckMsg::TierLikely, &[("percent", &percent(*p)), ("tier", &name)])
            })
            .collect();
        Some(parts.join(" · "))
    };
    // Below the gate: why no tier, and which indicators would carry coverage past it.
    let not_yet = move || {
        let (coverage, gate, _) = coverage()?;
        let next: Vec<String> = scoring
            .with_evaluation(|e| {
                framework.with_value(|f| {
                    e.to_reach_gate(f)
                        .into_iter()
                        .filter_map(|code| f.index_of(code).map(|i| f.nodes[i].label(lang.get().tag())))
                        .collect()
                })
            })
            .unwrap_or_default();
        let lang = lang.get();
        Some(view! {
            <p class="sc-warning" data-testid="tier-unknown">
                {lang.text(SelfcheckMsg::TierUnknownWhy)}
                " "
                {lang.format(SelfcheckMsg::LowCoverage, &[("coverage", &percent(coverage)), ("gate", &percent(gate))])}
            </p>
            <p id="sc-assess-next">{lang.format(SelfcheckMsg::AssessNext, &[("gate", &percent(gate))])}</p>
            <ul class="sc-assess-next" aria-labelledby="sc-assess-next" data-testid="assess-next">
                {next.into_iter().map(|label| view! { <li>{label}</li> }).collect_view()}
            </ul>
        })
    };
    let sureness = move || {
        if !has_index.get() {
            return None;
        }
        Some(if below_gate.get() {
            view! {
                {bounds}
                <div role="status">{not_yet}</div>
                <p class="sc-interval" data-testid="interval">{interval}</p>
                <p class="sc-median" data-testid="median">{median}</p>
            }
            .into_any()
        } else {
            view! {
                <p class="sc-interval" data-testid="interval">{interval}</p>
                <p class="sc-median" data-testid="median">{median}</p>
                {bounds}
                <p class="sc-likely" data-testid="tier-likelihood">{likelihood}</p>
            }
            .into_any()
        })
    };
    view! {
        <section class="sc-results" aria-labelledby="sc-results-title">
            <h2 id="sc-results-title">{tr(SelfcheckMsg::Results)}</h2>
            <dl class="sc-figures">
                <dt>{tr(SelfcheckMsg::OverallIndex)}</dt>
                <dd data-testid="overall-index">{index}</dd>
                <dt>{tr(SelfcheckMsg::Tier)}</dt>
                <dd data-testid="tier">{tier}</dd>
                <dt>{tr(SelfcheckMsg::Coverage)}</dt>
                <dd data-testid="coverage">{move || coverage().map_or("—".to_owned(), |(c, _, _)| percent(c))}</dd>
                <dt>{tr(SelfcheckMsg::Combined)}</dt>
                <dd data-testid="combined">{combined_result}</dd>
            </dl>
            {move || has_index.get().then(|| view! { <p class="sc-note" data-testid="index-means">{tr(SelfcheckMsg::IndexMeans)}</p> })}
            {sureness}
            {move || {
                scoring
                    .evaluation
                    .with(|e| e.as_ref().err().map(|problems| problems.messages(lang.get())))
                    .map(|problems| view! { <ProblemList title=lang.get().text(SelfcheckMsg::CannotScore).to_owned() problems=problems /> })
            }}
        </section>
    }
}

/// A count with thousands separated by commas (10,000), as both English and Chinese write them.
fn thousands(count: u32) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
