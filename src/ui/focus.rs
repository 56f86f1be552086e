//! Ids that keep labels, descriptions and headings tied together when several widgets share a page.

use std::sync::atomic::{AtomicUsize, Ordering};

/// An id unique in the page, so several widgets (or tests) can share one document.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
