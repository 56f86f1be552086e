use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::{Framework, localized_text};
use leptos::prelude::*;

use super::scoring::{Scoring, percent, two_decimals};
use crate::i18n::{tr, use_lang};
use crate::ui::ProblemList;

/// The headline results, recomputed at every change: overall index, tier, coverage (with a
/// warning below the framework's gate), and how sure the index is: the Monte Carlo interval and
/// the chance of each tier, in words. The `data-testid` hooks are stable for automated checks.
#[component]
pub fn ResultsPanel(framework: StoredValue<Framework>, scoring: Scoring) -> impl IntoView {
    let lang = use_lang();
    let tier_name = move |id: &str| {
        framework.with_value(|f| f.tier(id).map(|t| localized_text(&t.name, lang.get().tag()).to_owned()))
    };
    let index = move || {
        scoring
            .with_evaluation(|e| e.index)
            .flatten()
            .map_or_else(|| lang.get().text(SelfcheckMsg::NoIndex).to_owned(), two_decimals)
    };
    let tier = move || scoring.with_evaluation(|e| e.tier.clone()).flatten().and_then(|id| tier_name(&id));
    let coverage = move || scoring.with_evaluation(|e| (e.coverage, e.coverage_gate, e.low_coverage));
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
    view! {
        <section class="sc-results" aria-labelledby="sc-results-title">
            <h2 id="sc-results-title">{tr(SelfcheckMsg::Results)}</h2>
            <dl class="sc-figures">
                <dt>{tr(SelfcheckMsg::OverallIndex)}</dt>
                <dd data-testid="overall-index">{index}</dd>
                <dt>{tr(SelfcheckMsg::Tier)}</dt>
                <dd data-testid="tier">{move || tier().unwrap_or_else(|| "—".to_owned())}</dd>
                <dt>{tr(SelfcheckMsg::Coverage)}</dt>
                <dd data-testid="coverage">{move || coverage().map_or("—".to_owned(), |(c, _, _)| percent(c))}</dd>
            </dl>
            <p class="sc-interval" data-testid="interval">{interval}</p>
            <p class="sc-likely" data-testid="tier-likelihood">{likelihood}</p>
            {move || {
                coverage()
                    .filter(|(_, _, low)| *low)
                    .map(|(c, gate, _)| {
                        view! {
                            <p class="sc-warning" role="status">
                                {lang.get().format(SelfcheckMsg::LowCoverage, &[("coverage", &percent(c)), ("gate", &percent(gate))])}
                            </p>
                        }
                    })
            }}
            {move || {
                scoring
                    .evaluation
                    .with(|e| e.as_ref().err().cloned())
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
