//! The courier takes a finished rating to the endpoint through the device's queue: it writes the
//! rating to IndexedDB before the first attempt, flushes the queue under a Web Lock (one tab at a
//! time), removes a rating only once the receiver has it, and schedules the next attempt by the
//! backoff policy in `civic_pulse_core::delivery`. One courier per widget; widgets and tabs
//! share the stored queue of their endpoint.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use civic_pulse_core::RatingV1;
use civic_pulse_core::delivery::{Admission, Backoff, Outcome, Parcel, Queue, Queued, Trouble};
use civic_pulse_core::delivery_options::DeliveryOptions;
use civic_pulse_core::receipt::Receipt;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{JsFuture, future_to_promise};

use super::cooldown_store;
use super::queue_store::QueueStore;
use super::timer::sleep;
use super::transport::{Lifetime, post_rating};
use super::web_lock::with_lock;

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

/// What waits on this device for the endpoint, for the queue panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueueCounts {
    pub waiting: usize,
    /// Why the waiting ratings were not sent at their last attempt.
    pub trouble: Option<Trouble>,
    pub refused: usize,
    /// Set aside after repeated server errors, and the last status one of them got.
    pub set_aside: usize,
    pub set_aside_status: Option<u16>,
    /// Ratings this widget delivered from the queue (sent later, not at the resident's tap).
    pub sent_later: usize,
}

pub struct Courier {
    endpoint: String,
    /// The endpoint's absolute URL: the queue's namespace and the lock's name.
    namespace: String,
    options: DeliveryOptions,
    store: RefCell<Option<QueueStore>>,
    /// The ratings waiting as last read, for the page-hide send, which cannot wait for IndexedDB.
    waiting: RefCell<Vec<Parcel>>,
    timer: RefCell<Option<TimeoutHandle>>,
    stopped: Cell<bool>,
    /// The rating the resident is sending now; its delivery is not "sent later".
    submitting: RefCell<Option<String>>,
    sent_later: Cell<usize>,
    /// Ratings with a keep-alive request in flight: `visibilitychange` and `pagehide` both fire
    /// when a page goes away, and neither they nor a flush may send the same rating again.
    leaving: RefCell<Vec<String>>,
    /// Receipt codes the receiver gave for ratings this courier delivered, newest last (a few).
    receipts: RefCell<Vec<(String, Receipt)>>,
    pub counts: RwSignal<QueueCounts>,
    on_delivered: Callback<Parcel>,
    on_set_aside: Callback<(Parcel, u16)>,
    /// Whether the browser was asked to keep the queue's storage (once per page).
    asked_to_persist: Cell<bool>,
}

impl Courier {
    /// `on_delivered` hears of every rating this courier delivers, including ones queued earlier;
    /// `on_set_aside` of every rating it sets aside after repeated server errors, with the status.
    pub fn new(
        endpoint: &str,
        options: DeliveryOptions,
        on_delivered: Callback<Parcel>,
        on_set_aside: Callback<(Parcel, u16)>,
    ) -> Rc<Courier> {
        let namespace = web_sys::window()
            .and_then(|window| window.location().href().ok())
            .and_then(|base| web_sys::Url::new_with_base(endpoint, &base).ok())
            .map_or_else(|| endpoint.to_owned(), |url| url.href());
        Rc::new(Courier {
            endpoint: endpoint.to_owned(),
            namespace,
            options,
            store: RefCell::new(None),
            waiting: RefCell::new(Vec::new()),
            timer: RefCell::new(None),
            stopped: Cell::new(false),
            submitting: RefCell::new(None),
            sent_later: Cell::new(0),
            leaving: RefCell::new(Vec::new()),
            receipts: RefCell::new(Vec::new()),
            counts: RwSignal::new(QueueCounts::default()),
            on_delivered,
            on_set_aside,
            asked_to_persist: Cell::new(false),
        })
    }

    /// The core's queue rules over what the store holds now.
    fn queue_of(&self, items: Vec<Queued>) -> Queue {
        Queue { items, capacity: self.options.queue_size, backoff: Backoff::default() }
    }

    async fn store(&self) -> Option<QueueStore> {
        let open = self.store.borrow().clone();
        match open {
            Some(store) => Some(store),
            None => {
                let store = QueueStore::open(&self.namespace).await.ok()?;
                *self.store.borrow_mut() = Some(store.clone());
                Some(store)
            }
        }
    }

