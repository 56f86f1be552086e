// Receipt page loader: starts the hashed receipt bundle. An external module (not an inline
// script) so the page runs under a strict Content-Security-Policy.
const asset = (path) => new URL(path, import.meta.url).href;

// The Wasm download starts together with the JS glue's, not after it (one round trip less).
const wasm = fetch(asset('%%receipt.wasm%%'));
wasm.catch(() => {}); // a failure surfaces through the glue below
import(asset('%%receipt.glue.js%%'))
  .then((glue) => glue.default({ module_or_path: wasm }))
  .catch((error) => {
    console.error('The receipt page could not start:', error);
    document.getElementById('receipt-loading')?.removeAttribute('hidden');
  })
  .finally(() => document.getElementById('receipt-starting')?.remove());
