//! Prints the facts the JavaScript halves share with the Rust side (see
//! `civic_pulse_core::web_contract`) as one JSON object; `scripts/build-web` fills the
//! `%%js:<name>%%` placeholders from it. With `--html`, the pages' HTML parts instead, for the
//! `%%html:<name>%%` placeholders. With `--widget-texts FOLDER`, writes the widget's texts files
//! (`civic_pulse_core::widget_texts`) into the folder of its parts.

use std::path::Path;

use civic_pulse_core::{Lang, widget_texts};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--html"] => println!("{}", civic_pulse_core::web_contract::html_json()),
        ["--widget-texts", folder] => {
            let files = Lang::all()
                .map(|lang| (widget_texts::first_part_file_name(lang), widget_texts::first_part_file(lang)))
                .chain([(widget_texts::EVERY_LANGUAGE_FILE.to_owned(), widget_texts::every_language_file())]);
            for (name, text) in files {
                let path = Path::new(folder).join(name);
                if let Err(error) = std::fs::write(&path, text) {
                    eprintln!("web-contract: cannot write {}: {error}", path.display());
                    std::process::exit(1);
                }
            }
        }
        [] => println!("{}", civic_pulse_core::web_contract::contract_json()),
        _ => {
            eprintln!("usage: web-contract [--html | --widget-texts FOLDER]");
            std::process::exit(2);
        }
    }
}
