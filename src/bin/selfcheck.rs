//! Entry point of the self-check bundle: mounts it into the page's `#selfcheck` element.
// No `main`: the page starts from a wasm-bindgen start function, since std's `main` links its
// runtime start-up and stdout flush (154 B gzip in the widget, measured).
#![no_main]

use civic_pulse::selfcheck::SelfcheckApp;
use civic_pulse::ui::mount_page;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(start)]
fn start() {
    mount_page("selfcheck", SelfcheckApp);
}
