//! Which department answers which service's bad reviews, and the token that opens each
//! department's inbox. The city writes them in a JSON file named by `CIVIC_PULSE_DEPARTMENTS`:
//!
//! ```json
//! {"departments": [
//!   {"id": "transport-bureau",
//!    "names": {"zh-Hans": "交通运输局", "zh-Hant": "交通運輸局", "en": "Transport Bureau"},
//!    "services": ["transport"],
//!    "token": "a secret of at least 16 characters"}
//! ]}
//! ```
//!
//! A case belongs to the department its service maps to until staff transfer it; the transfer is
//! stored with the case, the mapping is not, so a city that edits the file moves every case that
//! was never transferred, on every collector at once.

use std::collections::BTreeMap;

use civic_pulse_core::ServiceId;
use serde::Deserialize;

/// One department, as the city's file gives it.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub id: String,
    /// Its name by language tag (`zh-Hans`, `zh-Hant`, `en`).
    pub names: BTreeMap<String, String>,
    /// The services whose bad reviews it answers.
    #[serde(default)]
    pub services: Vec<String>,
    /// Opens this department's inbox, and only it.
    #[serde(default)]
    pub token: Option<String>,
}

// Written by hand so a log or a panic message never prints a token.
impl std::fmt::Debug for Department {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Department").field("id", &self.id).field("services", &self.services).finish_non_exhaustive()
    }
}

pub use civic_pulse_core::collector_api::{DepartmentInfo, ReceiptStatus};

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Departments {
    departments: Vec<Department>,
}

/// Whose inbox a staff token opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The city-wide staff token: every case, exports and imports.
    City,
    /// A department's token: its own cases only.
    Department(String),
}

impl Departments {
    /// Reads the file's JSON; the error names what to fix.
    pub fn parse(json: &str) -> Result<Departments, String> {
        let departments: Departments = serde_json::from_str(json).map_err(|e| format!("not the expected JSON: {e}"))?;
        let mut services = BTreeMap::new();
        let mut tokens = Vec::new();
        for (index, department) in departments.departments.iter().enumerate() {
            let at = format!("department {} ({})", index + 1, department.id);
            if ServiceId::parse(&department.id).is_none_or(|id| id.as_str() != department.id) {
                return Err(format!("{at}: an id is lowercase letters and digits in hyphen-separated words"));
            }
            if departments.departments[..index].iter().any(|earlier| earlier.id == department.id) {
                return Err(format!("{at}: the id is given twice"));
            }
            if department.names.values().all(|name| name.trim().is_empty()) {
                return Err(format!("{at}: give it a name, such as {{\"zh-Hans\": \"交通运输局\"}}"));
            }
            for service in &department.services {
                if ServiceId::parse(service).is_none_or(|id| id.as_str() != service) {
                    return Err(format!("{at}: {service:?} is not a service id"));
                }
                if let Some(other) = services.insert(service.clone(), department.id.clone()) {
                    return Err(format!("{at}: service {service} is already answered by {other}"));
                }
            }
            if let Some(token) = &department.token {
                if token.trim().len() < 16 {
                    return Err(format!("{at}: a token is a secret of at least 16 characters"));
                }
                if tokens.contains(&token.trim()) {
                    return Err(format!("{at}: two departments have the same token"));
                }
                tokens.push(token.trim());
            }
        }
        Ok(departments)
    }