    /// Queues the resident's rating, tries to send it at once, and says where it ended up. The
    /// attempt is given the request timeout plus a little: a tab that holds the queue's lock
    /// for longer will send this rating itself, so it is reported as saved, which is true.
    pub async fn submit(self: &Rc<Self>, rating: &RatingV1) -> Delivery {
        let parcel = Parcel::of(rating, &self.options.field_map);
        let Some(store) = self.store().await else { return self.send_unstored(parcel).await };
        let Ok(items) = store.load().await else { return self.send_unstored(parcel).await };
        let mut queue = self.queue_of(items);
        match queue.admit(parcel.clone(), now_ms()) {
            Admission::Full => return Delivery::QueueFull { waiting: queue.items.len() },
            Admission::Queued | Admission::AlreadyQueued => {}
        }
        let Some(item) = queue.get(&parcel.id) else { return Delivery::Failed };
        if store.put(item).await.is_err() {
            return self.send_unstored(parcel).await;
        }
        self.ask_to_persist();

        *self.submitting.borrow_mut() = Some(parcel.id.clone());
        let flush = {
            let courier = self.clone();
            future_to_promise(async move {
                courier.flush(false).await;
                Ok(JsValue::UNDEFINED)
            })
        };
        let race = js_sys::Array::of2(&flush, &sleep(self.options.timeout_ms.saturating_add(1_500)));
        let _ = JsFuture::from(js_sys::Promise::race(&race)).await;
        self.submitting.borrow_mut().take();

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
        let (outcome, receipt) = post_rating(&self.endpoint, &parcel, &self.options, Lifetime::Page).await;
        match outcome {
            Outcome::Delivered => {
                self.remember_receipt(&parcel.id, receipt);
                self.delivered(parcel);
                Delivery::Sent
            }
            Outcome::Rejected { status } => Delivery::Rejected { status },
            Outcome::Retry { .. } => Delivery::Failed,
        }
    }

    /// Sends what is due (everything when `force`), one tab at a time, then schedules the next
    /// attempt. Called when the browser comes online or the page becomes visible, by the
    /// resident's "send now", and by its own timer.
    pub async fn flush(self: &Rc<Self>, force: bool) {
        self.flush_with(force, false).await;
    }

    /// Sends everything, including what was set aside after repeated server errors: once at
    /// each visit (when the widget starts) and when the resident asks, so a long outage heals.
    pub async fn flush_all(self: &Rc<Self>) {
        self.flush_with(true, true).await;
    }

    async fn flush_with(self: &Rc<Self>, force: bool, set_aside_too: bool) {
        let courier = self.clone();
        let lock = format!("civic-pulse:{}", self.namespace);
        let next = with_lock(&lock, async move { courier.flush_locked(force, set_aside_too).await }).await;
        self.schedule(next);
    }

    async fn flush_locked(&self, force: bool, set_aside_too: bool) -> Option<u64> {
        let store = self.store().await?;
        let items = store.load().await.ok()?;
        let mut queue = self.queue_of(items);
        let mut paused_until = 0;
        let mut ids = queue.due(now_ms(), force);
        if set_aside_too {
            ids.extend(queue.set_aside());
        }
        for id in ids {
            if self.stopped.get() {
                break;
            }
            if self.leaving.borrow().contains(&id) {
                continue;
            }
            let Some((parcel, was_set_aside)) = queue.get(&id).map(|item| (item.parcel.clone(), item.set_aside)) else {
                continue;
            };
            let (outcome, receipt) = post_rating(&self.endpoint, &parcel, &self.options, Lifetime::Page).await;
            self.remember_receipt(&id, receipt);
            queue.record(&id, outcome, now_ms(), js_sys::Math::random());
            if let (None, Some(status)) = (was_set_aside, queue.get(&id).and_then(|item| item.set_aside))
                && !self.stopped.get()
            {
                self.on_set_aside.run((parcel.clone(), status));
            }
            // A failed write leaves the stored record as it was: at worst the rating is sent
            // again, and the receiver's idempotency key absorbs that. It is never lost.
            let _ = match queue.get(&id) {
                Some(item) => store.put(item).await,
                None => store.remove(&id).await,
            };
            if outcome == Outcome::Delivered {
                if self.submitting.borrow().as_deref() != Some(id.as_str()) {
                    self.sent_later.set(self.sent_later.get() + 1);
                }
                self.delivered(parcel);
            }
            if outcome.ends_flush() {
                paused_until = queue.get(&id).map_or(0, |item| item.due_ms);
                break;
            }
        }
        self.remember(&queue);
        queue.next_attempt_ms(paused_until)
    }

    fn delivered(&self, parcel: Parcel) {
        if !self.stopped.get() {
            self.on_delivered.run(parcel);
        }
    }

    fn remember(&self, queue: &Queue) {
        *self.waiting.borrow_mut() =
            queue.items.iter().filter(|item| item.waits()).map(|item| item.parcel.clone()).collect();
        let mut set_aside = queue.items.iter().filter_map(|item| item.set_aside);
        let counts = QueueCounts {
            waiting: queue.waiting(),
            trouble: queue.trouble(),
            refused: queue.rejected().count(),
            set_aside: set_aside.clone().count(),
            set_aside_status: set_aside.next_back(),
            sent_later: self.sent_later.get(),
        };
        if !self.stopped.get() {
            self.counts.try_set(counts);
        }
    }

