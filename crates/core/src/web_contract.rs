//! The facts the JavaScript halves share with the Rust side, written once, here: the loader
//! (`embed.js`), iframe mode (`frame.js`, `frame-host.js`), the pages' loader (`page-loader.js`)
//! and the end-to-end servers. `scripts/build-web` runs the `web-contract` binary and puts each
//! value where its `%%js:<name>%%` placeholder stands (inline, as it puts the hashed file names:
//! a module of constants would cost the loader a round trip), and writes them all to
//! `target/web/contract.json` for the test servers. The pages of their own take what they say
//! before their bundle runs from here too (`Page`, `%%html:<name>%%`). The tests below fail when
//! a JavaScript file or a page holds its own copy of one of these facts instead of the placeholder.

use serde_json::{Value, json};

use crate::messages::LoaderMsg;
use crate::{Lang, ReceiptMsg, SelfcheckMsg, StaffMsg, WidgetConfig};

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
    // texts, and matches a tag as `Lang::from_tag` does; and the name of the file with the
    // widget's first part's texts in that language it fetches (`widget_texts`), beside the one
    // with every text the widget asks for with its second part.
    let languages: Vec<Value> = Lang::all()
        .map(|lang| {
            json!({
                "tag": lang.tag(),
                "aliases": lang.aliases(),
                "loading": lang.text(LoaderMsg::Loading),
                "failed": lang.text(LoaderMsg::Failed),
                "call": lang.text(LoaderMsg::Call),
                "texts": crate::widget_texts::first_part_file_name(lang),
            })
        })
        .collect();
    vec![
        ("element", json!(ELEMENT)),
        ("config-attributes", json!(WidgetConfig::ATTRIBUTES)),
        ("event-kinds", json!(HostEvent::ALL.map(HostEvent::kind))),
        ("loader-languages", json!(languages)),
        ("fallback-language", json!(Lang::fallback().tag())),
        ("every-language-texts", json!(crate::widget_texts::EVERY_LANGUAGE_FILE)),
        ("phone-digits", json!([crate::collection::PHONE_DIGITS.0, crate::collection::PHONE_DIGITS.1])),
        ("phone-pattern", json!(crate::collection::PHONE_PATTERN)),
        ("strict-csp", json!(STRICT_CSP)),
        ("page-lines", json!({ "starting": PAGE_STARTING_ID, "failed": PAGE_FAILED_ID })),
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

/// The ids of the two lines a page shows before its bundle has started: "loading" until it has,
/// and "could not start" (hidden until then). The pages' one loader (`page-loader.js`) finds them.
pub const PAGE_STARTING_ID: &str = "page-starting";
pub const PAGE_FAILED_ID: &str = "page-failed";

/// A page of its own with a bundle of its own (the widget lives in portals' pages instead).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Selfcheck,
    Staff,
    Receipt,
}

impl Page {
    pub const ALL: [Page; 3] = [Page::Selfcheck, Page::Staff, Page::Receipt];

