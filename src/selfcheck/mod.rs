//! The city self-check: scores a city against an indicator framework, entirely in the browser.

mod assessment_files;
mod assessment_store;
mod dimension_form;
mod indicator_field;
mod results_panel;
mod selfcheck_app;
mod shared_link;

pub use selfcheck_app::SelfcheckApp;
