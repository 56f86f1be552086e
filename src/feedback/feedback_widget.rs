use std::time::Duration;

use civic_pulse_core::collection::{IDLE_WARNING_MS, Mode, NEXT_PERSON_PAUSE_MS};
use civic_pulse_core::delivery::Parcel;
use civic_pulse_core::display::DisplayPrefs;
use civic_pulse_core::receipt::ReceiptBook;
use civic_pulse_core::{Lang, Msg, RatingV1, ServiceId, WidgetConfig};
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;

use super::already_rated::AlreadyRated;
use super::confirmation::Confirmation;
use super::flow::{FeedbackEvent, RatingSummary, Step};
use super::rating_screen::RatingScreen;
use super::second_part::{FetchWhen, Turn, provide_second_part, second_part_slot};
use super::service_picker::ServicePicker;
use crate::delivery::{
    Cooldown, Courier, Delivered, Delivery, QueueCounts, QueueEvents, QueueFlusher, keep_delivering,
};
use crate::i18n::{browser_languages, provide_lang, tr};
use crate::ui::{load_display_prefs, save_display_prefs, unique_id};

/// The whole resident flow for one checked configuration.
#[component]
pub fn FeedbackWidget(
    config: WidgetConfig,
    /// Told about everything the host page may want to know (see [`FeedbackEvent`]).
    #[prop(optional, into)]
    on_event: Option<Callback<FeedbackEvent>>,
) -> impl IntoView {
    let lang = provide_lang(config.lang.unwrap_or_else(|| Lang::negotiate(&browser_languages())));
    provide_second_part(FetchWhen::AfterFirstPaint);
    let emit = move |event: FeedbackEvent| {
        if let Some(callback) = on_event {
            callback.run(event);
        }
    };
    let mode = config.mode;
    let step = RwSignal::new(Step::first(&config.services));
    // Focus follows the resident from screen to screen, but only once they have acted.
    let moved = StoredValue::new(false);
    let go = move |next: Step| {
        moved.set_value(true);
        step.set(next);
    };
    // A shared device starts every person at the largest text and keeps nobody's choices.
    let prefs = RwSignal::new(if mode.is_shared() { DisplayPrefs::SHARED_DEVICE } else { load_display_prefs() });
    Effect::new(move |first: Option<()>| {
        let chosen = prefs.get();
        // Only what the resident changes is written back, not what was just read.
        if first.is_some() && !mode.is_shared() {
            save_display_prefs(chosen);
        }
    });
    // Each person on a shared device starts afresh: the first screen, rebuilt, with nothing of
    // the last rating on it and the focus at its top.
    let visit = RwSignal::new(0u32);
    let first_screen = Step::first(&config.services);
    let next_person = Callback::new(move |()| {
        prefs.set(DisplayPrefs::SHARED_DEVICE);
        visit.update(|v| *v += 1);
        go(first_screen.clone());
    });
    let idle = IdleReturn::new(mode, config.idle_ms, next_person);
    let widget_class = move || {
        let p = prefs.get();
        format!("cp-widget cp-text-{}{}", p.text_step, if p.high_contrast { " cp-contrast" } else { "" })
    };
    let screen_host = NodeRef::<leptos::html::Div>::new();
    let title_id = unique_id("cp-title");
    let WidgetConfig { endpoint, services, service_labels, scale, delivery, receipt_page, phone, .. } = config;
    let receipt_page = StoredValue::new(receipt_page);
    let min_time_ms = delivery.min_time_ms;
    // The queue tells the widget what happened; the widget keeps what its screens show.
    let queue_counts = RwSignal::new(QueueCounts::default());
    let receipts = StoredValue::new(ReceiptBook::default());
    let events = QueueEvents {
        delivered: Callback::new(move |Delivered { parcel, receipt }: Delivered| {
            if let Some(receipt) = receipt {
                receipts.update_value(|book| book.write_down(&parcel.id, receipt));
            }
            emit(FeedbackEvent::Sent(RatingSummary::of_parcel(&parcel)))
        }),
        set_aside: Callback::new(move |(parcel, status): (Parcel, u16)| {
            emit(FeedbackEvent::Error { id: parcel.id, reason: format!("server-{status}") })
        }),
        counts: Callback::new(move |counts: QueueCounts| {
            queue_counts.try_set(counts);
        }),
    };
    let cooldown_ms = delivery.cooldown_ms;
    let flusher = QueueFlusher::new(endpoint.as_str(), delivery, events);
    let cooldown = StoredValue::new(Cooldown::new(flusher.namespace(), cooldown_ms));
    keep_delivering(flusher.clone());
    let courier = StoredValue::new_local(std::rc::Rc::new(Courier::new(flusher.clone())));
    let flusher = StoredValue::new_local(flusher);
    let labels = StoredValue::new(service_labels);
    let several_services = services.len() > 1;
    let services = StoredValue::new(services);

    Effect::new(move |_| emit(FeedbackEvent::Ready));

    let another = Callback::new(move |()| go(Step::ChooseService));
    let screen = move || match (visit.track(), step.get()).1 {
        Step::ChooseService => EitherOf4::A(view! {
            <ServicePicker
                services=services.get_value()
                labels=labels.get_value()
                focus_heading=moved.get_value()
                on_choose=Callback::new(move |service: ServiceId| go(Step::Rate(service)))
            />
        }),
        // A shared device has no cooldown: it would turn the next resident away.
        Step::Rate(service) => {
            match cooldown.with_value(|cooldown| cooldown.rests_until(service.as_str())).filter(|_| !mode.is_shared()) {
                Some(until_ms) => {
                    let name = service.clone();
                    EitherOf4::B(view! {
                        <AlreadyRated
                            service_name=Signal::derive(move || labels.get_value().label(&name, lang.get()))
                            until_ms=until_ms
                            focus_heading=moved.get_value()
                            offer_another=several_services
                            on_another=another
                        />
                    })
                }
                None => EitherOf4::C(view! {
                    <RatingScreen
                        service=service.clone()
                        labels=labels.get_value()
                        scale=scale
                        channel=mode.channel()
                        courier=courier
                        min_time_ms=min_time_ms
                        focus_heading=moved.get_value()
                        on_done=Callback::new(move |(rating, delivery): (RatingV1, Delivery)| {
                            if !mode.is_shared() {
                                cooldown.with_value(|cooldown| cooldown.start(&rating.service));
                            }
                            if matches!(delivery, Delivery::Saved { .. }) {
                                emit(FeedbackEvent::Queued(RatingSummary::of(&rating)));
                            }
                            // A bad review needs a follow-up: its receipt lets the resident ask.
                            let receipt = (rating.score <= 2)
                                .then(|| receipts.with_value(|book| book.receipt_for(&rating.id).cloned()))
                                .flatten();
                            // A shared device makes way for the next person after a pause, unless it
                            // shows a receipt code: that stays until someone has written it down and
                            // taps "Next person" (WCAG 2.2.1: no time limit on reading it).
                            if mode.is_shared() && receipt.is_none() {
                                after_thanks(visit, next_person);
                            }
                            go(Step::Done(service.clone(), delivery, receipt));
                        })
                        on_not_taken=Callback::new(move |(rating, delivery): (RatingV1, Delivery)| {
                            emit(FeedbackEvent::not_taken(&rating, delivery))
                        })
                    />
                }),
            }
        }
        Step::Done(_, delivery, receipt) => EitherOf4::D(view! {
            <Confirmation
                delivery=delivery
                receipt=receipt
                receipt_page=receipt_page.get_value().filter(|_| mode.may_leave_page())
                offer_another=several_services
                on_another=another
                next_person=mode.is_shared().then_some(next_person)
            />
        }),
    };

    let labelled_by = title_id.clone();
    // The number to call instead, on every screen (as text on a kiosk, where no link may leave).
    let call = phone.map(|phone| {
        let number = if mode.may_leave_page() {
            Either::Left(view! { <a href=phone.tel_uri()>{phone.as_str().to_owned()}</a> })
        } else {
            Either::Right(view! { <span>{phone.as_str().to_owned()}</span> })
        };
        view! { <p class="cp-call">{tr(Msg::CallInstead)}" "{number}</p> }
    });
    view! {
        <section
            class=widget_class
            lang=move || lang.get().tag()
            aria-labelledby=labelled_by
            data-mode=mode.channel().id()
            on:pointerdown=move |_| idle.touched()
            on:keydown=move |_| idle.touched()
            on:input=move |_| idle.touched()
        >
            <div class="cp-widget__bar">
                <h2 class="cp-widget__title" id=title_id>{tr(Msg::WidgetTitle)}</h2>
                {second_part_slot(Turn::Second, |part| (part.language_switcher)(), None)}
            </div>
            <div class="cp-widget__tools">
                {second_part_slot(Turn::First, move |part| (part.tools)(prefs, screen_host, mode.is_shared()), Some(Msg::PartMissing))}
            </div>
            <div class="cp-widget__screen" node_ref=screen_host>
                {move || {
                    idle.warning.get().then(|| {
                        view! {
                            <p class="cp-idle" role="alert">
                                {tr(Msg::IdleWarning)}
                                " "
                                <button type="button" class="cp-button" on:click=move |_| idle.touched()>
                                    {tr(Msg::MoreTime)}
                                </button>
                            </p>
                        }
                    })
                }}
                {screen}
                {call}
            </div>
            {second_part_slot(Turn::Last, move |part| (part.queue_panel)(flusher, queue_counts.read_only()), None)}
        </section>
    }
}

