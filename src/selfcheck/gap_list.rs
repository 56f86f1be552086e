use civic_pulse_core::SelfcheckMsg;
use civic_pulse_core::selfcheck::localized_text;
use leptos::prelude::*;

use super::scoring::two_decimals;
use super::state::{Workbench, use_workbench};
use crate::i18n::{tr, use_lang};

/// One indicator's share of the plan: raised from `from` to `to` (0..1), worth `gain` index points.
struct Action {
    code: String,
    from: f64,
    to: f64,
    gain: f64,
}

/// A 0..1 score as the official entered it: a rubric level when it is one, else points.
fn as_entered(score: f64) -> String {
    let level = score * 4.0;
    if (level - level.round()).abs() < 1e-9 { format!("{}", level.round()) } else { format!("{:.0}", score * 100.0) }
}

/// The gap list: the fewest one-level steps that reach the next tier, grouped by indicator, each
/// with the index points it is worth; then, beside it, what stands between the city and its own
/// targets, in each indicator's terms, the largest index gain first.
#[component]
pub fn GapList() -> impl IntoView {
    let Workbench { framework, scoring, assessment } = use_workbench();
    let lang = use_lang();
    let index = move || scoring.with_evaluation(|e| e.index).flatten();
    let body = move || {
        let Some(plan) = scoring.plan.get() else {
            let msg = if index().is_some() { SelfcheckMsg::GapTopTier } else { SelfcheckMsg::GapNothingYet };
            return view! { <p>{lang.get().text(msg)}</p> }.into_any();
        };
        let mut before = index().unwrap_or(0.0);
        let mut actions: Vec<Action> = Vec::new();
        for step in &plan.steps {
            let gain = step.index_after - before;
            before = step.index_after;
            match actions.iter_mut().find(|a| a.code == step.code) {
                Some(action) => {
                    action.to = step.to;
                    action.gain += gain;
                }
                None => actions.push(Action { code: step.code.clone(), from: step.from, to: step.to, gain }),
            }
        }
        let tier = framework.with_value(|f| {
            f.tier(&plan.target_tier)
                .map_or_else(|| plan.target_tier.clone(), |t| localized_text(&t.name, lang.get().tag()).to_owned())
        });
        let intro = lang.get().format(
            if plan.reached { SelfcheckMsg::GapIntro } else { SelfcheckMsg::GapNotEnough },
            &[("tier", &tier), ("min", &two_decimals(plan.target_min))],
        );
        let items = actions
            .into_iter()
            .map(|action| {
                let indicator = framework
                    .with_value(|f| f.index_of(&action.code).map(|i| f.nodes[i].label(lang.get().tag())))
                    .unwrap_or_else(|| action.code.clone());
                let text = lang.get().format(
                    SelfcheckMsg::GapStep,
                    &[
                        ("indicator", &indicator),
                        ("from", &as_entered(action.from)),
                        ("to", &as_entered(action.to)),
                        ("points", &format!("{:.3}", action.gain)),
                    ],
                );
                view! { <li data-code=action.code>{text}</li> }
            })
            .collect_view();
        view! {
            <p>{intro}</p>
            <ol class="sc-gaps" data-testid="gap-list">{items}</ol>
        }
        .into_any()
    };
    let to_targets = move || {
        let gaps = scoring.target_gaps.get();
        let lang = lang.get();
        if gaps.is_empty() {
            let any_target = assessment.with(|a| framework.with_value(|f| !a.targets_in_force(f).is_empty()));
            let msg = if any_target { SelfcheckMsg::GapTargetsMet } else { SelfcheckMsg::GapTargetsNone };
            return view! { <p>{lang.text(msg)}</p> }.into_any();
        }
        let items = gaps
            .into_iter()
            .map(|gap| {
                let text = assessment.with(|a| {
                    framework.with_value(|f| {
                        let node = f.index_of(&gap.code).map(|i| &f.nodes[i]);
                        let label = node.map_or_else(|| gap.code.clone(), |n| n.label(lang.tag()));
                        let words = |input: Option<&civic_pulse_core::selfcheck::IndicatorInput>| {
                            input.zip(node).map_or_else(|| "—".to_owned(), |(input, node)| input.in_words(node, lang))
                        };
                        let targets = a.targets_in_force(f);
                        let to = words(targets.get(&gap.code));
                        let points = format!("{:.3}", gap.index_gain);
                        match gap.now {
                            Some(_) => lang.format(
                                SelfcheckMsg::GapTargetStep,
                                &[
                                    ("indicator", &label),
                                    ("from", &words(a.inputs.get(&gap.code))),
                                    ("to", &to),
                                    ("points", &points),
                                ],
                            ),
                            None => lang.format(
                                SelfcheckMsg::GapTargetNotAssessed,
                                &[("indicator", &label), ("to", &to), ("points", &points)],
                            ),
                        }
                    })
                });
                view! { <li data-code=gap.code>{text}</li> }
            })
            .collect_view();
        view! { <ol class="sc-gaps" data-testid="target-gaps">{items}</ol> }.into_any()
    };
    view! {
        <section class="sc-section" aria-labelledby="sc-gap-title">
            <h2 id="sc-gap-title">{tr(SelfcheckMsg::GapTitle)}</h2>
            {body}
            <h3 id="sc-target-gap-title">{tr(SelfcheckMsg::GapTargetsTitle)}</h3>
            {to_targets}
        </section>
    }
}
