//! The resident's display preferences (text size, high contrast), remembered on the device as a
//! short string in `localStorage`. Anything unreadable falls back to the defaults.

/// Text size step and contrast.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DisplayPrefs {
    /// 0 (standard, 18 px) to 2 (largest).
    pub text_step: u8,
    pub high_contrast: bool,
}

impl DisplayPrefs {
    /// How many text sizes the control offers.
    pub const TEXT_STEPS: u8 = 3;
    /// Where the preferences are kept on the device.
    pub const STORAGE_KEY: &'static str = "civic-pulse.display";

    /// What a device many residents share starts each person with: the largest text.
    pub const SHARED_DEVICE: DisplayPrefs = DisplayPrefs { text_step: Self::TEXT_STEPS - 1, high_contrast: false };

    /// Reads `text=1;contrast=1`; unknown or malformed parts keep their defaults.
    pub fn parse(stored: &str) -> DisplayPrefs {
        let mut prefs = DisplayPrefs::default();
        for (key, value) in stored.split(';').filter_map(|part| part.split_once('=')) {
            match (key.trim(), value.trim()) {
                ("text", step) => {
                    prefs.text_step = step.parse().ok().filter(|s| *s < Self::TEXT_STEPS).unwrap_or(0);
                }
                ("contrast", flag) => prefs.high_contrast = flag == "1",
                _ => {}
            }
        }
        prefs
    }

    pub fn to_stored(self) -> String {
        format!("text={};contrast={}", self.text_step, u8::from(self.high_contrast))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_survives_garbage() {
        let prefs = DisplayPrefs { text_step: 2, high_contrast: true };
        assert_eq!(DisplayPrefs::parse(&prefs.to_stored()), prefs);
        assert_eq!(DisplayPrefs::parse(""), DisplayPrefs::default());
        assert_eq!(DisplayPrefs::parse("text=9;contrast=yes;x=1"), DisplayPrefs::default());
        assert_eq!(DisplayPrefs::parse("garbage"), DisplayPrefs::default());
    }
}
