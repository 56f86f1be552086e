// Registers the service worker that keeps the self-check usable offline. An external module
// (not an inline script) so the page runs under a strict Content-Security-Policy.
if ('serviceWorker' in navigator) {
  // Scoped to the self-check page only: the demo portal and the widget are never intercepted.
  navigator.serviceWorker
    .register(new URL('selfcheck-sw.js', import.meta.url), { scope: new URL('selfcheck', import.meta.url) })
    .catch((error) => console.warn('The self-check will not work offline:', error));
}
