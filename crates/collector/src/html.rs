//! Writing text into the pages the collector renders itself (the poster, the monthly report).

/// Text made safe for HTML content and attribute values in double quotes.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
