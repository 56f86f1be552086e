//! Which language to speak: a catalogue chosen from configuration or from the browser's
//! preferences (`navigator.languages`).

use crate::messages::{Catalogue, Message, catalogues, fill};

/// A language the product has a catalogue for.
#[derive(Clone, Copy, Debug)]
pub struct Lang(&'static Catalogue);

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        self.0.tag == other.0.tag
    }
}
impl Eq for Lang {}

impl Lang {
    /// Every language shipped, in a stable order.
    pub fn all() -> impl Iterator<Item = Lang> {
        catalogues().iter().map(Lang)
    }

    /// English, the fallback when nothing the browser prefers is available.
    pub fn fallback() -> Lang {
        Lang::from_tag("en").or_else(|| Lang::all().next()).expect("at least one catalogue ships")
    }

    /// The catalogue for a BCP 47 tag: its own tag or an alias, matched without regard to case,
    /// then the tag with its trailing subtags removed one by one (`en-GB` finds `en`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let mut candidate = tag.trim();
        loop {
            let found = catalogues().iter().find(|c| {
                c.tag.eq_ignore_ascii_case(candidate) || c.aliases.iter().any(|a| a.eq_ignore_ascii_case(candidate))
            });
            if let Some(catalogue) = found {
                return Some(Lang(catalogue));
            }
            candidate = candidate.rsplit_once('-')?.0;
        }
    }

    /// The first of the browser's preferred languages that ships, else English.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred.iter().find_map(|tag| Lang::from_tag(tag.as_ref())).unwrap_or_else(Lang::fallback)
    }

    /// The BCP 47 tag to put in `lang` attributes and payloads.
    pub fn tag(self) -> &'static str {
        self.0.tag
    }

    /// The tag to give speech synthesis, whose voices are named by region (`zh-CN`, `zh-TW`).
    pub fn speech_tag(self) -> &'static str {
        self.0.speech
    }

    /// Other tags that mean this language (`zh-TW` for `zh-Hant`).
    pub fn aliases(self) -> &'static [&'static str] {
        self.0.aliases
    }

    /// The language's name in itself ("English", "简体中文").
    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The text of a message in this language (`Message::text` says what stands in where it
    /// has none).
    pub fn text<M: Message>(self, msg: M) -> &'static str {
        msg.text(self.tag())
    }

    /// The text of a message with its `{placeholders}` filled.
    pub fn format<M: Message>(self, msg: M, values: &[(&str, &str)]) -> String {
        fill(self.text(msg), values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{LaterMsg, Msg};

    fn tag_of(tag: &str) -> Option<&'static str> {
        Lang::from_tag(tag).map(Lang::tag)
    }

    #[test]
    fn maps_regional_chinese_to_the_right_script() {
        for tag in ["zh-CN", "zh-SG", "zh", "zh-Hans", "zh-hans-cn", "ZH-cn"] {
            assert_eq!(tag_of(tag), Some("zh-Hans"), "{tag}");
        }
        for tag in ["zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW"] {
            assert_eq!(tag_of(tag), Some("zh-Hant"), "{tag}");
        }
    }

    #[test]
    fn falls_back_through_subtags_then_to_english() {
        assert_eq!(tag_of("en-GB"), Some("en"));
        assert_eq!(tag_of("fr-FR"), None);
        assert_eq!(Lang::negotiate(&["fr-FR", "zh-TW", "en"]).tag(), "zh-Hant");
        assert_eq!(Lang::negotiate(&["fr-FR"]).tag(), "en");
        assert_eq!(Lang::negotiate::<&str>(&[]).tag(), "en");
    }

    #[test]
    fn formats_messages_in_each_language() {
        let zh = Lang::from_tag("zh-Hans").unwrap();
        assert_eq!(zh.text(Msg::GoodBad5Level5), "非常满意");
        assert!(zh.format(LaterMsg::ConfigUnknownService, &[("id", "bus")]).contains("bus"));
        assert_eq!(zh.speech_tag(), "zh-CN");
        assert_eq!(Lang::from_tag("zh-HK").unwrap().speech_tag(), "zh-TW");
    }
}
