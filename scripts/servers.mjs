// Small real HTTP servers on loopback for the end-to-end tests: a static server for dist/ and a
// generic rating receiver that records every request it sees (what the browser really sent).
// ./run serves the demo with the reference collector (crates/collector) instead.
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** The facts the Rust side states once (crates/core/src/web_contract.rs), as scripts/build-web
 * wrote them beside the bundle it built. */
export const CONTRACT = JSON.parse(readFileSync(new URL('../target/web/contract.json', import.meta.url), 'utf8'));

/** The policy the strict-CSP demo page is served with, as the collector serves it. */
export const STRICT_CSP = CONTRACT['strict-csp'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

// What a CDN hosting the bundle must send: modules and Wasm are fetched with CORS.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Max-Age': '600',
  // Without it a page cannot read Retry-After from another origin's answer.
  'Access-Control-Expose-Headers': 'Retry-After',
};

/** CORS answer to a preflight: any origin, and whatever headers the widget asks to send (a portal
 * may configure an API key header). Credentials are never allowed: the widget sends none. */
function preflight(request) {
  return { ...CORS, 'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? CORS['Access-Control-Allow-Headers'] };
}

/**
 * A rating receiver: 201 for a new id, 200 for a repeated one, 400 for anything not JSON.
 * Tests can script its next answers with `behave(kind, options)`: 'ok', 'status' (answer
 * `status` with an optional `retryAfter`), 'hang' (read the rating, never answer) or 'drop'
 * (read the rating, then cut the connection); `times` limits the behaviour to that many
 * requests before 'ok' returns.
 */
export function createReceiver() {
  const ratings = new Map();
  const requests = [];
  const hanging = new Set();
  // Ids that arrived again after they were stored: harmless thanks to the idempotency key, but
  // each one is a duplicate delivery the sender could have avoided.
  const repeats = [];
  let behaviour = { kind: 'ok', times: Infinity };
  async function handle(request, response) {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, preflight(request)).end();
      return;
    }
    if (request.method !== 'POST') {
      response.writeHead(405, { ...CORS, Allow: 'POST, OPTIONS' }).end();
      return;
    }
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    requests.push({ headers: request.headers, body: text, at: Date.now() });
    const now = behaviour;
    if (now.kind !== 'ok') {
      now.times -= 1;
      if (now.times <= 0) behaviour = { kind: 'ok', times: Infinity };
      if (now.kind === 'hang') {
        hanging.add(response);
        return;
      }
      if (now.kind === 'drop') {
        request.socket.destroy();
        return;
      }
      const headers = { ...CORS, 'Content-Type': 'application/json' };
      if (now.retryAfter !== undefined) headers['Retry-After'] = String(now.retryAfter);
      response.writeHead(now.status, headers).end('{}');
      return;
    }
    let rating;
    try {
      rating = JSON.parse(text);
    } catch {
      response.writeHead(400, { ...CORS, 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ problems: [{ field: '', message: 'body is not JSON' }] }));
      return;
    }
    if (typeof rating?.id !== 'string' || request.headers['idempotency-key'] !== rating.id) {
      response.writeHead(400, { ...CORS, 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ problems: [{ field: 'id', message: 'id missing or not equal to Idempotency-Key' }] }));
      return;
    }
    const repeated = ratings.has(rating.id);
    if (repeated) repeats.push(rating.id);
    else ratings.set(rating.id, rating);
    response.writeHead(repeated ? 200 : 201, { ...CORS, 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ id: rating.id }));
  }
  function behave(kind, { status, retryAfter, times = Infinity } = {}) {
    behaviour = { kind, status, retryAfter, times };
  }
  /** How many requests carried each rating id (the wire, not the store: duplicates show here). */
  function attemptsById() {
    const counts = new Map();
    for (const { headers } of requests) {
      const id = headers['idempotency-key'];
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }
  /** Ends requests left hanging, so a server can close. */
  function release() {
    for (const response of hanging) response.destroy();
    hanging.clear();
  }
  return { handle, ratings, requests, repeats, behave, attemptsById, release };
}

/**
 * Serves `root` on host:port; `routes` maps a path to a handler that takes precedence.
 * Hashed files under assets/ are immutable; everything else is revalidated. `compress` gzips
 * what the browser accepts gzipped, as a CDN would (for page-load benchmarks).
 */
export async function startServer({ root, host = '127.0.0.1', port = 0, routes = {}, compress = false }) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (routes[path]) return routes[path](request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const gzip = compress && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      if (gzip) body = gzipSync(body, { level: 9 });
      response.writeHead(200, {
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        ...CORS,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': CONTRACT['cache-control'][path.startsWith('/assets/') ? 'hashed-asset' : 'page'],
        'X-Content-Type-Options': 'nosniff',
        ...(path === '/strict-csp.html' ? { 'Content-Security-Policy': STRICT_CSP } : {}),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ready, fail) => server.once('error', fail).listen(port, host, ready));
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

/** A loopback port free at the moment of asking (for a server that must restart on it). */
export async function freePort() {
  const probe = createNetServer();
  await new Promise((ready) => probe.listen(0, '127.0.0.1', ready));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  return port;
}

/** Polls `check` until it returns something truthy, which it returns; throws after `ms`. */
export async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Serves `root` with a rating receiver at /v1/ratings and, at `path`, a page holding one
 * <civic-feedback> with `attributes` (for the browser benchmarks). With `bundleOrigin`, the page
 * loads embed.js from that origin, as a portal loads it from a CDN.
 */
export async function startWidgetPage({ root, path, attributes, compress = false, bundleOrigin = '' }) {
  const receiver = createReceiver();
  const server = await startServer({
    root,
    compress,
    routes: {
      '/v1/ratings': receiver.handle,
      [path]: (_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1"><title>Rate a service</title>
          <link rel="icon" href="/favicon.svg" type="image/svg+xml">
          <script type="module" src="${bundleOrigin}/embed.js"></script></head><body><main><h1>Rate a service</h1>
          <civic-feedback ${attributes}></civic-feedback></main></body></html>`),
    },
  });
  return { server, receiver, url: `${server.url}${path}` };
}
