//! The widget's second part: everything a resident does not need to rate and send, in Leptos.
//!
//! The release build splits the feedback Wasm in two (wasm-split, the tool Leptos' `#[lazy]`
//! uses). The first part (`super::first_part`, plain DOM) holds the whole path from a tap on a
//! rating to that rating being in the device's queue and on its way. This part holds the text
//! size, contrast and read-aloud tools, the language buttons, the chips and the comment box with
//! its redaction, a bad review's receipt code, the queue panel and the configuration problem
//! screen, with all of Leptos they use. Each widget starts fetching it right after its first
//! screen is painted, never on demand; if it never arrives (the line dropped, a proxy blocked it),
//! the resident can still rate and send, and where a piece of it would stand the widget says so
//! in words.
//!
//! Without the `split` feature (component tests, the development build) the same table is linked
//! into the one Wasm file and is there at once.

use std::any::Any;
use std::rc::Rc;

use civic_pulse_core::aspect_ticks::AspectTicks;
use civic_pulse_core::config::ConfigError;
use civic_pulse_core::display::DisplayPrefs;
use civic_pulse_core::receipt::Receipt;
use civic_pulse_core::{Lang, Msg, RatingV1, Score};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::aspect_chips::AspectChips;
use super::bridge::Bridge;
use super::comment_box::CommentBox;
use super::queue_panel::QueuePanel;
use super::read_aloud::ReadAloudButton;
use super::receipt_note::ReceiptNote;
use crate::delivery::QueueCounts;
use crate::i18n::LanguageSwitcher;
use crate::ui::{DisplayControls, ProblemList};

/// What the second part provides, as plain function pointers: the one value that crosses from
/// the second Wasm module into the first.
#[derive(Clone, Copy)]
pub struct SecondPart {
    /// Takes over the places of one widget, whose state is `Bridge`.
    pub attach: fn(Rc<Bridge>) -> Box<dyn Attached>,
    /// A configuration the widget cannot run with, in `container`: what to fix, in the page's
    /// language (and once in the console, for the portal team). Unmounted when dropped.
    pub problem_screen: fn(&HtmlElement, Vec<ConfigError>, Lang) -> Box<dyn Any>,
}

/// Adds the ticked chips and the comment, redacted on the device, to a rating.
pub type AddDetails = Box<dyn Fn(RatingV1) -> RatingV1>;
/// A view of the second part's, removed when dropped.
pub type Shown = Box<dyn Any>;

/// The second part's pieces for one widget, each built into the place the first part gives; all
/// of them go when this is dropped.
pub trait Attached {
    /// Text size, contrast and read-aloud.
    fn tools(&self, place: &Element);
    /// The language buttons.
    fn language_switcher(&self, place: &Element);
    /// What waits on this device, with "send now" and "discard".
    fn queue_panel(&self, place: &Element);
    /// The chips on offer for the chosen answer and the comment box, on one rating screen; with
    /// what adds them (the comment redacted on the device) to the rating. The view goes when the
    /// second value is dropped.
    fn rating_details(&self, place: &Element) -> (AddDetails, Shown);
    /// A bad review's receipt code, and the link to the portal's receipt page where it has one.
    fn receipt_note(&self, place: &Element, receipt: Receipt, receipt_page: Option<String>) -> Box<dyn Any>;
    /// What a turn added can push the focused control out of the window (the tools above a
    /// service button on a small phone): it is scrolled back into view, as little as needed.
    fn keep_focus_in_view(&self);
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(second_part, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn second_part() -> Result<SecondPart, SplitLoaderError> {
    Ok(SecondPart { attach, problem_screen })
}

/// Fetches the second part (once per page; a failure is not remembered, so the next widget built
/// tries again).
pub async fn load() -> Result<SecondPart, SplitLoaderError> {
    #[cfg(feature = "split")]
    return second_part().await;
    #[cfg(not(feature = "split"))]
    second_part()
}

/// One widget's pieces, with the signals they read: each mirrors the first part's state, and
/// what the resident changes here (language, text size, contrast) is written back.
struct Pieces {
    owner: Owner,
    lang: RwSignal<Lang>,
    prefs: RwSignal<DisplayPrefs>,
    score: RwSignal<Option<Score>>,
    counts: RwSignal<QueueCounts>,
    bridge: Rc<Bridge>,
    views: std::cell::RefCell<Vec<Box<dyn Any>>>,
}

fn attach(bridge: Rc<Bridge>) -> Box<dyn Attached> {
    // Leptos's effects run on its task executor, which `mount_to` would start: the effects below
    // come first. Starting it twice changes nothing.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let (lang, prefs, score, counts) = owner.with(|| {
        let lang = RwSignal::new(bridge.lang.get());
        let prefs = RwSignal::new(bridge.prefs.get());
        let score = RwSignal::new(bridge.score.get());
        let counts = RwSignal::new(bridge.counts.get());
        // The first part's state is not a signal: these effects are the bridge back to it.
        let back = SendWrapper::new(bridge.clone());
        Effect::new(move |_| back.lang.set(lang.get()));
        let back = SendWrapper::new(bridge.clone());
        Effect::new(move |_| back.prefs.set(prefs.get()));
        (lang, prefs, score, counts)
    });
    bridge.lang.watch(move |now| {
        let _ = lang.try_set(now);
    });
    bridge.prefs.watch(move |now| {
        let _ = prefs.try_set(now);
    });
    bridge.score.watch(move |now| {
        let _ = score.try_set(now);
    });
    bridge.counts.watch(move |now| {
        let _ = counts.try_set(now);
    });
    Box::new(Pieces { owner, lang, prefs, score, counts, bridge, views: Default::default() })
}

