use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use civic_pulse_core::collection::{IDLE_WARNING_MS, Mode, NEXT_PERSON_PAUSE_MS};
use civic_pulse_core::delivery::Parcel;
use civic_pulse_core::display::DisplayPrefs;
use civic_pulse_core::receipt::{Receipt, ReceiptBook};
use civic_pulse_core::service::ServiceLabels;
use civic_pulse_core::{Lang, Msg, RatingV1, ServiceId, WidgetConfig};
use js_sys::Function;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlElement};

use super::later_texts;
use super::texts::Texts;
use crate::delivery::{Cooldown, Courier, Delivered, Delivering, Delivery, QueueEvents, QueueFlusher, keep_delivering};
use crate::dom::{self, Listener};
use crate::embed::dispatch;
use crate::feedback::bridge::{Bridge, Watch};
use crate::feedback::second_part::{AddDetails, Attached, Shown};
use crate::feedback::{FeedbackEvent, RatingSummary, Step};
use crate::task;
use crate::ui::{load_display_prefs, save_display_prefs, unique_id};

/// Renders the widget for a checked configuration into `container` and returns the function that
/// unmounts it.
pub fn mount_widget(
    container: HtmlElement,
    host: HtmlElement,
    config: WidgetConfig,
    lang: Lang,
    more_texts: Function,
) -> JsValue {
    let widget = Widget::new(container, host, config, lang, more_texts);
    widget.show(Step::first(&widget.services));
    widget.fetch_second_part();
    widget.emit(FeedbackEvent::Ready);
    Closure::once_into_js(move || widget.unmount())
}

/// How long after its first screen is painted the widget starts fetching its second part.
const SECOND_PART_PAUSE_MS: u32 = 150;

/// Where the second part is for this widget.
pub(super) enum Arrival {
    Pending,
    /// Here, and every place of the widget's frame filled.
    Here(Rc<dyn Attached>),
    /// It could not be fetched; the first part goes on alone and says what is missing.
    Missing,
}

/// The place on the current screen that the second part fills.
pub(super) enum Slot {
    /// The chips and the comment box on the rating screen.
    Details(Element),
    /// A bad review's receipt code on the confirmation.
    Receipt(Element, Receipt),
}

/// The current screen: its words, its listeners and what the second part put on it, all gone
/// with it.
#[derive(Default)]
pub(super) struct Screen {
    pub root: Option<Element>,
    pub texts: Texts,
    pub listeners: Vec<Listener>,
    pub slot: Option<Slot>,
    pub filled: Option<Shown>,
    /// Adds the ticked chips and the comment, redacted on the device, to a rating.
    pub add_details: Option<AddDetails>,
}

/// The whole resident flow for one checked configuration.
pub struct Widget {
    pub(super) me: Weak<Widget>,
    host: HtmlElement,
    pub(super) bridge: Rc<Bridge>,
    pub(super) services: Vec<ServiceId>,
    pub(super) labels: ServiceLabels,
    pub(super) mode: Mode,
    pub(super) min_time_ms: u32,
    pub(super) receipt_page: Option<String>,
    section: Element,
    bar: Element,
    tools: Element,
    pub(super) screen_host: Element,
    call: Option<Element>,
    frame_texts: Texts,
    pub(super) screen: RefCell<Screen>,
    pub(super) courier: Courier,
    cooldown: Cooldown,
    receipts: RefCell<ReceiptBook>,
    /// Focus follows the resident from screen to screen, but only once they have acted.
    moved: Cell<bool>,
    /// Each person on a shared device is a new visit.
    visit: Cell<u32>,
    second: RefCell<Arrival>,
    /// Fetches the file with every language's texts (`embed.js`), for the second part.
    more_texts: Function,
    idle: Idle,
    listeners: RefCell<Vec<Listener>>,
    delivering: RefCell<Option<Delivering>>,
    gone: Cell<bool>,
}

