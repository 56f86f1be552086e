//! City services a resident can rate, identified by stable ids.

use crate::messages::Msg;

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
    fn the_six_defaults_have_labels() {
        let services = default_services();
        assert_eq!(services.len(), 6);
        assert!(services.iter().all(|s| s.builtin_label().is_some()));
    }
}
