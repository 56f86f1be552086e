//! The facts the JavaScript halves share with the Rust side, written once, here: the loader
//! (`embed.js`), iframe mode (`frame.js`, `frame-host.js`), the collector's page loaders
//! (`receipt.js`, `staff.js`) and the end-to-end servers. `scripts/build-web` runs the `web-contract` binary and
//! puts each value where its `%%js:<name>%%` placeholder stands (inline, as it puts the hashed
//! file names: a module of constants would cost the loader a round trip), and writes them all to
//! `target/web/contract.json` for the test servers. The tests below fail when a JavaScript file
//! holds its own copy of one of these facts instead of the placeholder.

use serde_json::{Value, json};

use crate::messages::LoaderMsg;
use crate::{Lang, WidgetConfig};

/// The custom element a portal writes.
pub const ELEMENT: &str = "civic-feedback";

/// The events a widget dispatches on its element, each named `civic-feedback:<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostEvent {
    Ready,
    Sent,
    Queued,
    Error,
}

impl HostEvent {
    pub const ALL: [HostEvent; 4] = [HostEvent::Ready, HostEvent::Sent, HostEvent::Queued, HostEvent::Error];

    /// The part after `civic-feedback:`; iframe mode forwards it as the message's `kind`.
    pub fn kind(self) -> &'static str {
        match self {
            HostEvent::Ready => "ready",
            HostEvent::Sent => "sent",
            HostEvent::Queued => "queued",
            HostEvent::Error => "error",
        }
    }

    /// The DOM event's type.
    pub fn event_type(self) -> String {
        format!("{ELEMENT}:{}", self.kind())
    }
}

/// The Content-Security-Policy the strict-CSP demo page is served with, by the collector and by
/// the end-to-end servers: the policy a careful portal sets for itself.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    connect-src 'self'; img-src 'self'; base-uri 'none'; object-src 'none'";

/// How long a browser may keep what the collector (and the end-to-end servers) serve: the hashed
/// bundle files never change, so they are kept for good; pages and the stable-named loaders are
/// revalidated; API answers are never kept.
pub mod cache_control {
    pub const HASHED_ASSET: &str = "public, max-age=31536000, immutable";
    pub const PAGE: &str = "no-cache";
    pub const API: &str = "no-store";
}

/// Every constant, by placeholder name, as a JavaScript literal (JSON).
pub fn js_constants() -> Vec<(&'static str, Value)> {
    // The loader speaks before the catalogues run: it gets each language's tag, aliases and its
    // two texts, and matches a tag as `Lang::from_tag` does.
    let languages: Vec<Value> = Lang::all()
        .map(|lang| {
            json!({
                "tag": lang.tag(),
                "aliases": lang.aliases(),
                "loading": lang.text(LoaderMsg::Loading),
                "failed": lang.text(LoaderMsg::Failed),
                "call": lang.text(LoaderMsg::Call),
            })
        })
        .collect();
    vec![
        ("element", json!(ELEMENT)),
        ("config-attributes", json!(WidgetConfig::ATTRIBUTES)),
        ("event-kinds", json!(HostEvent::ALL.map(HostEvent::kind))),
        ("loader-languages", json!(languages)),
        ("fallback-language", json!(Lang::fallback().tag())),
        ("phone-digits", json!([crate::collection::PHONE_DIGITS.0, crate::collection::PHONE_DIGITS.1])),
        ("phone-pattern", json!(crate::collection::PHONE_PATTERN)),
        ("strict-csp", json!(STRICT_CSP)),
        (
            "cache-control",
            json!({
                "hashed-asset": cache_control::HASHED_ASSET,
                "page": cache_control::PAGE,
                "api": cache_control::API,
            }),
        ),
    ]
}

/// The constants as one JSON object, for `target/web/contract.json`.
pub fn contract_json() -> Value {
    Value::Object(js_constants().into_iter().map(|(name, value)| (name.to_owned(), value)).collect())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The JavaScript files the build fills in, relative to the repository.
    const FILLED: [&str; 6] = [
        "src/embed/embed.js",
        "src/embed/frame.js",
        "src/embed/frame-host.js",
        "crates/collector/pages/receipt.js",
        "crates/collector/pages/staff.js",
        "scripts/servers.mjs",
    ];

    fn source(path: &str) -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn placeholders(text: &str) -> Vec<&str> {
        text.split("%%js:").skip(1).filter_map(|rest| rest.split_once("%%").map(|(name, _)| name)).collect()
    }

    #[test]
    fn every_placeholder_names_a_constant() {
        let names: Vec<&str> = js_constants().into_iter().map(|(name, _)| name).collect();
        for path in FILLED {
            for name in placeholders(&source(path)) {
                assert!(names.contains(&name), "{path}: %%js:{name}%% is not in web_contract::js_constants");
            }
        }
    }

    /// Each fact, and where a copy of it would show if a file held one by hand.
    #[test]
    fn no_javascript_file_keeps_its_own_copy() {
        let attribute_list = WidgetConfig::ATTRIBUTES.map(|name| format!("'{name}'"))[..3].join(", ");
        let copies: Vec<(String, &str)> = vec![
            (attribute_list, "the configuration attributes"),
            (format!("'{}'", HostEvent::Queued.kind()), "the event kinds"),
            (Lang::fallback().text(LoaderMsg::Failed).to_owned(), "the loader's texts"),
            ("[2-9A-HJKMNP-Z]".to_owned(), "the receipt alphabet"),
            (crate::RatingV1::MAX_COMMENT_CHARS.to_string(), "the comment limit"),
            (Lang::fallback().text(crate::ReceiptMsg::StatusReopened).to_owned(), "the receipt page's texts"),
            ("'wasm-unsafe-eval'".to_owned(), "the strict CSP"),
            ("max-age=31536000".to_owned(), "the cache policy"),
            ("/^zh-(tw|hk|mo|hant)/".to_owned(), "the language rule"),
        ];
        for path in FILLED {
            let text = source(path);
            for (copy, fact) in &copies {
                assert!(
                    !text.contains(copy.as_str()),
                    "{path} keeps its own copy of {fact} ({copy}); use its %%js:…%% placeholder"
                );
            }
        }
    }

    #[test]
    fn each_loader_language_is_a_catalogue_with_both_texts() {
        let contract = contract_json();
        let languages = contract["loader-languages"].as_array().unwrap();
        assert_eq!(languages.len(), Lang::all().count());
        for language in languages {
            let lang = Lang::from_tag(language["tag"].as_str().unwrap()).unwrap();
            for alias in language["aliases"].as_array().unwrap() {
                assert_eq!(Lang::from_tag(alias.as_str().unwrap()), Some(lang));
            }
            assert!(
                !language["loading"].as_str().unwrap().is_empty() && !language["failed"].as_str().unwrap().is_empty()
            );
            assert!(language["call"].as_str().unwrap().contains("{phone}"), "the fallback puts the number in");
        }
        assert_eq!(HostEvent::Error.event_type(), "civic-feedback:error");
    }
}
