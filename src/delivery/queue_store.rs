//! The queue's persistent home: one IndexedDB object store, one record per waiting rating,
//! keyed by endpoint and rating id. Every change touches one record in its own transaction, so
//! two tabs never overwrite each other's ratings (a read-modify-write of a whole list would,
//! because an IndexedDB transaction commits at the first unrelated await).

use std::cell::{Cell, RefCell};

use crate::task;
use civic_pulse_core::delivery::{Parcel, Queued, Trouble};
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "civic-pulse";
const STORE: &str = "queue";

/// The namespace of `endpoint`'s queue (and lock, and cooldown): its absolute URL, so the same
/// relative endpoint on two portals of one origin is one queue only when it is one receiver.
pub fn queue_namespace(endpoint: &str) -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .and_then(|base| web_sys::Url::new_with_base(endpoint, &base).ok())
        .map_or_else(|| endpoint.to_owned(), |url| url.href())
}

/// Asks the browser once per page to keep this origin's storage under pressure, where it allows
/// that (`navigator.storage.persist()`), so a queued rating is not evicted with the cache.
/// Browsers decide on their own; the answer changes nothing here.
pub fn ask_to_keep_storage() {
    if ASKED_TO_KEEP.replace(true) {
        return;
    }
    // `navigator.storage` is missing outside secure contexts; calling into it then throws, which
    // web-sys turns into the `Err` below. The answer is awaited only so that a refusal is never an
    // unhandled rejection.
    if let Some(window) = web_sys::window()
        && let Ok(asked) = window.navigator().storage().persist()
    {
        task::spawn(async move {
            let _ = JsFuture::from(asked).await;
        });
    }
}

/// Why the device could not keep a rating (private browsing, storage turned off or full).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoreUnavailable;

impl From<JsValue> for StoreUnavailable {
    fn from(_: JsValue) -> Self {
        StoreUnavailable
    }
}

thread_local! {
    /// One connection per page, shared by every widget on it.
    static DATABASE_CONNECTION: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    /// Whether the browser was asked to keep this origin's storage.
    static ASKED_TO_KEEP: Cell<bool> = const { Cell::new(false) };
}

/// The ratings waiting for one endpoint on this device.
#[derive(Clone)]
pub struct QueueStore {
    db: IdbDatabase,
    namespace: String,
}

impl QueueStore {
    /// Opens (creating at first use) the queue for `namespace`, the endpoint's absolute URL.
    pub async fn open(namespace: &str) -> Result<QueueStore, StoreUnavailable> {
        let db = match DATABASE_CONNECTION.with_borrow(Clone::clone) {
            Some(db) => db,
            None => {
                let db = open_database().await?;
                DATABASE_CONNECTION.set(Some(db.clone()));
                db
            }
        };
        Ok(QueueStore { db, namespace: namespace.to_owned() })
    }

    /// Everything waiting or refused for this endpoint, oldest first.
    pub async fn load(&self) -> Result<Vec<Queued>, StoreUnavailable> {
        let (_, store) = self.store(IdbTransactionMode::Readonly)?;
        let request = store.get_all_with_key(&self.range()?.into())?;
        let values: js_sys::Array = settled(&request).await?.dyn_into()?;
        let mut items: Vec<Queued> = values.iter().filter_map(|record| from_record(&record)).collect();
        civic_pulse_core::delivery::oldest_first(&mut items);
        Ok(items)
    }

