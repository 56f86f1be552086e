//! The attribute JSON reader against serde_json as the oracle: whatever serde_json writes, the
//! reader reads back; and on any text, the two accept the same inputs with the same result. The
//! reader keeps an object's names in the order written and serde_json sorts them: both are
//! compared as maps.

use std::collections::BTreeMap;

use civic_pulse_core::attribute_json::{self, AttributeJsonError};
use proptest::prelude::*;

type Texts = BTreeMap<String, String>;

fn texts(json: &str) -> Result<Texts, AttributeJsonError> {
    attribute_json::texts(json).map(|entries| entries.into_iter().collect())
}

fn texts_by_key(json: &str) -> Result<BTreeMap<String, Texts>, AttributeJsonError> {
    attribute_json::texts_by_key(json)
        .map(|entries| entries.into_iter().map(|(key, texts)| (key, texts.into_iter().collect())).collect())
}

/// Texts from JSON's own alphabet, so the generator hits brackets, quotes, escapes and
/// surrogates far more often than arbitrary characters would.
fn jsonish() -> impl Strategy<Value = String> {
    prop::string::string_regex(r#"[ {}\[\]":,\\/abnrtu0-9dD8e\n\t名-]{0,40}"#).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reads_back_what_serde_json_writes(map in prop::collection::btree_map(any::<String>(), any::<String>(), 0..6)) {
        prop_assert_eq!(texts(&serde_json::to_string(&map).unwrap()), Ok(map.clone()));
        prop_assert_eq!(texts(&serde_json::to_string_pretty(&map).unwrap()), Ok(map));
    }

    #[test]
    fn reads_back_nested_maps(map in prop::collection::btree_map(any::<String>(),
        prop::collection::btree_map(any::<String>(), any::<String>(), 0..3), 0..4)) {
        prop_assert_eq!(texts_by_key(&serde_json::to_string_pretty(&map).unwrap()), Ok(map));
    }

    #[test]
    fn accepts_exactly_what_serde_json_accepts(text in jsonish()) {
        prop_assert_eq!(texts(&text).ok(), serde_json::from_str::<Texts>(&text).ok(), "{:?}", text);
        prop_assert_eq!(texts_by_key(&text).ok(), serde_json::from_str::<BTreeMap<String, Texts>>(&text).ok(), "{:?}", text);
    }

    #[test]
    fn accepts_exactly_what_serde_json_accepts_near_valid_input(
        map in prop::collection::btree_map("[a-z名]{0,3}", "[a-z\"\\\\\n名😀]{0,4}", 0..4),
        nested in any::<bool>(),
        at in any::<prop::sample::Index>(),
        cut in 0usize..3,
        insert in r#"[ {}\[\]":,\\/u0-9a-fD]{0,2}"#,
    ) {
        // A valid object with a small edit somewhere: up to two characters cut, up to two put in.
        let valid = if nested {
            serde_json::to_string(&BTreeMap::from([("k", &map)])).unwrap()
        } else {
            serde_json::to_string(&map).unwrap()
        };
        let chars: Vec<char> = valid.chars().collect();
        let start = at.index(chars.len() + 1);
        let end = (start + cut).min(chars.len());
        let text: String = chars[..start].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(&chars[end..]).collect();
        prop_assert_eq!(texts(&text).ok(), serde_json::from_str::<Texts>(&text).ok(), "{:?}", text);
        prop_assert_eq!(texts_by_key(&text).ok(), serde_json::from_str::<BTreeMap<String, Texts>>(&text).ok(), "{:?}", text);
    }
}
