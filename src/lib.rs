//! CivicPulse's browser shells: the resident feedback widget and the city self-check.
//! Pure logic lives in `civic_pulse_core`; these modules render it and talk to the browser.

pub mod delivery;
pub mod dom;
pub mod embed;
pub mod feedback;
pub mod http;
pub mod i18n;
pub mod local_storage;
pub mod receipt;
pub mod selfcheck;
pub mod staff;
pub mod task;
pub mod ui;

// talc instead of std's dlmalloc in every Wasm bundle: 1.4 KB raw and 0.5 KB gzip smaller on the
// receipt page (measured; BENCHMARKS.md), kept up to date, and single-threaded like our pages.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
