// Time from importing a full smart-2021 assessment (all 52 indicators, some of weak quality, with
// notes) until its results are on screen: the file input's change event to the first frame
// after the overall index shows the file's result (by then the Monte Carlo interval, charts and
// gap list have been recomputed in the same turn). Headless Chromium with the mobile preset's 4x
// CPU throttling, a fresh context per run. Prints each run and the median.
//   node scripts/bench/selfcheck-results.mjs [RUNS=10]
import { fileURLToPath } from 'node:url';
import { startServer } from '../servers.mjs';
import { launchChromium } from '../../tests/e2e/support/browser.mjs';
import { medianWithSpread } from './stats.mjs';

const RUNS = Number(process.argv[2] ?? 10);
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const framework = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('../../crates/core/frameworks/smart-2021.json', import.meta.url), 'utf8'));
const codes = [];
const walk = (node) => (node.children?.length ? node.children.forEach(walk) : codes.push(node.code));
framework.nodes.forEach(walk);
const inputs = Object.fromEntries(codes.map((code, i) => [code, {
  level: (i * 7) % 5,
  ...(i % 4 === 0 ? { quality: 'estimated' } : { quality: 'measured' }),
  note: `Department report ${i}, 2026`,
}]));
const assessment = { schema: 'civic-pulse.assessment.v1', framework: { id: framework.id, version: framework.version }, city: 'Benchmark city', year: 2026, inputs };
const file = { name: 'full.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(assessment)) };

const server = await startServer({ root: DIST });
const browser = await launchChromium();
const open = async () => {
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.url}/selfcheck.html`);
  await page.getByTestId('overall-index').waitFor();
  return { context, page };
};
// The index this file should show, read once without throttling.
const probe = await open();
await probe.page.getByLabel('Open an assessment file').setInputFiles(file);
await probe.page.getByText(/^Assessment opened\./).waitFor();
const expected = await probe.page.getByTestId('overall-index').innerText();
await probe.context.close();

const times = [];
for (let run = 0; run < RUNS; run += 1) {
  const { context, page } = await open();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate((want) => {
    window.resultsIn = new Promise((resolve) => {
      let start;
      document.addEventListener('change', (event) => { if (event.target.type === 'file') start = performance.now(); }, true);
      const index = document.querySelector('[data-testid=overall-index]');
      new MutationObserver(() => {
        if (start !== undefined && index.textContent === want) requestAnimationFrame(() => resolve(performance.now() - start));
      }).observe(index, { childList: true, subtree: true, characterData: true });
    });
  }, expected);
  await page.getByLabel('Open an assessment file').setInputFiles(file);
  const ms = await page.evaluate(() => window.resultsIn);
  times.push(ms);
  console.log(`run ${run + 1}: ${ms.toFixed(0)} ms`);
  await context.close();
}
console.log(`import of a full smart-2021 assessment → results on screen (index ${expected}), 4x CPU throttling, ${RUNS} runs: ${medianWithSpread(times)}`);
await browser.close();
await server.close();
