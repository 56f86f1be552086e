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

    /// The code for a screen reader, one character at a time ("7 K Q 2 M 9 X D"): read as a
    /// word, "7KQ2M9XD" cannot be written down.
    pub fn spelled_out(&self) -> String {
        let mut spelled = String::with_capacity(self.0.len() * 2);
        for character in self.0.chars() {
            if !spelled.is_empty() {
                spelled.push(' ');
            }
            spelled.push(character);
        }
        spelled
    }
}

/// The receipts a widget was given for the ratings it delivered, newest last: only a few, because
/// the confirmation asks for the one it just sent, and nothing of it outlives the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReceiptBook {
    entries: Vec<(String, Receipt)>,
}

impl ReceiptBook {
    pub const KEPT: usize = 8;

    /// Notes the receipt the receiver gave the rating `id`.
    pub fn write_down(&mut self, id: &str, receipt: Receipt) {
        if self.entries.len() >= Self::KEPT {
            self.entries.remove(0);
        }
        self.entries.push((id.to_owned(), receipt));
    }

    /// The receipt the rating `id` got, if it was delivered while this book was kept.
    pub fn receipt_for(&self, id: &str) -> Option<&Receipt> {
        self.entries.iter().find(|(known, _)| known == id).map(|(_, receipt)| receipt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_spelled_out_one_character_at_a_time() {
        assert_eq!(Receipt::parse("7kq2m9xd").map(|code| code.spelled_out()).as_deref(), Some("7 K Q 2 M 9 X D"));
    }

    #[test]
    fn the_book_keeps_the_newest_few() {
        let mut book = ReceiptBook::default();
        let code = |n: u8| Receipt::from_random_bytes([n; LENGTH]);
        for n in 0..=ReceiptBook::KEPT as u8 {
            book.write_down(&format!("rating-{n}"), code(n));
        }
        assert_eq!(book.receipt_for("rating-0"), None, "the oldest made room");
        assert_eq!(book.receipt_for("rating-1"), Some(&code(1)));
        assert_eq!(book.receipt_for(&format!("rating-{}", ReceiptBook::KEPT)), Some(&code(ReceiptBook::KEPT as u8)));
        assert_eq!(book.receipt_for("never-sent"), None);
    }

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
