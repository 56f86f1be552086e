//! The courier takes the resident's finished rating to the endpoint and says where it ended up:
//! written to the device's queue before the first attempt, then sent at once by the queue
//! flusher; without storage, one direct attempt.

use std::rc::Rc;

use civic_pulse_core::RatingV1;
use civic_pulse_core::delivery::{Admission, Outcome, Parcel, Trouble};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::task;

use super::queue_flusher::QueueFlusher;
use super::queue_store::ask_to_keep_storage;
use super::timer::{now_ms, sleep};
use super::transport::{Lifetime, post_rating};

/// Where a rating the resident just sent ended up, which is what the widget tells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// The receiver has it.
    Sent,
    /// It waits on this device and will be sent later; `trouble` says why it was not sent now
    /// (`None` when another tab is sending the queue at this moment).
    Saved { trouble: Option<Trouble> },
    /// The receiver refused it for good (a 4xx); it is kept aside on the device.
    Rejected { status: u16 },
    /// The device already holds `waiting` ratings, the configured maximum; nothing was added.
    QueueFull { waiting: usize },
    /// It could neither be sent nor stored (storage turned off and the network down).
    Failed,
}

pub struct Courier {
    flusher: Rc<QueueFlusher>,
}

impl Courier {
    pub fn new(flusher: Rc<QueueFlusher>) -> Courier {
        Courier { flusher }
    }

    /// Queues the resident's rating, tries to send it at once, and says where it ended up.
    pub async fn submit(&self, rating: &RatingV1) -> Delivery {
        let parcel = Parcel::of(rating, &self.flusher.options.field_map);
        self.flusher.report.resident_sends(Some(&parcel.id));
        let delivery = self.queue_and_send(parcel).await;
        self.flusher.report.resident_sends(None);
        delivery
    }

    /// The attempt is given the request timeout plus a little: a tab that holds the queue's lock
    /// for longer will send this rating itself, so it is reported as saved, which is true.
    async fn queue_and_send(&self, parcel: Parcel) -> Delivery {
        let flusher = &self.flusher;
        let Some(store) = flusher.store().await else { return self.send_unstored(parcel).await };
        let Ok(items) = store.load().await else { return self.send_unstored(parcel).await };
        let mut queue = flusher.queue_of(items);
        match queue.admit(parcel.clone(), now_ms()) {
            Admission::Full => return Delivery::QueueFull { waiting: queue.items.len() },
            Admission::Queued | Admission::AlreadyQueued => {}
        }
        let Some(item) = queue.get(&parcel.id) else { return Delivery::Failed };
        if store.put(item).await.is_err() {
            return self.send_unstored(parcel).await;
        }
        ask_to_keep_storage();

        let sending = {
            let flusher = flusher.clone();
            task::promise(async move {
                flusher.send_due().await;
                Ok(JsValue::UNDEFINED)
            })
        };
        let deadline = sleep(flusher.options.timeout_ms.saturating_add(1_500));
        let _ = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(&sending, &deadline))).await;

        match store.load().await.map(|items| items.into_iter().find(|item| item.parcel.id == parcel.id)) {
            Ok(None) => Delivery::Sent,
            Ok(Some(item)) => {
                item.rejected.map_or(Delivery::Saved { trouble: item.trouble }, |status| Delivery::Rejected { status })
            }
            Err(_) => Delivery::Saved { trouble: None },
        }
    }

    /// Without storage (private mode, storage disabled) there is no queue: one direct attempt,
    /// and a failure is reported so the resident keeps the form and can try again.
    async fn send_unstored(&self, parcel: Parcel) -> Delivery {
        let flusher = &self.flusher;
        let (outcome, receipt) = post_rating(flusher.endpoint(), &parcel, &flusher.options, Lifetime::Page).await;
        match outcome {
            Outcome::Delivered => {
                flusher.report.delivered(parcel, receipt);
                Delivery::Sent
            }
            Outcome::Rejected { status } => Delivery::Rejected { status },
            Outcome::Retry { .. } => Delivery::Failed,
        }
    }
}
