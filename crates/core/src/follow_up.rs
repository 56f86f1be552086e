//! Where the follow-up of a bad review stands, and how urgent it is. The collector stores and
//! computes them; its staff and receipt pages show them with the labels given here, which
//! `scripts/build-web` copies into those pages (see `web_contract`).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUp {
    Received,
    InProgress,
    Answered,
}

impl FollowUp {
    pub const ALL: [FollowUp; 3] = [FollowUp::Received, FollowUp::InProgress, FollowUp::Answered];

    /// The code stored and sent in the API.
    pub fn code(self) -> &'static str {
        match self {
            FollowUp::Received => "received",
            FollowUp::InProgress => "in-progress",
            FollowUp::Answered => "answered",
        }
    }

    pub fn parse(code: &str) -> Option<FollowUp> {
        FollowUp::ALL.into_iter().find(|status| status.code() == code)
    }

    /// The staff page's label, Chinese then English (the page is bilingual).
    pub fn staff_label(self) -> &'static str {
        match self {
            FollowUp::Received => "已收到 Received",
            FollowUp::InProgress => "处理中 In progress",
            FollowUp::Answered => "已答复 Answered",
        }
    }

    /// What the receipt page tells the resident: Chinese, then English.
    pub fn resident_text(self) -> [&'static str; 2] {
        match self {
            FollowUp::Received => ["已收到，等待处理。", "Received; waiting to be dealt with."],
            FollowUp::InProgress => ["正在处理。", "Being dealt with."],
            FollowUp::Answered => ["已答复。", "Answered."],
        }
    }
}

/// How urgent an open bad review is against its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    Overdue,
    DueSoon,
    OnTime,
    Answered,
}

impl Urgency {
    pub const ALL: [Urgency; 4] = [Urgency::Overdue, Urgency::DueSoon, Urgency::OnTime, Urgency::Answered];

    pub fn code(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due-soon",
            Urgency::OnTime => "on-time",
            Urgency::Answered => "answered",
        }
    }

    /// The staff page's label, Chinese then English.
    pub fn staff_label(self) -> &'static str {
        match self {
            Urgency::Overdue => "已超期 Overdue",
            Urgency::DueSoon => "即将到期 Due soon",
            Urgency::OnTime => "未到期 On time",
            Urgency::Answered => "已答复 Answered",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
