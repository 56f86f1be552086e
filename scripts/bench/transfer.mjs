// Prints raw, gzip (level 9) and brotli (quality 11) bytes of a set of files, as one JSON line:
//   node scripts/bench/transfer.mjs LABEL FILE...
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [label, ...files] = process.argv.slice(2);
const total = { label, files: files.length, raw: 0, gzip: 0, brotli: 0 };
for (const file of files) {
  const body = readFileSync(file);
  total.raw += body.length;
  total.gzip += gzipSync(body, { level: 9 }).length;
  total.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
console.log(JSON.stringify(total));
