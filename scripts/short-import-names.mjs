// Gives the JS functions a wasm-bindgen output file imports from its glue short names, in both
// the Wasm file and the glue:
//   node scripts/short-import-names.mjs OUT_DIR/NAME_bg.wasm OUT_DIR/NAME.js   (both rewritten)
//
// Why: wasm-bindgen names each import after the JS it calls plus a 16-digit hash
// (`__wbg_setAttribute_f75317b2b5cabfb4`), and each name is written twice, in the Wasm's import
// section and as a key in the glue. Random hex hardly compresses, and the two copies are in two
// files: for the feedback widget's 171 imports that was about 2.5 KB of its first load, gzip
// (measured). The names mean nothing to the browser; a stack trace through the glue shows the
// short name instead.
//
// Only imports of the glue's own module (`./NAME_bg.js`) are renamed; the glue must hold each old
// name exactly once (as its key in the imports object), or nothing is written and this fails, so
// a new wasm-bindgen that writes the glue differently stops the build instead of breaking it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) {
  console.error('usage: node scripts/short-import-names.mjs NAME_bg.wasm NAME.js');
  process.exit(2);
}
const fail = (message) => {
  console.error(`short-import-names: ${message}`);
  process.exit(1);
};

const wasm = readFileSync(wasmPath);
let glue = readFileSync(jsPath, 'utf8');
const glueModule = `./${basename(jsPath, '.js')}_bg.js`;

let at = 0;
const byte = () => wasm[at++];
function leb() {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = byte();
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return value;
  }
}
const name = () => {
  const length = leb();
  const text = wasm.subarray(at, at + length).toString('utf8');
  at += length;
  return text;
};
function limits() {
  const flags = byte();
  leb();
  if (flags & 1) leb();
}
const encodeLeb = (value) => {
  const bytes = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    bytes.push(b);
  } while (value > 0);
  return Buffer.from(bytes);
};
const encodeName = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([encodeLeb(bytes.length), bytes]);
};

if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a Wasm file`);
at = 8;
const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
while (at < wasm.length) {
  const sectionStart = at;
  const id = byte();
  const size = leb();
  const payloadStart = at;
  const end = payloadStart + size;
  if (id !== 2) {
    parts.push(wasm.subarray(sectionStart, end));
    at = end;
    continue;
  }
  const count = leb();
  const imports = [];
  for (let index = 0; index < count; index += 1) {
    const module = name();
    const field = name();
    const descStart = at;
    const kind = byte();
    if (kind === 0x00) leb(); // a function: its type
    else if (kind === 0x01) { byte(); limits(); } // a table: its element type and limits
    else if (kind === 0x02) limits(); // a memory
    else if (kind === 0x03) { byte(); byte(); } // a global: its type and mutability
    else if (kind === 0x04) { byte(); leb(); } // a tag
    else fail(`import ${module}.${field} is of an unknown kind ${kind}`);
    let short = field;
    if (module === glueModule && kind === 0x00) {
      short = `i${renamed.size.toString(36)}`;
      renamed.set(field, short);
    }
    imports.push(Buffer.concat([encodeName(module), encodeName(short), wasm.subarray(descStart, at)]));
  }
  if (at !== end) fail('the import section did not end where its size says');
  const payload = Buffer.concat([encodeLeb(count), ...imports]);
  parts.push(Buffer.from([2]), encodeLeb(payload.length), payload);
}

for (const [field, short] of renamed) {
  const key = new RegExp(`(?<![\\w$])${field.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) fail(`${jsPath} names ${field} ${found} times, not once`);
  glue = glue.replace(key, short);
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(jsPath, glue);
console.log(`short-import-names: ${renamed.size} imports of ${basename(wasmPath)} renamed`);
