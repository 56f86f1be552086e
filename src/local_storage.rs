//! The browser's local storage, where the device allows it. Private modes and sandboxed frames
//! may refuse it: every caller then carries on without remembering (nothing breaks).

/// This origin's local storage, or `None` where it is blocked.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
