//! Removes personal details from a resident's free-text comment on the device, before it is
//! stored or sent: mainland mobile and landline numbers, e-mail addresses, 18-digit resident ID
//! numbers, licence plates and bank card numbers, each replaced by a marker. Ordinary text,
//! amounts, times, dates and bus lines are left alone; a number glued to letters is still read
//! (so "ID110…" and "tel138…" are caught, at the price of marking product codes). Hand-written (no regex engine, which would
//! cost more Wasm than the widget itself).

/// What was removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Phone,
    Email,
    IdNumber,
    Plate,
    Card,
}

impl Kind {
    /// The marker left in the text, the same in every language so receivers can count them.
    pub fn marker(self) -> &'static str {
        match self {
            Kind::Phone => "[phone]",
            Kind::Email => "[email]",
            Kind::IdNumber => "[id]",
            Kind::Plate => "[plate]",
            Kind::Card => "[card]",
        }
    }
}

/// The redacted text and what was taken out, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redacted {
    pub text: String,
    pub removed: Vec<Kind>,
}

const PROVINCES: &str =
    "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领滬遼魯蘇贛晉陝閩貴粵寧瓊雲領";
const PHONE_CUES: [&str; 9] = ["电话", "電話", "手机", "手機", "致电", "致電", "tel", "phone", "call"];

fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        // Full-width digits, as Chinese input methods often type them.
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '－' | '\u{3000}')
}

fn digits_ahead(chars: &[char], from: usize) -> usize {
    chars[from..].iter().take_while(|c| digit(**c).is_some()).count()
}

/// GB 11643 check character of an 18-digit resident ID.
fn id_checksum_ok(digits: &[u8], last: char) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| u32::from(*d) * w).sum();
    char::from(CHECK[(sum % 11) as usize]) == last.to_ascii_uppercase()
}

fn phone_cue_before(chars: &[char], start: usize) -> bool {
    // The cues are ASCII or caseless Chinese, so ASCII lowercasing is enough (and keeps the
    // Unicode case tables out of the widget).
    let window: String = chars[start.saturating_sub(8)..start].iter().map(char::to_ascii_lowercase).collect();
    PHONE_CUES.iter().any(|cue| window.contains(cue))
}

/// A run of digits (with single separators between groups of three or more, an optional leading
/// `+`, and an optional final X) starting at `start`: its end and what it is, if personal.
fn number_at(chars: &[char], start: usize) -> Option<(usize, Kind)> {
    if start > 0 && digit(chars[start - 1]).is_some() {
        return None;
    }
    let plus = chars[start] == '+';
    let mut at = start + usize::from(plus);
    let mut digits = Vec::new();
    let mut group = 0;
    while at < chars.len() {
        if let Some(d) = digit(chars[at]) {
            digits.push(d as u8 - b'0');
            group += 1;
            at += 1;
        } else if is_separator(chars[at])
            && (group >= 3 || (plus && digits.len() <= 4))
            && at + 1 < chars.len()
            && digits_ahead(chars, at + 1) >= 3
        {
            group = 0;
            at += 1;
        } else {
            break;
        }
    }
    let x = digits.len() == 17 && at < chars.len() && matches!(chars[at], 'X' | 'x');
    let end = at + usize::from(x);
    // Letters around a number do not protect it ("ID110…", "tel138…"): a missed ID is worse than
    // a marker in a product code.
    if digits.is_empty() || chars.get(end).is_some_and(|c| digit(*c).is_some()) {
        return None;
    }
    let mobile = |d: &[u8]| d.len() == 11 && d[0] == 1 && (3..=9).contains(&d[1]);
    let kind = match digits.len() {
        _ if x => Kind::IdNumber,
        11 if mobile(&digits) => Kind::Phone,
        13 if digits.starts_with(&[8, 6]) && mobile(&digits[2..]) => Kind::Phone,
        15 if digits.starts_with(&[0, 0, 8, 6]) && mobile(&digits[4..]) => Kind::Phone,
        18 if id_checksum_ok(&digits[..17], char::from(b'0' + digits[17])) => Kind::IdNumber,
        16..=19 => Kind::Card,
        10..=12 if digits[0] == 0 && digits[1] != 0 => Kind::Phone,
        7 | 8 if phone_cue_before(chars, start) => Kind::Phone,
        _ => return None,
    };
    Some((end, kind))
}

