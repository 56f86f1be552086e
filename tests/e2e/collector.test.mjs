// The widget against the reference collector: the real binary, its real SQLite file, serving the
// real release build, as ./run starts it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resilientBrowser } from './support/browser.mjs';
import { DIST } from './support/fixture.mjs';

const BINARY = process.env.COLLECTOR_BIN
  ?? fileURLToPath(new URL('../../target/debug/civic-pulse-collector', import.meta.url));

function startCollector() {
  const child = spawn(BINARY, [], {
    env: {
      ...process.env,
      CIVIC_PULSE_LISTEN: '127.0.0.1:0',
      CIVIC_PULSE_DATABASE: join(mkdtempSync(join(tmpdir(), 'civic-pulse-e2e-')), 'ratings.sqlite3'),
      CIVIC_PULSE_DIST: DIST,
      CIVIC_PULSE_MIN_CELL: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk) => {
      const match = /http:\/\/([0-9.:]+)\//.exec(chunk.toString());
      if (match) resolve({ child, url: `http://${match[1]}` });
      else reject(new Error(`unexpected first line: ${chunk}`));
    });
  });
}

describe('widget and reference collector', () => {
  let collector;
  let browser;
  before(async () => {
    collector = await startCollector();
    browser = await resilientBrowser();
  });
  after(async () => {
    await browser?.close();
    collector?.child.kill();
  });

  test('a rating sent from the demo page is stored and counted', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${collector.url}/`);
    await page.getByRole('button', { name: 'Social security' }).click();
    await page.getByText('Basically satisfied').click();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you. Your rating was sent.').waitFor();
    const summary = await (await fetch(`${collector.url}/v1/summary?service=social-security`)).json();
    assert.deepEqual(summary.services[0].scores, [0, 0, 1, 0, 0]);
    assert.equal(summary.services[0].satisfaction, 50);
    await context.close();
  });
});
