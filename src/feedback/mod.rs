//! The resident's flow: choose a service, rate it, send, see what happened.

mod aspect_chips;
mod comment_box;
mod confirmation;
mod device;
mod feedback_widget;
mod flow;
mod rating_group;
mod rating_screen;
mod read_aloud;
mod service_picker;
mod transport;

pub use aspect_chips::AspectChips;
pub use comment_box::CommentBox;
pub use feedback_widget::FeedbackWidget;
pub use flow::{FeedbackEvent, Step};
pub use rating_group::RatingGroup;
pub use transport::post_rating;
