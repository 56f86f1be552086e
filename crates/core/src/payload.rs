//! The rating payload, version 1: the documented JSON contract between the widget and any
//! receiver (see `schemas/rating.v1.schema.json`).

use serde::{Deserialize, Serialize};

use crate::{Lang, ScaleId, Score, ServiceId};

pub const SCHEMA_V1: &str = "civic-pulse.rating.v1";

/// A fresh random UUID v4 per rating; it doubles as the idempotency key of every retry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RatingId(String);

impl RatingId {
    /// Accepts the canonical lowercase text form of a version-4 UUID only, so a receiver can
    /// deduplicate on the exact string.
    pub fn parse(text: &str) -> Option<RatingId> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 36
            && bytes.iter().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_digit() || (b'a'..=b'f').contains(b),
            });
        let version_ok = shape_ok && bytes[14] == b'4' && matches!(bytes[19], b'8' | b'9' | b'a' | b'b');
        version_ok.then(|| RatingId(text.to_owned()))
    }

    /// Formats 16 random bytes (from `crypto.getRandomValues`, which unlike `randomUUID` works
    /// outside secure contexts too) as a version-4 UUID.
    pub fn from_random_bytes(mut bytes: [u8; 16]) -> RatingId {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let mut text = String::with_capacity(36);
        for (index, byte) in bytes.iter().enumerate() {
            if matches!(index, 4 | 6 | 8 | 10) {
                text.push('-');
            }
            text.push(char::from(HEX[usize::from(byte >> 4)]));
            text.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        RatingId(text)
    }

    /// The id a row of an imported file always gets (a hotline log, say), so importing the same
    /// file twice stores nothing twice: the first 16 bytes of SHA-256 of `key`, shaped as a
    /// version-4 UUID so every receiver's check still holds.
    pub fn derived(key: &str) -> RatingId {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(key.as_bytes());
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        RatingId::from_random_bytes(bytes)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A local calendar date: the only time information a rating carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: u16,
    month: u8,
    day: u8,
}

impl Day {
    pub fn from_ymd(year: u16, month: u8, day: u8) -> Option<Day> {
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1970..=9999).contains(&year) && (1..=days_in_month).contains(&day)).then_some(Day { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Day> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = &text[range];
            part.bytes().all(|b| b.is_ascii_digit()).then(|| crate::whole_number::parse(part))?
        };
        Day::from_ymd(number(0..4)?, u8::try_from(number(5..7)?).ok()?, u8::try_from(number(8..10)?).ok()?)
    }
}

impl Day {
    /// Days since 1970-01-01 (a Unix timestamp divided by 86,400 gives today in UTC).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil, on a calendar whose years start in March.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `days` after 1970-01-01; `None` outside the years 1970..=9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Day> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Day::from_ymd(u16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }
}

impl Day {
    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    /// Monday 1 … Sunday 7, as ISO 8601 numbers them.
    pub fn iso_weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.days_since_epoch() + 3).rem_euclid(7) as u8 + 1
    }

    /// The ISO 8601 week the day lies in: weeks start on Monday and belong to the year their
    /// Thursday is in, so 2027-01-01 (a Friday) is in 2026-W53.
    pub fn iso_week(self) -> IsoWeek {
        let thursday = self.days_since_epoch() - i64::from(self.iso_weekday()) + 4;
        // Every Thursday of a week holding a day of 1970..=9999 is itself in that range.
        let year = Day::from_days_since_epoch(thursday).map_or(self.year, |day| day.year);
        let january_first = Day { year, month: 1, day: 1 }.days_since_epoch();
        IsoWeek { year, week: ((thursday - january_first) / 7 + 1) as u8 }
    }

    /// The calendar quarter, written `2026-Q4`.
    pub fn quarter(self) -> String {
        format!("{:04}-Q{}", self.year, (self.month - 1) / 3 + 1)
    }
}

/// An ISO 8601 week, written `2026-W05`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    pub year: u16,
    pub week: u8,
}

impl IsoWeek {
    /// Its Monday.
    pub fn monday(self) -> Option<Day> {
        let january_fourth = Day::from_ymd(self.year, 1, 4)?;
        let first_monday = january_fourth.days_since_epoch() - i64::from(january_fourth.iso_weekday()) + 1;
        Day::from_days_since_epoch(first_monday + 7 * (i64::from(self.week) - 1))
    }
}

impl std::fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The body POSTed to the endpoint. Fields are plain JSON types so the struct is the wire format;
/// [`RatingV1::new`] guarantees a built rating is valid and [`RatingV1::problems`] checks one that
/// arrived from elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingV1 {
    pub schema: String,
    pub id: String,
    pub service: String,
    pub scale: String,
    pub score: u8,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aspects: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub lang: String,
    pub day: String,
    /// How it was collected (`web`, `assisted`, `kiosk`, `hotline`, `import`; see
    /// [`crate::collection::Channel`]); optional, so receivers written before it keep working.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

