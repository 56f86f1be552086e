//! A measuring probe, not part of the product: the widget's first part as issue #15 defines it
//! (service choice, rating screen with its faces, honeypot, minimum time, cooldown and the
//! "already rated" screen, the parcel with `headers` and `field-map`, the IndexedDB write, the
//! first POST and its outcome screen with "rate another" or "next person", the host page's
//! events, focus moving with the resident, the start-up flush and the page-hide keep-alive), with
//! the same core and delivery code as the widget but its screens written on web-sys instead of
//! Leptos views. ./bench weighs it beside the widget's first part: the difference is what Leptos's
//! view and reactive code cost the first load. It has no second part, no kiosk idle return and
//! no language switch, which the real first part would add.

use std::rc::Rc;

use civic_pulse::delivery::{Cooldown, Courier, Delivered, Delivery, QueueEvents, QueueFlusher, sleep};
use civic_pulse::embed::dispatch;
use civic_pulse::feedback::{FeedbackEvent, RatingSummary, fresh_rating_id, today};
use civic_pulse_core::abuse::{human_wait_ms, is_bot};
use civic_pulse_core::collection::NEXT_PERSON_PAUSE_MS;
use civic_pulse_core::delivery::Trouble;
use civic_pulse_core::{Lang, Msg, RatingV1, ServiceId, WidgetConfig};
use leptos::prelude::Callback;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

fn main() {}

#[wasm_bindgen]
pub fn mount(container: HtmlElement, host: HtmlElement) -> JsValue {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return JsValue::UNDEFINED };
    let config = match WidgetConfig::from_attributes(|name| host.get_attribute(name)) {
        Ok(config) => config,
        // The real first part shows the problems with the second part.
        Err(_) => return JsValue::UNDEFINED,
    };
    let languages: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default();
    let lang = config.lang.unwrap_or_else(|| Lang::negotiate(&languages));
    let events = {
        let (sent, failed) = (host.clone(), host.clone());
        QueueEvents {
            delivered: Callback::new(move |Delivered { parcel, .. }: Delivered| {
                dispatch(&sent, &FeedbackEvent::Sent(RatingSummary::of_parcel(&parcel)))
            }),
            set_aside: Callback::new(move |(parcel, status): (civic_pulse_core::delivery::Parcel, u16)| {
                dispatch(&failed, &FeedbackEvent::Error { id: parcel.id, reason: format!("server-{status}") })
            }),
            counts: Callback::new(|_| {}),
        }
    };
    let flusher = QueueFlusher::new(config.endpoint.as_str(), config.delivery.clone(), events);
    {
        let waiting = flusher.clone();
        wasm_bindgen_futures::spawn_local(async move { waiting.send_waiting().await });
        let flusher = flusher.clone();
        let leaving = Closure::<dyn Fn()>::new(move || flusher.send_before_leaving());
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback("pagehide", leaving.as_ref().unchecked_ref());
        }
        leaving.forget();
    }
    let cooldown = Cooldown::new(flusher.namespace(), config.delivery.cooldown_ms);
    let frame = element(&document, "section", &container, "cp-widget");
    let _ = frame.set_attribute("lang", lang.tag());
    let _ = frame.set_attribute("aria-labelledby", "cp-title");
    let _ = frame.set_attribute("data-mode", config.mode.channel().id());
    let bar = element(&document, "div", &frame, "cp-widget__bar");
    let title = element(&document, "h2", &bar, "cp-widget__title");
    title.set_id("cp-title");
    title.set_text_content(Some(lang.text(Msg::WidgetTitle)));
    let _ = element(&document, "div", &frame, "cp-widget__tools");
    let screen_host = element(&document, "div", &frame, "cp-widget__screen");
    let widget = Rc::new(Widget {
        courier: Courier::new(flusher.clone()),
        document,
        screen_host,
        host: host.clone(),
        lang,
        config,
        cooldown,
    });
    widget.first(false);
    dispatch(&host, &FeedbackEvent::Ready);
    JsValue::UNDEFINED
}

/// A new element with `class`, appended to `parent`.
fn element(document: &Document, tag: &str, parent: &Element, class: &str) -> Element {
    let element = document.create_element(tag).unwrap_or_else(|_| parent.clone());
    if !class.is_empty() {
        element.set_class_name(class);
    }
    let _ = parent.append_child(&element);
    element
}

struct Widget {
    document: Document,
    screen_host: Element,
    host: HtmlElement,
    lang: Lang,
    config: WidgetConfig,
    cooldown: Cooldown,
    courier: Courier,
}

impl Widget {
    fn add(&self, tag: &str, parent: &Element, class: &str, text: Option<&str>) -> Element {
        let element = element(&self.document, tag, parent, class);
        if text.is_some() {
            element.set_text_content(text);
        }
        element
    }

    fn on(&self, target: &Element, event: &str, handler: impl Fn(web_sys::Event) + 'static) {
        let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        handler.forget();
    }

