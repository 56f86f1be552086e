//! The widget's first part: the whole path from a tap on a rating to that rating being in the
//! device's queue and on its way, written on the plain DOM (`crate::dom`), not on Leptos views.
//! Why: Leptos's view and reactive code was 62 of the 140 KB gzip a resident downloaded before
//! the first screen could be used (`BENCHMARKS.md`, "Widget first part without Leptos"). The
//! second part, which arrives right after the first screen is painted, is Leptos as before; it
//! mirrors what it needs of the first part's state (`super::bridge`).

mod already_rated;
mod confirmation;
mod later_texts;
mod problems;
mod rating_group;
mod rating_screen;
mod service_picker;
mod texts;
mod widget;

pub use problems::mount_problems;
pub use rating_group::RatingGroup;
pub use texts::Texts;
pub use widget::mount_widget;
