//! The staff console: what a service office opens each morning. Bad reviews to answer (paged,
//! filtered, most urgent first), satisfaction over time, exports, the hotline import and the
//! monthly report's changes, all through the collector's staff API with the token kept in the tab.

mod collector;
mod directory;
mod exports;
mod hotline_import;
mod inbox;
mod inbox_filters;
mod inbox_item;
mod report_changes;
mod session;
mod staff_app;
mod token_form;
mod trend_chart;
mod trends;

pub use inbox_item::{InboxItemView, ItemContext};
pub use session::Session;
pub use staff_app::StaffApp;
pub use trend_chart::TrendChart;
