//! Small pieces shared by the feedback widget and the pages (self-check, staff, receipt).

mod display_controls;
mod focus;
mod page_mount;
mod page_settings;
mod problem_list;

pub use display_controls::{DisplayControls, load_display_prefs, save_display_prefs};
pub use focus::unique_id;
pub use page_mount::mount_page;
pub use page_settings::follow_page_settings;
pub use problem_list::ProblemList;