impl Widget {
    fn new(
        container: HtmlElement,
        host: HtmlElement,
        config: WidgetConfig,
        lang: Lang,
        more_texts: Function,
    ) -> Rc<Widget> {
        let mode = config.mode;
        // A shared device starts every person at the largest text and keeps nobody's choices.
        let prefs = if mode.is_shared() { DisplayPrefs::SHARED_DEVICE } else { load_display_prefs() };
        let WidgetConfig { endpoint, services, service_labels, scale, delivery, receipt_page, phone, idle_ms, .. } =
            config;
        let min_time_ms = delivery.min_time_ms;
        let cooldown_ms = delivery.cooldown_ms;

        let section = dom::element(&container, "section", "");
        let title_id = unique_id("cp-title");
        dom::set_attributes(&section, &[("aria-labelledby", &title_id), ("data-mode", mode.channel().id())]);
        let bar = dom::element(&section, "div", "cp-widget__bar");
        let title = dom::element(&bar, "h2", "cp-widget__title");
        title.set_id(&title_id);
        let tools = dom::element(&section, "div", "cp-widget__tools");
        let screen_host = dom::element(&section, "div", "cp-widget__screen");
        let frame_texts = Texts::default();
        frame_texts.message(&title, lang, Msg::WidgetTitle);
        // The number to call instead, on every screen (as text on a kiosk, where no link may leave).
        let call = phone.map(|phone| {
            let line = dom::element(&screen_host, "p", "cp-call");
            frame_texts
                .bind(&dom::element(&line, "span", ""), lang, |lang| format!("{} ", lang.text(Msg::CallInstead)));
            let number = dom::element(&line, if mode.may_leave_page() { "a" } else { "span" }, "");
            if mode.may_leave_page() {
                let _ = number.set_attribute("href", &phone.tel_uri());
            }
            number.set_text_content(Some(phone.as_str()));
            line
        });

        Rc::new_cyclic(|me: &Weak<Widget>| {
            let events = QueueEvents {
                delivered: Rc::new({
                    let me = me.clone();
                    move |Delivered { parcel, receipt }: Delivered| {
                        let Some(widget) = me.upgrade() else { return };
                        if let Some(receipt) = receipt {
                            widget.receipts.borrow_mut().write_down(&parcel.id, receipt);
                        }
                        widget.emit(FeedbackEvent::Sent(RatingSummary::of_parcel(&parcel)));
                    }
                }),
                set_aside: Rc::new({
                    let me = me.clone();
                    move |parcel: Parcel, status: u16| {
                        if let Some(widget) = me.upgrade() {
                            widget.emit(FeedbackEvent::Error { id: parcel.id, reason: format!("server-{status}") });
                        }
                    }
                }),
                counts: Rc::new({
                    let me = me.clone();
                    move |counts| {
                        if let Some(widget) = me.upgrade() {
                            widget.bridge.counts.set(counts);
                        }
                    }
                }),
            };
            let flusher = QueueFlusher::new(endpoint.as_str(), delivery, events);
            let cooldown = Cooldown::new(flusher.namespace(), cooldown_ms);
            let bridge = Rc::new(Bridge {
                lang: Watch::new(lang),
                prefs: Watch::new(prefs),
                score: Watch::new(None),
                counts: Watch::new(Default::default()),
                flusher: flusher.clone(),
                scale,
                screen: screen_host.clone(),
                read_aloud_first: mode.is_shared(),
            });
            let delivering = keep_delivering(flusher.clone());
            let widget = Widget {
                me: me.clone(),
                host,
                bridge,
                services,
                labels: service_labels,
                mode,
                min_time_ms,
                receipt_page,
                section,
                bar,
                tools,
                screen_host,
                call,
                frame_texts,
                screen: RefCell::new(Screen::default()),
                courier: Courier::new(flusher),
                cooldown,
                receipts: RefCell::new(ReceiptBook::default()),
                moved: Cell::new(false),
                visit: Cell::new(0),
                second: RefCell::new(Arrival::Pending),
                more_texts,
                idle: Idle::new(mode, idle_ms),
                listeners: RefCell::new(Vec::new()),
                delivering: RefCell::new(Some(delivering)),
                gone: Cell::new(false),
            };
            widget.follow_the_bridge();
            widget
        })
    }

    /// What the second part changes (language, text size and contrast) shows in the first part.
    fn follow_the_bridge(&self) {
        self.show_lang(self.bridge.lang.get());
        self.show_prefs(self.bridge.prefs.get());
        let me = self.me.clone();
        self.bridge.lang.watch(move |lang| {
            if let Some(widget) = me.upgrade() {
                widget.show_lang(lang);
            }
        });
        let me = self.me.clone();
        self.bridge.prefs.watch(move |prefs| {
            let Some(widget) = me.upgrade() else { return };
            widget.show_prefs(prefs);
            // Only what the resident changes is written back, and never on a shared device.
            if !widget.mode.is_shared() {
                save_display_prefs(prefs);
            }
        });
        // Someone is using a kiosk: its wait for the next person starts again.
        for event in ["pointerdown", "keydown", "input"] {
            let me = self.me.clone();
            self.listeners.borrow_mut().push(Listener::new(&self.section, event, move |_| {
                if let Some(widget) = me.upgrade() {
                    widget.touched();
                }
            }));
        }
    }

