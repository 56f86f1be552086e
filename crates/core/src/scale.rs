//! Government rating scales. Every scale maps its answers to a `Score` of 1..=5 (5 best), and a
//! score of 1 or 2 is a "bad review" (差评) on every scale, which must be followed up.

use crate::messages::{LaterMsg, Msg};

/// A rating on the common 1..=5 scale, 5 best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u8);

impl Score {
    pub const BEST: Score = Score(5);
    pub const WORST: Score = Score(1);

    pub fn new(value: u8) -> Option<Score> {
        (1..=5).contains(&value).then_some(Score(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// A bad review needs a follow-up from the service (10 to 15 working days in the provinces).
    pub fn is_bad_review(self) -> bool {
        self.0 <= 2
    }
}

/// The scale presets a portal can configure, by their documented ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ScaleId {
    /// China's five-level "good/bad review" (好差评) wording.
    #[default]
    GoodBad5,
    /// The UK service-feedback question.
    UkCsat5,
    /// US OMB A-11 section 280, version 2 (2023): the trust question on five points.
    A11V2,
}

/// One answer on a scale: its score and the words shown (and read aloud) for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScaleOption {
    pub score: Score,
    pub label: Msg,
}

/// A chip the resident can tick to say what mattered; its id goes into the payload's `aspects`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Aspect {
    pub id: &'static str,
    pub label: LaterMsg,
}

/// "What went wrong" on a bad review, for the good/bad and UK scales.
pub const PROBLEM_ASPECTS: [Aspect; 6] = [
    Aspect { id: "too-slow", label: LaterMsg::AspectTooSlow },
    Aspect { id: "too-complicated", label: LaterMsg::AspectTooComplicated },
    Aspect { id: "unclear-information", label: LaterMsg::AspectUnclearInformation },
    Aspect { id: "problem-not-solved", label: LaterMsg::AspectProblemNotSolved },
    Aspect { id: "staff-attitude", label: LaterMsg::AspectStaffAttitude },
    Aspect { id: "technical-fault", label: LaterMsg::AspectTechnicalFault },
];

/// The six A-11 drivers; whether they went well or not is read from the score.
pub const A11_ASPECTS: [Aspect; 6] = [
    Aspect { id: "effectiveness", label: LaterMsg::AspectEffectiveness },
    Aspect { id: "ease", label: LaterMsg::AspectEase },
    Aspect { id: "efficiency", label: LaterMsg::AspectEfficiency },
    Aspect { id: "transparency", label: LaterMsg::AspectTransparency },
    Aspect { id: "humanity", label: LaterMsg::AspectHumanity },
    Aspect { id: "employee", label: LaterMsg::AspectEmployee },
];

impl ScaleId {
    /// The chips offered after a score, with their question; none when the scale asks nothing
    /// more at that score (a good review on the good/bad and UK scales).
    pub fn aspects_for(self, score: Score) -> Option<(LaterMsg, &'static [Aspect])> {
        match self {
            ScaleId::GoodBad5 | ScaleId::UkCsat5 if score.is_bad_review() => {
                Some((LaterMsg::WhatWentWrong, &PROBLEM_ASPECTS))
            }
            ScaleId::GoodBad5 | ScaleId::UkCsat5 => None,
            ScaleId::A11V2 if score.get() >= 3 => Some((LaterMsg::WhatWentWell, &A11_ASPECTS)),
            ScaleId::A11V2 => Some((LaterMsg::WhatDidNotGoWell, &A11_ASPECTS)),
        }
    }

    pub const ALL: [ScaleId; 3] = [ScaleId::GoodBad5, ScaleId::UkCsat5, ScaleId::A11V2];

