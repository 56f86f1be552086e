//! Finds every message catalogue in `locales/ui/` (the languages and the texts every page
//! shares), `locales/` (the widget's), `locales/selfcheck/` (the self-check's) and the others, so
//! that adding a language is adding files: the lists are generated, never
//! written by hand. Separate lists, so each bundle links only its own texts (the loader's are
//! copied into `embed.js` by the build).
use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("locales");
    let mut out = sources("UI_SOURCES", &root.join("ui"));
    out.push_str(&sources("CATALOGUE_SOURCES", &root));
    out.push_str(&sources("SELFCHECK_SOURCES", &root.join("selfcheck")));
    out.push_str(&sources("LOADER_SOURCES", &root.join("loader")));
    out.push_str(&sources("POSTER_SOURCES", &root.join("poster")));
    out.push_str(&sources("REPORT_SOURCES", &root.join("report")));
    out.push_str(&sources("RECEIPT_SOURCES", &root.join("receipt")));
    out.push_str(&sources("STAFF_SOURCES", &root.join("staff")));
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogues.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

/// A static named `name` listing `(tag, text)` for every `.ftl` file directly in `dir`.
fn sources(name: &str, dir: &Path) -> String {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|_| panic!("{} must exist", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();
    let mut out = format!("pub(crate) static {name}: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let tag = path.file_stem().and_then(|s| s.to_str()).expect("locale file names are UTF-8");
        out.push_str(&format!("    ({tag:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    out.push_str("];\n");
    out
}
