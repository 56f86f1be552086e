//! The bridge between the `<civic-feedback>` element, which `embed.js` defines and gives a
//! shadow root, and the widget: configuration in, DOM events out.

mod host_events;
mod mount;

pub use host_events::dispatch;
pub use mount::mount_feedback;
