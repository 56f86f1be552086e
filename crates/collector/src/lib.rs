//! CivicPulse's reference collector: receives ratings (the same payload types and validation as
//! the widget, from `civic-pulse-core`), stores them durably in SQLite, and publishes
//! k-anonymous summaries and receipt statuses.

pub mod api;
pub mod app;
pub mod calendar;
pub mod config;
pub mod deadlines;
pub mod departments;
pub mod escalation;
pub mod figures;
pub mod hotline;
pub mod html;
pub mod inbox;
pub mod json_body;
pub mod poster;
pub mod problem;
pub mod rate_limit;
pub mod report;
pub mod staff_auth;
pub mod state;
pub mod storage;
pub mod summary;
pub mod suppression;
