// Removes from a wasm-bindgen output file the exports of wasm-streams' JS stream adapters
// (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource), so that wasm-opt then drops
// the code behind them.
//   node scripts/drop-unused-exports.mjs FILE.wasm     (rewrites FILE.wasm in place)
//
// Why: Leptos's `csr` feature turns on server_fn's `browser` feature, which links wasm-streams,
// and a `#[wasm_bindgen]` class is exported from every bundle whether Rust code uses it or not.
// These three exist to hand a Rust stream to JS as a ReadableStream (server functions' streaming
// bodies); CivicPulse has no server functions and no page does that. Their exports kept about
// 5 KB of Wasm alive in every bundle (1.4 KB gzip; BENCHMARKS.md). If a page ever does need them,
// its e2e test fails on the missing export: drop the name from ADAPTERS then.
import { binaryen, readModule, writeModule } from './wasm-module.mjs';

const ADAPTERS = /^(__wbg_)?intounderlying(source|sink|bytesource)_/;

const file = process.argv[2];
const module = readModule(file);
const names = [];
for (let index = 0; index < module.getNumExports(); index += 1) {
  names.push(binaryen.getExportInfo(module.getExportByIndex(index)).name);
}
const dropped = names.filter((name) => ADAPTERS.test(name));
for (const name of dropped) module.removeExport(name);
writeModule(module, file, `drop-unused-exports removed ${dropped.join(', ')}`);