    pub fn is_empty(&self) -> bool {
        self.departments.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|department| department.id == id)
    }

    /// The department a service's cases go to, unless transferred.
    pub fn of_service(&self, service: &str) -> Option<&Department> {
        self.departments.iter().find(|department| department.services.iter().any(|s| s == service))
    }

    /// The department a case is with: where staff last transferred it, else its service's.
    pub fn of_case(&self, service: &str, transferred_to: Option<String>) -> Option<String> {
        transferred_to.or_else(|| self.of_service(service).map(|d| d.id.clone()))
    }

    /// The department whose token this is. Every token is compared in full whatever matches,
    /// so timing tells nothing about any of them.
    pub fn by_token(&self, given: &str) -> Option<&Department> {
        self.departments.iter().fold(None, |found, department| {
            let matches = department.token.as_deref().is_some_and(|token| same_secret(given, token.trim()));
            if matches { Some(department) } else { found }
        })
    }

    /// Whether any department has a token, so staff access is on even without the city's.
    pub fn by_token_exists(&self) -> bool {
        self.departments.iter().any(|department| department.token.is_some())
    }

    /// Everything the pages may show: ids, names and services.
    pub fn public(&self) -> Vec<DepartmentInfo> {
        self.departments
            .iter()
            .map(|d| DepartmentInfo { id: d.id.clone(), names: d.names.clone(), services: d.services.clone() })
            .collect()
    }

    /// A resident's view of a case with the names of the departments its timeline mentions.
    pub fn named(&self, mut status: ReceiptStatus) -> ReceiptStatus {
        let mentioned: std::collections::BTreeSet<&str> =
            status.timeline.iter().filter_map(|event| event.department.as_deref()).collect();
        status.departments = self.public().into_iter().filter(|d| mentioned.contains(d.id.as_str())).collect();
        status
    }

    /// The department's name in a language (else English, else any it has), or its id.
    pub fn name(&self, id: &str, lang: &str) -> String {
        self.get(id)
            .and_then(|d| d.names.get(lang).or_else(|| d.names.get("en")).or_else(|| d.names.values().next()))
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }
}

/// Compares two secrets in time that depends on their lengths only.
pub fn same_secret(given: &str, secret: &str) -> bool {
    given.len() == secret.len() && given.bytes().zip(secret.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{"departments": [
        {"id": "transport-bureau", "names": {"zh-Hans": "交通运输局", "en": "Transport Bureau"},
         "services": ["transport", "parking"], "token": "transport-secret-0001"},
        {"id": "health-commission", "names": {"en": "Health Commission"}, "services": ["healthcare"]}
    ]}"#;

    #[test]
    fn maps_services_to_departments_and_tokens_to_their_inbox() {
        let departments = Departments::parse(FILE).unwrap();
        assert_eq!(departments.of_service("parking").map(|d| d.id.as_str()), Some("transport-bureau"));
        assert_eq!(departments.of_service("education"), None, "unmapped: the city-wide inbox only");
        assert_eq!(departments.by_token("transport-secret-0001").map(|d| d.id.as_str()), Some("transport-bureau"));
        assert_eq!(departments.by_token("transport-secret-0002"), None);
        assert_eq!(departments.name("transport-bureau", "zh-Hant"), "Transport Bureau", "English when not given");
        assert_eq!(departments.name("transport-bureau", "zh-Hans"), "交通运输局");
        assert!(!format!("{departments:?}").contains("secret"), "a token never reaches a log");
        assert!(!serde_json::to_string(&departments.public()).unwrap().contains("secret"));
    }

    #[test]
    fn a_file_that_cannot_be_used_says_what_to_fix() {
        let cases = [
            (r#"{"departments": [{"id": "Transport", "names": {"en": "T"}}]}"#, "lowercase"),
            (r#"{"departments": [{"id": "a", "names": {"en": "A"}}, {"id": "a", "names": {"en": "B"}}]}"#, "twice"),
            (r#"{"departments": [{"id": "a", "names": {}}]}"#, "give it a name"),
            (
                r#"{"departments": [{"id": "a", "names": {"en": "A"}, "services": ["x"]},
                                    {"id": "b", "names": {"en": "B"}, "services": ["x"]}]}"#,
                "already answered by a",
            ),
            (r#"{"departments": [{"id": "a", "names": {"en": "A"}, "token": "short"}]}"#, "16 characters"),
            (
                r#"{"departments": [{"id": "a", "names": {"en": "A"}, "token": "the-same-secret-000"},
                                    {"id": "b", "names": {"en": "B"}, "token": "the-same-secret-000"}]}"#,
                "same token",
            ),
            (r#"{"departments": [{"id": "a", "name": "A"}]}"#, "unknown field"),
        ];
        for (json, expected) in cases {
            let error = Departments::parse(json).unwrap_err();
            assert!(error.contains(expected), "{json}: {error}");
        }
    }
}
