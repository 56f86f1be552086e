//! The resident's flow: choose a service, rate it, send, see what happened.

mod already_rated;
mod aspect_chips;
mod comment_box;
mod config_problems;
mod confirmation;
mod device;
mod feedback_widget;
mod flow;
mod queue_panel;
mod rate_another;
mod rating_group;
mod rating_screen;
mod read_aloud;
mod receipt_note;
mod second_part;
mod service_picker;

pub use aspect_chips::AspectChips;
pub use comment_box::CommentBox;
pub use config_problems::ConfigProblems;
pub use device::{fresh_rating_id, today};
pub use feedback_widget::FeedbackWidget;
pub use flow::{FeedbackEvent, RatingSummary, Step};
pub use rating_group::RatingGroup;