/// What is wrong with a payload, field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayloadError {
    WrongSchema,
    BadId,
    BadService,
    UnknownScale,
    ScoreOutOfRange,
    UnknownLanguage,
    BadDay,
    CommentTooLong,
    BadAspects,
    UnknownChannel,
}

impl PayloadError {
    /// The JSON field the problem is in.
    pub fn field(&self) -> &'static str {
        match self {
            PayloadError::WrongSchema => "schema",
            PayloadError::BadId => "id",
            PayloadError::BadService => "service",
            PayloadError::UnknownScale => "scale",
            PayloadError::ScoreOutOfRange => "score",
            PayloadError::UnknownLanguage => "lang",
            PayloadError::BadDay => "day",
            PayloadError::CommentTooLong => "comment",
            PayloadError::BadAspects => "aspects",
            PayloadError::UnknownChannel => "channel",
        }
    }

    /// What is wrong, for the sender.
    pub fn message(&self) -> &'static str {
        match self {
            PayloadError::WrongSchema => "must be \"civic-pulse.rating.v1\"",
            PayloadError::BadId => "must be a lowercase UUID version 4",
            PayloadError::BadService => {
                "must be lowercase letters and digits in hyphen-separated words, at most 64 characters"
            }
            PayloadError::UnknownScale => "must be good-bad-5, uk-csat-5 or a11-v2",
            PayloadError::ScoreOutOfRange => "must be a whole number from 1 to 5",
            PayloadError::UnknownLanguage => "must be zh-Hans, zh-Hant or en",
            PayloadError::BadDay => "must be a real date written YYYY-MM-DD",
            PayloadError::CommentTooLong => "must be at most 2000 characters",
            PayloadError::BadAspects => "must be at most 16 distinct ids of lowercase letters, digits and hyphens",
            PayloadError::UnknownChannel => "must be web, assisted, kiosk, hotline or import",
        }
    }
}

impl RatingV1 {
    /// Longest comment accepted, in characters.
    pub const MAX_COMMENT_CHARS: usize = 2000;
    /// Most aspect chips one rating can carry.
    pub const MAX_ASPECTS: usize = 16;

    pub fn new(id: RatingId, service: &ServiceId, scale: ScaleId, score: Score, lang: Lang, day: Day) -> RatingV1 {
        RatingV1 {
            schema: SCHEMA_V1.to_owned(),
            id: id.0,
            service: service.as_str().to_owned(),
            scale: scale.id().to_owned(),
            score: score.get(),
            aspects: Vec::new(),
            comment: None,
            lang: lang.tag().to_owned(),
            day: day.to_string(),
            channel: None,
        }
    }

    /// The rating as collected through `channel`.
    pub fn with_channel(mut self, channel: crate::collection::Channel) -> RatingV1 {
        self.channel = Some(channel.id().to_owned());
        self
    }

    /// Adds what the resident gave beyond the score: the ticked chips the scale offers at this
    /// score (in their display order; others are dropped), and the comment redacted on the device,
    /// trimmed and cut to the length limit (an empty one is left out).
    pub fn with_details(mut self, ticked: &[&str], comment: &str) -> RatingV1 {
        let scale = ScaleId::parse(&self.scale);
        let offered = scale.zip(Score::new(self.score)).and_then(|(scale, score)| scale.aspects_for(score));
        self.aspects = offered
            .map(|(_, chips)| {
                chips.iter().filter(|chip| ticked.contains(&chip.id)).map(|chip| chip.id.to_owned()).collect()
            })
            .unwrap_or_default();
        let text = crate::redact::redact(comment.trim()).text;
        self.comment = (!text.is_empty()).then(|| text.chars().take(Self::MAX_COMMENT_CHARS).collect());
        self
    }

    pub fn to_json(&self) -> String {
        // Cannot fail for a struct of strings and integers. A fixed message rather than
        // `expect`, which would link serde_json's error formatting into the widget.
        serde_json::to_string(self)
            .unwrap_or_else(|_| unreachable!("a struct of strings and integers always serialises"))
    }

    fn aspects_ok(&self) -> bool {
        let ids_ok = self.aspects.iter().all(|a| ServiceId::parse(a).is_some_and(|id| id.as_str() == a));
        let distinct = self.aspects.iter().enumerate().all(|(i, a)| !self.aspects[..i].contains(a));
        self.aspects.len() <= Self::MAX_ASPECTS && ids_ok && distinct
    }

