// Delivery benchmark: 100 ratings queued through the real widget while the browser is offline,
// then the time from coming back online until every one is at the receiver (and the widget says
// so). Against our scriptable receiver and npm's json-server, both on loopback, in headless
// Chromium. Prints one line per receiver and run, then medians. Usage:
//   node scripts/bench/delivery.mjs [RATINGS=100] [RUNS=3]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createReceiver, freePort, startServer, until } from '../servers.mjs';
import { launchChromium } from '../../tests/e2e/support/browser.mjs';
import { median, medianWithSpread } from './stats.mjs';

const RATINGS = Number(process.argv[2] ?? 100);
const RUNS = Number(process.argv[3] ?? 3);
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

const own = createReceiver();
const ownServer = await startServer({ root: DIST, routes: { '/ratings': own.handle } });
const dbDir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
const jsonPort = await freePort();
writeFileSync(join(dbDir, 'db.json'), JSON.stringify({ ratings: [] }));
const jsonServer = spawn(fileURLToPath(new URL('../../node_modules/.bin/json-server', import.meta.url)),
  ['--host', '127.0.0.1', '--port', String(jsonPort), '--quiet', join(dbDir, 'db.json')], { stdio: 'ignore' });
const jsonBase = `http://127.0.0.1:${jsonPort}`;
await until(() => fetch(`${jsonBase}/ratings`).then((r) => r.ok, () => false), 'json-server to start');
const jsonHolds = async () => (await (await fetch(`${jsonBase}/ratings`)).json()).length;

let attributes = '';
const site = await startServer({
  root: DIST,
  routes: {
    '/bench.html': (_request, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Delivery bench</title>
        <script type="module" src="/embed.js"></script></head><body><main><h1>Delivery bench</h1>
        <civic-feedback ${attributes}></civic-feedback></main></body></html>`),
  },
});
const browser = await launchChromium();
const results = { 'own receiver': [], 'json-server': [] };

for (let run = 0; run < RUNS; run += 1) {
  for (const [name, endpoint, holds] of [
    ['own receiver', `${ownServer.url}/ratings`, async () => own.ratings.size],
    ['json-server', `${jsonBase}/ratings`, jsonHolds],
  ]) {
    attributes = `endpoint="${endpoint}" services="transport,healthcare" lang="en" min-seconds="0" cooldown-hours="0" queue-size="${RATINGS + 10}"`;
    const context = await browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    await tab.goto(`${site.url}/bench.html`);
    await tab.getByRole('button', { name: 'Transport' }).waitFor();
    await context.setOffline(true);
    const queueStart = Date.now();
    for (let i = 0; i < RATINGS; i += 1) {
      if (i > 0) await tab.getByRole('button', { name: 'Rate another service' }).click();
      await tab.getByRole('button', { name: i % 2 ? 'Healthcare' : 'Transport' }).click();
      await tab.getByText('Satisfied', { exact: true }).click();
      await tab.getByRole('button', { name: 'Send rating' }).click();
      await tab.getByRole('heading', { level: 3, name: /saved on this phone/ }).waitFor();
    }
    const queueMs = Date.now() - queueStart;
    await tab.getByText(`Ratings waiting on this phone to be sent: ${RATINGS}`).waitFor();
    const before = await holds();
    const online = Date.now();
    await context.setOffline(false);
    await until(async () => (await holds()) - before >= RATINGS, 'every rating at the receiver', 120_000);
    const receivedMs = Date.now() - online;
    await tab.getByText('All ratings waiting on this phone have been sent.').waitFor({ timeout: 120_000 });
    const emptyMs = Date.now() - online;
    results[name].push({ receivedMs, emptyMs, queueMs });
    console.log(`${name} run ${run + 1}: queued ${RATINGS} in ${queueMs} ms through the UI; online → all at receiver ${receivedMs} ms, → widget says all sent ${emptyMs} ms`);
    await context.close();
  }
}

for (const [name, runs] of Object.entries(results)) {
  const r = runs.map((x) => x.receivedMs);
  const e = runs.map((x) => x.emptyMs);
  console.log(`${name}: ${RATINGS} queued ratings, online → queue empty: ${medianWithSpread(e)}; at receiver: median ${median(r)} ms, over ${runs.length} runs`);
}
await browser.close();
await site.close();
await ownServer.close();
jsonServer.kill();
