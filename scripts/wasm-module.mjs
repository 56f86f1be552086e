// Reading and writing a Wasm file with binaryen (npm's, as scripts/lib.sh's wasm-opt), for the
// build's small rewrites of wasm-bindgen's output (drop-unused-exports.mjs,
// short-names.mjs, order-functions.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import binaryen from 'binaryen';

export { binaryen };

/** The module in `file`, with the features rustc enables by default for wasm32, as scripts/lib.sh's
 * wasm_optimize gives them. */
export function readModule(file) {
  return moduleOf(readFileSync(file));
}

/** The same for a Wasm file's bytes. */
export function moduleOf(bytes) {
  const module = binaryen.readBinary(bytes);
  module.setFeatures(binaryen.Features.BulkMemory | binaryen.Features.BulkMemoryOpt | binaryen.Features.MutableGlobals
    | binaryen.Features.SignExt | binaryen.Features.NontrappingFPToInt | binaryen.Features.ReferenceTypes
    | binaryen.Features.Multivalue);
  return module;
}

/** Writes `module` back to `file`, or exits with `what` went wrong when it does not validate. */
export function writeModule(module, file, what) {
  if (!module.validate()) {
    console.error(`${file} does not validate after ${what}`);
    process.exit(1);
  }
  writeFileSync(file, module.emitBinary());
  module.dispose();
}
