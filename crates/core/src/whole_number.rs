//! Whole numbers read from text: attributes, the device's stored records, HTTP headers.
//!
//! Every reader parses through `u64` and narrows to its own type. `str::parse` is compiled once
//! for each integer type it reads, and the widget's first part read four (u8, u16, u32, u64):
//! three fewer are 67 B gzip less of the first load (measured, BENCHMARKS.md). The rules are
//! `u64`'s `FromStr`: ASCII digits with an optional `+`, nothing else.

/// `text` as a `T`, or `None` when it is not a whole number or `T` cannot hold it.
pub fn parse<T: TryFrom<u64>>(text: &str) -> Option<T> {
    text.parse::<u64>().ok().and_then(|number| T::try_from(number).ok())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::parse;

    #[test]
    fn reads_what_the_narrow_types_read() {
        assert_eq!(parse::<u8>("255"), Some(255));
        assert_eq!(parse::<u8>("256"), None);
        assert_eq!(parse::<u16>("+404"), Some(404));
        assert_eq!(parse::<u32>("-1"), None);
        assert_eq!(parse::<u32>(" 5"), None);
        assert_eq!(parse::<u32>(""), None);
        assert_eq!(parse::<u64>("18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse::<u64>("18446744073709551616"), None);
    }

    proptest! {
        #[test]
        fn agrees_with_each_types_own_parser(text in "[+-]?[0-9]{0,22}|\\PC{0,8}") {
            prop_assert_eq!(parse::<u8>(&text), text.parse::<u8>().ok());
            prop_assert_eq!(parse::<u16>(&text), text.parse::<u16>().ok());
            prop_assert_eq!(parse::<u32>(&text), text.parse::<u32>().ok());
        }
    }
}
