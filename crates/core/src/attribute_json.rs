//! The JSON portals write in three attributes (`headers`, `field-map`, `service-labels`): an
//! object whose values are texts, or an object of such objects. Nothing else is read here.
//!
//! Hand-written because serde_json's deserializer, used for just these three attributes, was
//! about 15 KB gzip of the widget's Wasm (measured by building without it); the rating payload
//! is still written by serde_json. Tests hold this reader to serde_json's answers.
//!
//! An object is read into a list of name and value pairs, not a map: a portal writes a handful
//! of names, and a `BTreeMap` brought about 1.2 KB gzip of its own code into the widget's first
//! part (measured).

/// An object's names and values in the order written. A repeated name keeps its last value, in
/// the place it was first written.
pub type Entries<T> = Vec<(String, T)>;

/// Names and texts, as in `{"X-Api-Key": "…"}`.
pub type Texts = Entries<String>;

/// The value for `name` among `entries`.
pub fn get<'a, T>(entries: &'a Entries<T>, name: &str) -> Option<&'a T> {
    entries.iter().find(|(known, _)| known == name).map(|(_, value)| value)
}

/// What is wrong with an attribute's JSON, for the portal team that wrote it (said through
/// [`crate::json_attribute_problem`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttributeJsonError {
    /// Not JSON: a mistake or the end of the text at this character (counted from 1).
    Syntax { at: usize },
    /// JSON, but the value at this character is not of the kind needed here.
    Shape { at: usize, expected: Expected },
}

/// The kind of value a place in the attribute needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    Object,
}

/// Reads `{"name": "text", …}`.
pub fn texts(json: &str) -> Result<Texts, AttributeJsonError> {
    Reader::new(json).whole(|reader| reader.object(Reader::text))
}

/// Reads `{"key": {"name": "text", …}, …}`.
pub fn texts_by_key(json: &str) -> Result<Entries<Texts>, AttributeJsonError> {
    Reader::new(json).whole(|reader| reader.object(|inner| inner.object(Reader::text)))
}

