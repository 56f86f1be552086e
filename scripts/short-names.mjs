// Gives the names that link a wasm-bindgen output file to its glue short ones, in both the Wasm
// file and the glue:
//   node scripts/short-names.mjs OUT_DIR/NAME_bg.wasm OUT_DIR/NAME.js   (both rewritten)
//
// Why: wasm-bindgen names each import after the JS it calls plus a 16-digit hash
// (`__wbg_setAttribute_f75317b2b5cabfb4`), and each name is written twice, in the Wasm's import
// section and as a key in the glue. Random hex hardly compresses, and the two copies are in two
// files: for the feedback widget's 170 imports that was 6.1 KB of its first load, gzip
// (measured). A split bundle's closure adapters are exported under their mangled Rust names
// (`_ZN12wasm_bindgen7convert8closures1_6invoke17h…E`, kept by `--keep-lld-exports`), each also
// written in both files. The names mean nothing to the browser; a stack trace through the glue
// shows the short name instead.
//
// Imports: only function imports of the glue's own module (`./NAME_bg.js`) are renamed (`i0`, `i1`,
// …); the glue must hold each old name exactly once (as its key in the imports object). Exports:
// only mangled Rust names (`_ZN…`) are renamed (`e0`, `e1`, …); the glue must call each through
// `wasm.NAME` at least once. Otherwise nothing is written and this fails,
// so a new wasm-bindgen that writes the glue differently stops the build instead of breaking it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { binaryen, readModule, writeModule } from './wasm-module.mjs';

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) {
  console.error('usage: node scripts/short-names.mjs NAME_bg.wasm NAME.js');
  process.exit(2);
}

const module = readModule(wasmPath);
let glue = readFileSync(jsPath, 'utf8');
const glueModule = `./${basename(jsPath, '.js')}_bg.js`;
const imports = [];
for (let index = 0; index < module.getNumFunctions(); index += 1) {
  const info = binaryen.getFunctionInfo(module.getFunctionByIndex(index));
  if (info.module === glueModule) imports.push(info);
}
imports.forEach((info, index) => {
  const short = `i${index.toString(36)}`;
  const key = new RegExp(`(?<![\\w$])${info.base.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) {
    console.error(`short-names: ${jsPath} names ${info.base} ${found} times, not once`);
    process.exit(1);
  }
  glue = glue.replace(key, short);
  // The same function under its new outside name: calls and tables refer to the inside one.
  module.removeFunction(info.name);
  module.addFunctionImport(info.name, info.module, short, info.params, info.results);
});
const exports = [];
for (let index = 0; index < module.getNumExports(); index += 1) {
  const info = binaryen.getExportInfo(module.getExportByIndex(index));
  if (info.kind === binaryen.ExternalFunction && info.name.startsWith('_ZN')) exports.push(info);
}
exports.forEach((info, index) => {
  const short = `e${index.toString(36)}`;
  const name = info.name.replace(/\$/g, '\\$');
  const call = new RegExp(`(?<![\\w$])wasm\\.${name}(?![\\w$])`, 'g');
  const calls = glue.match(call)?.length ?? 0;
  if (calls === 0 || module.getExport(short)) {
    console.error(`short-names: ${jsPath} never calls the export ${info.name}, or ${short} is taken`);
    process.exit(1);
  }
  // The glue's own JS function of the same name stays: esbuild shortens local names anyway.
  glue = glue.replace(call, `wasm.${short}`);
  module.removeExport(info.name);
  module.addFunctionExport(info.value, short);
});
writeModule(module, wasmPath, 'short-names renamed its imports and exports');
writeFileSync(jsPath, glue);
console.log(`short-names: ${imports.length} imports and ${exports.length} exports of ${basename(wasmPath)} renamed`);
