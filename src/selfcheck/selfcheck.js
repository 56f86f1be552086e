// Self-check loader: starts the hashed self-check bundle. An external module (not an inline
// script) so the page runs under a strict Content-Security-Policy.
const asset = (path) => new URL(path, import.meta.url).href;

import(asset('%%selfcheck.js%%'))
  .then((glue) => glue.default({ module_or_path: asset('%%selfcheck.wasm%%') }))
  .catch((error) => {
    console.error('The self-check could not start:', error);
    document.getElementById('selfcheck-loading')?.removeAttribute('hidden');
  });