struct Reader<'a> {
    json: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(json: &'a str) -> Reader<'a> {
        Reader { json, at: 0 }
    }

    /// The value read by `value`, with nothing but whitespace around it.
    fn whole<T>(
        mut self,
        value: impl FnOnce(&mut Self) -> Result<T, AttributeJsonError>,
    ) -> Result<T, AttributeJsonError> {
        self.skip_whitespace();
        let read = value(&mut self)?;
        self.skip_whitespace();
        if self.at < self.json.len() {
            return Err(self.syntax());
        }
        Ok(read)
    }

    fn peek(&self) -> Option<u8> {
        self.json.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), AttributeJsonError> {
        if self.peek() != Some(byte) {
            return Err(self.syntax());
        }
        self.at += 1;
        Ok(())
    }

    /// The character position of the reader, counted from 1, as an editor shows it.
    fn position(&self) -> usize {
        // Characters are the bytes that do not continue one (no `str` slicing here: its
        // panic path would bring `core`'s string formatting into the widget's first part).
        self.json.bytes().take(self.at).filter(|&b| (b as i8) >= -0x40).count() + 1
    }

    fn syntax(&self) -> AttributeJsonError {
        AttributeJsonError::Syntax { at: self.position() }
    }

    /// A value of the wrong kind is a shape mistake when it is JSON of another kind, else a
    /// syntax mistake.
    fn not(&self, expected: Expected) -> AttributeJsonError {
        match self.peek() {
            Some(b'"' | b'{' | b'[' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n') => {
                AttributeJsonError::Shape { at: self.position(), expected }
            }
            _ => self.syntax(),
        }
    }

    /// `{ "key": value, … }`, each value read by `value`; a repeated key keeps its last value.
    fn object<T>(
        &mut self,
        mut value: impl FnMut(&mut Self) -> Result<T, AttributeJsonError>,
    ) -> Result<Entries<T>, AttributeJsonError> {
        if self.peek() != Some(b'{') {
            return Err(self.not(Expected::Object));
        }
        self.at += 1;
        let mut entries: Entries<T> = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(entries);
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.syntax());
            }
            let key = self.text()?;
            self.skip_whitespace();
            self.expect(b':')?;
            self.skip_whitespace();
            let value = value(self)?;
            match entries.iter_mut().find(|(known, _)| *known == key) {
                Some((_, earlier)) => *earlier = value,
                None => entries.push((key, value)),
            }
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(entries);
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    /// `"…"` with JSON's escapes.
    fn text(&mut self) -> Result<String, AttributeJsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.not(Expected::Text));
        }
        self.at += 1;
        let mut text = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character in one piece;
            // those three are ASCII, so the run ends on a character boundary.
            let rest = self.json.get(self.at..).unwrap_or_default();
            let Some(run) = rest.bytes().position(|b| b == b'"' || b == b'\\' || b < 0x20) else {
                self.at = self.json.len();
                return Err(self.syntax());
            };
            text.push_str(rest.get(..run).unwrap_or_default());
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.at += 1;
                    text.push(self.escape()?);
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    /// The character after a backslash (the reader is past the backslash).
    fn escape(&mut self) -> Result<char, AttributeJsonError> {
        let escaped = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode_escape();
            }
            _ => return Err(self.syntax()),
        };
        self.at += 1;
        Ok(escaped)
    }

    /// `XXXX` after `\u`, or a surrogate pair `XXXX\uXXXX`; a lone surrogate is refused.
    fn unicode_escape(&mut self) -> Result<char, AttributeJsonError> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return char::from_u32(first).ok_or_else(|| self.syntax());
        }
        if !self.json.get(self.at..).is_some_and(|rest| rest.starts_with("\\u")) {
            return Err(self.syntax());
        }
        self.at += 2;
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return Err(self.syntax());
        }
        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)).ok_or_else(|| self.syntax())
    }

    fn hex4(&mut self) -> Result<u32, AttributeJsonError> {
        let digits = self.json.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let value = digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| self.syntax())?;
        self.at += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> Texts {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn reads_texts_with_whitespace_escapes_and_any_script() {
        let json = " {\n\t\"X-Api-Key\" : \"abc\" , \"quote\":\"say \\\"hi\\\"\\n\",\"名\": \"42路公交\", \"e\": \"\\u00e9\\ud83d\\ude00\\/\"}\r\n";
        assert_eq!(
            texts(json),
            Ok(map(&[("X-Api-Key", "abc"), ("quote", "say \"hi\"\n"), ("名", "42路公交"), ("e", "é😀/")]))
        );
        assert_eq!(texts("{}"), Ok(Texts::new()));
        assert_eq!(
            texts(r#"{"a": "1", "b": "3", "a": "2"}"#),
            Ok(map(&[("a", "2"), ("b", "3")])),
            "the last of a repeated name wins, in the place of the first"
        );
    }

    #[test]
    fn reads_texts_by_key() {
        let labels = texts_by_key(r#"{"bus-42": {"zh-Hans": "42路公交", "en": "Bus line 42"}, "ferry": {}}"#).unwrap();
        assert_eq!(get(&labels, "bus-42"), Some(&map(&[("zh-Hans", "42路公交"), ("en", "Bus line 42")])));
        assert_eq!(get(&labels, "ferry"), Some(&Texts::new()));
        assert_eq!(get(&labels, "train"), None);
    }

    #[test]
    fn says_where_the_json_is_broken() {
        for (json, at) in [
            ("", 1),
            ("{", 2),
            (r#"{"a" "b"}"#, 6),
            (r#"{"a": "b",}"#, 11),
            (r#"{"a": "b"} x"#, 12),
            (r#"{"a": "b"#, 9),
            ("{\"a\": \"line\nbreak\"}", 12),
            (r#"{"a": "\x"}"#, 9),
            (r#"{"a": "\ud83d"}"#, 14),
            (r#"{"a": "\u12"}"#, 10),
            (r#"{a: "b"}"#, 2),
            ("{\"名\" \"b\"}", 6),
        ] {
            assert_eq!(texts(json), Err(AttributeJsonError::Syntax { at }), "{json}");
        }
    }

    #[test]
    fn says_which_value_is_of_the_wrong_kind() {
        let text = |at| Err(AttributeJsonError::Shape { at, expected: Expected::Text });
        assert_eq!(texts(r#"{"a": 1}"#), text(7));
        assert_eq!(texts(r#"{"a": null}"#), text(7));
        assert_eq!(texts(r#"{"a": {"b": "c"}}"#), text(7));
        assert_eq!(texts(r#"["a"]"#), Err(AttributeJsonError::Shape { at: 1, expected: Expected::Object }));
        assert_eq!(texts(r#"{"公交": 1}"#), text(8), "counted in characters, not bytes");
        assert_eq!(
            texts_by_key(r#"{"bus": "Bus"}"#),
            Err(AttributeJsonError::Shape { at: 9, expected: Expected::Object })
        );
        assert_eq!(
            texts_by_key(r#"{"bus": {"en": ["Bus"]}}"#),
            Err(AttributeJsonError::Shape { at: 16, expected: Expected::Text })
        );
    }
}
