//! The queue flusher sends what waits on this device for one endpoint: under a Web Lock (one tab
//! at a time), removing a rating only once the receiver has it, with the next attempt on a timer
//! at the time the core's backoff policy gives; and with `keepalive` when the page goes away.
//! One flusher per widget; widgets and tabs share the stored queue of their endpoint.

use std::rc::Rc;

use crate::task;
use civic_pulse_core::delivery::{Backoff, Outcome, Queue, Queued};
use civic_pulse_core::delivery_options::DeliveryOptions;

use super::keep_alive::KeepAliveSends;
use super::queue_events::{QueueEvents, Reporter};
use super::queue_store::{QueueStore, queue_namespace};
use super::timer::{RetryTimer, now_ms};
use super::transport::{Lifetime, post_rating};
use super::web_lock::with_lock;

/// Which ratings a flush sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sweep {
    /// Those whose backoff has run out (the retry timer).
    Due,
    /// Every waiting one, backoff or not: the browser came back online, the page became
    /// visible again, the resident pressed "send now".
    Waiting,
    /// Those too, and the ones set aside after repeated server errors: once at each visit and
    /// when the resident presses "try again", so a long outage heals by itself.
    Everything,
}

pub struct QueueFlusher {
    endpoint: String,
    /// The endpoint's absolute URL: the stored queue's namespace and the lock's name.
    namespace: String,
    pub(super) options: DeliveryOptions,
    keep_alive: KeepAliveSends,
    timer: RetryTimer,
    pub(super) report: Reporter,
}

impl QueueFlusher {
    pub fn new(endpoint: &str, options: DeliveryOptions, events: QueueEvents) -> Rc<QueueFlusher> {
        Rc::new(QueueFlusher {
            endpoint: endpoint.to_owned(),
            namespace: queue_namespace(endpoint),
            options,
            keep_alive: KeepAliveSends::default(),
            timer: RetryTimer::default(),
            report: Reporter::new(events),
        })
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The core's queue rules over what the store holds now.
    pub(super) fn queue_of(&self, items: Vec<Queued>) -> Queue {
        Queue { items, capacity: self.options.queue_size, backoff: Backoff::default() }
    }

    pub(super) async fn store(&self) -> Option<QueueStore> {
        QueueStore::open(&self.namespace).await.ok()
    }

    /// Sends what is due: the retry timer's flush, and the resident's own rating at once.
    pub async fn send_due(self: &Rc<Self>) {
        self.flush(Sweep::Due).await;
    }

    /// Sends everything waiting, ignoring the backoff.
    pub async fn send_waiting(self: &Rc<Self>) {
        self.flush(Sweep::Waiting).await;
    }

    /// Sends everything waiting and everything set aside.
    pub async fn send_everything(self: &Rc<Self>) {
        self.flush(Sweep::Everything).await;
    }

    async fn flush(self: &Rc<Self>, sweep: Sweep) {
        let flusher = self.clone();
        let lock = format!("civic-pulse:{}", self.namespace);
        let next_ms = with_lock(&lock, async move { flusher.flush_locked(sweep).await }).await;
        if self.report.stopped() {
            return;
        }
        let flusher = self.clone();
        self.timer.set(next_ms, move || task::spawn(async move { flusher.send_due().await }));
    }

    /// One pass over the queue; the time of the next attempt, if anything still waits.
    async fn flush_locked(&self, sweep: Sweep) -> Option<u64> {
        let store = self.store().await?;
        let mut queue = self.queue_of(store.load().await.ok()?);
        let mut paused_until = 0;
        let mut ids = queue.due(now_ms(), sweep != Sweep::Due);
        if sweep == Sweep::Everything {
            ids.extend(queue.set_aside());
        }
        for id in ids {
            if self.report.stopped() {
                break;
            }
            if self.keep_alive.in_flight(&id) {
                continue;
            }
            let Some((parcel, was_set_aside)) = queue.get(&id).map(|item| (item.parcel.clone(), item.set_aside)) else {
                continue;
            };
            let (outcome, receipt) = post_rating(&self.endpoint, &parcel, &self.options, Lifetime::Page).await;
            queue.record(&id, outcome, now_ms(), js_sys::Math::random());
            let set_aside_now = queue.get(&id).and_then(|item| item.set_aside).filter(|_| was_set_aside.is_none());
            if let Some(status) = set_aside_now {
                self.report.set_aside(parcel.clone(), status);
            }
            // A failed write leaves the stored record as it was: at worst the rating is sent
            // again, and the receiver's idempotency key absorbs that. It is never lost.
            let _ = match queue.get(&id) {
                Some(item) => store.put(item).await,
                None => store.remove(&id).await,
            };
            if outcome == Outcome::Delivered {
                self.report.delivered(parcel, receipt);
            }
            if outcome.ends_flush() {
                paused_until = queue.get(&id).map_or(0, |item| item.due_ms);
                break;
            }
        }
        self.publish(&queue);
        queue.next_attempt_ms(paused_until)
    }

    /// Tells the widget what its queue holds now, and notes it for the next page hide.
    fn publish(&self, queue: &Queue) {
        self.keep_alive.note_waiting(queue);
        self.report.counts(queue);
    }

    /// Re-reads the stored queue, for the counts another tab may have changed.
    pub async fn refresh(&self) {
        if let Some(store) = self.store().await
            && let Ok(items) = store.load().await
        {
            self.publish(&self.queue_of(items));
        }
    }

    /// The resident's choice: forget everything waiting, refused or set aside for this endpoint.
    pub async fn discard(&self) {
        if let Some(store) = self.store().await {
            let _ = store.clear().await;
        }
        self.refresh().await;
    }

    /// On page hide, the waiting ratings that fit are sent with `keepalive`. Nothing is removed
    /// unless an answer arrives while the page still runs.
    pub fn send_before_leaving(self: &Rc<Self>) {
        for parcel in self.keep_alive.take_batch() {
            let flusher = self.clone();
            task::spawn(async move {
                let (outcome, receipt) =
                    post_rating(&flusher.endpoint, &parcel, &flusher.options, Lifetime::KeepAlive).await;
                // Removed from the store before it lands, so no flush sends it again.
                let delivered = outcome == Outcome::Delivered;
                if delivered && let Some(store) = flusher.store().await {
                    let _ = store.remove(&parcel.id).await;
                }
                flusher.keep_alive.landed(&parcel.id);
                if delivered {
                    // The page may live on (a tab switch, the back-forward cache): keep it told.
                    flusher.report.delivered(parcel, receipt);
                    flusher.refresh().await;
                }
            });
        }
    }

    /// Called when the widget goes away: no timer or callback outlives it.
    pub fn stop(&self) {
        self.report.stop();
        self.timer.cancel();
    }
}
