// Raw, gzip (level 9) and brotli (quality 11) bytes of a set of files, computed with Node's
// zlib. One JSON line by default (for ./bench), or a table per file with --table (size-report):
//   node scripts/bench/transfer.mjs [--table] LABEL FILE...
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const table = args[0] === '--table';
const [label, ...files] = table ? args.slice(1) : args;
const total = { label, files: files.length, raw: 0, gzip: 0, brotli: 0 };
const rows = [];
for (const file of files) {
  const body = readFileSync(file);
  const row = {
    file,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  rows.push(row);
  for (const key of ['raw', 'gzip', 'brotli']) total[key] += row[key];
}
if (table) {
  const line = (name, r) => console.log(`  ${name.padEnd(44)} ${String(r.raw).padStart(10)} ${String(r.gzip).padStart(10)} ${String(r.brotli).padStart(10)}`);
  console.log(`\n${label}`);
  console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const row of rows) line(row.file.replace(/^dist\//, ''), row);
  line('total', total);
  console.log(`  (${(total.gzip / 1000).toFixed(1)} KB gzip, ${(total.brotli / 1000).toFixed(1)} KB brotli)`);
} else {
  console.log(JSON.stringify(total));
}