impl Pieces {
    /// Mounts `view` at the end of `place`, in the widget's language.
    fn mount<V: IntoView + 'static>(&self, place: &Element, view: impl FnOnce() -> V + 'static) -> Box<dyn Any> {
        let lang = self.lang;
        Box::new(mount_to(place.clone().unchecked_into::<HtmlElement>(), move || {
            provide_context(lang);
            view()
        }))
    }

    fn keep(&self, view: Box<dyn Any>) {
        self.views.borrow_mut().push(view);
    }
}

impl Drop for Pieces {
    fn drop(&mut self) {
        self.views.borrow_mut().clear();
        self.owner.cleanup();
    }
}

impl Attached for Pieces {
    fn tools(&self, place: &Element) {
        let (prefs, screen) = (self.prefs, SendWrapper::new(self.bridge.screen.clone()));
        let view = if self.bridge.read_aloud_first {
            self.mount(place, move || {
                view! {
                    <ReadAloudButton screen=screen />
                    <DisplayControls prefs=prefs />
                }
                .into_any()
            })
        } else {
            self.mount(place, move || {
                view! {
                    <DisplayControls prefs=prefs />
                    <ReadAloudButton screen=screen />
                }
                .into_any()
            })
        };
        self.keep(view);
    }

    fn language_switcher(&self, place: &Element) {
        let view = self.mount(place, || view! { <LanguageSwitcher /> });
        self.keep(view);
    }

    fn queue_panel(&self, place: &Element) {
        let flusher = self.owner.with(|| StoredValue::new_local(self.bridge.flusher.clone()));
        let counts = self.counts.read_only();
        let view = self.mount(place, move || view! { <QueuePanel flusher=flusher counts=counts /> });
        self.keep(view);
    }

    fn rating_details(&self, place: &Element) -> (AddDetails, Shown) {
        let (score, scale) = (self.score, self.bridge.scale);
        let owner = self.owner.child();
        let (ticks, comment) = owner.with(|| (RwSignal::new(AspectTicks::default()), RwSignal::new(String::new())));
        let view = self.mount(place, move || {
            // The chips on offer follow the answer; the ticks under another question stay out of them.
            let chips = Memo::new(move |_| score.get().and_then(|score| scale.aspects_for(score)));
            // Memos, so the comment box is built when it appears, not again at every change of
            // answer (a rebuilt comment box would lose the resident's focus).
            let rated = Memo::new(move |_| score.get().is_some());
            view! {
                {move || chips.get().map(|(question, offered)| view! { <AspectChips question=question aspects=offered ticks=ticks /> })}
                {move || rated.get().then(|| view! { <CommentBox text=comment /> })}
            }
        });
        let add = Box::new(move |rating: RatingV1| {
            let score = Score::new(rating.score);
            ticks.with_untracked(|ticks| rating.with_details(ticks.for_answer(scale, score), &comment.get_untracked()))
        });
        (add, Box::new((view, Disposed(owner))))
    }

    fn receipt_note(&self, place: &Element, receipt: Receipt, receipt_page: Option<String>) -> Box<dyn Any> {
        self.mount(place, move || view! { <ReceiptNote receipt=receipt receipt_page=receipt_page /> })
    }

    fn keep_focus_in_view(&self) {
        keep_focus_in_view();
    }
}

/// An owner whose signals go when it is dropped.
struct Disposed(Owner);

impl Drop for Disposed {
    fn drop(&mut self) {
        self.0.cleanup();
    }
}

/// Scrolls the focused control back into view, as little as needed (nothing moves when it is in
/// view). This lays the page out at once, so only where a control has the focus.
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

fn problem_screen(container: &HtmlElement, problems: Vec<ConfigError>, lang: Lang) -> Box<dyn Any> {
    let messages: Vec<String> = problems.iter().map(|problem| problem.message(lang)).collect();
    web_sys::console::error_1(&format!("<civic-feedback>: {}", messages.join(" ")).into());
    Box::new(mount_to(container.clone(), move || {
        provide_context(RwSignal::new(lang));
        view! {
            <div class="cp-widget" lang=lang.tag()>
                <ProblemList title=lang.text(Msg::ErrorPrefix).to_owned() problems=messages />
            </div>
        }
    }))
}