    /// A new screen in place of the last, its heading focused once the resident has acted.
    fn screen(&self, heading: &str, focus: bool) -> Element {
        self.screen_host.set_text_content(None);
        let screen = self.add("div", &self.screen_host, "cp-screen", None);
        let title = self.add("h3", &screen, "cp-screen__heading", Some(heading));
        let _ = title.set_attribute("tabindex", "-1");
        if focus {
            let _ = title.unchecked_ref::<HtmlElement>().focus();
        }
        if let Some(phone) = &self.config.phone {
            let call =
                self.add("p", &self.screen_host, "cp-call", Some(&format!("{} ", self.lang.text(Msg::CallInstead))));
            let number = self.add("a", &call, "", Some(phone.as_str()));
            let _ = number.set_attribute("href", &phone.tel_uri());
        }
        screen
    }

    fn first(self: &Rc<Self>, focus: bool) {
        match self.config.services.as_slice() {
            [only] => self.rate(only.clone(), focus),
            _ => self.choose(focus),
        }
    }

    fn choose(self: &Rc<Self>, focus: bool) {
        let screen = self.screen(self.lang.text(Msg::ChooseService), focus);
        let list = self.add("ul", &screen, "cp-services", None);
        for service in self.config.services.clone() {
            let item = self.add("li", &list, "", None);
            let label = self.config.service_labels.label(&service, self.lang);
            let button = self.add("button", &item, "cp-button cp-button--choice", Some(&label));
            let _ = button.set_attribute("type", "button");
            let widget = self.clone();
            self.on(&button, "click", move |_| widget.rate(service.clone(), true));
        }
    }

