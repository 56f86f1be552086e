//! Finds every message catalogue in `locales/ui/` (the languages and the texts every page
//! shares), `locales/` (the widget's), `locales/selfcheck/` (the self-check's) and the others, so
//! that adding a language is adding files: the lists are generated, never
//! written by hand. Separate lists, so each bundle links only its own texts (the loader's are
//! copied into `embed.js` by the build).
//!
//! Each file is read here, not in the browser: the crate gets each language's texts as a static
//! table sorted by key, so no bundle carries a parser, the files' comments or a first-use parse,
//! and a malformed file stops the build with its path and line.
use std::{env, fmt::Write as _, fs, path::Path};

#[path = "src/catalogue_file.rs"]
mod catalogue_file;

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("locales");
    let mut out = catalogues("UI_CATALOGUES", &root.join("ui"));
    out.push_str(&catalogues("WIDGET_CATALOGUES", &root));
    out.push_str(&catalogues("SELFCHECK_CATALOGUES", &root.join("selfcheck")));
    out.push_str(&catalogues("LOADER_CATALOGUES", &root.join("loader")));
    out.push_str(&catalogues("POSTER_CATALOGUES", &root.join("poster")));
    out.push_str(&catalogues("REPORT_CATALOGUES", &root.join("report")));
    out.push_str(&catalogues("RECEIPT_CATALOGUES", &root.join("receipt")));
    out.push_str(&catalogues("STAFF_CATALOGUES", &root.join("staff")));
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogues.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// A static named `name` holding a `Catalogue` for every `.ftl` file directly in `dir`, in
/// file-name order, and the set's keys, sorted, once for all its languages: each language keeps
/// only its texts end to end and where each ends (two bytes a text, where a table of `&str`
/// pairs took sixteen).
fn catalogues(name: &str, dir: &Path) -> String {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|_| panic!("{} must exist", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    paths.sort();
    let sources: Vec<(String, &str, String)> = paths
        .iter()
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            let tag = path.file_stem().and_then(|s| s.to_str()).expect("locale file names are UTF-8");
            let source = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.display().to_string(), tag, source)
        })
        .collect();
    let files: Vec<_> = sources
        .iter()
        .map(|(path, tag, source)| {
            let file = catalogue_file::parse_catalogue(tag, source)
                .unwrap_or_else(|e| panic!("{path} is not a catalogue: {e:?}"));
            (*tag, file)
        })
        .collect();
    // Every key of the set; a language that lacks one has an empty text there, which reads as
    // missing (the tests require every key in every language).
    let mut keys: Vec<&str> = files.iter().flat_map(|(_, file)| file.entries.iter().map(|(key, _)| *key)).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut out = format!("const {name}_KEYS: &[&str] = &{keys:?};\n");
    let _ = writeln!(out, "pub(crate) static {name}: &[Catalogue] = &[");
    for (tag, file) in &files {
        let (mut texts, mut ends) = (String::new(), Vec::new());
        for key in &keys {
            texts.push_str(file.entries.iter().find(|(k, _)| k == key).map_or("", |(_, text)| text));
            ends.push(u16::try_from(texts.len()).unwrap_or_else(|_| panic!("{tag}: texts over 64 KiB")));
        }
        let language = if file.name.is_empty() { *tag } else { file.name };
        let speech = if file.speech.is_empty() { *tag } else { file.speech };
        let _ = writeln!(
            out,
            "    Catalogue {{ tag: {tag:?}, name: {language:?}, speech: {speech:?}, aliases: &{:?}, keys: {name}_KEYS, texts: {texts:?}, ends: &{ends:?} }},",
            file.aliases
        );
    }
    out.push_str("];\n");
    out
}
