//! Why a staff console request did not work, read from the collector's answer, and what the
//! console says about it: each case says what to do next, in the staff member's language.

use crate::collector_api::{Problems, STAFF_ACCESS_OFF};
use crate::{Lang, StaffMsg};

/// A request from the staff console that did not succeed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaffError {
    /// 401 on the first request: the token typed is wrong.
    WrongToken,
    /// 401 after the console had loaded with this token: it was changed on the collector.
    TokenChanged,
    /// 403 with no department named: the collector has no staff token set.
    AccessOff,
    /// 403 about a department: a department's token on another's case, or on what only the
    /// city's token may do.
    NotYours(String),
    /// 400, 404, 409 or 413: the collector refused the request, with its reasons.
    Refused(String),
    /// Any other status.
    Server(u16),
    /// No answer at all.
    Offline,
    /// An answer the console cannot read (another version of the collector).
    Unreadable,
}

impl StaffError {
    /// The error an answer's status means; `body` is its text (problems as JSON where given);
    /// `signed_in` says whether this token already worked on this page.
    pub fn from_answer(status: u16, body: &str, signed_in: bool) -> StaffError {
        let problems = serde_json::from_str::<Problems>(body).map(|p| p.problems).unwrap_or_default();
        let detail = problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; ");
        match status {
            401 if signed_in => StaffError::TokenChanged,
            401 => StaffError::WrongToken,
            403 if problems.iter().any(|p| p.message == STAFF_ACCESS_OFF) => StaffError::AccessOff,
            403 => StaffError::NotYours(detail),
            400 | 404 | 409 | 413 => StaffError::Refused(detail),
            _ => StaffError::Server(status),
        }
    }

    /// Whether the token must be entered again.
    pub fn needs_token(&self) -> bool {
        matches!(self, StaffError::WrongToken | StaffError::TokenChanged | StaffError::AccessOff)
    }

    /// What the console says.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StaffError::WrongToken => lang.text(StaffMsg::WrongToken).to_owned(),
            StaffError::TokenChanged => lang.text(StaffMsg::TokenChanged).to_owned(),
            StaffError::AccessOff => lang.text(StaffMsg::AccessOff).to_owned(),
            StaffError::NotYours(detail) => lang.format(StaffMsg::NotYours, &[("detail", detail)]),
            StaffError::Refused(detail) => lang.format(StaffMsg::Refused, &[("detail", detail)]),
            StaffError::Server(status) => lang.format(StaffMsg::ServerError, &[("status", &status.to_string())]),
            StaffError::Offline => lang.text(StaffMsg::Offline).to_owned(),
            StaffError::Unreadable => lang.text(StaffMsg::Unreadable).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_answer_as_what_to_do() {
        assert_eq!(StaffError::from_answer(401, "", false), StaffError::WrongToken);
        assert_eq!(StaffError::from_answer(401, "", true), StaffError::TokenChanged, "it worked a moment ago");
        let off = serde_json::json!({"problems": [{"field": "", "message": STAFF_ACCESS_OFF}]}).to_string();
        assert_eq!(StaffError::from_answer(403, &off, true), StaffError::AccessOff);
        let other = r#"{"problems":[{"field":"code","message":"this case is with another department"}]}"#;
        assert_eq!(
            StaffError::from_answer(403, other, true),
            StaffError::NotYours("this case is with another department".into())
        );
        let two = r#"{"problems":[{"field":"a","message":"one"},{"field":"b","message":"two"}]}"#;
        assert_eq!(StaffError::from_answer(400, two, true), StaffError::Refused("one; two".into()));
        assert_eq!(StaffError::from_answer(502, "<html>", true), StaffError::Server(502));
        assert!(StaffError::WrongToken.needs_token() && !StaffError::Offline.needs_token());
        let zh = Lang::from_tag("zh-Hans").unwrap();
        assert!(StaffError::Server(502).text(zh).contains("502"));
        assert!(StaffError::Refused("one".into()).text(Lang::fallback()).ends_with("one"));
    }
}
