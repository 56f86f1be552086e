//! CivicPulse's pure core: everything the widget, the self-check and the collector must agree on,
//! with no DOM and no I/O, so it is tested natively and shared by every shell.

pub mod abuse;
pub mod aspect_ticks;
pub mod attribute_json;
pub mod base64url;
pub mod catalogue_file;
pub mod collection;
pub mod collector_api;
pub mod config;
pub mod csv;
pub mod delivery;
pub mod delivery_options;
pub mod display;
pub mod field_map;
pub mod follow_up;
pub mod json_attribute_problem;
pub mod lang;
pub mod messages;
pub mod payload;
pub mod rating_json;
pub mod ratings_csv;
pub mod receipt;
pub mod redact;
pub mod satisfaction;
pub mod scale;
pub mod selfcheck;
pub mod service;
pub mod staff_error;
pub mod trend;
pub mod web_contract;
pub mod whole_number;
pub mod widget_texts;

pub use config::{ConfigError, WidgetConfig};
pub use lang::Lang;
pub use messages::{LaterMsg, Message, Msg, PosterMsg, ReceiptMsg, ReportMsg, SelfcheckMsg, StaffMsg, UiMsg};
pub use payload::{Day, IsoWeek, PayloadError, RatingId, RatingV1};
pub use scale::{ScaleId, Score};
pub use service::ServiceId;
