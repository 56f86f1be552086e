use civic_pulse_core::delivery::Parcel;
use civic_pulse_core::receipt::ReceiptBook;
use civic_pulse_core::{Lang, Msg, RatingV1, ServiceId, WidgetConfig};
use leptos::either::EitherOf4;
use leptos::prelude::*;

use super::already_rated::AlreadyRated;
use super::confirmation::Confirmation;
use super::flow::{FeedbackEvent, RatingSummary, Step};
use super::rating_screen::RatingScreen;
use super::second_part::{FetchWhen, provide_second_part, second_part_slot};
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
    let step = RwSignal::new(Step::first(&config.services));
    // Focus follows the resident from screen to screen, but only once they have acted.
    let moved = StoredValue::new(false);
    let go = move |next: Step| {
        moved.set_value(true);
        step.set(next);
    };
    let prefs = RwSignal::new(load_display_prefs());
    Effect::new(move |first: Option<()>| {
        let chosen = prefs.get();
        // Only what the resident changes is written back, not what was just read.
        if first.is_some() {
            save_display_prefs(chosen);
        }
    });
    let widget_class = move || {
        let p = prefs.get();
        format!("cp-widget cp-text-{}{}", p.text_step, if p.high_contrast { " cp-contrast" } else { "" })
    };
    let screen_host = NodeRef::<leptos::html::Div>::new();
    let title_id = unique_id("cp-title");
    let WidgetConfig { endpoint, services, service_labels, scale, delivery, receipt_page, .. } = config;
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
    let screen = move || match step.get() {
        Step::ChooseService => EitherOf4::A(view! {
            <ServicePicker
                services=services.get_value()
                labels=labels.get_value()
                focus_heading=moved.get_value()
                on_choose=Callback::new(move |service: ServiceId| go(Step::Rate(service)))
            />
        }),
        Step::Rate(service) => match cooldown.with_value(|cooldown| cooldown.rests_until(service.as_str())) {
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
                    courier=courier
                    min_time_ms=min_time_ms
                    focus_heading=moved.get_value()
                    on_done=Callback::new(move |(rating, delivery): (RatingV1, Delivery)| {
                        cooldown.with_value(|cooldown| cooldown.start(&rating.service));
                        if matches!(delivery, Delivery::Saved { .. }) {
                            emit(FeedbackEvent::Queued(RatingSummary::of(&rating)));
                        }
                        // A bad review needs a follow-up: its receipt lets the resident ask.
                        let receipt = (rating.score <= 2)
                            .then(|| receipts.with_value(|book| book.receipt_for(&rating.id).cloned()))
                            .flatten();
                        go(Step::Done(service.clone(), delivery, receipt));
                    })
                    on_not_taken=Callback::new(move |(rating, delivery): (RatingV1, Delivery)| {
                        emit(FeedbackEvent::not_taken(&rating, delivery))
                    })
                />
            }),
        },
        Step::Done(_, delivery, receipt) => EitherOf4::D(view! {
            <Confirmation
                delivery=delivery
                receipt=receipt
                receipt_page=receipt_page.get_value()
                offer_another=several_services
                on_another=another
            />
        }),
    };

    let labelled_by = title_id.clone();
    view! {
        <section class=widget_class lang=move || lang.get().tag() aria-labelledby=labelled_by>
            <div class="cp-widget__bar">
                <h2 class="cp-widget__title" id=title_id>{tr(Msg::WidgetTitle)}</h2>
                {second_part_slot(|part| (part.language_switcher)(), None)}
            </div>
            <div class="cp-widget__tools">
                {second_part_slot(move |part| (part.tools)(prefs, screen_host), Some(Msg::PartMissing))}
            </div>
            <div class="cp-widget__screen" node_ref=screen_host>
                {screen}
            </div>
            {second_part_slot(move |part| (part.queue_panel)(flusher, queue_counts.read_only()), None)}
        </section>
    }
}
