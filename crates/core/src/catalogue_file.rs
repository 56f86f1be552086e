//! Reads one catalogue file (`locales/**/<tag>.ftl`): one `key = text` per line, `#` comments,
//! and the `@name`, `@aliases` and `@speech` lines that describe the language.
//!
//! The build script reads every file with this module (it is included there with `#[path]`,
//! so it uses nothing from the crate) and writes the texts into the crate as static tables:
//! a bundle carries neither this parser nor the files' comments, and a malformed file stops
//! the build.

/// One language's texts as its file gives them.
#[derive(Debug, PartialEq, Eq)]
pub struct CatalogueFile<'a> {
    /// The language's name in itself (`@name`); empty when the file has none.
    pub name: &'a str,
    /// Other tags that mean this language (`@aliases`, separated by spaces).
    pub aliases: Vec<&'a str>,
    /// The tag speech synthesis voices use for it (`@speech`); empty when the file has none.
    pub speech: &'a str,
    /// Every `key = text`, in the file's order.
    pub entries: Vec<(&'a str, &'a str)>,
}

/// A problem in a catalogue file; `tag` names the file's language.
#[derive(Debug, PartialEq, Eq)]
pub enum CatalogueError {
    NotKeyValue { tag: String, line: usize },
    DuplicateKey { tag: String, key: String },
}

/// Reads one catalogue; `tag` names it in errors.
pub fn parse_catalogue<'a>(tag: &str, source: &'a str) -> Result<CatalogueFile<'a>, CatalogueError> {
    let mut file = CatalogueFile { name: "", aliases: Vec::new(), speech: "", entries: Vec::new() };
    for (index, raw) in source.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(CatalogueError::NotKeyValue { tag: tag.into(), line: index + 1 });
        };
        let (key, value) = (key.trim(), value.trim());
        match key {
            "@name" => file.name = value,
            "@aliases" => file.aliases = value.split_whitespace().collect(),
            "@speech" => file.speech = value,
            _ if file.entries.iter().any(|(known, _)| *known == key) => {
                return Err(CatalogueError::DuplicateKey { tag: tag.into(), key: key.into() });
            }
            _ => file.entries.push((key, value)),
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_malformed_lines_and_duplicates() {
        assert_eq!(
            parse_catalogue("xx", "a = 1\nno equals sign\n").unwrap_err(),
            CatalogueError::NotKeyValue { tag: "xx".into(), line: 2 }
        );
        assert_eq!(
            parse_catalogue("xx", "a = 1\na = 2\n").unwrap_err(),
            CatalogueError::DuplicateKey { tag: "xx".into(), key: "a".into() }
        );
    }

    #[test]
    fn reads_the_language_s_own_lines_apart_from_its_texts() {
        let file = parse_catalogue("xx", "# a comment\n@name = Xx\n@aliases = xx-A  xx-B\n\nkey = a = b\n").unwrap();
        assert_eq!(
            file,
            CatalogueFile { name: "Xx", aliases: vec!["xx-A", "xx-B"], speech: "", entries: vec![("key", "a = b")] }
        );
    }
}
