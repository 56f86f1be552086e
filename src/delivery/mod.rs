//! Getting a finished rating to the portal's endpoint: stored on the device first, sent
//! anonymously, retried by the core's backoff policy, never lost and never sent twice at once.

mod cooldown;
mod courier;
mod keep_alive;
mod queue_events;
mod queue_flusher;
mod queue_store;
mod timer;
mod transport;
mod triggers;
mod web_lock;

pub use cooldown::Cooldown;
pub use courier::{Courier, Delivery};
pub use queue_events::{Delivered, QueueCounts, QueueEvents};
pub use queue_flusher::QueueFlusher;
pub use timer::sleep;
pub use transport::{Lifetime, post_rating};
pub use triggers::{Delivering, keep_delivering};
