// Removes from a wasm-bindgen output the exports of wasm-streams' JS stream adapters
// (IntoUnderlyingSource, IntoUnderlyingSink, IntoUnderlyingByteSource), so that wasm-opt then drops
// the code behind them, and their classes from the glue.
//   node scripts/drop-unused-exports.mjs NAME_bg.wasm NAME.js     (both rewritten in place)
//
// Why: Leptos's `csr` feature turns on server_fn's `browser` feature, which links wasm-streams,
// and a `#[wasm_bindgen]` class is exported from every bundle whether Rust code uses it or not.
// These three exist to hand a Rust stream to JS as a ReadableStream (server functions' streaming
// bodies); CivicPulse has no server functions and no page does that. Their exports kept about
// 5 KB of Wasm alive in every bundle (1.4 KB gzip; BENCHMARKS.md), their classes and finalization
// registries 1.7 KB of glue (350 B gzip). If a page ever does need them, its e2e test fails on the
// missing export: drop the name from ADAPTERS then.
//
// The glue is cut as wasm-bindgen writes it (each class from `export class NAME {` to the `}` that
// closes it at the start of a line, its `Symbol.dispose` line, its registry's statement); when a
// piece is not found exactly once, or the adapters are still named afterwards, nothing is written
// and this fails, so a wasm-bindgen that writes the glue differently stops the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { binaryen, readModule, writeModule } from './wasm-module.mjs';

const ADAPTERS = /^(__wbg_)?intounderlying(source|sink|bytesource)_/;
const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) {
  console.error('usage: node scripts/drop-unused-exports.mjs NAME_bg.wasm NAME.js');
  process.exit(2);
}

let glue = readFileSync(jsPath, 'utf8');
const cut = (pattern, what) => {
  const found = glue.match(pattern)?.length ?? 0;
  if (found !== 1) {
    console.error(`drop-unused-exports: ${jsPath} has ${what} ${found} times, not once`);
    process.exit(1);
  }
  glue = glue.replace(pattern, '');
};
for (const name of CLASSES) {
  cut(new RegExp(`^export class ${name} \\{\\n[^]*?^\\}\\n`, 'gm'), `class ${name}`);
  cut(new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = .*\\n`, 'gm'),
    `${name}'s dispose line`);
  cut(new RegExp(`^const ${name}Finalization = [^;]*;\\n`, 'gm'), `${name}'s registry`);
}
if (/IntoUnderlying|intounderlying/.test(glue)) {
  console.error(`drop-unused-exports: ${jsPath} still names a stream adapter after the cut`);
  process.exit(1);
}

const module = readModule(wasmPath);
const names = [];
for (let index = 0; index < module.getNumExports(); index += 1) {
  names.push(binaryen.getExportInfo(module.getExportByIndex(index)).name);
}
const dropped = names.filter((name) => ADAPTERS.test(name));
for (const name of dropped) module.removeExport(name);
writeModule(module, wasmPath, `drop-unused-exports removed ${dropped.join(', ')}`);
writeFileSync(jsPath, glue);
