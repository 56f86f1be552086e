use civic_pulse_core::web_contract::HostEvent;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::feedback::FeedbackEvent;

/// Dispatches `civic-feedback:<kind>` on the host element. Events bubble and cross the shadow
/// boundary; their detail never holds the comment.
pub fn dispatch(host: &HtmlElement, event: &FeedbackEvent) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    let kind = match event {
        FeedbackEvent::Ready => HostEvent::Ready,
        FeedbackEvent::Sent(rating) | FeedbackEvent::Queued(rating) => {
            set("id", rating.id.as_str().into());
            set("service", rating.service.as_str().into());
            set("score", rating.score.into());
            if matches!(event, FeedbackEvent::Sent(_)) { HostEvent::Sent } else { HostEvent::Queued }
        }
        FeedbackEvent::Error { id, reason } => {
            set("id", id.into());
            set("reason", reason.into());
            HostEvent::Error
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(&kind.event_type(), &init) {
        let _ = host.dispatch_event(&custom);
    }
}
