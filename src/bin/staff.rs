//! Entry point of the staff console bundle: mounts it into the page's `#staff` element.
// No `main`: the page starts from a wasm-bindgen start function, since std's `main` links its
// runtime start-up and stdout flush (154 B gzip in the widget, measured).
#![no_main]

use civic_pulse::staff::StaffApp;
use civic_pulse::ui::mount_page;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(start)]
fn start() {
    mount_page("staff", StaffApp);
}