    fn show_lang(&self, lang: Lang) {
        let _ = self.section.set_attribute("lang", lang.tag());
        self.frame_texts.translate(lang);
        self.screen.borrow().texts.translate(lang);
        self.idle.texts.translate(lang);
    }

    fn show_prefs(&self, prefs: DisplayPrefs) {
        let contrast = if prefs.high_contrast { " cp-contrast" } else { "" };
        self.section.set_class_name(&format!("cp-widget cp-text-{}{contrast}", prefs.text_step));
    }

    pub(super) fn lang(&self) -> Lang {
        self.bridge.lang.get()
    }

    pub(super) fn emit(&self, event: FeedbackEvent) {
        if !self.gone.get() {
            dispatch(&self.host, &event);
        }
    }

    /// Moves to `step` because the resident acted.
    pub(super) fn go(&self, step: Step) {
        self.moved.set(true);
        self.show(step);
    }

    fn show(&self, step: Step) {
        match step {
            Step::ChooseService => self.show_service_picker(),
            // A shared device has no cooldown: it would turn the next resident away.
            Step::Rate(service) => {
                match self.cooldown.rests_until(service.as_str()).filter(|_| !self.mode.is_shared()) {
                    Some(until_ms) => self.show_already_rated(service, until_ms),
                    None => self.show_rating_screen(service),
                }
            }
            Step::Done(_, delivery, receipt) => self.show_confirmation(delivery, receipt),
        }
    }

    /// A new screen in place of the last: `tag.cp-screen` with its heading, focused when
    /// `focus` (or once the resident has acted).
    pub(super) fn new_screen(
        &self,
        tag: &str,
        class: &str,
        focus: bool,
        heading: impl Fn(Lang) -> String + 'static,
    ) -> (Element, Element) {
        // The last screen goes with its listeners, words and what the second part put on it.
        let old = std::mem::take(&mut *self.screen.borrow_mut());
        if let Some(root) = &old.root {
            root.remove();
        }
        drop(old);
        let root = dom::create(&self.screen_host, tag, class).unwrap_or_else(|| self.screen_host.clone());
        let _ = self.screen_host.insert_before(&root, self.call.as_ref().map(|call| call.as_ref()));
        let heading_element = dom::element(&root, "h3", "cp-screen__heading");
        let _ = heading_element.set_attribute("tabindex", "-1");
        let mut screen = self.screen.borrow_mut();
        screen.texts.bind(&heading_element, self.lang(), heading);
        screen.root = Some(root.clone());
        drop(screen);
        if focus || self.moved.get() {
            dom::focus(&heading_element);
        }
        (root, heading_element)
    }

    /// Gives `element` on the current screen the words of `msg`, in every language it switches to.
    pub(super) fn say(&self, element: &Element, msg: Msg) {
        self.screen.borrow().texts.message(element, self.lang(), msg);
    }

    /// The same for words made by `say`.
    pub(super) fn say_with(&self, element: &Element, say: impl Fn(Lang) -> String + 'static) {
        self.screen.borrow().texts.bind(element, self.lang(), say);
    }

    /// Adds a listener that goes with the current screen.
    pub(super) fn on(&self, target: &Element, event: &'static str, handler: impl Fn(web_sys::Event) + 'static) {
        self.screen.borrow_mut().listeners.push(Listener::new(target, event, handler));
    }

    /// A button on the current screen that runs `act` with the widget.
    pub(super) fn button(&self, parent: &Element, msg: Msg, act: impl Fn(&Widget) + 'static) -> Element {
        let button = dom::element(parent, "button", "cp-button");
        let _ = button.set_attribute("type", "button");
        self.say(&button, msg);
        let me = self.me.clone();
        self.on(&button, "click", move |_| {
            if let Some(widget) = me.upgrade() {
                act(&widget);
            }
        });
        button
    }

    /// "Rate another service", offered at the end of a screen when the portal lists several.
    pub(super) fn rate_another(&self, parent: &Element) {
        if self.services.len() > 1 {
            self.button(parent, Msg::RateAnother, |widget| widget.go(Step::ChooseService));
        }
    }

    /// The rating was sent or saved on the device: the confirmation, and on a shared device the
    /// way to the next person.
    pub(super) fn rated(&self, service: ServiceId, rating: &RatingV1, delivery: Delivery) {
        if !self.mode.is_shared() {
            self.cooldown.start(&rating.service);
        }
        if matches!(delivery, Delivery::Saved { .. }) {
            self.emit(FeedbackEvent::Queued(RatingSummary::of(rating)));
        }
        // A bad review needs a follow-up: its receipt lets the resident ask.
        let receipt = (rating.score <= 2).then(|| self.receipts.borrow().receipt_for(&rating.id).cloned()).flatten();
        // A shared device makes way for the next person after a pause, unless it shows a receipt
        // code: that stays until someone has written it down and taps "Next person" (WCAG 2.2.1:
        // no time limit on reading it).
        if self.mode.is_shared() && receipt.is_none() {
            self.after_thanks();
        }
        self.go(Step::Done(service, delivery, receipt));
    }

