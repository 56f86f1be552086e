// The staff console rendering an inbox page of 50 bad reviews, in headless Chromium with 4x CPU
// throttling (Lighthouse's mobile preset): from the inbox answer's last byte until the frame that
// shows the page's 50th case is painted, for the first page and for the next one ("Show more").
// The rest of the console (trends, exports) comes once the first page is painted, so it is not
// counted. The real collector (release build, SQLite) serves the page and the API on loopback.
// Prints each run and the median.
//   node scripts/bench/staff-inbox.mjs [RUNS=5]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../tests/e2e/support/browser.mjs';
import { medianWithSpread } from './stats.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'bench-staff-token-0123456789';

const collector = spawn(join(ROOT, 'target/release/civic-pulse-collector'), [], {
  env: {
    ...process.env,
    CIVIC_PULSE_LISTEN: '127.0.0.1:0',
    CIVIC_PULSE_DATABASE: join(mkdtempSync(join(tmpdir(), 'civic-pulse-bench-staff-')), 'ratings.sqlite3'),
    CIVIC_PULSE_DIST: join(ROOT, 'dist'),
    CIVIC_PULSE_STAFF_TOKEN: TOKEN,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
// Also when this script fails: a collector left running holds ./bench's pipe open, and ./bench
// waits. (On success it is stopped at the end: its pipe alone keeps this script from exiting.)
process.on('exit', () => collector.kill());
const url = await new Promise((resolve, reject) => {
  collector.once('error', reject);
  collector.stdout.once('data', (chunk) => resolve(/http:\/\/[0-9.:]+/.exec(chunk.toString())[0]));
});

// 100 bad reviews with comments and chips, over the last weeks: two full pages.
const day = (n) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const ratings = Array.from({ length: 100 }, (_, n) => ({
  schema: 'civic-pulse.rating.v1', id: `9b2e4c6a-1d3f-4a5b-8c7d-${String(n).padStart(12, '0')}`,
  service: ['transport', 'healthcare', 'education'][n % 3], scale: 'good-bad-5', score: 1 + (n % 2),
  aspects: ['too-slow', 'staff-attitude'], comment: `Waited at the counter for a long time (${n}).`, lang: 'en', day: day(n % 20),
}));
const stored = await fetch(`${url}/v1/ratings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ratings) });
if (stored.status !== 201) throw new Error(`seeding answered ${stored.status}`);

const browser = await launchChromium();
/** Milliseconds from the `nth` inbox answer's last byte until `count` cases are painted. */
async function pageRendered(tab, count, nth, act) {
  await tab.evaluate((count) => {
    window.paintedAt = undefined;
    new MutationObserver((_, observer) => {
      if (document.querySelectorAll('.st-case').length >= count) {
        // A task queued from the next frame's callbacks runs once that frame is painted.
        requestAnimationFrame(() => setTimeout(() => { window.paintedAt = performance.now(); }));
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  }, count);
  await act();
  await tab.waitForFunction(() => window.paintedAt !== undefined, null, { timeout: 60_000 });
  return tab.evaluate((nth) => {
    const answers = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/v1/staff/inbox'));
    return window.paintedAt - answers[nth].responseEnd;
  }, nth);
}

const first = [];
const next = [];
for (let run = 0; run < RUNS; run += 1) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const tab = await context.newPage();
  await tab.goto(`${url}/staff.html`);
  await tab.getByLabel('Staff token').waitFor();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await tab.getByLabel('Staff token').fill(TOKEN);
  // Playwright evaluates its own helper script in the page the first time `waitForFunction`
  // runs there: 25-40 ms of main-thread work under 4x throttling that, left for the measured
  // window, landed between the inbox's frame and the timer that records it (seen in a Chromium
  // trace). Run it once before the clock starts, so only the console's own work is counted.
  await tab.waitForFunction(() => true);
  first.push(await pageRendered(tab, 50, 0, () => tab.getByRole('button', { name: 'Open' }).click()));
  next.push(await pageRendered(tab, 100, 1, () => tab.getByRole('button', { name: 'Show more' }).click()));
  console.log(`run ${run + 1}: first page ${first.at(-1).toFixed(0)} ms, next page ${next.at(-1).toFixed(0)} ms`);
  await context.close();
}
console.log(`staff inbox, the first page of 50, 4x CPU throttling, ${RUNS} runs: ${medianWithSpread(first)}`);
console.log(`staff inbox, the next page of 50 ("Show more"), 4x CPU throttling, ${RUNS} runs: ${medianWithSpread(next)}`);
await browser.close();
collector.kill();