    /// Re-reads the stored queue, for the counts another tab may have changed.
    pub async fn refresh(&self) {
        if let Some(store) = self.store().await
            && let Ok(items) = store.load().await
        {
            self.remember(&self.queue_of(items));
        }
    }

    /// The resident's choice: forget everything waiting or refused for this endpoint.
    pub async fn discard(&self) {
        if let Some(store) = self.store().await {
            let _ = store.clear().await;
        }
        self.refresh().await;
    }

    /// On page hide, every waiting rating is sent with `keepalive`, which lets the request
    /// outlive the page. Nothing is removed unless an answer arrives while the page still runs.
    pub fn send_before_leaving(self: &Rc<Self>) {
        // Browsers allow 64 KiB of keep-alive bodies in flight per page.
        let mut budget = 60 * 1024usize;
        for parcel in self.waiting.borrow().iter() {
            if self.leaving.borrow().contains(&parcel.id) {
                continue;
            }
            let size = parcel.body.len() + 256;
            if size > budget {
                break;
            }
            budget -= size;
            self.leaving.borrow_mut().push(parcel.id.clone());
            let (courier, parcel) = (self.clone(), parcel.clone());
            spawn_local(async move {
                let (outcome, _) = post_rating(&courier.endpoint, &parcel, &courier.options, Lifetime::KeepAlive).await;
                // Removed from the store before it leaves `leaving`, so no flush sends it again.
                let delivered = outcome == Outcome::Delivered;
                if delivered && let Some(store) = courier.store().await {
                    let _ = store.remove(&parcel.id).await;
                }
                courier.leaving.borrow_mut().retain(|id| *id != parcel.id);
                if delivered {
                    // The page may live on (a tab switch, the back-forward cache): keep it told.
                    courier.sent_later.set(courier.sent_later.get() + 1);
                    courier.delivered(parcel);
                    courier.refresh().await;
                }
            });
        }
    }

    fn schedule(self: &Rc<Self>, next_ms: Option<u64>) {
        if let Some(timer) = self.timer.borrow_mut().take() {
            timer.clear();
        }
        let Some(next_ms) = next_ms.filter(|_| !self.stopped.get()) else { return };
        let wait = Duration::from_millis(next_ms.saturating_sub(now_ms()).max(50));
        let courier = self.clone();
        let timer = set_timeout_with_handle(move || spawn_local(async move { courier.flush(false).await }), wait);
        *self.timer.borrow_mut() = timer.ok();
    }

    /// Asks the browser once per page to keep this origin's storage under pressure, where it
    /// allows that (`navigator.storage.persist()`), so a queued rating is not evicted with the
    /// cache. Browsers decide on their own; the answer changes nothing here.
    fn ask_to_persist(&self) {
        if self.asked_to_persist.replace(true) {
            return;
        }
        // `navigator.storage` is missing outside secure contexts; calling into it then throws,
        // which web-sys turns into the `Err` below. The answer is awaited only so that a refusal
        // is never an unhandled rejection.
        if let Some(window) = web_sys::window()
            && let Ok(asked) = window.navigator().storage().persist()
        {
            spawn_local(async move {
                let _ = JsFuture::from(asked).await;
            });
        }
    }

    fn remember_receipt(&self, id: &str, receipt: Option<Receipt>) {
        let Some(receipt) = receipt else { return };
        let mut receipts = self.receipts.borrow_mut();
        if receipts.len() >= 8 {
            receipts.remove(0);
        }
        receipts.push((id.to_owned(), receipt));
    }

    /// The receipt code the receiver gave the rating `id`, if this courier delivered it.
    pub fn receipt_for(&self, id: &str) -> Option<Receipt> {
        self.receipts.borrow().iter().find(|(known, _)| known == id).map(|(_, receipt)| receipt.clone())
    }

    /// Until when `service` may not be rated again on this device, if it rests now.
    pub fn rested_until(&self, service: &str) -> Option<u64> {
        cooldown_store::rested_until(&self.namespace, service)
    }

    /// Starts `service`'s cooldown once a rating of it was sent or saved.
    pub fn rated(&self, service: &str) {
        cooldown_store::start(&self.namespace, service, self.options.cooldown_ms);
    }

    /// Called when the widget goes away: no timer or callback outlives it.
    pub fn stop(&self) {
        self.stopped.set(true);
        if let Some(timer) = self.timer.borrow_mut().take() {
            timer.clear();
        }
    }
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
