use std::cell::Cell;
use std::rc::Rc;

use civic_pulse_core::abuse::{human_wait_ms, is_bot};
use civic_pulse_core::{Lang, Msg, RatingV1, ServiceId};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement};

use super::rating_group::RatingGroup;
use super::widget::{Slot, Widget};
use crate::delivery::{Delivery, sleep};
use crate::dom;
use crate::feedback::{FeedbackEvent, fresh_rating_id, today};
use crate::task;
use crate::ui::unique_id;

/// What the send button has done so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SendState {
    Idle,
    Sending,
    /// The rating did not reach the receiver or the queue; the form keeps everything.
    NotTaken(Delivery),
}

impl Widget {
    /// Screen 2: the question, the answers (the chips and the comment box come with the second
    /// part) and the send button.
    pub(super) fn show_rating_screen(&self, service: ServiceId) {
        let labels = self.labels.clone();
        let named = service.clone();
        let (form, heading) = self.new_screen("form", "cp-screen", false, move |lang| labels.label(&named, lang));
        let _ = form.set_attribute("novalidate", "");
        self.bridge.score.set(None);
        let lang = self.lang();
        let group = Rc::new(RatingGroup::new(&form, &self.screen.borrow().texts, lang, self.bridge.scale));

        let place = dom::element(&form, "div", "cp-details-place");
        // A field people never see or reach; bots that fill every input give themselves away.
        let trap = dom::element(&form, "div", "cp-honeypot");
        let _ = trap.set_attribute("aria-hidden", "true");
        let trap_id = unique_id("cp-website");
        let trap_label = dom::element(&trap, "label", "");
        let _ = trap_label.set_attribute("for", &trap_id);
        self.say(&trap_label, Msg::HoneypotLabel);
        let honeypot = dom::element(&trap, "input", "");
        dom::set_attributes(
            &honeypot,
            &[("id", &trap_id), ("type", "text"), ("name", "website"), ("tabindex", "-1"), ("autocomplete", "off")],
        );
        let honeypot: HtmlInputElement = honeypot.unchecked_into();

        let state = Rc::new(Cell::new(SendState::Idle));
        let send = dom::element(&form, "button", "cp-button cp-button--primary");
        let _ = send.set_attribute("type", "submit");
        self.say_with(&send, {
            let state = state.clone();
            move |lang| lang.text(state.get().button()).to_owned()
        });
        let status = dom::element(&form, "p", "cp-status");
        let _ = status.set_attribute("role", "status");
        self.say_with(&status, {
            let state = state.clone();
            move |lang| state.get().status(lang)
        });
        let error = Error::new(&heading, &group);

        // An answer chosen: the chips follow it, and "choose an answer" no longer applies.
        for (score, input) in &group.answers {
            let (score, me, error) = (*score, self.me.clone(), error.clone());
            self.on(input, "change", move |_| {
                error.hide();
                if let Some(widget) = me.upgrade() {
                    widget.bridge.score.set(Some(score));
                }
            });
        }
        let shown_ms = js_sys::Date::now();
        let me = self.me.clone();
        let show = move |state: &Cell<SendState>, now: SendState, widget: &Widget| {
            state.set(now);
            let lang = widget.lang();
            send.set_text_content(Some(lang.text(now.button())));
            if now == SendState::Sending {
                let _ = send.set_attribute("aria-disabled", "true");
            } else {
                let _ = send.remove_attribute("aria-disabled");
            }
            status.set_text_content(Some(&now.status(lang)));
        };
        let show = Rc::new(show);
        self.on(&form, "submit", move |event| {
            event.prevent_default();
            let Some(widget) = me.upgrade() else { return };
            if state.get() == SendState::Sending {
                return;
            }
            let Some(score) = group.chosen() else {
                error.show(&widget);
                return;
            };
            let (Some(id), Some(day)) = (fresh_rating_id(), today()) else {
                show(&state, SendState::NotTaken(Delivery::Failed), &widget);
                return;
            };
            let rating = RatingV1::new(id, &service, widget.bridge.scale, score, widget.lang(), day)
                .with_channel(widget.mode.channel());
            // The comment is redacted here, on the device, before the rating is stored or sent.
            // Chips and comment come with the second part; without it there are none to add.
            let rating = match &widget.screen.borrow().add_details {
                Some(add) => add(rating),
                None => rating,
            };
            let bot = is_bot(&honeypot.value());
            show(&state, SendState::Sending, &widget);
            let (state, show, service) = (state.clone(), show.clone(), service.clone());
            let min_time_ms = widget.min_time_ms;
            task::spawn(async move {
                let wait = human_wait_ms(shown_ms, js_sys::Date::now(), min_time_ms);
                if wait > 0 {
                    let _ = JsFuture::from(sleep(wait)).await;
                }
                // A bot is thanked like anyone else, so it learns nothing, but its rating goes nowhere.
                let delivery = if bot { Delivery::Sent } else { widget.courier.submit(&rating).await };
                match delivery {
                    Delivery::Sent | Delivery::Saved { .. } => widget.rated(service, &rating, delivery),
                    refused => {
                        show(&state, SendState::NotTaken(refused), &widget);
                        widget.emit(FeedbackEvent::not_taken(&rating, refused));
                    }
                }
            });
        });
        self.screen.borrow_mut().slot = Some(Slot::Details(place));
        self.fill_screen_slot();
    }
}

/// "Choose an answer first", shown above the answers only after a send without one, and
/// describing the group while it shows.
#[derive(Clone)]
struct Error {
    heading: Element,
    group: Rc<RatingGroup>,
    shown: Rc<std::cell::RefCell<Option<Element>>>,
}

impl Error {
    fn new(heading: &Element, group: &Rc<RatingGroup>) -> Error {
        Error { heading: heading.clone(), group: group.clone(), shown: Default::default() }
    }

    fn show(&self, widget: &Widget) {
        if self.shown.borrow().is_some() {
            return;
        }
        let Some(error) = dom::create(&self.heading, "p", "cp-error") else { return };
        let id = unique_id("cp-rating-error");
        error.set_id(&id);
        widget.say_with(&dom::element(&error, "span", "cp-visually-hidden"), |lang| {
            format!("{} ", lang.text(Msg::ErrorPrefix))
        });
        widget.say(&dom::element(&error, "span", ""), Msg::ChooseRatingFirst);
        let _ = self.heading.after_with_node_1(&error);
        self.group.described_by(Some(&id));
        *self.shown.borrow_mut() = Some(error);
    }

    fn hide(&self) {
        if let Some(error) = self.shown.borrow_mut().take() {
            error.remove();
            self.group.described_by(None);
        }
    }
}

impl SendState {
    /// The send button's words.
    fn button(self) -> Msg {
        if self == SendState::Sending { Msg::Sending } else { Msg::Send }
    }

    /// The status line: says plainly why the rating was not taken and what the resident can do.
    fn status(self, lang: Lang) -> String {
        match self {
            SendState::NotTaken(Delivery::Rejected { status }) => {
                lang.format(Msg::SendRejected, &[("status", &status.to_string())])
            }
            SendState::NotTaken(Delivery::QueueFull { waiting }) => {
                lang.format(Msg::QueueFull, &[("count", &waiting.to_string())])
            }
            SendState::NotTaken(_) => lang.text(Msg::SendFailed).to_owned(),
            SendState::Idle | SendState::Sending => String::new(),
        }
    }
}
