//! Prints the facts the JavaScript halves share with the Rust side (see
//! `civic_pulse_core::web_contract`) as one JSON object; `scripts/build-web` fills the
//! `%%js:<name>%%` placeholders from it.

fn main() {
    println!("{}", civic_pulse_core::web_contract::contract_json());
}