    /// Each person on a shared device starts afresh: the first screen, rebuilt, with nothing of
    /// the last rating on it and the focus at its top.
    pub(super) fn next_person(&self) {
        self.bridge.prefs.set(DisplayPrefs::SHARED_DEVICE);
        self.visit.set(self.visit.get() + 1);
        self.go(Step::first(&self.services));
    }

    /// On a shared device, the thanks stay for a short pause and then the first screen is ready
    /// for the next person, unless someone has moved on already (the visit count changed).
    fn after_thanks(&self) {
        let this_visit = self.visit.get();
        let me = self.me.clone();
        dom::after(NEXT_PERSON_PAUSE_MS, move || {
            if let Some(widget) = me.upgrade().filter(|w| !w.gone.get() && w.visit.get() == this_visit) {
                widget.next_person();
            }
        });
    }

    fn fetch_second_part(&self) {
        let me = self.me.clone();
        // The first callback runs before the first screen's frame is painted, the second after:
        // the download never competes with the first screen. Then a pause, since the frame is on
        // screen only tens of milliseconds after the second callback (at 4x CPU, measured):
        // Lighthouse counts a download that starts before the page's largest paint as part of
        // it, and portals run Lighthouse on their pages (the one-service page's simulated largest
        // paint 2.07 s with the download started at once, 1.7 s after the pause).
        dom::next_frame(move || {
            dom::next_frame(move || {
                dom::after(SECOND_PART_PAUSE_MS, move || {
                    let widget = me.upgrade();
                    let arriving = later_texts::with_second_part(widget.as_ref().map(|widget| &widget.more_texts));
                    drop(widget);
                    task::spawn(async move {
                        let part = arriving.await;
                        let Some(widget) = me.upgrade().filter(|w| !w.gone.get()) else { return };
                        match part {
                            Some(part) => {
                                let attached: Rc<dyn Attached> = Rc::from((part.attach)(widget.bridge.clone()));
                                widget.fill(attached, 0);
                            }
                            None => widget.second_part_missing(),
                        }
                    })
                })
            })
        });
    }

    /// Fills the widget's places turn by turn, each in a task of its own after the frame that
    /// laid out the one before (text size, contrast and read-aloud; the language buttons; the
    /// queue panel and the current screen's place): built in one task, with V8 compiling the
    /// part's code on first use, it was one task of 55 to 90 ms at 4x CPU throttling, long enough
    /// to delay a tap (`BENCHMARKS.md`).
    fn fill(&self, attached: Rc<dyn Attached>, turn: u8) {
        let me = self.me.clone();
        dom::after(0, move || {
            let Some(widget) = me.upgrade().filter(|w| !w.gone.get()) else { return };
            match turn {
                0 => attached.tools(&widget.tools),
                1 => attached.language_switcher(&widget.bar),
                _ => {
                    attached.queue_panel(&widget.section);
                    *widget.second.borrow_mut() = Arrival::Here(attached.clone());
                    widget.fill_screen_slot();
                }
            }
            // What a turn adds can push the focused control out of view (the tools above a
            // service button on a small phone).
            let keep = attached.clone();
            task::spawn(async move { keep.keep_focus_in_view() });
            if turn < 2 {
                dom::next_frame(move || widget.fill(attached, turn + 1));
            }
        });
    }

    fn second_part_missing(&self) {
        *self.second.borrow_mut() = Arrival::Missing;
        let missing = dom::element(&self.tools, "p", "cp-missing");
        self.frame_texts.message(&missing, self.lang(), Msg::PartMissing);
        self.fill_screen_slot();
    }

