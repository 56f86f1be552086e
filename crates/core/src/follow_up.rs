//! Where the follow-up of a bad review stands, and how urgent it is. The collector stores and
//! computes them; the staff console names them through its catalogue ([`FollowUp::staff_msg`],
//! `StaffMsg`) and residents read them in the receipt page's (`ReceiptMsg`).

use serde::{Deserialize, Serialize};

/// The state of a case, and the kinds of event on its timeline: staff acknowledge it, work on it
/// and answer it; the resident then confirms it solved, or reopens it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUp {
    Received,
    Acknowledged,
    InProgress,
    Answered,
    /// The resident said the answer solved the problem.
    Confirmed,
    /// The resident said it did not: the case is open again, its deadline running anew.
    Reopened,
}

impl FollowUp {
    pub const ALL: [FollowUp; 6] = [
        FollowUp::Received,
        FollowUp::Acknowledged,
        FollowUp::InProgress,
        FollowUp::Answered,
        FollowUp::Confirmed,
        FollowUp::Reopened,
    ];

    /// What staff may set; `received` is where a case starts, and only the resident confirms or
    /// reopens.
    pub const STAFF_SETS: [FollowUp; 3] = [FollowUp::Acknowledged, FollowUp::InProgress, FollowUp::Answered];

    pub fn staff_may_set(self) -> bool {
        FollowUp::STAFF_SETS.contains(&self)
    }

    /// Whether the case is closed: answered and waiting on the resident, or confirmed solved.
    pub fn is_closed(self) -> bool {
        matches!(self, FollowUp::Answered | FollowUp::Confirmed)
    }

    /// The code stored and sent in the API.
    pub fn code(self) -> &'static str {
        match self {
            FollowUp::Received => "received",
            FollowUp::Acknowledged => "acknowledged",
            FollowUp::InProgress => "in-progress",
            FollowUp::Answered => "answered",
            FollowUp::Confirmed => "confirmed",
            FollowUp::Reopened => "reopened",
        }
    }

    pub fn parse(code: &str) -> Option<FollowUp> {
        FollowUp::ALL.into_iter().find(|status| status.code() == code)
    }
}

impl FollowUp {
    /// Its name on the staff console.
    pub fn staff_msg(self) -> crate::StaffMsg {
        use crate::StaffMsg;
        match self {
            FollowUp::Received => StaffMsg::StatusReceived,
            FollowUp::Acknowledged => StaffMsg::StatusAcknowledged,
            FollowUp::InProgress => StaffMsg::StatusInProgress,
            FollowUp::Answered => StaffMsg::StatusAnswered,
            FollowUp::Confirmed => StaffMsg::StatusConfirmed,
            FollowUp::Reopened => StaffMsg::StatusReopened,
        }
    }
}

impl Urgency {
    /// Its name on the staff console.
    pub fn staff_msg(self) -> crate::StaffMsg {
        use crate::StaffMsg;
        match self {
            Urgency::Overdue => StaffMsg::UrgencyOverdue,
            Urgency::Unacknowledged => StaffMsg::UrgencyUnacknowledged,
            Urgency::DueSoon => StaffMsg::UrgencyDueSoon,
            Urgency::OnTime => StaffMsg::UrgencyOnTime,
            Urgency::Answered => StaffMsg::UrgencyAnswered,
        }
    }
}

impl FollowUp {
    /// Its words for the resident on the receipt page.
    pub fn receipt_msg(self) -> crate::ReceiptMsg {
        use crate::ReceiptMsg;
        match self {
            FollowUp::Received => ReceiptMsg::StatusReceived,
            FollowUp::Acknowledged => ReceiptMsg::StatusAcknowledged,
            FollowUp::InProgress => ReceiptMsg::StatusInProgress,
            FollowUp::Answered => ReceiptMsg::StatusAnswered,
            FollowUp::Confirmed => ReceiptMsg::StatusConfirmed,
            FollowUp::Reopened => ReceiptMsg::StatusReopened,
        }
    }
}

/// What the resident reads for a case's status or a step of its timeline (`kind`, as the API
/// sends it): a transfer names the department it went to; a kind this page does not know is said
/// to be unknown, never shown as a code.
pub fn resident_words(lang: crate::Lang, kind: &str, department: &str) -> String {
    let msg = if kind == TRANSFERRED {
        crate::ReceiptMsg::StatusTransferred
    } else {
        FollowUp::parse(kind).map_or(crate::ReceiptMsg::StatusUnknown, FollowUp::receipt_msg)
    };
    lang.format(msg, &[("department", department)])
}

/// A step on a case's timeline that is not a status: staff passed the case to another
/// department. Its staff label; what the resident reads is in the receipt page's catalogue.
pub const TRANSFERRED: &str = "transferred";

/// How urgent an open bad review is against its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    Overdue,
    /// Nobody has acknowledged it within its deadline (a day by default).
    Unacknowledged,
    DueSoon,
    OnTime,
    Answered,
}

impl Urgency {
    pub const ALL: [Urgency; 5] =
        [Urgency::Overdue, Urgency::Unacknowledged, Urgency::DueSoon, Urgency::OnTime, Urgency::Answered];

    pub fn code(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::Unacknowledged => "unacknowledged",
            Urgency::DueSoon => "due-soon",
            Urgency::OnTime => "on-time",
            Urgency::Answered => "answered",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn residents_read_every_status_and_step_in_words() {
        let en = crate::Lang::fallback();
        assert_eq!(resident_words(en, "answered", ""), "Answered.");
        assert_eq!(resident_words(en, TRANSFERRED, "Health Commission"), "Passed to Health Commission.");
        assert_eq!(resident_words(en, "archived", ""), "Status unknown.");
        for lang in crate::Lang::all() {
            for status in FollowUp::ALL {
                let words = resident_words(lang, status.code(), "");
                assert_ne!(words, lang.text(crate::ReceiptMsg::StatusUnknown), "{status:?} in {}", lang.tag());
            }
        }
    }

    #[test]
    fn codes_are_what_serde_writes_and_read_back() {
        for status in FollowUp::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.code());
            assert_eq!(FollowUp::parse(status.code()), Some(status));
        }
        for urgency in Urgency::ALL {
            assert_eq!(serde_json::to_value(urgency).unwrap(), urgency.code());
        }
        assert_eq!(FollowUp::parse("closed"), None);
        assert!(FollowUp::STAFF_SETS.iter().all(|s| s.staff_may_set()));
        assert!(!FollowUp::Confirmed.staff_may_set() && !FollowUp::Reopened.staff_may_set());
        assert!(FollowUp::Confirmed.is_closed() && !FollowUp::Reopened.is_closed());
    }
}
