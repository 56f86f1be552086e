//! Where the resident is in the flow, and what the widget tells its host page.

use civic_pulse_core::delivery::Parcel;
use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::{RatingV1, ServiceId};

use crate::delivery::Delivery;

/// One screen of the flow. At most three here (service, rating, confirmation); a portal that
/// fixes the service starts at the rating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    ChooseService,
    Rate(ServiceId),
    /// The rating was sent, or saved on the device to be sent later; a bad review the receiver
    /// gave a receipt code carries it.
    Done(ServiceId, Delivery, Option<Receipt>),
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
    /// The receiver has the rating (at once, or later from the device's queue).
    Sent(RatingSummary),
    /// The rating waits on the device and will be sent when the receiver can be reached.
    Queued(RatingSummary),
    Error {
        id: String,
        reason: String,
    },
}

/// The part of a rating a host page may see: no comment, no chips.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatingSummary {
    pub id: String,
    pub service: String,
    pub score: u8,
}

impl RatingSummary {
    pub fn of(rating: &RatingV1) -> RatingSummary {
        RatingSummary { id: rating.id.clone(), service: rating.service.clone(), score: rating.score }
    }

    /// For a rating delivered from the queue, where only its parcel is at hand.
    pub fn of_parcel(parcel: &Parcel) -> RatingSummary {
        RatingSummary { id: parcel.id.clone(), service: parcel.service.clone(), score: parcel.score }
    }
}

impl FeedbackEvent {
    /// The error event for a rating the device could not take, with a reason code for scripts.
    pub fn not_taken(rating: &RatingV1, delivery: Delivery) -> FeedbackEvent {
        let reason = match delivery {
            Delivery::Rejected { status } => format!("rejected-{status}"),
            Delivery::QueueFull { .. } => "queue-full".to_owned(),
            _ => "not-sent".to_owned(),
        };
        FeedbackEvent::Error { id: rating.id.clone(), reason }
    }
}