    /// Writes one rating's record and waits until it is durably committed.
    pub async fn put(&self, item: &Queued) -> Result<(), StoreUnavailable> {
        let record = to_record(item)?;
        let (transaction, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.put_with_key(&record, &self.key(&item.parcel.id))?;
        committed(&transaction).await
    }

    pub async fn remove(&self, id: &str) -> Result<(), StoreUnavailable> {
        let (transaction, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.delete(&self.key(id))?;
        committed(&transaction).await
    }

    /// The resident's "discard": everything for this endpoint on this device.
    pub async fn clear(&self) -> Result<(), StoreUnavailable> {
        let (transaction, store) = self.store(IdbTransactionMode::Readwrite)?;
        store.delete(&self.range()?.into())?;
        committed(&transaction).await
    }

    fn store(&self, mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), StoreUnavailable> {
        let transaction = self.db.transaction_with_str_and_mode(STORE, mode)?;
        let store = transaction.object_store(STORE)?;
        Ok((transaction, store))
    }

    // Keys are "<endpoint>\n<id>": a newline cannot occur in a checked endpoint, so one
    // endpoint's range never reaches into another's.
    fn key(&self, id: &str) -> JsValue {
        JsValue::from_str(&format!("{}\n{id}", self.namespace))
    }

    fn range(&self) -> Result<IdbKeyRange, StoreUnavailable> {
        let lower = JsValue::from_str(&format!("{}\n", self.namespace));
        let upper = JsValue::from_str(&format!("{}\u{b}", self.namespace));
        Ok(IdbKeyRange::bound_with_lower_open_and_upper_open(&lower, &upper, false, true)?)
    }
}

// A record is a plain object of strings and numbers, readable in the browser's developer tools.
// Times are stored as numbers (exact below 2^53 ms, some 285,000 years).
fn to_record(item: &Queued) -> Result<JsValue, StoreUnavailable> {
    let record = Object::new();
    // The last three fields came after the first release: optional when read, so records of either
    // release read back, and no IndexedDB version change (which an open older tab would block).
    let fields: [(&str, JsValue); 11] = [
        ("id", item.parcel.id.as_str().into()),
        ("service", item.parcel.service.as_str().into()),
        ("score", item.parcel.score.into()),
        ("body", item.parcel.body.as_str().into()),
        ("queuedMs", (item.queued_ms as f64).into()),
        ("attempts", item.attempts.into()),
        ("dueMs", (item.due_ms as f64).into()),
        ("rejected", item.rejected.map_or(JsValue::NULL, JsValue::from)),
        ("trouble", item.trouble.map_or(JsValue::NULL, |trouble| trouble.code().into())),
        ("serverErrors", item.server_errors.into()),
        ("setAside", item.set_aside.map_or(JsValue::NULL, JsValue::from)),
    ];
    for (name, value) in fields {
        Reflect::set(&record, &name.into(), &value)?;
    }
    Ok(record.into())
}

/// Reads a record back; `None` for one this version does not understand (left alone, never
/// deleted, in case a newer version on this device wrote it).
fn from_record(record: &JsValue) -> Option<Queued> {
    let get = |name: &str| Reflect::get(record, &name.into()).ok();
    let text = |name: &str| get(name)?.as_string();
    let number = |name: &str| get(name)?.as_f64().filter(|n| n.is_finite() && *n >= 0.0);
    Some(Queued {
        parcel: Parcel {
            id: text("id")?,
            service: text("service")?,
            score: number("score")? as u8,
            body: text("body")?,
        },
        queued_ms: number("queuedMs")? as u64,
        attempts: number("attempts")? as u32,
        due_ms: number("dueMs")? as u64,
        rejected: number("rejected").map(|status| status as u16),
        trouble: text("trouble").and_then(|code| Trouble::from_code(&code)),
        server_errors: number("serverErrors").map_or(0, |count| count as u32),
        set_aside: number("setAside").map(|status| status as u16),
    })
}

async fn open_database() -> Result<IdbDatabase, StoreUnavailable> {
    let factory = web_sys::window().ok_or(StoreUnavailable)?.indexed_db()?.ok_or(StoreUnavailable)?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let upgrade = wasm_bindgen::closure::Closure::once_into_js({
        let request = request.clone();
        move || {
            if let Some(db) = request.result().ok().and_then(|db| db.dyn_into::<IdbDatabase>().ok()) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(settled(&request).await?.dyn_into()?)
}

/// Waits for a request's answer. The promise's own resolve and reject functions are the
/// handlers, so no closure is kept alive per request.
async fn settled(request: &IdbRequest) -> Result<JsValue, StoreUnavailable> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    Ok(request.result()?)
}

/// Waits until a write transaction is committed (not merely requested).
async fn committed(transaction: &IdbTransaction) -> Result<(), StoreUnavailable> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onerror(Some(&reject));
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await?;
    Ok(())
}
