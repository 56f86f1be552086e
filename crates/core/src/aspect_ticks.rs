//! The chips a resident has ticked on the rating screen, and the question they answer.
//!
//! Which chips are offered, and under which question, follows the answer chosen
//! (`ScaleId::aspects_for`). Ticks belong to their question: after a change of answer that asks
//! another question (or none), they no longer apply, so nothing ticked under "what went well" is
//! ever sent as "what did not go well". They are kept, not cleared, so a resident who goes back to
//! the earlier answer finds their ticks as they left them; a value, not a signal kept in step with
//! the answer.

use crate::messages::LaterMsg;
use crate::scale::{Aspect, ScaleId, Score};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AspectTicks {
    question: Option<LaterMsg>,
    /// In the order the question's chips are shown.
    ids: Vec<&'static str>,
}

impl AspectTicks {
    /// The ids ticked under `question`, in the order its chips are shown.
    pub fn under(&self, question: LaterMsg) -> &[&'static str] {
        if self.question == Some(question) { &self.ids } else { &[] }
    }

    /// The ids that apply to an answer of `score` on `scale`: those ticked under the question it
    /// asks.
    pub fn for_answer(&self, scale: ScaleId, score: Option<Score>) -> &[&'static str] {
        match score.and_then(|score| scale.aspects_for(score)) {
            Some((question, _)) => self.under(question),
            None => &[],
        }
    }

    /// The ticks with the chip `id` of `offered` ticked or not under `question`. Ticks under
    /// another question are replaced; the order is the chips' own, so a payload's order does
    /// not depend on the order of the taps.
    pub fn with(&self, question: LaterMsg, offered: &[Aspect], id: &str, ticked: bool) -> AspectTicks {
        let before = self.under(question);
        let ids = offered
            .iter()
            .map(|aspect| aspect.id)
            .filter(|&chip| if chip == id { ticked } else { before.contains(&chip) })
            .collect();
        AspectTicks { question: Some(question), ids }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::scale::{A11_ASPECTS, PROBLEM_ASPECTS};

    fn score(value: u8) -> Option<Score> {
        Score::new(value)
    }

    #[test]
    fn ticks_keep_the_chips_order_whatever_the_order_of_the_taps() {
        let ticks = AspectTicks::default()
            .with(LaterMsg::WhatWentWrong, &PROBLEM_ASPECTS, "staff-attitude", true)
            .with(LaterMsg::WhatWentWrong, &PROBLEM_ASPECTS, "too-slow", true);
        assert_eq!(ticks.under(LaterMsg::WhatWentWrong), ["too-slow", "staff-attitude"]);
        let ticks = ticks.with(LaterMsg::WhatWentWrong, &PROBLEM_ASPECTS, "too-slow", false);
        assert_eq!(ticks.under(LaterMsg::WhatWentWrong), ["staff-attitude"]);
    }

    #[test]
    fn ticks_apply_only_to_an_answer_that_asks_their_question() {
        let ticks = AspectTicks::default().with(LaterMsg::WhatWentWrong, &PROBLEM_ASPECTS, "too-slow", true);
        assert_eq!(ticks.for_answer(ScaleId::GoodBad5, score(1)), ["too-slow"]);
        assert_eq!(ticks.for_answer(ScaleId::GoodBad5, score(2)), ["too-slow"], "the same question");
        assert!(ticks.for_answer(ScaleId::GoodBad5, score(4)).is_empty(), "a good review asks nothing");
        assert!(ticks.for_answer(ScaleId::GoodBad5, None).is_empty());
    }

    #[test]
    fn the_same_chips_under_another_question_start_unticked() {
        // A-11 offers one set of chips, asking what went well or what did not.
        let well = LaterMsg::WhatWentWell;
        let ticks = AspectTicks::default().with(well, &A11_ASPECTS, A11_ASPECTS[0].id, true);
        assert_eq!(ticks.for_answer(ScaleId::A11V2, score(5)), [A11_ASPECTS[0].id]);
        assert!(ticks.for_answer(ScaleId::A11V2, score(1)).is_empty());
        let not_well = ticks.with(LaterMsg::WhatDidNotGoWell, &A11_ASPECTS, A11_ASPECTS[1].id, true);
        assert_eq!(
            not_well.for_answer(ScaleId::A11V2, score(1)),
            [A11_ASPECTS[1].id],
            "the other question's tick is gone"
        );
        assert!(not_well.for_answer(ScaleId::A11V2, score(5)).is_empty());
    }

    proptest! {
        /// Whatever is tapped, the ticks are the offered chips in their order, each once, and
        /// the last tap on a chip decides it.
        #[test]
        fn ticks_are_the_offered_chips_in_order(taps in proptest::collection::vec((0..PROBLEM_ASPECTS.len(), any::<bool>()), 0..30)) {
            let question = LaterMsg::WhatWentWrong;
            let ticks = taps.iter().fold(AspectTicks::default(), |ticks, &(chip, ticked)| {
                ticks.with(question, &PROBLEM_ASPECTS, PROBLEM_ASPECTS[chip].id, ticked)
            });
            let expected: Vec<&str> = PROBLEM_ASPECTS
                .iter()
                .enumerate()
                .filter(|(index, _)| taps.iter().rev().find(|(chip, _)| chip == index).is_some_and(|(_, ticked)| *ticked))
                .map(|(_, aspect)| aspect.id)
                .collect();
            prop_assert_eq!(ticks.under(question), expected.as_slice());
        }
    }
}
