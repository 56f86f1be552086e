//! Getting a finished rating to the portal's endpoint: stored on the device first, sent
//! anonymously, retried by the core's backoff policy, never lost and never sent twice at once.

mod cooldown_store;
mod courier;
mod queue_store;
mod timer;
mod transport;
mod triggers;
mod web_lock;

pub use courier::{Courier, Delivery, QueueCounts};
pub use timer::sleep;
pub use transport::{Lifetime, post_rating};
pub use triggers::keep_delivering;
