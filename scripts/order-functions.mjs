// Puts an optimised Wasm file's functions in an order that compresses better, in place:
//   node scripts/order-functions.mjs FILE.wasm
//
// Why: gzip and brotli find repeats only within a window behind the current byte (32 KB for gzip),
// so the same code in two functions far apart is paid twice. The compiler's order follows crates
// and modules, not likeness; wasm-split's parts put functions wherever the split leaves them.
// Placing each function next to the ones whose bytes it shares saves 1-6 % of every shipped Wasm
// file, gzip and brotli alike (measured per file; BENCHMARKS.md, "Function order").
//
// How: a few greedy orders (the next function is the one sharing most byte runs with the last
// placed), each written by binaryen with its functions renumbered; the smallest by gzip -9 is kept,
// and the file as it came when none is smaller. Only the order changes: no function, instruction or
// export does, and the result is validated before it is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { binaryen, moduleOf } from './wasm-module.mjs';

/** The greedy orders tried. `run`: bytes in a run (K); `window`: placed functions compared (W);
 * `rare`: a run counts by how rare it is (log n/df) instead of once; `scale`: the power of the
 * function's own total that its score is divided by, so big functions do not always win. No one
 * order is best for every file (measured on the five shipped Wasm files, 0.1-0.5 % apart), so all
 * are tried. */
const ORDERS = [
  { run: 4, window: 3, rare: false, scale: 1 },
  { run: 6, window: 5, rare: false, scale: 1 },
  { run: 4, window: 3, rare: true, scale: 1 },
  { run: 6, window: 3, rare: true, scale: 1 },
  { run: 6, window: 3, rare: false, scale: 0.5 },
  { run: 5, window: 1, rare: false, scale: 0.5 },
];

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/order-functions.mjs FILE.wasm');
  process.exit(2);
}

// binaryen writes without names, with the same stack IR clean-up as wasm-opt's -Os (without it a
// rewritten file is 260 B larger, measured).
binaryen.setDebugInfo(false);
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(1);
binaryen.setGenerateStackIR(true);
binaryen.setOptimizeStackIR(true);

const original = readFileSync(file);
const { bodies, imported } = functionBodies(original);
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const originalSize = gzip(original);
let best = { bytes: original, size: originalSize, order: 'as compiled' };
for (const order of ORDERS) {
  const bytes = reordered(original, imported, greedyOrder(bodies, order));
  const size = gzip(bytes);
  if (size < best.size) best = { bytes, size, order: JSON.stringify(order) };
}
writeFileSync(file, best.bytes);
console.log(`${file}: ${originalSize} -> ${best.size} B gzip (${best.order})`);

/** The body bytes of each function defined in `wasm` (its code section's entries), and how many
 * functions it imports (they come first in the function index space). */
function functionBodies(wasm) {
  const module = moduleOf(wasm);
  let imported = 0;
  for (let index = 0; index < module.getNumFunctions(); index += 1) {
    if (binaryen.getFunctionInfo(module.getFunctionByIndex(index)).module) imported += 1;
  }
  module.dispose();
  const bodies = [];
  const code = [...sections(wasm)].find(({ id }) => id === 10);
  let [count, at] = leb(wasm, code.start);
  for (; count > 0; count -= 1) {
    const [size, start] = leb(wasm, at);
    bodies.push(wasm.subarray(start, start + size));
    at = start + size;
  }
  return { bodies, imported };
}

function* sections(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    yield { id, start, end: start + size };
    at = start + size;
  }
}

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** Greedy, from the first function: next, the unplaced one sharing most `run`-byte runs with the
 * last `window` placed, as `ORDERS` weighs them; the lowest index on a tie. Scores are kept up to
 * date as runs enter and leave the window. */
function greedyOrder(bodies, { run: k, window: w, rare, scale }) {
  const ids = new Map();
  const runs = bodies.map((body) => {
    const own = new Set();
    const text = Buffer.from(body.buffer, body.byteOffset, body.length).toString('latin1');
    for (let at = 0; at + k <= text.length; at += 1) {
      const run = text.slice(at, at + k);
      let id = ids.get(run);
      if (id === undefined) {
        id = ids.size;
        ids.set(run, id);
      }
      own.add(id);
    }
    return Int32Array.from(own);
  });
  const holders = Array.from({ length: ids.size }, () => []);
  runs.forEach((own, index) => own.forEach((id) => holders[id].push(index)));
  const worth = holders.map((holding) => (rare ? Math.log(bodies.length / holding.length) : 1));
  const inWindow = new Int32Array(ids.size);
  const shared = new Float64Array(bodies.length);
  const weight = runs.map((own) => (1 + own.reduce((total, id) => total + worth[id], 0)) ** -scale);
  const placed = new Uint8Array(bodies.length);
  const order = [];
  const window = [];
  const change = (index, by) => {
    for (const id of runs[index]) {
      const before = inWindow[id];
      inWindow[id] += by;
      if ((before === 0) !== (inWindow[id] === 0)) {
        for (const holder of holders[id]) shared[holder] += by * worth[id];
      }
    }
  };
  let next = 0;
  while (next >= 0) {
    placed[next] = 1;
    order.push(next);
    window.push(next);
    change(next, 1);
    if (window.length > w) change(window.shift(), -1);
    next = -1;
    let score = -1;
    for (let index = 0; index < bodies.length; index += 1) {
      if (!placed[index] && shared[index] * weight[index] > score) {
        score = shared[index] * weight[index];
        next = index;
      }
    }
  }
  return order;
}

/** `wasm` with its defined functions in `order` (indices into its code section), renumbered by
 * binaryen: a name section gives each its rank, binaryen sorts by name and drops the names. */
function reordered(wasm, imported, order) {
  const names = [];
  order.forEach((index, rank) => {
    names[imported + index] = `o${String(rank).padStart(7, '0')}`;
  });
  const module = moduleOf(withNames(wasm, names));
  module.runPasses(['reorder-functions-by-name']);
  if (!module.validate()) {
    console.error(`${file} does not validate with its functions reordered`);
    process.exit(1);
  }
  const bytes = module.emitBinary();
  module.dispose();
  return Buffer.from(bytes);
}

/** `wasm` with a name section naming function `i` `names[i]` (where given), in place of any it
 * had (a release build has none; its names would be dropped on writing anyway). */
function withNames(wasm, names) {
  const entries = [];
  names.forEach((name, index) => {
    if (name !== undefined) entries.push(uleb(index), uleb(name.length), Buffer.from(name, 'latin1'));
  });
  const count = names.filter((name) => name !== undefined).length;
  const functionNames = Buffer.concat([uleb(count), ...entries]);
  const payload = Buffer.concat([uleb(4), Buffer.from('name'), Buffer.from([1]), uleb(functionNames.length), functionNames]);
  const kept = [wasm.subarray(0, 8)];
  for (const { id, start, end } of sections(wasm)) {
    const [length, at] = leb(wasm, start);
    const isNames = id === 0 && wasm.subarray(at, at + length).toString('latin1') === 'name';
    if (!isNames) kept.push(Buffer.from([id]), uleb(end - start), wasm.subarray(start, end));
  }
  return Buffer.concat([...kept, Buffer.from([0]), uleb(payload.length), payload]);
}

function uleb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    bytes.push(byte);
  } while (value > 0);
  return Buffer.from(bytes);
}
