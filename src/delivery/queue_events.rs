//! What a widget hears from its queue: each delivery (with the receiver's receipt), each rating
//! set aside, and the counts its queue panel shows. Nothing is heard once the widget is gone.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use civic_pulse_core::delivery::{Parcel, Queue, QueueSummary};
use civic_pulse_core::receipt::Receipt;

/// What waits on this device for the endpoint, for the queue panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueueCounts {
    pub queue: QueueSummary,
    /// Ratings this widget delivered from the queue (sent later, not at the resident's tap).
    pub sent_later: usize,
}

/// A rating the receiver now has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivered {
    pub parcel: Parcel,
    pub receipt: Option<Receipt>,
}

/// The widget's ears: plain closures, so the delivery layer works under any view code (the
/// widget's first part has no Leptos).
#[derive(Clone)]
pub struct QueueEvents {
    /// Every rating delivered, including ones queued at an earlier visit.
    pub delivered: Rc<dyn Fn(Delivered)>,
    /// Every rating set aside after repeated server errors, with the last status.
    pub set_aside: Rc<dyn Fn(Parcel, u16)>,
    /// The counts after every change the widget made or read.
    pub counts: Rc<dyn Fn(QueueCounts)>,
}

/// Tells the widget, until it stops, and counts what was sent later.
pub(super) struct Reporter {
    events: QueueEvents,
    stopped: Cell<bool>,
    /// The rating the resident is sending now: its delivery is not "sent later".
    resident_sending: RefCell<Option<String>>,
    sent_later: Cell<usize>,
}

impl Reporter {
    pub fn new(events: QueueEvents) -> Reporter {
        Reporter { events, stopped: Cell::new(false), resident_sending: RefCell::new(None), sent_later: Cell::new(0) }
    }

    pub fn stopped(&self) -> bool {
        self.stopped.get()
    }

    pub fn stop(&self) {
        self.stopped.set(true);
    }

    /// The resident's tap sends `id` now (`None` once that attempt is over).
    pub fn resident_sends(&self, id: Option<&str>) {
        *self.resident_sending.borrow_mut() = id.map(str::to_owned);
    }

    pub fn delivered(&self, parcel: Parcel, receipt: Option<Receipt>) {
        if self.resident_sending.borrow().as_deref() != Some(parcel.id.as_str()) {
            self.sent_later.set(self.sent_later.get() + 1);
        }
        if !self.stopped() {
            (self.events.delivered)(Delivered { parcel, receipt });
        }
    }

    pub fn set_aside(&self, parcel: Parcel, status: u16) {
        if !self.stopped() {
            (self.events.set_aside)(parcel, status);
        }
    }

    pub fn counts(&self, queue: &Queue) {
        if !self.stopped() {
            (self.events.counts)(QueueCounts { queue: queue.summary(), sent_later: self.sent_later.get() });
        }
    }
}