/// On a shared device, the thanks stay for a short pause and then the first screen is ready for
/// the next person, unless someone has moved on already (the visit count changed).
fn after_thanks(visit: RwSignal<u32>, next_person: Callback<()>) {
    let this_visit = visit.get_untracked();
    set_timeout(
        move || {
            if visit.try_get_untracked() == Some(this_visit) {
                next_person.run(());
            }
        },
        Duration::from_millis(u64::from(NEXT_PERSON_PAUSE_MS)),
    );
}

/// A kiosk's return to its first screen after a while without a touch, a key or typing: the
/// next person never finds the last one's half-finished rating. Twenty seconds before, it says
/// so and offers "More time" (WCAG 2.2.1). Other modes never return.
///
/// One timer at a time, checking the time of the last touch when it fires (and waiting again for
/// the rest if there was one since), rather than a timer cleared and set at every keystroke.
#[derive(Clone, Copy)]
struct IdleReturn {
    /// When the widget was last touched (ms since the epoch), and whether a timer is waiting.
    last_touch: StoredValue<(f64, bool)>,
    /// The return is near: the warning with its "More time" button shows.
    warning: RwSignal<bool>,
    after_ms: Option<f64>,
    back: Callback<()>,
}

impl IdleReturn {
    fn new(mode: Mode, idle_ms: u32, back: Callback<()>) -> IdleReturn {
        let after_ms = (mode == Mode::Kiosk).then_some(f64::from(idle_ms));
        IdleReturn { last_touch: StoredValue::new((0.0, false)), warning: RwSignal::new(false), after_ms, back }
    }

    /// Someone is using it: the wait starts again from now.
    fn touched(&self) {
        let Some(after_ms) = self.after_ms else { return };
        if self.warning.get_untracked() {
            self.warning.set(false);
        }
        let waiting = self.last_touch.try_update_value(|(last, waiting)| {
            *last = js_sys::Date::now();
            std::mem::replace(waiting, true)
        });
        if waiting == Some(false) {
            self.wait(after_ms - f64::from(IDLE_WARNING_MS));
        }
    }

    fn wait(self, ms: f64) {
        let Some(after_ms) = self.after_ms else { return };
        let warn_from = after_ms - f64::from(IDLE_WARNING_MS);
        set_timeout(
            move || {
                // Gone with its widget: nothing to return to.
                let Some((last, _)) = self.last_touch.try_get_value() else { return };
                let idle = js_sys::Date::now() - last;
                if idle >= after_ms {
                    self.last_touch.update_value(|(_, waiting)| *waiting = false);
                    self.warning.set(false);
                    self.back.run(());
                } else if idle >= warn_from {
                    self.warning.set(true);
                    self.wait(after_ms - idle);
                } else {
                    self.wait(warn_from - idle);
                }
            },
            Duration::from_millis(ms.max(0.0) as u64),
        );
    }
}