fn email_span(chars: &[char], at: usize) -> Option<(usize, usize)> {
    let local = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let domain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-');
    let start = chars[..at].iter().rposition(|c| !local(*c)).map_or(0, |p| p + 1);
    let mut end = at + 1 + chars[at + 1..].iter().take_while(|c| domain(**c)).count();
    while end > at + 1 && matches!(chars[end - 1], '.' | '-') {
        end -= 1;
    }
    let host: String = chars[at + 1..end].iter().collect();
    let tld = host.rsplit('.').next().unwrap_or("");
    (start < at && host.contains('.') && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some((start, end))
}

fn plate_at(chars: &[char], start: usize) -> Option<usize> {
    if !PROVINCES.contains(chars[start]) || !chars.get(start + 1)?.is_ascii_alphabetic() {
        return None;
    }
    let mut at = start + 2;
    if chars.get(at).is_some_and(|c| matches!(c, '·' | '•' | '-' | ' ')) {
        at += 1;
    }
    let tail = chars[at..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let body = &chars[at..at + tail];
    ((5..=6).contains(&tail) && body.iter().filter(|c| c.is_ascii_digit()).count() >= 2).then_some(at + tail)
}

/// Redacts `text`. Idempotent: redacting the result again changes nothing. A NUL character is
/// dropped too: no text needs one, and PostgreSQL, where a province keeps its ratings, cannot
/// store it.
pub fn redact(text: &str) -> Redacted {
    let chars: Vec<char> = text.chars().filter(|c| *c != '\0').collect();
    let mut out = String::with_capacity(text.len());
    let mut removed = Vec::new();
    // E-mail addresses first: their local part may hold digits that look like a phone number.
    let emails: Vec<(usize, usize)> =
        chars.iter().enumerate().filter(|(_, c)| **c == '@').filter_map(|(at, _)| email_span(&chars, at)).collect();
    let mut at = 0;
    while at < chars.len() {
        let found = if let Some(&(_, end)) = emails.iter().find(|(start, _)| *start == at) {
            Some((end, Kind::Email))
        } else if let Some(end) = plate_at(&chars, at) {
            Some((end, Kind::Plate))
        } else if digit(chars[at]).is_some()
            || (chars[at] == '+' && chars.get(at + 1).and_then(|c| digit(*c)).is_some())
        {
            number_at(&chars, at)
        } else {
            None
        };
        match found {
            Some((end, kind)) => {
                out.push_str(kind.marker());
                removed.push(kind);
                at = end;
            }
            None => {
                // Skip the rest of a digit run, so its tail is never read as a number of its own.
                let run = if digit(chars[at]).is_some() {
                    chars[at..].iter().take_while(|c| digit(**c).is_some()).count()
                } else {
                    1
                };
                out.extend(&chars[at..at + run]);
                at += run;
            }
        }
    }
    Redacted { text: out, removed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(text: &str) -> String {
        redact(text).text
    }

    #[test]
    fn removes_each_kind_of_personal_detail() {
        assert_eq!(redacted("我的手机13812345678，请回电"), "我的手机[phone]，请回电");
        assert_eq!(redacted("call +86 138 1234 5678 please"), "call [phone] please");
        assert_eq!(redacted("座机 010-62345678 或 0755 8765 4321"), "座机 [phone] 或 [phone]");
        assert_eq!(redacted("电话88886666"), "电话[phone]");
        assert_eq!(redacted("ID11010519491231002X, tel13812345678."), "ID[id], tel[phone].");
        assert_eq!(redacted("mail li.wei+bus@example.com.cn."), "mail [email].");
        assert_eq!(redacted("身份证11010519491231002X"), "身份证[id]");
        assert_eq!(redacted("车牌粤B·12345被拖走了"), "车牌[plate]被拖走了");
        assert_eq!(redacted("卡号 6222 0212 3456 7890 123"), "卡号 [card]");
        assert_eq!(redact("13812345678 a@b.cn").removed, [Kind::Phone, Kind::Email]);
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        for text in [
            "2路公交车等了45分钟，2026年11月22日下午3点",
            "The 8:15 bus was 20 minutes late; I paid 12.50 yuan.",
            "窗口3号工作人员态度很好，办理了20261122号业务",
            "Room 1203, line 7, queue number 888",
            "我在京ABC上班",
            "rated 5 stars @home",
        ] {
            assert_eq!(redacted(text), text);
        }
    }

    #[test]
    fn is_idempotent() {
        let once = redacted("手机13812345678 邮箱a@b.cn 车牌京A12345");
        assert_eq!(redacted(&once), once);
    }
}
