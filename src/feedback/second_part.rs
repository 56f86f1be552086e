//! The widget's second part: everything a resident does not need to rate and send.
//!
//! The release build splits the feedback Wasm in two (wasm-split, the tool Leptos' `#[lazy]`
//! uses). The first part holds the whole path from a tap on a rating to that rating being in the
//! device's queue and on its way: the service picker, the rating screen, the abuse guards, the
//! cooldown, the queue's IndexedDB write, the first POST and its outcome, the start-up flush and
//! the page-hide keep-alive. The second part holds what is listed in [`SecondPart`]. Each widget
//! starts fetching it right after its first screen is painted (see [`FetchWhen`]), never on
//! demand, so it is usually there before the resident looks for it; if it never arrives (the line dropped, a proxy blocked it), the resident
//! can still rate and send, and where a piece of it would stand the widget says so in words.
//!
//! Without the `split` feature (component tests, the development build) the same table is linked
//! into the one Wasm file and is there at once.

use std::rc::Rc;
use std::time::Duration;

use civic_pulse_core::config::ConfigError;
use civic_pulse_core::display::DisplayPrefs;
use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::scale::Aspect;
use civic_pulse_core::{Lang, Msg, RatingV1};
use leptos::either::Either;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

use super::aspect_chips::AspectChips;
use super::comment_box::CommentBox;
use super::queue_panel::QueuePanel;
use super::read_aloud::ReadAloudButton;
use super::receipt_note::ReceiptNote;
use crate::delivery::{QueueCounts, QueueFlusher};
use crate::i18n::{LanguageSwitcher, tr};
use crate::ui::{DisplayControls, ProblemList};

