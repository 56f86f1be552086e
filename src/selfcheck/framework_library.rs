//! The frameworks this device can score against: the built-in ones, and frameworks the official
//! added from a file (each file's JSON kept in local storage under its own key, so they work
//! offline and after reload).

use civic_pulse_core::selfcheck::{Assessment, AssessmentError, Framework, FrameworkError, Localized};

use crate::local_storage::local_storage;

const PREFIX: &str = "civic-pulse:selfcheck:framework:";

/// The frameworks added on this device, in storage order, skipping any that no longer read.
fn added() -> Vec<Framework> {
    let Some(storage) = local_storage() else { return Vec::new() };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .filter_map(|key| storage.get_item(&key).ok().flatten())
        .filter_map(|text| Framework::from_json(&text).ok())
        .collect()
}

/// The framework with this id, built in or added on this device.
pub fn find(id: &str) -> Option<Framework> {
    Framework::builtin(id).or_else(|| added().into_iter().find(|framework| framework.id == id))
}

/// Every framework available here: id and name, built-in ones first.
pub fn available() -> Vec<(String, Localized)> {
    let builtin = Framework::BUILTIN_IDS.iter().filter_map(|id| Framework::builtin(id));
    builtin.chain(added()).map(|f| (f.id, f.name)).collect()
}

/// Checks a framework file and keeps it on the device (replacing an added one with the same id).
/// A built-in id is refused, so a file can never change what a built-in framework means.
pub fn add(text: &str) -> Result<Framework, Vec<FrameworkError>> {
    let framework = Framework::from_json(text)?;
    if Framework::BUILTIN_IDS.contains(&framework.id.as_str()) {
        return Err(vec![FrameworkError::BuiltinId { id: framework.id }]);
    }
    let saved = local_storage().is_some_and(|s| s.set_item(&format!("{PREFIX}{}", framework.id), text).is_ok());
    if saved { Ok(framework) } else { Err(vec![FrameworkError::NotKept]) }
}

/// An assessment from a file or link, checked against its own framework on this device: every
/// problem, including a framework this device does not have.
pub fn check(candidate: Assessment) -> Result<Assessment, Vec<AssessmentError>> {
    let Some(framework) = find(&candidate.framework.id) else {
        return Err(vec![AssessmentError::FrameworkNotHere { id: candidate.framework.id }]);
    };
    candidate.fit(&framework)
}