    /// Every problem with a payload, empty when it is valid.
    pub fn problems(&self) -> Vec<PayloadError> {
        let checks = [
            (self.schema == SCHEMA_V1, PayloadError::WrongSchema),
            (RatingId::parse(&self.id).is_some(), PayloadError::BadId),
            (ServiceId::parse(&self.service).is_some_and(|s| s.as_str() == self.service), PayloadError::BadService),
            (ScaleId::parse(&self.scale).is_some_and(|s| s.id() == self.scale), PayloadError::UnknownScale),
            (Score::new(self.score).is_some(), PayloadError::ScoreOutOfRange),
            (Lang::from_tag(&self.lang).is_some_and(|l| l.tag() == self.lang), PayloadError::UnknownLanguage),
            (Day::parse(&self.day).is_some(), PayloadError::BadDay),
            (
                self.comment.as_ref().is_none_or(|c| c.chars().count() <= Self::MAX_COMMENT_CHARS),
                PayloadError::CommentTooLong,
            ),
            (self.aspects_ok(), PayloadError::BadAspects),
            (
                self.channel.as_deref().is_none_or(|c| crate::collection::Channel::parse(c).is_some()),
                PayloadError::UnknownChannel,
            ),
        ];
        checks.into_iter().filter(|(ok, _)| !ok).map(|(_, problem)| problem).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn knows_iso_weeks_and_quarters_at_the_edges_of_years() {
        let week = |text: &str| Day::parse(text).unwrap().iso_week().to_string();
        assert_eq!(week("2026-01-01"), "2026-W01", "a Thursday");
        assert_eq!(week("2027-01-01"), "2026-W53", "a Friday: its Thursday is in 2026");
        assert_eq!(week("2024-12-30"), "2025-W01", "a Monday whose Thursday is in 2025");
        assert_eq!(week("2027-02-01"), "2027-W05");
        assert_eq!(week("2027-02-28"), "2027-W08", "February 2027 is exactly four weeks");
        assert_eq!(week("1970-01-01"), "1970-W01");
        assert_eq!(Day::parse("2027-02-03").unwrap().iso_weekday(), 3);
        assert_eq!(Day::parse("2026-12-31").unwrap().quarter(), "2026-Q4");
        assert_eq!(Day::parse("2027-04-01").unwrap().quarter(), "2027-Q2");
        let w53 = Day::parse("2027-01-01").unwrap().iso_week();
        assert_eq!(w53.monday(), Day::parse("2026-12-28"));
        assert_eq!(Day::parse("2027-02-01").unwrap().iso_week().monday(), Day::parse("2027-02-01"));
    }

    use super::*;

    const ID: &str = "3f2b8c1e-9d4a-4b7e-8f6a-2c1d0e9b7a65";

    fn sample() -> RatingV1 {
        RatingV1::new(
            RatingId::parse(ID).unwrap(),
            &ServiceId::parse("transport").unwrap(),
            ScaleId::GoodBad5,
            Score::new(2).unwrap(),
            Lang::from_tag("zh-Hans").unwrap(),
            Day::from_ymd(2026, 11, 22).unwrap(),
        )
    }

    #[test]
    fn derived_ids_are_stable_valid_and_distinct() {
        let first = RatingId::derived("hotline:2026-11-03-0001");
        assert_eq!(first, RatingId::derived("hotline:2026-11-03-0001"), "the same row, the same id");
        assert_ne!(first, RatingId::derived("hotline:2026-11-03-0002"));
        assert_eq!(RatingId::parse(first.as_str()), Some(first));
    }

    #[test]
    fn the_channel_is_optional_and_checked() {
        let rating = sample();
        assert!(!rating.to_json().contains("channel"), "left out unless set, as before");
        let assisted = rating.with_channel(crate::collection::Channel::Assisted);
        assert!(assisted.to_json().ends_with(r#""day":"2026-11-22","channel":"assisted"}"#), "{}", assisted.to_json());
        assert!(assisted.problems().is_empty());
        let odd = RatingV1 { channel: Some("sms".into()), ..sample() };
        assert_eq!(odd.problems(), [PayloadError::UnknownChannel]);
    }

    #[test]
    fn serialises_exactly_the_documented_fields() {
        let json = sample().to_json();
        assert_eq!(
            json,
            format!(
                r#"{{"schema":"civic-pulse.rating.v1","id":"{ID}","service":"transport","scale":"good-bad-5","score":2,"lang":"zh-Hans","day":"2026-11-22"}}"#
            )
        );
        let back: RatingV1 = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sample());
        assert!(back.problems().is_empty());
    }

    #[test]
    fn accepts_only_canonical_uuid_v4() {
        assert!(RatingId::parse(ID).is_some());
        for bad in [
            "3F2B8C1E-9D4A-4B7E-8F6A-2C1D0E9B7A65",
            "3f2b8c1e-9d4a-1b7e-8f6a-2c1d0e9b7a65",
            "3f2b8c1e-9d4a-4b7e-7f6a-2c1d0e9b7a65",
            "3f2b8c1e9d4a4b7e8f6a2c1d0e9b7a65",
            "",
        ] {
            assert_eq!(RatingId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn random_bytes_make_valid_v4_ids() {
        for seed in [[0u8; 16], [0xff; 16], [0x5a; 16]] {
            let id = RatingId::from_random_bytes(seed);
            assert_eq!(RatingId::parse(id.as_str()), Some(id.clone()), "{}", id.as_str());
        }
        assert_eq!(RatingId::from_random_bytes([0; 16]).as_str(), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn days_are_real_calendar_dates() {
        assert_eq!(Day::parse("2024-02-29").map(|d| d.to_string()), Some("2024-02-29".into()));
        for bad in ["2023-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026-01-32", "+026-01-01"] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_count_from_the_unix_epoch_both_ways() {
        assert_eq!(Day::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(Day::parse("2000-03-01").unwrap().days_since_epoch(), 11_017);
        assert_eq!(Day::parse("2026-11-22").unwrap().days_since_epoch(), 20_779);
        for days in [0, 59, 60, 365, 11_016, 11_017, 20_779, 2_932_896] {
            let day = Day::from_days_since_epoch(days).unwrap();
            assert_eq!(day.days_since_epoch(), days, "{day}");
        }
        assert_eq!(Day::from_days_since_epoch(-1), None);
    }

    #[test]
    fn reports_every_problem_of_a_foreign_payload() {
        let mut rating = sample();
        rating.schema = "other".into();
        rating.score = 9;
        rating.lang = "fr".into();
        rating.day = "yesterday".into();
        rating.comment = Some("x".repeat(RatingV1::MAX_COMMENT_CHARS + 1));
        rating.aspects = vec!["too-slow".into(), "too-slow".into()];
        let fields: Vec<&str> = rating.problems().iter().map(PayloadError::field).collect();
        assert_eq!(fields, ["schema", "score", "lang", "day", "comment", "aspects"]);
        rating.aspects = vec!["<script>".into()];
        assert!(rating.problems().contains(&PayloadError::BadAspects));
    }

    #[test]
    fn the_published_schema_example_is_a_valid_rating() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../../schemas/rating.v1.schema.json")).unwrap();
        for example in schema["examples"].as_array().unwrap() {
            let rating: RatingV1 = serde_json::from_value(example.clone()).unwrap();
            assert_eq!(rating.problems(), []);
        }
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(required, ["schema", "id", "service", "scale", "score", "lang", "day"]);
    }

    #[test]
    fn the_published_schema_states_the_limits_the_code_enforces() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../../schemas/rating.v1.schema.json")).unwrap();
        let fields = &schema["properties"];
        let strings = |value: &serde_json::Value| -> Vec<String> {
            value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
        };
        let mut langs = strings(&fields["lang"]["enum"]);
        langs.sort();
        assert_eq!(langs, Lang::all().map(|l| l.tag().to_owned()).collect::<Vec<_>>());
        assert_eq!(strings(&fields["scale"]["enum"]), ScaleId::ALL.map(|s| s.id().to_owned()));
        assert_eq!(strings(&fields["channel"]["enum"]), crate::collection::Channel::ALL.map(|c| c.id().to_owned()));
        assert_eq!(fields["comment"]["maxLength"], RatingV1::MAX_COMMENT_CHARS);
        assert_eq!(fields["aspects"]["maxItems"], RatingV1::MAX_ASPECTS);
    }

    #[test]
    fn details_keep_only_offered_chips_and_a_redacted_comment() {
        let bad = sample().with_details(&["staff-attitude", "ease", "too-slow"], "  call 13812345678  ");
        assert_eq!(bad.aspects, ["too-slow", "staff-attitude"], "display order; chips of other scales dropped");
        assert_eq!(bad.comment.as_deref(), Some("call [phone]"));
        let mut good = sample();
        good.score = 5;
        let good = good.with_details(&["too-slow"], "   ");
        assert!(good.aspects.is_empty(), "a good review on this scale offers no chips");
        assert_eq!(good.comment, None);
        let long = sample().with_details(&[], &"好".repeat(RatingV1::MAX_COMMENT_CHARS + 50));
        assert_eq!(long.comment.map(|c| c.chars().count()), Some(RatingV1::MAX_COMMENT_CHARS));
    }

    #[test]
    fn rejects_unknown_fields() {
        let json = sample().to_json().replacen('{', r#"{"userAgent":"x","#, 1);
        assert!(serde_json::from_str::<RatingV1>(&json).is_err());
    }
}
