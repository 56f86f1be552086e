// Time from embed.js starting to load until the widget is interactive (its civic-feedback:ready
// event), in headless Chromium with the mobile CPU throttling of Lighthouse's preset (4x), on a
// loopback server as is and with slow 4G emulated, a fresh browser context (cold cache) per run.
// Prints each run and the medians.
//   node scripts/bench/interactive.mjs [RUNS=10]
import { fileURLToPath } from 'node:url';
import { startWidgetPage } from '../servers.mjs';
import { launchChromium } from '../../tests/e2e/support/browser.mjs';
import { medianWithSpread } from './stats.mjs';

const RUNS = Number(process.argv[2] ?? 10);
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
// Served gzipped, as a portal's server or CDN would.
const { server, url } = await startWidgetPage({ root: DIST, path: '/bench-interactive.html', attributes: 'endpoint="/v1/ratings" lang="en"', compress: true });
const browser = await launchChromium();
// Slow 4G as Lighthouse's mobile preset models it: 150 ms round trips, 1.6 Mbit/s down.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function measure(label, network) {
  const times = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await tab.addInitScript(() => {
      document.addEventListener('civic-feedback:ready', () => { window.readyAt = performance.now(); }, { once: true });
    });
    await tab.goto(url);
    await tab.waitForFunction(() => window.readyAt !== undefined, null, { timeout: 60_000 });
    const ms = await tab.evaluate(() => {
      const loader = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/embed.js'));
      return window.readyAt - loader.startTime;
    });
    times.push(ms);
    console.log(`${label} run ${run + 1}: ${ms.toFixed(0)} ms`);
    await context.close();
  }
  return `embed.js start → widget interactive, 4x CPU throttling, ${label}, ${RUNS} runs: ${medianWithSpread(times)}`;
}

const summaries = [await measure('loopback', null), await measure('emulated slow 4G (150 ms RTT, 1.6 Mbit/s)', SLOW_4G)];
console.log(summaries.join('\n'));
await browser.close();
await server.close();
