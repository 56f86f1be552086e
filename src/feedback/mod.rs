//! The resident's flow: choose a service, rate it, send, see what happened. The first part
//! (plain DOM) is everything that path needs; the second part (Leptos) the rest.

mod aspect_chips;
mod bridge;
mod comment_box;
mod device;
mod first_part;
mod flow;
mod queue_panel;
mod read_aloud;
mod receipt_note;
mod second_part;

pub use aspect_chips::AspectChips;
pub use comment_box::CommentBox;
pub use device::{fresh_rating_id, today};
pub use first_part::{RatingGroup, Texts, mount_problems, mount_widget};
pub use flow::{FeedbackEvent, RatingSummary, Step};