    pub fn name(self) -> &'static str {
        match self {
            Page::Selfcheck => "selfcheck",
            Page::Staff => "staff",
            Page::Receipt => "receipt",
        }
    }

    /// The language the page is written in until its bundle picks one: officials' pages in the
    /// fallback language, the residents' receipt page in Simplified Chinese.
    pub fn first_lang(self) -> Lang {
        match self {
            Page::Receipt => Lang::from_tag("zh-Hans").unwrap_or_else(Lang::fallback),
            Page::Selfcheck | Page::Staff => Lang::fallback(),
        }
    }

    fn title(self, lang: Lang) -> &'static str {
        match self {
            Page::Selfcheck => lang.text(SelfcheckMsg::Title),
            Page::Staff => lang.text(StaffMsg::Title),
            Page::Receipt => lang.text(ReceiptMsg::Title),
        }
    }

    fn loading(self) -> LoaderMsg {
        match self {
            Page::Selfcheck => LoaderMsg::SelfcheckLoading,
            Page::Staff => LoaderMsg::StaffLoading,
            Page::Receipt => LoaderMsg::ReceiptLoading,
        }
    }

    fn failed(self) -> LoaderMsg {
        match self {
            Page::Selfcheck => LoaderMsg::SelfcheckFailed,
            Page::Staff => LoaderMsg::StaffFailed,
            Page::Receipt => LoaderMsg::ReceiptFailed,
        }
    }

    /// The page's languages: its first one, then its kin (Traditional beside Simplified
    /// Chinese), then the others, each group in catalogue order.
    fn langs(self) -> impl Iterator<Item = Lang> {
        let first = self.first_lang();
        let primary = |lang: Lang| lang.tag().split('-').next().unwrap_or_default();
        let mut others: Vec<Lang> = Lang::all().filter(|&lang| lang != first).collect();
        others.sort_by_key(|&lang| primary(lang) != primary(first));
        std::iter::once(first).chain(others)
    }

    /// A text in every language at once, as HTML: the first language plain, each other one in a
    /// span that names its language (so a screen reader reads each in its own voice).
    fn in_every_language(self, text: impl Fn(Lang) -> &'static str) -> String {
        self.langs()
            .enumerate()
            .map(|(n, lang)| match n {
                0 => html_escape(text(lang)),
                _ => format!(r#"<span lang="{}">{}</span>"#, lang.tag(), html_escape(text(lang))),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// What the page's HTML holds before its bundle runs, by `%%html:<page>-<part>%%` placeholder:
    /// its `lang`, its `<title>`, and its two lines, each a main landmark of its own (the "could
    /// not start" one hidden, with the page's title as its heading and the line as an alert).
    /// One line each: the build reads them a line per name.
    pub fn html_parts(self) -> Vec<(String, String)> {
        let title = self.langs().map(|lang| html_escape(self.title(lang))).collect::<Vec<_>>().join(" · ");
        let starting = format!(
            r#"<main id="{PAGE_STARTING_ID}"><p role="status">{}</p></main>"#,
            self.in_every_language(|lang| lang.text(self.loading()))
        );
        let failed = format!(
            r#"<main id="{PAGE_FAILED_ID}" hidden><h1>{}</h1><p role="alert">{}</p></main>"#,
            self.in_every_language(|lang| self.title(lang)),
            self.in_every_language(|lang| lang.text(self.failed()))
        );
        let name = self.name();
        vec![
            (format!("{name}-lang"), self.first_lang().tag().to_owned()),
            (format!("{name}-title"), format!("{title} · CivicPulse")),
            (format!("{name}-starting"), starting),
            (format!("{name}-failed"), failed),
        ]
    }
}

/// Text made safe to stand in HTML, in an element or a quoted attribute.
fn html_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Every page's HTML parts as one JSON object, by placeholder name (`web-contract --html`).
pub fn html_json() -> Value {
    Value::Object(
        Page::ALL.into_iter().flat_map(Page::html_parts).map(|(name, html)| (name, Value::String(html))).collect(),
    )
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
    const FILLED: [&str; 5] = [
        "src/embed/embed.js",
        "src/embed/frame.js",
        "src/embed/frame-host.js",
        "src/ui/page-loader.js",
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

    /// Each page's HTML takes its language, title and lines from the catalogues, and holds no
    /// copy of them by hand.
    #[test]
    fn every_page_takes_its_texts_from_the_catalogues() {
        for page in Page::ALL {
            let path = match page {
                Page::Selfcheck => "selfcheck.html".to_owned(),
                Page::Staff | Page::Receipt => format!("crates/collector/pages/{}.html", page.name()),
            };
            let html = source(&path);
            for (name, _) in page.html_parts() {
                assert!(html.contains(&format!("%%html:{name}%%")), "{path} lacks %%html:{name}%%");
            }
            for lang in Lang::all() {
                for text in [lang.text(page.loading()), lang.text(page.failed()), page.title(lang)] {
                    assert!(!html.contains(text), "{path} keeps its own copy of \"{text}\"");
                }
            }
        }
    }

    #[test]
    fn a_page_says_each_line_in_every_language_and_its_first_one_first() {
        for page in Page::ALL {
            let parts: std::collections::HashMap<String, String> = page.html_parts().into_iter().collect();
            let starting = &parts[&format!("{}-starting", page.name())];
            let failed = &parts[&format!("{}-failed", page.name())];
            assert!(starting.starts_with(&format!(
                r#"<main id="{PAGE_STARTING_ID}"><p role="status">{}"#,
                page.first_lang().text(page.loading())
            )));
            assert!(failed.starts_with(&format!(r#"<main id="{PAGE_FAILED_ID}" hidden><h1>"#)));
            for lang in Lang::all().filter(|&lang| lang != page.first_lang()) {
                let other = format!(r#"<span lang="{}">{}</span>"#, lang.tag(), lang.text(page.failed()));
                assert!(failed.contains(&other), "{}: {other}", page.name());
            }
            assert_eq!(parts[&format!("{}-lang", page.name())], page.first_lang().tag());
        }
        assert_eq!(html_escape(r#"<a href="x">&</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
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
