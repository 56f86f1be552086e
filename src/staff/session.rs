//! Who is signed in: the staff token, kept in this tab's session storage only (closing the tab
//! forgets it), and whether it has worked on this page, so a later 401 can say the token was
//! changed on the collector rather than mistyped.

use civic_pulse_core::staff_error::StaffError;
use leptos::prelude::*;

const TOKEN_KEY: &str = "civic-pulse:staff-token";

/// The console's sign-in state, in context for every section.
#[derive(Clone, Copy)]
pub struct Session {
    token: RwSignal<Option<String>>,
    /// The token has opened the inbox at least once since it was entered.
    pub signed_in: RwSignal<bool>,
    /// What last went wrong with the token or the collector, shown by the sign-in form.
    pub problem: RwSignal<Option<StaffError>>,
}

impl Session {
    /// Starts with the token this tab already holds, if any.
    pub fn provide() -> Session {
        let session = Session {
            token: RwSignal::new(storage().and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())),
            signed_in: RwSignal::new(false),
            problem: RwSignal::new(None),
        };
        provide_context(session);
        session
    }

    pub fn get() -> Session {
        expect_context::<Session>()
    }

    pub fn token(&self) -> Option<String> {
        self.token.get()
    }

    pub fn token_untracked(&self) -> Option<String> {
        self.token.get_untracked()
    }

    /// A newly typed token: kept in the tab, and the page loads again with it.
    pub fn enter(&self, token: String) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(TOKEN_KEY, &token);
        }
        self.problem.set(None);
        self.signed_in.set(false);
        self.token.set(Some(token));
    }

    /// What a failed request means for the session: a refused token sends staff back to the form.
    pub fn failed(&self, error: &StaffError) {
        if error.needs_token() {
            self.signed_in.set(false);
            self.problem.set(Some(error.clone()));
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