/// What the second part provides, as plain function pointers: the one value that crosses from
/// the second Wasm module into the first.
#[derive(Clone, Copy)]
pub struct SecondPart {
    /// The language buttons.
    pub language_switcher: fn() -> AnyView,
    /// Text size, contrast and read-aloud, for the screen in `screen` (read-aloud first on a
    /// shared device, where many who come cannot read small print).
    pub tools: fn(RwSignal<DisplayPrefs>, NodeRef<Div>, bool) -> AnyView,
    /// The optional chips and the comment box with its redaction preview.
    pub rating_details: fn(RatingDetails) -> AnyView,
    /// Adds the ticked chips and the comment, redacted on the device, to a rating.
    pub add_details: fn(RatingV1, &[&'static str], &str) -> RatingV1,
    /// A bad review's receipt code, and the link to the portal's receipt page (the second
    /// argument) where it has one.
    pub receipt_note: fn(Receipt, Option<String>) -> AnyView,
    /// What waits on this device, with "send now" and "discard".
    pub queue_panel: fn(StoredValue<Rc<QueueFlusher>, LocalStorage>, ReadSignal<QueueCounts>) -> AnyView,
    /// A configuration the widget cannot run with: what to fix, in the page's language (and once
    /// in the console, for the portal team).
    pub problem_screen: fn(Vec<ConfigError>, Lang) -> AnyView,
    /// Fills the widget's slots, turn by turn (see [`Turn`]): here, not in the first part, whose
    /// bytes every resident waits for.
    pub fill: fn(SecondPart, Turns),
}

/// The rating screen's state that the chips and the comment box read and write.
#[derive(Clone, Copy)]
pub struct RatingDetails {
    /// The chips on offer for the chosen score, with their question.
    pub chips: Memo<Option<(Msg, &'static [Aspect])>>,
    pub ticked: RwSignal<Vec<&'static str>>,
    pub comment: RwSignal<String>,
    /// An answer is chosen: the comment box appears.
    pub rated: Memo<bool>,
}

/// Where the second part is for this widget.
#[derive(Clone, Copy)]
pub enum Arrival {
    Pending,
    Here(SecondPart),
    /// It could not be fetched; the first part goes on alone.
    Missing,
}

/// When a slot is filled once the part is here, one turn per task and frame: building everything
/// the part adds in one task, with V8 compiling the part's code on its first use, was one
/// main-thread task of 55 to 90 ms at 4x CPU throttling (a trace; BENCHMARKS.md), long enough to
/// delay a tap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// Text size, contrast and read-aloud; the configuration problems, the only thing on their screen.
    First,
    /// The language buttons.
    Second,
    /// The queue panel, the chips and the comment box.
    Last,
}

/// Where the second part is, for the slots of each turn (indexed by `Turn as usize`): each changes
/// once, so a slot is built once, and a later turn does not build an earlier one again (losing its
/// state and the focus inside it).
#[derive(Clone, Copy)]
struct Arrivals([ReadSignal<Arrival>; 3]);

/// What sets [`Arrivals`], in the same order.
pub type Turns = [WriteSignal<Arrival>; 3];

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(second_part, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn second_part() -> Result<SecondPart, SplitLoaderError> {
    Ok(SecondPart {
        language_switcher: || view! { <LanguageSwitcher /> }.into_any(),
        tools,
        rating_details,
        add_details: RatingV1::with_details,
        receipt_note: |receipt, receipt_page| {
            view! { <ReceiptNote receipt=receipt receipt_page=receipt_page /> }.into_any()
        },
        queue_panel: |flusher, counts| view! { <QueuePanel flusher=flusher counts=counts /> }.into_any(),
        problem_screen,
        fill: |part, turns| fill(part, turns, 0),
    })
}

/// Fills the slots of the turn at `turn` in `turns`, each turn in a task of its own (after a
/// timeout of zero: not in the task that V8 ends the part's compilation in, nor in an animation
/// frame callback, which shares the frame's task) and after the frame that lays out the turn
/// before; stops when the widget is gone.
fn fill(part: SecondPart, turns: Turns, turn: usize) {
    set_timeout(
        move || {
            let Some(slots) = turns.get(turn) else { return };
            if slots.try_set(Arrival::Here(part)).is_none() {
                // Queued behind the render effects that build this turn's places (microtasks of
                // this task), so no other task, a tap or a screen reader's look, sees the focused
                // control pushed out of view in between.
                spawn_local(async { keep_focus_in_view() });
                request_animation_frame(move || fill(part, turns, turn + 1));
            }
        },
        Duration::ZERO,
    );
}

/// What a turn adds can push the focused control out of the window (the tools above a service
/// button on a small phone): the control is scrolled back into view, as little as needed (nothing
/// moves when it is in view). This lays the page out at once, so only where a control has the
/// focus. Here, not in the first part, whose bytes every resident waits for; with as few browser
/// calls as it can do with, since each one adds glue to the first part.
fn keep_focus_in_view() {
    let document = document();
    let Some(mut focused) = document.active_element() else { return };
    if document.body().is_some_and(|body| *body == focused) {
        return;
    }
    // The focused control, inside a widget's shadow root; the option or field around it, which
    // its label draws, is what must show.
    while let Some(inner) = focused.shadow_root().and_then(|root| root.active_element()) {
        focused = inner;
    }
    if let Some(shown) = focused.parent_element() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        shown.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

async fn load() -> Result<SecondPart, SplitLoaderError> {
    #[cfg(feature = "split")]
    return second_part().await;
    #[cfg(not(feature = "split"))]
    second_part()
}

/// When a widget starts fetching its second part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchWhen {
    /// After the frame that paints the first screen, not before: the download then never
    /// competes with the first screen (measured with Lighthouse, starting it during the mount
    /// put it on the path to the largest paint and made that 0.5 s later).
    AfterFirstPaint,
    /// At once, where the second part is the first screen (the configuration problems).
    AtOnce,
}

/// Starts fetching the second part for the widget being built, and puts where it is in context.
/// A failed fetch is not remembered by the loader: the next widget built (a re-render, the next
/// visit) tries again.
pub fn provide_second_part(when: FetchWhen) {
    let (first, set_first) = signal(Arrival::Pending);
    let (second, set_second) = signal(Arrival::Pending);
    let (last, set_last) = signal(Arrival::Pending);
    let turns = [set_first, set_second, set_last];
    let fetch = move || {
        spawn_local(async move {
            match load().await {
                Ok(part) => (part.fill)(part, turns),
                Err(_) => {
                    for turn in turns {
                        turn.try_set(Arrival::Missing);
                    }
                }
            }
        })
    };
    match when {
        // The first callback runs before the first screen's frame is painted, the second after.
        FetchWhen::AfterFirstPaint => request_animation_frame(move || request_animation_frame(fetch)),
        FetchWhen::AtOnce => fetch(),
    }
    provide_context(Arrivals([first, second, last]));
}

/// Where the second part is, for the slots of `turn`; `Missing` outside a widget, where nobody
/// fetched it.
pub fn use_second_part(turn: Turn) -> ReadSignal<Arrival> {
    use_context::<Arrivals>().map_or_else(|| signal(Arrival::Missing).0, |arrivals| arrivals.0[turn as usize])
}

/// A place in the widget that the second part fills in `turn`: empty while it is on its way,
/// `render`'s view once it is here, and `missing` in words if it never comes (nothing where `None`).
pub fn second_part_slot(
    turn: Turn,
    render: impl Fn(SecondPart) -> AnyView + Send + Sync + 'static,
    missing: Option<Msg>,
) -> impl IntoView {
    let arrival = use_second_part(turn);
    move || match arrival.get() {
        Arrival::Pending => None,
        // Built untracked: the slot is rebuilt when the part arrives, never when a signal that
        // the part's components read changes.
        Arrival::Here(part) => Some(Either::Left(untrack(|| render(part)))),
        Arrival::Missing => missing.map(|msg| Either::Right(view! { <p class="cp-missing">{tr(msg)}</p> })),
    }
}

fn tools(prefs: RwSignal<DisplayPrefs>, screen: NodeRef<Div>, read_aloud_first: bool) -> AnyView {
    if read_aloud_first {
        view! {
            <ReadAloudButton screen=screen />
            <DisplayControls prefs=prefs />
        }
        .into_any()
    } else {
        view! {
            <DisplayControls prefs=prefs />
            <ReadAloudButton screen=screen />
        }
        .into_any()
    }
}

fn rating_details(details: RatingDetails) -> AnyView {
    let RatingDetails { chips, ticked, comment, rated } = details;
    view! {
        {move || chips.get().map(|(question, offered)| view! { <AspectChips question=question aspects=offered chosen=ticked /> })}
        {move || rated.get().then(|| view! { <CommentBox text=comment /> })}
    }
    .into_any()
}

fn problem_screen(problems: Vec<ConfigError>, lang: Lang) -> AnyView {
    let messages: Vec<String> = problems.iter().map(|problem| problem.message(lang)).collect();
    web_sys::console::error_1(&format!("<civic-feedback>: {}", messages.join(" ")).into());
    view! {
        <div class="cp-widget" lang=lang.tag()>
            <ProblemList title=lang.text(Msg::ErrorPrefix).to_owned() problems=messages />
        </div>
    }
    .into_any()
}
