//! The city self-check: scores a city against an indicator framework, entirely in the browser.

mod assessment_files;
mod assessment_shelf;
mod assessment_store;
mod bar_chart;
mod data_collection;
mod dimension_form;
mod dimension_overview;
mod dimension_table;
mod earlier_comparison;
mod evidence_fields;
mod file_picker;
mod framework_library;
mod gap_list;
mod indicator_field;
mod link_compression;
mod local_files;
mod method_note;
mod offline_status;
mod printed_report;
mod problem_alert;
mod radar_chart;
mod raw_value_input;
mod results_panel;
mod rubric_levels;
mod scoring;
mod selfcheck_app;
mod shared_link;
mod state;
mod weight_editor;
mod workspace;

pub use indicator_field::IndicatorField;
pub use results_panel::ResultsPanel;
pub use scoring::Scoring;
pub use selfcheck_app::SelfcheckApp;
pub use state::{OpenAssessment, SelfcheckState, Workbench};
pub use weight_editor::WeightEditor;
