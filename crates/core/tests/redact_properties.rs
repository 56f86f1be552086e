//! Properties of the comment redactor: no false negatives on generated personal numbers, in any
//! of the usual spellings and surrounded by ordinary Chinese or English text, and no damage to
//! ordinary text.

use civic_pulse_core::redact::redact;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "公交车",
    "等了",
    "分钟",
    "窗口",
    "工作人员",
    "态度很好",
    "办理",
    "业务",
    "打车",
    "医院",
    "排队",
    "太慢了",
    "，",
    "。",
    "bus",
    "late",
    "the",
    "queue",
    "was",
    "very",
    "helpful",
    "window",
    "staff",
    "rude",
    ",",
    ".",
    "(",
    ")",
    "：",
];

fn context() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..6).prop_map(|words| words.join(" "))
}

fn digits(count: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(0u8..10, count).prop_map(|d| d.iter().map(|d| char::from(b'0' + d)).collect())
}

fn only_digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// The number, spelt as residents write it: plain, grouped by spaces or hyphens, maybe +86.
fn mobile() -> impl Strategy<Value = (String, String)> {
    (3u8..=9, digits(9), 0..4usize).prop_map(|(second, rest, style)| {
        let number = format!("1{second}{rest}");
        let spelt = match style {
            0 => number.clone(),
            1 => format!("{} {} {}", &number[..3], &number[3..7], &number[7..]),
            2 => format!("{}-{}-{}", &number[..3], &number[3..7], &number[7..]),
            _ => format!("+86 {number}"),
        };
        (number, spelt)
    })
}

fn resident_id() -> impl Strategy<Value = String> {
    digits(17).prop_map(|body| {
        const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        let sum: u32 = body.bytes().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
        format!("{body}{}", char::from(b"10X98765432"[(sum % 11) as usize]))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mobile_numbers_never_survive((number, spelt) in mobile(), before in context(), after in context()) {
        let text = format!("{before} {spelt} {after}");
        let out = redact(&text).text;
        prop_assert!(out.contains("[phone]"), "{text} -> {out}");
        prop_assert!(!only_digits(&out).contains(&number[3..]), "{text} -> {out}");
    }

    #[test]
    fn resident_ids_never_survive(id in resident_id(), before in context(), after in context()) {
        let out = redact(&format!("{before}{id}{after}")).text;
        prop_assert!(out.contains("[id]"), "{id} -> {out}");
        prop_assert!(!only_digits(&out).contains(&id[..17]));
    }

    #[test]
    fn card_numbers_never_survive(length in 16usize..=19, number in digits(19), grouped in any::<bool>(), before in context()) {
        let number = &number[..length];
        let spelt = if grouped {
            number.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ")
        } else {
            number.to_owned()
        };
        let out = redact(&format!("{before} 卡号 {spelt}")).text;
        prop_assert!(out.contains("[card]") || out.contains("[id]") || out.contains("[phone]"), "{spelt} -> {out}");
        prop_assert!(!only_digits(&out).contains(&number[4..]), "{spelt} -> {out}");
    }

    #[test]
    fn email_addresses_never_survive(
        user in "[a-z][a-z0-9._]{0,9}[a-z0-9]", host in "[a-z][a-z0-9]{0,9}", tld in prop::sample::select(&["com", "cn", "org", "gov.cn"][..]),
        before in context(),
    ) {
        let address = format!("{user}@{host}.{tld}");
        let out = redact(&format!("{before} {address} 谢谢")).text;
        prop_assert!(out.contains("[email]") && !out.contains('@'), "{address} -> {out}");
    }

    #[test]
    fn licence_plates_never_survive(
        province in prop::sample::select("京沪粤苏浙川鄂湘鲁豫滬粵蘇".chars().collect::<Vec<_>>()),
        letter in "[A-Z]", tail in "[0-9]{2}[A-Z0-9]{3,4}", dot in any::<bool>(), before in context(),
    ) {
        let plate = format!("{province}{letter}{}{tail}", if dot { "·" } else { "" });
        let out = redact(&format!("{before}车牌{plate}，")).text;
        prop_assert!(out.contains("[plate]") && !out.contains(&tail), "{plate} -> {out}");
    }

    #[test]
    fn ordinary_text_is_untouched(words in prop::collection::vec((prop::sample::select(WORDS), 0u32..1_000_000), 0..12)) {
        // Small numbers between words: amounts, minutes, lines, years, queue numbers.
        let text = words.iter().map(|(word, n)| format!("{word} {n}")).collect::<Vec<_>>().join(" ");
        let out = redact(&text);
        prop_assert_eq!(out.text, text);
        prop_assert!(out.removed.is_empty());
    }
}
