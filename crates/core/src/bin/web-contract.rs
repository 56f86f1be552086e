//! Prints the facts the JavaScript halves share with the Rust side (see
//! `civic_pulse_core::web_contract`) as one JSON object; `scripts/build-web` fills the
//! `%%js:<name>%%` placeholders from it. With `--html`, the pages' HTML parts instead, for the
//! `%%html:<name>%%` placeholders.

fn main() {
    if std::env::args().nth(1).as_deref() == Some("--html") {
        println!("{}", civic_pulse_core::web_contract::html_json());
    } else {
        println!("{}", civic_pulse_core::web_contract::contract_json());
    }
}
