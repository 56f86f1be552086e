//! The receipt code a receiver may give a stored rating, so a resident who left a bad review can
//! later ask what became of it without saying who they are. Shared by the collector (which draws
//! codes) and the widget (which shows the one it was given).

/// Letters and digits without look-alikes (no 0/O, 1/I/L), easy to read out on the phone.
pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Eight characters: about 40 bits.
pub const LENGTH: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Receipt(String);

impl Receipt {
    /// A code from 8 random bytes (a few codes repeat more often than others by the modulo; at
    /// 40 bits that leaves guessing just as hopeless).
    pub fn from_random_bytes(bytes: [u8; LENGTH]) -> Receipt {
        Receipt(bytes.iter().map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()])).collect())
    }

    /// Reads a code as a resident or a receiver writes it: case and surrounding spaces do not
    /// matter; anything outside the alphabet does.
    pub fn parse(text: &str) -> Option<Receipt> {
        let code = text.trim().to_ascii_uppercase();
        (code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(Receipt(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_tolerate_how_people_type_them() {
        let code = Receipt::from_random_bytes([0, 30, 31, 255, 7, 100, 200, 13]);
        assert_eq!(code.as_str().len(), 8);
        assert_eq!(Receipt::parse(code.as_str()), Some(code.clone()));
        assert_eq!(Receipt::parse(&format!("  {}  ", code.as_str().to_lowercase())), Some(code));
        for bad in ["", "ABCD234", "ABCD23456", "ABCD2O45", "ABCD2I45", "<script>", "ABCD 234"] {
            assert_eq!(Receipt::parse(bad), None, "{bad}");
        }
    }
}
