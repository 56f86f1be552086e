// Staff console loader: starts the hashed staff bundle. An external module (not an inline
// script) so the page runs under a strict Content-Security-Policy.
const asset = (path) => new URL(path, import.meta.url).href;

// The Wasm download starts together with the JS glue's, not after it (one round trip less).
const wasm = fetch(asset('%%staff.wasm%%'));
wasm.catch(() => {}); // a failure surfaces through the glue below
import(asset('%%staff.glue.js%%'))
  .then((glue) => glue.default({ module_or_path: wasm }))
  .catch((error) => {
    console.error('The staff console could not start:', error);
    document.getElementById('staff-loading')?.removeAttribute('hidden');
  })
  .finally(() => document.getElementById('staff-starting')?.remove());