    /// The current screen's place for the second part: filled once the part is here, its
    /// absence said in words if it never comes.
    pub(super) fn fill_screen_slot(&self) {
        // Nothing is borrowed while the second part builds its view.
        let slot = {
            let screen = self.screen.borrow();
            match (&screen.slot, screen.filled.is_some()) {
                (Some(Slot::Details(place)), false) => Some((place.clone(), None)),
                (Some(Slot::Receipt(place, receipt)), false) => Some((place.clone(), Some(receipt.clone()))),
                _ => None,
            }
        };
        let Some((place, receipt)) = slot else { return };
        let attached = match &*self.second.borrow() {
            Arrival::Pending => return,
            Arrival::Here(attached) => Some(attached.clone()),
            Arrival::Missing => None,
        };
        let (add, filled): (Option<AddDetails>, Shown) = match (attached, receipt) {
            (Some(attached), None) => {
                let (add, view) = attached.rating_details(&place);
                (Some(add), view)
            }
            (Some(attached), Some(receipt)) => {
                let page = self.receipt_page.clone().filter(|_| self.mode.may_leave_page());
                (None, attached.receipt_note(&place, receipt, page))
            }
            (None, receipt) => {
                let msg = if receipt.is_none() { Msg::CommentMissing } else { Msg::ReceiptMissing };
                self.say(&dom::element(&place, "p", "cp-missing"), msg);
                (None, Box::new(()))
            }
        };
        let mut screen = self.screen.borrow_mut();
        screen.add_details = add;
        screen.filled = Some(filled);
    }

    fn unmount(&self) {
        self.gone.set(true);
        self.delivering.borrow_mut().take();
        *self.second.borrow_mut() = Arrival::Missing;
        *self.screen.borrow_mut() = Screen::default();
        self.listeners.borrow_mut().clear();
        self.idle.hide_warning();
        self.section.remove();
    }

    /// Someone is using the widget: a kiosk's wait starts again from now.
    fn touched(&self) {
        let Some(after_ms) = self.idle.after_ms else { return };
        self.idle.hide_warning();
        self.idle.last_touch.set(js_sys::Date::now());
        if !self.idle.waiting.replace(true) {
            self.wait_idle(after_ms - f64::from(IDLE_WARNING_MS));
        }
    }

    /// One timer at a time, checking the time of the last touch when it fires (and waiting again
    /// for the rest if there was one since), rather than a timer cleared and set at every key.
    fn wait_idle(&self, ms: f64) {
        let Some(after_ms) = self.idle.after_ms else { return };
        let warn_from = after_ms - f64::from(IDLE_WARNING_MS);
        let me = self.me.clone();
        dom::after(ms.max(0.0) as u32, move || {
            // Gone with its widget: nothing to return to.
            let Some(widget) = me.upgrade().filter(|w| !w.gone.get()) else { return };
            let idle = js_sys::Date::now() - widget.idle.last_touch.get();
            if idle >= after_ms {
                widget.idle.waiting.set(false);
                widget.idle.hide_warning();
                widget.next_person();
            } else if idle >= warn_from {
                widget.show_idle_warning();
                widget.wait_idle(after_ms - idle);
            } else {
                widget.wait_idle(warn_from - idle);
            }
        });
    }

    /// Twenty seconds before a kiosk returns to its first screen it says so, and offers more time
    /// (WCAG 2.2.1).
    fn show_idle_warning(&self) {
        if self.idle.warning.borrow().is_some() {
            return;
        }
        let lang = self.lang();
        let Some(warning) = dom::create(&self.screen_host, "p", "cp-idle") else { return };
        let _ = warning.set_attribute("role", "alert");
        self.idle.texts.message(&dom::element(&warning, "span", ""), lang, Msg::IdleWarning);
        let _ = warning.append_with_str_1(" ");
        let more = dom::element(&warning, "button", "cp-button");
        let _ = more.set_attribute("type", "button");
        self.idle.texts.message(&more, lang, Msg::MoreTime);
        // A tap on "More time" is a touch like any other (the widget's listeners see it).
        let _ = self.screen_host.prepend_with_node_1(&warning);
        *self.idle.warning.borrow_mut() = Some(warning);
    }
}

/// A kiosk's return to its first screen after a while without a touch, a key or typing: the next
/// person never finds the last one's half-finished rating. Other modes never return.
struct Idle {
    after_ms: Option<f64>,
    /// When the widget was last touched (ms since the epoch), and whether a timer is waiting.
    last_touch: Cell<f64>,
    waiting: Cell<bool>,
    warning: RefCell<Option<Element>>,
    texts: Texts,
}

impl Idle {
    fn new(mode: Mode, idle_ms: u32) -> Idle {
        Idle {
            after_ms: (mode == Mode::Kiosk).then_some(f64::from(idle_ms)),
            last_touch: Cell::new(0.0),
            waiting: Cell::new(false),
            warning: RefCell::new(None),
            texts: Texts::default(),
        }
    }

    fn hide_warning(&self) {
        if let Some(warning) = self.warning.borrow_mut().take() {
            warning.remove();
            self.texts.forget_all();
        }
    }
}
