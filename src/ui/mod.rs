//! Small presentational pieces shared by the feedback widget and the self-check.

mod display_controls;
mod focus;
mod problem_list;

pub use display_controls::{DisplayControls, load_display_prefs, save_display_prefs};
pub use focus::{focus_when_mounted, unique_id};
pub use problem_list::ProblemList;
