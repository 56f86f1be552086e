//! How a rating was collected: on the resident's own phone, with a community helper, at an
//! unattended kiosk, by the 12345 hotline, or imported. The widget's `mode` attribute says which
//! device it runs on and sets the rating's `channel`; the collector stores it and can split its
//! summaries by it.

/// Where a rating came from, as the rating's optional `channel` field names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    /// The resident's own device.
    Web,
    /// A community helper's phone or a counter tablet, with a person beside the resident.
    Assisted,
    /// An unattended screen at a service hall.
    Kiosk,
    /// Taken on the phone by the hotline and imported by staff.
    Hotline,
    /// Imported from another system.
    Import,
}

impl Channel {
    pub const ALL: [Channel; 5] = [Channel::Web, Channel::Assisted, Channel::Kiosk, Channel::Hotline, Channel::Import];

    pub fn id(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Assisted => "assisted",
            Channel::Kiosk => "kiosk",
            Channel::Hotline => "hotline",
            Channel::Import => "import",
        }
    }

    pub fn parse(id: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|channel| channel.id() == id)
    }
}

/// The device the widget runs on, from its `mode` attribute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// One resident on their own phone (the default).
    #[default]
    Web,
    /// A helper's phone or a counter tablet: one resident after another.
    Assisted,
    /// An unattended screen: as assisted, and back to the start after a while without a touch.
    Kiosk,
}

impl Mode {
    pub fn parse(text: &str) -> Option<Mode> {
        match text.trim() {
            "web" => Some(Mode::Web),
            "assisted" => Some(Mode::Assisted),
            "kiosk" => Some(Mode::Kiosk),
            _ => None,
        }
    }

    /// The channel its ratings carry.
    pub fn channel(self) -> Channel {
        match self {
            Mode::Web => Channel::Web,
            Mode::Assisted => Channel::Assisted,
            Mode::Kiosk => Channel::Kiosk,
        }
    }

    /// A device many residents share: no per-service cooldown (it would block the next person),
    /// back to the first screen after each rating with nothing of it left, the largest text and
    /// read-aloud first, and display choices not kept for the next person.
    pub fn is_shared(self) -> bool {
        self != Mode::Web
    }

    /// Whether the widget may show links that leave the page (a receipt page, a `tel:` link): not
    /// on an unattended kiosk, where nobody could come back.
    pub fn may_leave_page(self) -> bool {
        self != Mode::Kiosk
    }
}

/// How long a shared device shows its thanks before it is ready for the next person.
pub const NEXT_PERSON_PAUSE_MS: u32 = 6_000;

/// A kiosk's default time without a touch before it returns to its first screen.
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// The range the `idle-seconds` attribute may take: at least 30, so that the warning's 20
/// seconds come after 10 seconds of quiet at the earliest.
pub const IDLE_SECONDS_RANGE: (u32, u32) = (30, 1_800);
/// How long before a kiosk returns it warns, with a "More time" button (WCAG 2.2.1 asks for at
/// least 20 seconds to ask for more).
pub const IDLE_WARNING_MS: u32 = 20_000;

/// How many digits a number to call may have: service hotlines have as few as 3, and E.164
/// allows at most 15.
pub const PHONE_DIGITS: (usize, usize) = (3, 15);

/// The characters a number to call may have, as a regular expression for the loader (which
/// shows the number when the widget cannot load); [`PhoneNumber::parse`] applies the same rule.
pub const PHONE_PATTERN: &str = r"^\+?[0-9 ()-]+$";

/// The number to call instead (the `phone` attribute), such as `12345` or `+86 571 1234 5678`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Digits with spaces, hyphens, parentheses and a leading `+`, with [`PHONE_DIGITS`] digits.
    pub fn parse(text: &str) -> Option<PhoneNumber> {
        let text = text.trim();
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let allowed = text
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0));
        (allowed && (PHONE_DIGITS.0..=PHONE_DIGITS.1).contains(&digits) && text.len() <= 24)
            .then(|| PhoneNumber(text.to_owned()))
    }

    /// As written by the portal, for people to read.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The `tel:` link: digits and the leading `+` only.
    pub fn tel_uri(&self) -> String {
        let dialled: String = self.0.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        format!("tel:{dialled}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_and_modes_read_their_ids() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.id()), Some(channel));
        }
        assert_eq!(Channel::parse("sms"), None);
        assert_eq!(Mode::parse(" kiosk "), Some(Mode::Kiosk));
        assert_eq!(Mode::parse("Kiosk"), None, "attribute values are lowercase");
        assert_eq!(Mode::Assisted.channel(), Channel::Assisted);
        assert!(Mode::Kiosk.is_shared() && !Mode::Web.is_shared());
        assert!(!Mode::Kiosk.may_leave_page() && Mode::Assisted.may_leave_page());
    }

    #[test]
    fn the_loaders_pattern_is_the_parsers_rule() {
        // The pattern, read by hand: an optional leading +, then digits, spaces, ( ) and -.
        assert_eq!(PHONE_PATTERN, r"^\+?[0-9 ()-]+$");
        for (text, allowed) in [("+86 (571) 1-2", true), ("1+2", false), ("12a45", false), ("12345", true)] {
            assert_eq!(PhoneNumber::parse(text).is_some(), allowed, "{text}");
        }
    }

    #[test]
    fn phone_numbers_are_read_and_dialled() {
        let hotline = PhoneNumber::parse(" 12345 ").unwrap();
        assert_eq!((hotline.as_str(), hotline.tel_uri().as_str()), ("12345", "tel:12345"));
        let long = PhoneNumber::parse("+86 (571) 1234-5678").unwrap();
        assert_eq!(long.tel_uri(), "tel:+8657112345678");
        for bad in ["", "12", "call us", "123+45", "javascript:alert(1)", "1234567890123456"] {
            assert_eq!(PhoneNumber::parse(bad), None, "{bad}");
        }
    }
}
