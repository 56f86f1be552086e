//! The widget's texts travel as files, not inside its Wasm: `embed.js` fetches the texts the
//! first part shows (`Msg`) in the resident's language together with the first part, and the
//! widget fetches every language's texts, the second part's (`LaterMsg`) too, with its second
//! part. So the first load carries one language's first-part texts instead of every language's
//! texts. (Compiled in, the tables stay in the first part: both parts read them.)
//!
//! A file is one or more sections, each a line `civic-pulse-texts <tag>` (`… <tag> first-part`
//! for the first part's texts only), then one text a line: `Msg::ALL`'s, then, in a whole
//! section, `LaterMsg::ALL`'s. A catalogue file gives each text on one line, so no text holds a
//! line break. The build writes the files from the tables compiled in. With the feature
//! `widget-texts-from-files` (the feedback bundle as shipped) the widget's texts are read from
//! the files loaded here; everywhere else (the tests, the other bundles, the collector) from the
//! tables, and loading a file only checks it.

use std::cell::RefCell;

use crate::messages::compiled_text;
use crate::{Lang, LaterMsg, Msg};

/// What a section's first line starts with.
const HEADER: &str = "civic-pulse-texts";
/// What ends the first line of a section with the first part's texts only.
const FIRST_PART: &str = " first-part";
/// The file with every language's texts, fetched with the second part.
pub const EVERY_LANGUAGE_FILE: &str = "texts.txt";
/// How many texts a whole section has: `Msg`'s, then `LaterMsg`'s.
const EVERY_TEXT: usize = Msg::ALL.len() + LaterMsg::ALL.len();

/// Why a texts file cannot be read. The resident never sees these: without its texts the
/// widget does not start (`embed.js` shows its fallback in the resident's language), and
/// without the later texts the second part does not either (the first part says so).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextsFileError {
    /// Not a texts file at all (for example a proxy's error page).
    NotATextsFile,
    /// A section for a language this build does not speak.
    UnknownLanguage,
    /// A file of another build, with another number of texts.
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

/// The name of the file with the first part's texts in `lang`, in the folder of the widget's parts.
pub fn first_part_file_name(lang: Lang) -> String {
    format!("texts-{}.txt", lang.tag())
}

/// The file with the first part's texts in `lang`, from the tables compiled in.
pub fn first_part_file(lang: Lang) -> String {
    section(lang, false)
}

/// The file with every text in every language, from the tables compiled in.
pub fn every_language_file() -> String {
    Lang::all().map(|lang| section(lang, true)).collect()
}

/// One section: `lang`'s header, then its `Msg` texts and, for a whole section, its `LaterMsg`
/// texts, one a line.
fn section(lang: Lang, whole: bool) -> String {
    let mut section = format!("{HEADER} {}{}\n", lang.tag(), if whole { "" } else { FIRST_PART });
    let first = Msg::ALL.iter().map(|msg| compiled_text(*msg, lang.tag()));
    let later = LaterMsg::ALL.iter().filter(|_| whole).map(|msg| compiled_text(*msg, lang.tag()));
    for text in first.chain(later) {
        section.push_str(text);
        section.push('\n');
    }
    section
}

thread_local! {
    /// Each loaded language's tag and texts (`Msg::ALL`'s, then `LaterMsg::ALL`'s once the whole
    /// section came). Loaded once a page and kept.
    static LOADED: RefCell<Vec<(&'static str, Vec<&'static str>)>> = const { RefCell::new(Vec::new()) };
}

/// Reads a texts file and keeps its texts for the rest of the page's life; returns the language
/// of its first section. A section with no more texts than those already loaded changes nothing
/// (a second widget on the page gets the same files); a file with one bad section loads nothing.
pub fn load(file: String) -> Result<Lang, TextsFileError> {
    let sections = sections(&file)?;
    let first = sections.first().map(|(lang, _)| *lang).ok_or(TextsFileError::NotATextsFile)?;
    if sections.iter().all(|(lang, texts)| texts.len() <= loaded_count(*lang)) {
        return Ok(first);
    }
    // Kept for the page's life, like texts compiled in would be: a few kilobytes a language.
    let file: &'static str = Box::leak(file.into_boxed_str());
    let sections = self::sections(file)?;
    LOADED.with(|loaded| {
        let mut loaded = loaded.borrow_mut();
        for (lang, texts) in sections {
            match loaded.iter_mut().find(|(tag, _)| *tag == lang.tag()) {
                Some((_, known)) if known.len() < texts.len() => *known = texts,
                Some(_) => {}
                None => loaded.push((lang.tag(), texts)),
            }
        }
    });
    Ok(first)
}

