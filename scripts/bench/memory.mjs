// Memory of the feedback widget in headless Chromium: JS heap (after a forced garbage collection)
// and the Wasm instance's linear memory, after load and after RATINGS ratings sent through the
// widget to a receiver on loopback. Linear memory never shrinks, so its growth shows the
// widget's peak; a heap that keeps growing with ratings would show a leak.
//   node scripts/bench/memory.mjs [RATINGS=100]
import { fileURLToPath } from 'node:url';
import { startWidgetPage } from '../servers.mjs';
import { launchChromium } from '../../tests/e2e/support/browser.mjs';

const RATINGS = Number(process.argv[2] ?? 100);
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const { server, receiver, url } = await startWidgetPage({
  root: DIST,
  path: '/memory.html',
  attributes: 'endpoint="/v1/ratings" services="transport,healthcare" lang="en" min-seconds="0" cooldown-hours="0"',
});
const browser = await launchChromium();
const context = await browser.newContext({ locale: 'en-US' });
const tab = await context.newPage();
const cdp = await context.newCDPSession(tab);
await cdp.send('Performance.enable');
await tab.goto(url);
await tab.getByRole('button', { name: 'Transport' }).waitFor();

async function measure() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  // The glue module is the one embed.js loaded (same URL, same instance); initialising it again
  // returns the existing instance's exports, memory among them.
  const wasm = await tab.evaluate(async () => {
    const glueUrl = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/assets\/feedback-[^/]+\/main\.js$/.test(n));
    const exports = await (await import(glueUrl)).default();
    return exports.memory.buffer.byteLength;
  });
  return { heap, wasm };
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
const loaded = await measure();
console.log(`after load: JS heap ${mb(loaded.heap)}, Wasm memory ${mb(loaded.wasm)}`);
for (let i = 0; i < RATINGS; i += 1) {
  if (i > 0) await tab.getByRole('button', { name: 'Rate another service' }).click();
  await tab.getByRole('button', { name: i % 2 ? 'Healthcare' : 'Transport' }).click();
  await tab.getByText('Dissatisfied', { exact: true }).click();
  await tab.getByRole('textbox', { name: /Anything else/ }).fill(`Rating ${i}: the bus was late again, call 13812345678`);
  await tab.getByRole('button', { name: 'Send rating' }).click();
  await tab.getByRole('heading', { name: 'Thank you. Your rating was sent.' }).waitFor();
}
const after = await measure();
console.log(`after ${RATINGS} ratings: JS heap ${mb(after.heap)}, Wasm memory ${mb(after.wasm)} (${receiver.ratings.size} at the receiver)`);
await browser.close();
await server.close();
