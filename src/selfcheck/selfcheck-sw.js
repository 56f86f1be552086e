// The self-check's service worker: keeps the page and its bundle on the device after the first
// visit, so an official can open and use the self-check with no network. The page itself is
// fetched network first (a new version arrives when online), the content-hashed bundle cache
// first (a hash never changes its content). The placeholders are filled by scripts/build-web,
// so each build gets its own cache and old ones are removed.
const CACHE = 'civic-pulse-selfcheck:%%selfcheck.wasm%%';
const PAGE = 'selfcheck.html';
const FILES = [
  PAGE, 'selfcheck-offline.js', '%%page-loader.js%%', '%%selfcheck.glue.js%%', '%%selfcheck.wasm%%', '%%selfcheck.css%%',
  'favicon.svg',
];
// A weak network should not keep an official waiting: after this long the saved page is used.
const NETWORK_WAIT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('civic-pulse-selfcheck:') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function pageFromNetwork(request) {
  const cache = await caches.open(CACHE);
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('slow network')), NETWORK_WAIT_MS));
  try {
    const response = await Promise.race([fetch(request), timeout]);
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  } catch {
    const saved = await cache.match(PAGE);
    if (saved) return saved;
    throw new Error('offline and the page was never saved');
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(pageFromNetwork(request));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true }).then((saved) => saved || fetch(request)));
});
