//! Where the resident is in the flow, and what the widget tells its host page.

use civic_pulse_core::{RatingV1, ServiceId};

/// One screen of the flow. At most three here (service, rating, confirmation); a portal that
/// fixes the service starts at the rating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    ChooseService,
    Rate(ServiceId),
    Sent(ServiceId),
}

impl Step {
    /// The first screen: the rating itself when there is only one service to rate.
    pub fn first(services: &[ServiceId]) -> Step {
        match services {
            [only] => Step::Rate(only.clone()),
            _ => Step::ChooseService,
        }
    }
}

/// What happened, for the host page's DOM events. Never carries the comment text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedbackEvent {
    Ready,
    Sent { id: String, service: String, score: u8 },
    Error { id: String, reason: String },
}

impl FeedbackEvent {
    pub fn sent(rating: &RatingV1) -> FeedbackEvent {
        FeedbackEvent::Sent { id: rating.id.clone(), service: rating.service.clone(), score: rating.score }
    }
}
