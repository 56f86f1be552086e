//! The city self-check: scores a city against an indicator framework, entirely in the browser.

mod selfcheck_app;

pub use selfcheck_app::SelfcheckApp;
