//! The resident's receipt page (the collector's `receipt.html`): the 8-character code a bad review
//! was given, looked up with `GET /v1/receipts/{code}`; the status and public reply in words, the
//! case's dated steps and, once it is answered, "was your problem solved?". One language at a time
//! (`?lang=` from the widget's link, else the browser's), with the text size and contrast controls
//! of the other pages. Nothing identifies the resident: the code is the only key.

mod case_timeline;
mod lookup;
mod lookup_form;
mod receipt_app;
mod solved_question;
mod status_line;

pub use case_timeline::CaseTimeline;
pub use receipt_app::ReceiptApp;
