//! City services a resident can rate, identified by stable ids.

use crate::json_attribute_problem::JsonAttributeProblem;
use crate::messages::Msg;
use crate::{Lang, attribute_json};

/// A service id: lowercase ASCII letters and digits in hyphen-separated words, at most 64
/// characters, so it is safe in URLs, file names and database keys.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ServiceId(String);

impl ServiceId {
    pub const MAX_LEN: usize = 64;

    pub fn parse(id: &str) -> Option<ServiceId> {
        let id = id.trim();
        let well_formed = !id.is_empty()
            && id.len() <= Self::MAX_LEN
            && id
                .split('-')
                .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        well_formed.then(|| ServiceId(id.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The built-in label of one of the six SMART digital services, if it is one.
    pub fn builtin_label(&self) -> Option<Msg> {
        DEFAULT_SERVICES.iter().find(|(id, _)| *id == self.0).map(|(_, label)| *label)
    }
}

/// The six digital services of the SMART model (indicators S1.1..S1.6), offered when the portal
/// names none.
pub const DEFAULT_SERVICES: [(&str, Msg); 6] = [
    ("transport", Msg::ServiceTransport),
    ("healthcare", Msg::ServiceHealthcare),
    ("education", Msg::ServiceEducation),
    ("social-security", Msg::ServiceSocialSecurity),
    ("government", Msg::ServiceGovernment),
    ("employment", Msg::ServiceEmployment),
];

/// Names for services the portal defines itself: service id, then language tag, then the name.
/// Given as JSON in the element's `service-labels` attribute, for example
/// `{"bus-42": {"zh-Hans": "42路公交", "en": "Bus line 42"}}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServiceLabels(attribute_json::Entries<attribute_json::Texts>);

impl ServiceLabels {
    /// Reads the attribute's JSON; the error says what is wrong with it.
    pub fn parse(json: &str) -> Result<ServiceLabels, JsonAttributeProblem> {
        let labels = attribute_json::texts_by_key(json)?;
        if let Some((bad, _)) =
            labels.iter().find(|(id, _)| ServiceId::parse(id).is_none_or(|s| s.as_str() != id.as_str()))
        {
            return Err(JsonAttributeProblem::NotAServiceId(bad.clone()));
        }
        Ok(ServiceLabels(labels))
    }

    /// The services it names.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(id, _)| id.as_str())
    }

    pub fn has(&self, id: &ServiceId) -> bool {
        attribute_json::get(&self.0, id.as_str()).is_some_and(|names| names.iter().any(|(_, n)| !n.trim().is_empty()))
    }

    /// The name to show: the portal's in this language (else in English, else any it gave),
    /// then the built-in name, then the id itself.
    pub fn label(&self, id: &ServiceId, lang: Lang) -> String {
        let portal = attribute_json::get(&self.0, id.as_str()).and_then(|names| {
            names
                .iter()
                .find(|(tag, _)| Lang::from_tag(tag) == Some(lang))
                .or_else(|| names.iter().find(|(tag, _)| tag == "en"))
                .or_else(|| names.first())
                .map(|(_, name)| name.clone())
        });
        portal.unwrap_or_else(|| {
            id.builtin_label().map_or_else(|| id.as_str().to_owned(), |msg| lang.text(msg).to_owned())
        })
    }
}

pub fn default_services() -> Vec<ServiceId> {
    DEFAULT_SERVICES.iter().map(|(id, _)| ServiceId((*id).to_owned())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lowercase_hyphenated_ids() {
        for id in ["transport", "social-security", "bus-line-42", "a"] {
            assert_eq!(ServiceId::parse(id).map(|s| s.0), Some(id.to_owned()));
        }
    }

    #[test]
    fn rejects_everything_else() {
        let too_long = "a".repeat(65);
        for id in ["", "Transport", "bus_line", "-bus", "bus-", "bus--line", "公交", "bus line", &too_long] {
            assert_eq!(ServiceId::parse(id), None, "{id:?}");
        }
    }

    #[test]
    fn portal_labels_follow_the_language_with_fallbacks() {
        let labels = ServiceLabels::parse(
            r#"{"bus-42": {"zh-Hans": "42路公交", "en": "Bus line 42"}, "ferry": {"zh-Hant": "渡輪"}}"#,
        )
        .unwrap();
        let bus = ServiceId::parse("bus-42").unwrap();
        let (zh, hant, en) =
            (Lang::from_tag("zh-CN").unwrap(), Lang::from_tag("zh-TW").unwrap(), Lang::from_tag("en").unwrap());
        assert_eq!(labels.label(&bus, zh), "42路公交");
        assert_eq!(labels.label(&bus, hant), "Bus line 42", "English when the portal gave no Traditional name");
        assert_eq!(labels.label(&ServiceId::parse("ferry").unwrap(), en), "渡輪", "any name rather than an id");
        assert_eq!(labels.label(&ServiceId::parse("transport").unwrap(), zh), "交通出行", "built-in names still apply");
        assert!(labels.has(&bus) && !labels.has(&ServiceId::parse("transport").unwrap()));
        assert_eq!(
            ServiceLabels::parse(r#"{"Bus 42": {"en": "x"}}"#),
            Err(JsonAttributeProblem::NotAServiceId("Bus 42".into()))
        );
        assert!(ServiceLabels::parse("{not json").is_err());
    }

    #[test]
    fn the_six_defaults_have_labels() {
        let services = default_services();
        assert_eq!(services.len(), 6);
        assert!(services.iter().all(|s| s.builtin_label().is_some()));
    }
}