/// Each section's language and texts.
fn sections(file: &str) -> Result<Vec<(Lang, Vec<&str>)>, TextsFileError> {
    let mut lines = file.lines();
    let mut sections = Vec::new();
    while let Some(header) = lines.next() {
        let (tag, count) = match header.strip_prefix(HEADER).and_then(|rest| rest.strip_prefix(' ')) {
            Some(rest) => match rest.strip_suffix(FIRST_PART) {
                Some(tag) => (tag, Msg::ALL.len()),
                None => (rest, EVERY_TEXT),
            },
            None => return Err(TextsFileError::NotATextsFile),
        };
        let lang = Lang::from_tag(tag).filter(|lang| lang.tag() == tag).ok_or(TextsFileError::UnknownLanguage)?;
        let texts: Vec<&str> = lines.by_ref().take(count).collect();
        if texts.len() != count || texts.iter().any(|text| text.starts_with(HEADER)) {
            return Err(TextsFileError::WrongCount);
        }
        sections.push((lang, texts));
    }
    Ok(sections)
}

fn loaded_count(lang: Lang) -> usize {
    LOADED.with(|loaded| loaded.borrow().iter().find(|(tag, _)| *tag == lang.tag()).map_or(0, |(_, texts)| texts.len()))
}

/// The `index`th text (`Msg::ALL`'s, then `LaterMsg::ALL`'s) in the language tagged `tag`; in the
/// first language loaded that has it where that one has not (the widget starts only once one
/// has its first part's texts, and shows the second part only once its language has all).
pub fn loaded_text(tag: &str, index: usize) -> &'static str {
    LOADED.with(|loaded| {
        let loaded = loaded.borrow();
        let has = |texts: &&(&str, Vec<&'static str>)| index < texts.1.len();
        let texts = loaded.iter().find(|(loaded, _)| *loaded == tag).filter(has).or_else(|| loaded.iter().find(has));
        texts.and_then(|(_, texts)| texts.get(index).copied()).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_index(msg: Msg) -> usize {
        Msg::ALL.iter().position(|known| *known == msg).unwrap()
    }

    fn later_index(msg: LaterMsg) -> usize {
        Msg::ALL.len() + LaterMsg::ALL.iter().position(|known| *known == msg).unwrap()
    }

    /// In a thread of its own, where nothing is loaded yet.
    fn fresh(test: impl FnOnce() + Send + 'static) {
        std::thread::spawn(test).join().unwrap();
    }

    #[test]
    fn the_files_give_back_every_text_of_every_language() {
        fresh(|| {
            let zh = Lang::from_tag("zh-Hans").unwrap();
            assert_eq!(load(first_part_file(zh)), Ok(zh));
            assert_eq!(loaded_count(zh), Msg::ALL.len(), "the first part's texts only");
            assert_eq!(load(every_language_file()), Ok(Lang::all().next().unwrap()));
            for lang in Lang::all() {
                assert_eq!(loaded_count(lang), EVERY_TEXT);
                for msg in Msg::ALL {
                    let text = loaded_text(lang.tag(), first_index(*msg));
                    assert_eq!(text, lang.text(*msg), "{} {msg:?}", lang.tag());
                    assert!(!text.is_empty(), "{} {msg:?}", lang.tag());
                }
                for msg in LaterMsg::ALL {
                    let text = loaded_text(lang.tag(), later_index(*msg));
                    assert_eq!(text, lang.text(*msg), "{} {msg:?}", lang.tag());
                    assert!(!text.is_empty(), "{} {msg:?}", lang.tag());
                }
            }
            // The first part's file again (another widget on the page) takes nothing away.
            load(first_part_file(zh)).unwrap();
            assert_eq!(loaded_count(zh), EVERY_TEXT);
        });
    }

    /// The first part's texts file holds `Msg`'s texts only: code the first part runs must not
    /// show a `LaterMsg` (directly, or through the configuration problems' messages), or the
    /// resident would see a blank until the second part came, and forever without it.
    #[test]
    fn the_first_part_never_shows_a_later_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files: Vec<std::path::PathBuf> = ["src/feedback/first_part", "src/delivery"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap().map(|entry| entry.unwrap().path()))
            .collect();
        files.extend(
            ["src/embed/mount.rs", "src/feedback/bridge.rs", "crates/core/src/delivery.rs"].map(|f| root.join(f)),
        );
        assert!(files.len() > 10, "{files:?}");
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for later in ["LaterMsg", "aspect_label", "ConfigError::message", ".message(lang)"] {
                assert!(!source.contains(later), "{} uses {later}", file.display());
            }
        }
    }

    #[test]
    fn a_file_names_its_language_first_and_says_one_text_a_line() {
        let zh = Lang::from_tag("zh-Hans").unwrap();
        let file = first_part_file(zh);
        assert!(file.starts_with("civic-pulse-texts zh-Hans first-part\n"));
        assert_eq!(file.lines().count(), Msg::ALL.len() + 1);
        assert_eq!(first_part_file_name(zh), "texts-zh-Hans.txt");
        let every = every_language_file();
        let headers: Vec<&str> = every.lines().filter(|line| line.starts_with(HEADER)).collect();
        assert_eq!(headers, ["civic-pulse-texts en", "civic-pulse-texts zh-Hans", "civic-pulse-texts zh-Hant"]);
        assert_eq!(every.lines().count(), 3 * (1 + EVERY_TEXT));
    }

    #[test]
    fn refuses_what_is_not_a_texts_file_of_this_build() {
        fresh(|| {
            let en = Lang::from_tag("en").unwrap();
            assert_eq!(load("<!doctype html><p>Bad gateway</p>".into()), Err(TextsFileError::NotATextsFile));
            assert_eq!(load(String::new()), Err(TextsFileError::NotATextsFile));
            assert_eq!(load("civic-pulse-textsen first-part\nA\n".into()), Err(TextsFileError::NotATextsFile));
            assert_eq!(load("civic-pulse-texts fr first-part\nBonjour\n".into()), Err(TextsFileError::UnknownLanguage));
            // An alias is not a section's tag: the build writes each under the language's own tag.
            assert_eq!(load("civic-pulse-texts zh-CN\n".into()), Err(TextsFileError::UnknownLanguage));
            let short: String =
                first_part_file(en).lines().take(Msg::ALL.len()).map(|line| format!("{line}\n")).collect();
            assert_eq!(load(short), Err(TextsFileError::WrongCount));
            // A whole section one text short runs into the next section's header.
            let every = every_language_file();
            let cut = every.find("\ncivic-pulse-texts zh-Hans").unwrap();
            let before = every[..cut].rfind('\n').unwrap();
            let one_short = format!("{}{}", &every[..before], &every[cut..]);
            assert_eq!(load(one_short), Err(TextsFileError::WrongCount));
            assert_eq!(loaded_count(en), 0, "a file with a bad section loads nothing");
        });
    }

    #[test]
    fn a_text_not_loaded_in_a_language_reads_as_the_first_language_that_has_it() {
        fresh(|| {
            let (zh, en) = (Lang::from_tag("zh-Hant").unwrap(), Lang::from_tag("en").unwrap());
            assert_eq!(loaded_text("en", 0), "", "nothing loaded yet");
            load(first_part_file(zh)).unwrap();
            let title = first_index(Msg::WidgetTitle);
            assert_eq!(loaded_text("en", title), zh.text(Msg::WidgetTitle));
            let every = every_language_file();
            let english = &every[..every.find("\ncivic-pulse-texts zh-Hans").unwrap() + 1];
            load(english.to_owned()).unwrap();
            let discard = later_index(LaterMsg::Discard);
            assert_eq!(loaded_text("zh-Hant", discard), en.text(LaterMsg::Discard));
            assert_eq!(loaded_text("zh-Hant", title), zh.text(Msg::WidgetTitle));
        });
    }
}
