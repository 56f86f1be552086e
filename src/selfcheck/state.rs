//! The self-check's one state. The assessments on this device (the shelf) are the single source:
//! the open assessment is read from it and changed through it, never copied into a second signal
//! kept in step by an effect, and every change is written to the device at once. The page
//! provides it as context; the workspace adds the open assessment's framework and results.

use civic_pulse_core::selfcheck::{Assessment, Framework, Shelf};
use leptos::prelude::*;

use super::assessment_store;
use super::scoring::Scoring;

#[derive(Clone, Copy)]
pub struct SelfcheckState {
    shelf: RwSignal<Shelf>,
    /// Whether the last change reached the device's storage (it can be full or turned off).
    saved: RwSignal<bool>,
}

impl SelfcheckState {
    pub fn new(shelf: Shelf) -> SelfcheckState {
        SelfcheckState { shelf: RwSignal::new(shelf), saved: RwSignal::new(true) }
    }

    /// The state for `shelf`, provided to every component below.
    pub fn provide(shelf: Shelf) -> SelfcheckState {
        let state = SelfcheckState::new(shelf);
        provide_context(state);
        state
    }

    pub fn shelf(&self) -> ReadSignal<Shelf> {
        self.shelf.read_only()
    }

    pub fn saved(&self) -> ReadSignal<bool> {
        self.saved.read_only()
    }

    /// The open assessment.
    pub fn open(&self) -> OpenAssessment {
        OpenAssessment(*self)
    }

    /// Opens the assessment at `position`.
    pub fn open_at(&self, position: usize) {
        self.change(|shelf| shelf.open(position));
    }

    /// Adds `opened` and opens it: how a new assessment, an imported file and a share link all
    /// open beside the work already here, never over it.
    pub fn open_beside(&self, opened: Assessment) {
        self.change(|shelf| shelf.start(opened));
    }

    /// Removes the assessment at `position` (the last one is emptied to `blank` instead).
    pub fn remove(&self, position: usize, blank: Assessment) {
        self.change(|shelf| shelf.remove(position, blank));
    }

    /// Every change goes through here, and is saved.
    fn change(&self, change: impl FnOnce(&mut Shelf)) {
        self.shelf.update(change);
        self.saved.set(self.shelf.with_untracked(assessment_store::save));
    }
}

/// The open assessment, read from the shelf and changed through it.
#[derive(Clone, Copy)]
pub struct OpenAssessment(SelfcheckState);

impl OpenAssessment {
    pub fn with<T>(&self, read: impl FnOnce(&Assessment) -> T) -> T {
        self.0.shelf.with(|shelf| read(shelf.current()))
    }

    pub fn with_untracked<T>(&self, read: impl FnOnce(&Assessment) -> T) -> T {
        self.0.shelf.with_untracked(|shelf| read(shelf.current()))
    }

    pub fn get(&self) -> Assessment {
        self.with(Clone::clone)
    }

    pub fn get_untracked(&self) -> Assessment {
        self.with_untracked(Clone::clone)
    }

    pub fn update(&self, change: impl FnOnce(&mut Assessment)) {
        self.0.change(|shelf| change(shelf.current_mut()));
    }

    pub fn set(&self, assessment: Assessment) {
        self.0.change(|shelf| shelf.put_current(assessment));
    }
}

/// The page's state (provided by the self-check page).
pub fn use_selfcheck() -> SelfcheckState {
    expect_context::<SelfcheckState>()
}

/// What every part of the workspace works on: the open assessment, its framework and its
/// results, computed once.
#[derive(Clone, Copy)]
pub struct Workbench {
    pub framework: StoredValue<Framework>,
    pub assessment: OpenAssessment,
    pub scoring: Scoring,
}

impl Workbench {
    /// The workbench for `framework`, provided to every component below.
    pub fn provide(framework: Framework, state: SelfcheckState) -> Workbench {
        let framework = StoredValue::new(framework);
        let assessment = state.open();
        let bench = Workbench { framework, assessment, scoring: Scoring::new(framework, assessment) };
        provide_context(bench);
        bench
    }
}

/// The workspace's bench (provided by the workspace).
pub fn use_workbench() -> Workbench {
    expect_context::<Workbench>()
}
