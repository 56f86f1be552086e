//! The assessments kept on the device: several cities, several years, one of them open. The
//! self-check saves the open one after every change and switches between them; an earlier year
//! of the same city is offered for comparison.

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shelf {
    /// Position of the open assessment in `assessments`.
    pub current: usize,
    pub assessments: Vec<Assessment>,
}

impl Shelf {
    /// A shelf holding one assessment, open.
    pub fn with(assessment: Assessment) -> Shelf {
        Shelf { current: 0, assessments: vec![assessment] }
    }

    /// Reads a saved shelf; `None` when it is unreadable (the caller keeps the text untouched).
    pub fn parse(json: &str) -> Option<Shelf> {
        let mut shelf: Shelf = serde_json::from_str(json).ok()?;
        if shelf.assessments.is_empty() {
            return None;
        }
        shelf.current = shelf.current.min(shelf.assessments.len() - 1);
        Some(shelf)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("assessments always serialise")
    }

    pub fn current(&self) -> &Assessment {
        &self.assessments[self.current]
    }

    /// The open assessment, to change in place.
    pub fn current_mut(&mut self) -> &mut Assessment {
        &mut self.assessments[self.current]
    }

    /// Writes the open assessment's latest state.
    pub fn put_current(&mut self, assessment: Assessment) {
        self.assessments[self.current] = assessment;
    }

    /// Adds an assessment and opens it.
    pub fn start(&mut self, assessment: Assessment) {
        self.assessments.push(assessment);
        self.current = self.assessments.len() - 1;
    }

    /// Opens the assessment at `position` (ignored when there is none).
    pub fn open(&mut self, position: usize) {
        if position < self.assessments.len() {
            self.current = position;
        }
    }

    /// Removes an assessment; the last one left cannot be removed (it is emptied instead, so the
    /// page always has an assessment open).
    pub fn remove(&mut self, position: usize, blank: Assessment) {
        if position >= self.assessments.len() {
            return;
        }
        if self.assessments.len() == 1 {
            self.assessments[0] = blank;
            return;
        }
        self.assessments.remove(position);
        if self.current > position || self.current == self.assessments.len() {
            self.current -= 1;
        }
    }

    /// Earlier assessments of the open one's city with the same framework, latest year first.
    pub fn earlier_years(&self) -> Vec<usize> {
        let now = self.current();
        let Some(year) = now.year else { return Vec::new() };
        let same_city = |a: &Assessment| a.city.trim().to_lowercase() == now.city.trim().to_lowercase();
        let mut found: Vec<usize> = (0..self.assessments.len())
            .filter(|&i| {
                let a = &self.assessments[i];
                a.framework.id == now.framework.id && same_city(a) && a.year.is_some_and(|y| y < year)
            })
            .collect();
        found.sort_by_key(|&i| std::cmp::Reverse(self.assessments[i].year));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selfcheck::Framework;

    fn assessment(city: &str, year: Option<u16>) -> Assessment {
        let mut a = Assessment::new(&Framework::builtin("smart-2021").unwrap());
        a.city = city.into();
        a.year = year;
        a
    }

    #[test]
    fn keeps_several_and_switches_between_them() {
        let mut shelf = Shelf::with(assessment("Lishui", Some(2025)));
        shelf.start(assessment("Lishui", Some(2026)));
        shelf.start(assessment("Anji", Some(2026)));
        assert_eq!(shelf.current().city, "Anji");
        shelf.open(1);
        let mut edited = shelf.current().clone();
        edited.inputs.insert("T1.1".into(), crate::selfcheck::IndicatorInput::level(3));
        shelf.put_current(edited);
        let again = Shelf::parse(&shelf.to_json()).unwrap();
        assert_eq!(again, shelf);
        assert_eq!(again.assessments[1].inputs.len(), 1);
        assert_eq!(again.earlier_years(), [0], "Lishui 2025 is the earlier year of Lishui 2026");
        shelf.open(0);
        assert!(shelf.earlier_years().is_empty());
    }

    #[test]
    fn removing_keeps_the_right_one_open_and_never_leaves_none() {
        let mut shelf = Shelf::with(assessment("A", None));
        shelf.start(assessment("B", None));
        shelf.start(assessment("C", None));
        shelf.open(2);
        shelf.remove(0, assessment("", None));
        assert_eq!(shelf.current().city, "C");
        shelf.remove(1, assessment("", None));
        assert_eq!(shelf.current().city, "B");
        shelf.remove(0, assessment("", None));
        assert_eq!(shelf.assessments.len(), 1);
        assert_eq!(shelf.current().city, "");
        assert_eq!(Shelf::parse("{\"current\":0,\"assessments\":[]}"), None);
        assert_eq!(Shelf::parse("not json"), None);
    }
}