    fn rate(self: &Rc<Self>, service: ServiceId, focus: bool) {
        let name = self.config.service_labels.label(&service, self.lang);
        let shared = self.config.mode.is_shared();
        if let Some(until_ms) = self.cooldown.rests_until(service.as_str()).filter(|_| !shared) {
            let screen = self.screen(&name, focus);
            let date = js_sys::Date::new(&(until_ms as f64).into());
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
            let when = String::from(date.to_locale_string(self.lang.tag(), &options));
            self.add("p", &screen, "", Some(&self.lang.format(Msg::AlreadyRated, &[("time", &when)])));
            self.rate_another(&screen);
            return;
        }
        let screen = self.screen(&name, focus);
        let form = self.add("form", &screen, "", None);
        let _ = form.set_attribute("novalidate", "");
        let error = self.add("p", &form, "cp-error", None);
        error.set_id("cp-rating-error");
        let _ = error.set_attribute("hidden", "");
        let fieldset = self.add("fieldset", &form, "cp-rating", None);
        let scale = self.config.scale;
        self.add("legend", &fieldset, "cp-rating__question", Some(self.lang.text(scale.question())));
        let options = self.add("div", &fieldset, "cp-rating__options", None);
        let mut inputs = Vec::new();
        for option in scale.options() {
            let score = option.score.get();
            let row = self.add("div", &options, "cp-rating__option", None);
            let input = self.add("input", &row, "cp-rating__input", None);
            let id = format!("cp-rating-{score}");
            for (name, value) in [("type", "radio"), ("id", id.as_str()), ("name", "cp-rating")] {
                let _ = input.set_attribute(name, value);
            }
            let label = self.add("label", &row, "cp-rating__label", None);
            let _ = label.set_attribute("for", &id);
            self.face(&label, score);
            self.add("span", &label, "", Some(self.lang.text(option.label)));
            inputs.push((option.score, input.unchecked_into::<HtmlInputElement>()));
        }
        let trap = self.add("div", &form, "cp-honeypot", None);
        let _ = trap.set_attribute("aria-hidden", "true");
        let trap_label = self.add("label", &trap, "", Some(self.lang.text(Msg::HoneypotLabel)));
        let _ = trap_label.set_attribute("for", "cp-website");
        let honeypot = self.add("input", &trap, "", None).unchecked_into::<HtmlInputElement>();
        honeypot.set_id("cp-website");
        let _ = honeypot.set_attribute("tabindex", "-1");
        let send = self.add("button", &form, "cp-button cp-button--primary", Some(self.lang.text(Msg::Send)));
        let status = self.add("p", &form, "cp-status", None);
        let _ = status.set_attribute("role", "status");
        let shown_ms = js_sys::Date::now();
        let widget = self.clone();
        self.on(&form, "submit", move |event| {
            event.prevent_default();
            let Some((score, _)) = inputs.iter().find(|(_, input)| input.checked()) else {
                error.set_text_content(Some(widget.lang.text(Msg::ChooseRatingFirst)));
                let _ = error.remove_attribute("hidden");
                let _ = fieldset.set_attribute("aria-describedby", "cp-rating-error");
                return;
            };
            let (Some(id), Some(day)) = (fresh_rating_id(), today()) else { return };
            let rating =
                RatingV1::new(id, &service, scale, *score, widget.lang, day).with_channel(widget.config.mode.channel());
            let bot = is_bot(&honeypot.value());
            send.set_text_content(Some(widget.lang.text(Msg::Sending)));
            let (widget, status, send) = (widget.clone(), status.clone(), send.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let wait = human_wait_ms(shown_ms, js_sys::Date::now(), widget.config.delivery.min_time_ms);
                if wait > 0 {
                    let _ = wasm_bindgen_futures::JsFuture::from(sleep(wait)).await;
                }
                let delivery = if bot { Delivery::Sent } else { widget.courier.submit(&rating).await };
                match delivery {
                    Delivery::Sent | Delivery::Saved { .. } => widget.done(&rating, delivery),
                    refused => {
                        send.set_text_content(Some(widget.lang.text(Msg::Send)));
                        let text = match refused {
                            Delivery::Rejected { status } => {
                                widget.lang.format(Msg::SendRejected, &[("status", &status.to_string())])
                            }
                            Delivery::QueueFull { waiting } => {
                                widget.lang.format(Msg::QueueFull, &[("count", &waiting.to_string())])
                            }
                            _ => widget.lang.text(Msg::SendFailed).to_owned(),
                        };
                        status.set_text_content(Some(&text));
                        dispatch(&widget.host, &FeedbackEvent::not_taken(&rating, refused));
                    }
                }
            });
        });
    }

    /// The face beside an answer, drawn inline and hidden from assistive technology.
    fn face(&self, label: &Element, score: u8) {
        const SVG: &str = "http://www.w3.org/2000/svg";
        let mouth = match score {
            1 => "M7 17q5-5 10 0",
            2 => "M7.5 16.5q4.5-3 9 0",
            3 => "M7.5 15.5h9",
            4 => "M7.5 14.5q4.5 3 9 0",
            _ => "M7 14q5 5 10 0",
        };
        let Ok(svg) = self.document.create_element_ns(Some(SVG), "svg") else { return };
        for (name, value) in [("class", "cp-rating__face"), ("viewBox", "0 0 24 24"), ("aria-hidden", "true")] {
            let _ = svg.set_attribute(name, value);
        }
        let shapes: [(&str, &[(&str, &str)]); 4] = [
            ("circle", &[("cx", "12"), ("cy", "12"), ("r", "10.5"), ("fill", "none"), ("stroke", "currentColor")]),
            ("circle", &[("cx", "8.5"), ("cy", "9.5"), ("r", "1.4"), ("fill", "currentColor")]),
            ("circle", &[("cx", "15.5"), ("cy", "9.5"), ("r", "1.4"), ("fill", "currentColor")]),
            ("path", &[("d", mouth), ("fill", "none"), ("stroke", "currentColor"), ("stroke-linecap", "round")]),
        ];
        for (tag, attributes) in shapes {
            let Ok(shape) = self.document.create_element_ns(Some(SVG), tag) else { return };
            for (name, value) in attributes {
                let _ = shape.set_attribute(name, value);
            }
            let _ = svg.append_child(&shape);
        }
        let _ = label.append_child(&svg);
    }

    fn done(self: &Rc<Self>, rating: &RatingV1, delivery: Delivery) {
        let mode = self.config.mode;
        if !mode.is_shared() {
            self.cooldown.start(&rating.service);
        }
        if matches!(delivery, Delivery::Saved { .. }) {
            dispatch(&self.host, &FeedbackEvent::Queued(RatingSummary::of(rating)));
        }
        let lang = self.lang;
        let outcome = match delivery {
            Delivery::Saved { trouble: Some(Trouble::Offline) } => lang.text(Msg::SavedOffline).to_owned(),
            Delivery::Saved { trouble: Some(trouble) } => {
                format!("{} {}", lang.text(Msg::SavedOnPhone), trouble.explain(lang))
            }
            Delivery::Saved { trouble: None } => lang.text(Msg::SavedSendingSoon).to_owned(),
            _ => lang.text(Msg::Sent).to_owned(),
        };
        let screen = self.screen(&outcome, true);
        if !mode.is_shared() {
            self.rate_another(&screen);
            return;
        }
        self.add("p", &screen, "", Some(lang.text(Msg::NextPersonSoon)));
        let next = self.add("button", &screen, "cp-button", Some(lang.text(Msg::NextPerson)));
        let widget = self.clone();
        self.on(&next, "click", move |_| widget.first(true));
        let widget = self.clone();
        let later = Closure::once_into_js(move || widget.first(true));
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                later.unchecked_ref(),
                NEXT_PERSON_PAUSE_MS as i32,
            );
        }
    }

    fn rate_another(self: &Rc<Self>, screen: &Element) {
        if self.config.services.len() > 1 {
            let another = self.add("button", screen, "cp-button", Some(self.lang.text(Msg::RateAnother)));
            let widget = self.clone();
            self.on(&another, "click", move |_| widget.choose(true));
        }
    }
}
