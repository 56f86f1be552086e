// Self-check loader: starts the hashed self-check bundle, and registers the service worker that
// keeps the self-check usable offline. An external module (not an inline script) so the page
// runs under a strict Content-Security-Policy.
const asset = (path) => new URL(path, import.meta.url).href;

if ('serviceWorker' in navigator) {
  // Scoped to the self-check page only: the demo portal and the widget are never intercepted.
  navigator.serviceWorker
    .register(asset('selfcheck-sw.js'), { scope: asset('selfcheck') })
    .catch((error) => console.warn('The self-check will not work offline:', error));
}

// The Wasm download starts together with the JS glue's, not after it (one round trip less).
const wasm = fetch(asset('%%selfcheck.wasm%%'));
wasm.catch(() => {}); // a failure surfaces through the glue below
// The page says it is loading until the app has mounted (the bundle is large on a slow line).
import(asset('%%selfcheck.js%%'))
  .then((glue) => glue.default({ module_or_path: wasm }))
  .catch((error) => {
    console.error('The self-check could not start:', error);
    document.getElementById('selfcheck-loading')?.removeAttribute('hidden');
  })
  .finally(() => document.getElementById('selfcheck-starting')?.remove());
