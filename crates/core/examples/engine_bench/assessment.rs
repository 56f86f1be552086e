//! The assessment both engine benchmarks measure (native: `main.rs` beside this file; Wasm in
//! Chromium: `tests/engine_bench.rs` at the top level), so their figures compare like with like.

use std::collections::BTreeMap;

use civic_pulse_core::selfcheck::{Framework, IndicatorInput, Quality};

/// A realistic assessment: mixed levels, every fourth figure estimated, one in nine missing.
pub fn assessment(framework: &Framework) -> BTreeMap<String, IndicatorInput> {
    framework
        .indicators()
        .enumerate()
        .filter(|(n, _)| n % 9 != 4)
        .map(|(n, (_, node))| {
            let input = IndicatorInput::level((n % 5) as u8);
            let input = if n % 4 == 0 { input.with_quality(Quality::Estimated) } else { input };
            (node.code.clone(), input)
        })
        .collect()
}
