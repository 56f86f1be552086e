//! Small presentational pieces shared by the feedback widget and the self-check.

mod focus;
mod problem_list;

pub use focus::{focus_when_mounted, unique_id};
pub use problem_list::ProblemList;
