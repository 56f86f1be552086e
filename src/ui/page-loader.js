// The one loader of the pages with a bundle of their own (the self-check, the staff console and
// the receipt lookup): starts the bundle that the page's own preload links name. The page asks
// for the bundle's glue and Wasm in its head, so on a slow line both downloads start with this
// script's, not a round trip after it. An external module (not an inline script) so the pages
// run under a strict Content-Security-Policy.
const LINES = %%js:page-lines%%;

const glue = document.querySelector('link[rel="modulepreload"]').href;
// The same URL, CORS mode and credentials as the page's preload, so this is the preloaded
// response, not a second download.
const wasm = fetch(document.querySelector('link[rel="preload"][as="fetch"]').href);
wasm.catch(() => {}); // a failure surfaces through the glue below
import(glue)
  .then((bundle) => bundle.default({ module_or_path: wasm }))
  .catch((error) => {
    console.error(`${document.title} could not start:`, error);
    document.getElementById(LINES.failed)?.removeAttribute('hidden');
  })
  .finally(() => document.getElementById(LINES.starting)?.remove());