    /// The id used in configuration and in every payload.
    pub fn id(self) -> &'static str {
        match self {
            ScaleId::GoodBad5 => "good-bad-5",
            ScaleId::UkCsat5 => "uk-csat-5",
            ScaleId::A11V2 => "a11-v2",
        }
    }

    pub fn parse(id: &str) -> Option<ScaleId> {
        ScaleId::ALL.into_iter().find(|scale| scale.id() == id.trim())
    }

    /// The question asked above the answers.
    pub fn question(self) -> Msg {
        match self {
            ScaleId::GoodBad5 => Msg::QuestionGoodBad5,
            ScaleId::UkCsat5 => Msg::QuestionUkCsat5,
            ScaleId::A11V2 => Msg::QuestionA11V2,
        }
    }

    /// The words for a score on this scale.
    pub fn label_of(self, score: u8) -> Option<Msg> {
        self.options().into_iter().find(|option| option.score.get() == score).map(|option| option.label)
    }

    /// The words for a chip's id, on any scale.
    pub fn aspect_label(id: &str) -> Option<LaterMsg> {
        PROBLEM_ASPECTS.iter().chain(&A11_ASPECTS).find(|aspect| aspect.id == id).map(|aspect| aspect.label)
    }

    /// The answers in the order the official wording lists them: best first.
    pub fn options(self) -> [ScaleOption; 5] {
        let labels = match self {
            ScaleId::GoodBad5 => [
                Msg::GoodBad5Level5,
                Msg::GoodBad5Level4,
                Msg::GoodBad5Level3,
                Msg::GoodBad5Level2,
                Msg::GoodBad5Level1,
            ],
            ScaleId::UkCsat5 => {
                [Msg::UkCsat5Level5, Msg::UkCsat5Level4, Msg::UkCsat5Level3, Msg::UkCsat5Level2, Msg::UkCsat5Level1]
            }
            ScaleId::A11V2 => {
                [Msg::A11V2Level5, Msg::A11V2Level4, Msg::A11V2Level3, Msg::A11V2Level2, Msg::A11V2Level1]
            }
        };
        let mut score = 6;
        labels.map(|label| {
            score -= 1;
            ScaleOption { score: Score(score), label }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn names_a_score_and_a_chip_for_the_staff_console() {
        assert_eq!(ScaleId::GoodBad5.label_of(1), Some(Msg::GoodBad5Level1));
        assert_eq!(ScaleId::A11V2.label_of(5), Some(Msg::A11V2Level5));
        assert_eq!(ScaleId::UkCsat5.label_of(6), None);
        assert_eq!(ScaleId::aspect_label("too-slow"), Some(LaterMsg::AspectTooSlow));
        assert_eq!(ScaleId::aspect_label("humanity"), Some(LaterMsg::AspectHumanity));
        assert_eq!(ScaleId::aspect_label("made-up"), None);
    }

    #[test]
    fn scores_are_one_to_five_and_bad_reviews_are_one_and_two() {
        assert_eq!(Score::new(0), None);
        assert_eq!(Score::new(6), None);
        let bad: Vec<u8> = (1..=5).filter_map(Score::new).filter(|s| s.is_bad_review()).map(Score::get).collect();
        assert_eq!(bad, [1, 2]);
    }

    #[test]
    fn every_scale_lists_five_distinct_scores_best_first() {
        for scale in ScaleId::ALL {
            let scores: Vec<u8> = scale.options().iter().map(|o| o.score.get()).collect();
            assert_eq!(scores, [5, 4, 3, 2, 1], "{}", scale.id());
            assert_eq!(ScaleId::parse(scale.id()), Some(scale));
        }
        assert_eq!(ScaleId::parse("stars-10"), None);
    }

    #[test]
    fn chips_follow_the_scale_and_the_score() {
        let bad = Score::new(2).unwrap();
        let good = Score::new(4).unwrap();
        assert_eq!(ScaleId::GoodBad5.aspects_for(good), None, "a good review asks nothing more");
        let (question, chips) = ScaleId::UkCsat5.aspects_for(bad).unwrap();
        assert_eq!(question, LaterMsg::WhatWentWrong);
        let ids: Vec<&str> = chips.iter().map(|a| a.id).collect();
        assert_eq!(
            ids,
            [
                "too-slow",
                "too-complicated",
                "unclear-information",
                "problem-not-solved",
                "staff-attitude",
                "technical-fault"
            ]
        );
        assert_eq!(ScaleId::A11V2.aspects_for(good).unwrap().0, LaterMsg::WhatWentWell);
        assert_eq!(ScaleId::A11V2.aspects_for(bad).unwrap().0, LaterMsg::WhatDidNotGoWell);
        // Every chip id is a valid payload aspect.
        for chip in PROBLEM_ASPECTS.iter().chain(&A11_ASPECTS) {
            assert_eq!(crate::ServiceId::parse(chip.id).map(|id| id.as_str().to_owned()), Some(chip.id.to_owned()));
        }
    }

    #[test]
    fn good_bad_review_uses_the_official_wording() {
        let zh = Lang::from_tag("zh-Hans").unwrap();
        let words: Vec<&str> = ScaleId::GoodBad5.options().iter().map(|o| zh.text(o.label)).collect();
        assert_eq!(words, ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]);
        let hant = Lang::from_tag("zh-Hant").unwrap();
        let words: Vec<&str> = ScaleId::GoodBad5.options().iter().map(|o| hant.text(o.label)).collect();
        assert_eq!(words, ["非常滿意", "滿意", "基本滿意", "不滿意", "非常不滿意"]);
    }

    #[test]
    fn uk_scale_uses_the_gov_uk_wording() {
        let en = Lang::from_tag("en").unwrap();
        assert_eq!(
            en.text(ScaleId::UkCsat5.question()),
            "Overall, how did you feel about the service you received today?"
        );
        let words: Vec<&str> = ScaleId::UkCsat5.options().iter().map(|o| en.text(o.label)).collect();
        assert_eq!(
            words,
            ["Very satisfied", "Satisfied", "Neither satisfied or dissatisfied", "Dissatisfied", "Very dissatisfied"]
        );
    }
}
