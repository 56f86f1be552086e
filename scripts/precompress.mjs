// Writes FILE.br (brotli, quality 11) and FILE.gz (gzip, level 9) beside every text and Wasm
// file under the given folder, once at build time. The collector serves them to browsers that
// accept them (tower-http's precompressed ServeDir), so a phone downloads the widget at its
// smallest size without the server compressing on every request.
//   node scripts/precompress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(wasm|js|css|html|svg|json|txt)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/precompress.mjs <folder>');
  process.exit(2);
}
let count = 0;
for (const path of files(root)) {
  const raw = readFileSync(path);
  const mode = path.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT;
  writeFileSync(`${path}.br`, brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: mode,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }));
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
  count += 1;
}
console.log(`precompressed ${count} files under ${root} (.br and .gz)`);
