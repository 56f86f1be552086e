//! What a page going away still sends: the waiting ratings with `keepalive`, which lets a
//! request outlive its page. This is the bookkeeping; the choice of what fits is the core's
//! `keep_alive_batch`, the sending is the flusher's.

use std::cell::RefCell;

use civic_pulse_core::delivery::{Parcel, Queue, keep_alive_batch};

#[derive(Default)]
pub struct KeepAliveSends {
    /// The ratings waiting as last read: a page going away cannot wait for IndexedDB.
    waiting: RefCell<Vec<Parcel>>,
    /// Ratings with a keep-alive request in flight: `visibilitychange` and `pagehide` both fire
    /// when a page goes away, and neither they nor a flush may send the same rating again.
    in_flight: RefCell<Vec<String>>,
}

impl KeepAliveSends {
    /// Notes what waits now, for the next page hide.
    pub fn note_waiting(&self, queue: &Queue) {
        *self.waiting.borrow_mut() =
            queue.items.iter().filter(|item| item.waits()).map(|item| item.parcel.clone()).collect();
    }

    pub fn in_flight(&self, id: &str) -> bool {
        self.in_flight.borrow().iter().any(|known| known == id)
    }

    /// The parcels to send now, each marked as in flight until [`KeepAliveSends::landed`].
    pub fn take_batch(&self) -> Vec<Parcel> {
        let batch: Vec<Parcel> =
            keep_alive_batch(&self.waiting.borrow(), &self.in_flight.borrow()).into_iter().cloned().collect();
        self.in_flight.borrow_mut().extend(batch.iter().map(|parcel| parcel.id.clone()));
        batch
    }

    /// The request for `id` ended, delivered or not.
    pub fn landed(&self, id: &str) {
        self.in_flight.borrow_mut().retain(|known| known != id);
    }
}
