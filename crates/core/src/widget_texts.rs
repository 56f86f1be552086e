//! The widget's texts travel as files, one per language, not inside its Wasm: `embed.js` fetches
//! the resident's language's file together with the first part, and the widget fetches the other
//! languages' with its second part, so the first load carries one language's texts instead of
//! every language's. (Compiled in, the tables stay in the first part: both parts read them.)
//!
//! A file is one line `civic-pulse-texts <tag>`, then one text per line in the order of
//! `Msg::ALL`. A catalogue file gives each text on one line, so no text holds a line break. The
//! build writes the files from the tables compiled in (`file`). With the feature
//! `widget-texts-from-files` (the feedback bundle as shipped) `Msg` texts are read from the files
//! loaded here (`load`); everywhere else (the tests, the other bundles, the collector) from the
//! tables, and loading a file only checks it.

use std::cell::RefCell;

use crate::messages::compiled_text;
use crate::{Lang, Msg};

/// What a texts file's first line starts with.
const HEADER: &str = "civic-pulse-texts";

/// Why a texts file cannot be read. The resident never sees these: without texts the widget does
/// not start, and `embed.js` shows its fallback in the resident's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextsFileError {
    /// Not a texts file at all (for example a proxy's error page).
    NotATextsFile,
    /// A texts file for a language this build does not speak.
    UnknownLanguage,
    /// A texts file of another build, with another number of texts.
    WrongCount,
}

impl TextsFileError {
    /// For the portal team, in the console (the catalogues are what failed to arrive).
    pub fn explain(self) -> &'static str {
        match self {
            TextsFileError::NotATextsFile => "the widget's texts file is not a CivicPulse texts file",
            TextsFileError::UnknownLanguage => "the widget's texts file is for a language this build does not speak",
            TextsFileError::WrongCount => "the widget's texts file belongs to another build of the widget",
        }
    }
}

/// The name of the file with `lang`'s texts, in the folder of the widget's parts.
pub fn file_name(lang: Lang) -> String {
    format!("texts-{}.txt", lang.tag())
}

/// The texts file for `lang`, from the tables compiled in.
pub fn file(lang: Lang) -> String {
    let mut file = format!("{HEADER} {}\n", lang.tag());
    for msg in Msg::ALL {
        file.push_str(compiled_text(*msg, lang.tag()));
        file.push('\n');
    }
    file
}

thread_local! {
    /// Each loaded language's tag and texts, in `Msg::ALL` order. Loaded once a page and kept.
    static LOADED: RefCell<Vec<(&'static str, Vec<&'static str>)>> = const { RefCell::new(Vec::new()) };
}

/// Reads a texts file and keeps its texts for the rest of the page's life; returns its language.
/// Loading a language again changes nothing.
pub fn load(file: String) -> Result<Lang, TextsFileError> {
    let (header, body) = file.split_once('\n').ok_or(TextsFileError::NotATextsFile)?;
    let tag =
        header.strip_prefix(HEADER).and_then(|rest| rest.strip_prefix(' ')).ok_or(TextsFileError::NotATextsFile)?;
    let lang = Lang::from_tag(tag).filter(|lang| lang.tag() == tag).ok_or(TextsFileError::UnknownLanguage)?;
    if has_file(lang) {
        return Ok(lang);
    }
    if body.lines().count() != Msg::ALL.len() {
        return Err(TextsFileError::WrongCount);
    }
    // Kept for the page's life, like texts compiled in would be: a few kilobytes a language.
    let body: &'static str = Box::leak(body.to_owned().into_boxed_str());
    LOADED.with(|loaded| loaded.borrow_mut().push((lang.tag(), body.lines().collect())));
    Ok(lang)
}

/// Whether `lang`'s texts are here to be shown: always, where they are compiled in.
pub fn is_loaded(lang: Lang) -> bool {
    !cfg!(feature = "widget-texts-from-files") || has_file(lang)
}

fn has_file(lang: Lang) -> bool {
    LOADED.with(|loaded| loaded.borrow().iter().any(|(tag, _)| *tag == lang.tag()))
}

/// The `index`th text (in `Msg::ALL` order) in the language tagged `tag`; in the first language
/// loaded where that one is not (the widget starts only once one is).
pub fn loaded_text(tag: &str, index: usize) -> &'static str {
    LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let texts = loaded.iter().find(|(loaded, _)| *loaded == tag).or_else(|| loaded.first());
        texts.and_then(|(_, texts)| texts.get(index).copied()).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gives_back_every_text_of_its_language() {
        for lang in Lang::all() {
            assert_eq!(load(file(lang)), Ok(lang));
            for (index, msg) in Msg::ALL.iter().enumerate() {
                assert_eq!(loaded_text(lang.tag(), index), lang.text(*msg), "{} {msg:?}", lang.tag());
                assert!(!loaded_text(lang.tag(), index).is_empty(), "{} {msg:?}", lang.tag());
            }
        }
    }

    #[test]
    fn a_file_names_its_language_first_and_says_one_text_a_line() {
        let zh = Lang::from_tag("zh-Hans").unwrap();
        let file = file(zh);
        assert!(file.starts_with("civic-pulse-texts zh-Hans\n"));
        assert_eq!(file.lines().count(), Msg::ALL.len() + 1);
        assert_eq!(file_name(zh), "texts-zh-Hans.txt");
    }

    #[test]
    fn refuses_what_is_not_a_texts_file_of_this_build() {
        let en = Lang::from_tag("en").unwrap();
        assert_eq!(load("<!doctype html><p>Bad gateway</p>".into()), Err(TextsFileError::NotATextsFile));
        assert_eq!(load(String::new()), Err(TextsFileError::NotATextsFile));
        assert_eq!(load("civic-pulse-textsen\nA\n".into()), Err(TextsFileError::NotATextsFile));
        assert_eq!(load("civic-pulse-texts fr\nBonjour\n".into()), Err(TextsFileError::UnknownLanguage));
        // An alias is not a file's tag: the build writes each file under the language's own tag.
        assert_eq!(load("civic-pulse-texts zh-CN\n".into()), Err(TextsFileError::UnknownLanguage));
        let short: String = file(en).lines().take(Msg::ALL.len()).map(|line| format!("{line}\n")).collect();
        // Loaded in a thread of its own, where English is not loaded yet.
        let refused = std::thread::spawn(move || load(short)).join().unwrap();
        assert_eq!(refused, Err(TextsFileError::WrongCount));
    }

    #[test]
    fn a_language_not_loaded_reads_as_the_first_one_loaded() {
        std::thread::spawn(|| {
            assert_eq!(loaded_text("en", 0), "", "nothing loaded yet");
            load(file(Lang::from_tag("zh-Hant").unwrap())).unwrap();
            let first = Msg::ALL.iter().position(|msg| *msg == Msg::WidgetTitle).unwrap();
            assert_eq!(loaded_text("en", first), Lang::from_tag("zh-Hant").unwrap().text(Msg::WidgetTitle));
        })
        .join()
        .unwrap();
    }
}
