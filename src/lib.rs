//! CivicPulse's browser shells: the resident feedback widget and the city self-check.
//! Pure logic lives in `civic_pulse_core`; these modules render it and talk to the browser.

pub mod delivery;
pub mod embed;
pub mod feedback;
pub mod http;
pub mod i18n;
pub mod local_storage;
pub mod receipt;
pub mod selfcheck;
pub mod staff;
pub mod ui;

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
