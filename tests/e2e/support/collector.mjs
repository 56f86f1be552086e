// The reference collector for end-to-end tests: the real binary, its real SQLite file, serving
// the real release build, as ./run starts it, with the suite's tokens and departments.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './fixture.mjs';

const BINARY = process.env.COLLECTOR_BIN
  ?? fileURLToPath(new URL('../../../target/debug/civic-pulse-collector', import.meta.url));

export const STAFF_TOKEN = 'e2e-staff-token-0123456789';
export const EDUCATION_TOKEN = 'e2e-education-bureau-token';
export const HEALTH_TOKEN = 'e2e-health-commission-token';

/** The city's departments file: education and healthcare each answered by their own office. */
function departmentsFile() {
  const path = join(mkdtempSync(join(tmpdir(), 'civic-pulse-e2e-departments-')), 'departments.json');
  writeFileSync(path, JSON.stringify({ departments: [
    { id: 'education-bureau', names: { 'zh-Hans': '教育局', 'zh-Hant': '教育局', en: 'Education Bureau' },
      services: ['education'], token: EDUCATION_TOKEN },
    { id: 'health-commission', names: { 'zh-Hans': '卫生健康委员会', 'zh-Hant': '衞生健康委員會', en: 'Health Commission' },
      services: ['healthcare'], token: HEALTH_TOKEN },
  ] }));
  return path;
}

/** The collector with the suite's settings, changed by `settings` (`null` leaves one unset). */
export function startCollector(settings = {}) {
  const env = {
    ...process.env,
    CIVIC_PULSE_LISTEN: '127.0.0.1:0',
    CIVIC_PULSE_DATABASE: join(mkdtempSync(join(tmpdir(), 'civic-pulse-e2e-')), 'ratings.sqlite3'),
    CIVIC_PULSE_DIST: DIST,
    CIVIC_PULSE_MIN_CELL: '1',
    CIVIC_PULSE_STAFF_TOKEN: STAFF_TOKEN,
    CIVIC_PULSE_HOTLINE: '12345',
    CIVIC_PULSE_DEPARTMENTS: departmentsFile(),
    ...settings,
  };
  for (const [name, value] of Object.entries(env)) if (value === null) delete env[name];
  const child = spawn(BINARY, [], {
    env,
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

/** Stores `ratings` (the wire format's objects) through the public API, as any client may. */
export async function postRatings(collector, ratings) {
  const stored = await fetch(`${collector.url}/v1/ratings`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ratings),
  });
  if (stored.status !== 201) throw new Error(`the collector answered ${stored.status}: ${await stored.text()}`);
  return stored.json();
}

/** The staff inbox's first page for `query` (the API's parameters), with the city's token. */
export async function staffInbox(collector, query) {
  const answer = await fetch(`${collector.url}/v1/staff/inbox?${query}`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
  if (!answer.ok) throw new Error(`the collector answered ${answer.status}: ${await answer.text()}`);
  return answer.json();
}

/** A staff change to one case through the API (`status`, `reply`), with the city's token. */
export async function staffUpdate(collector, code, change) {
  const answer = await fetch(`${collector.url}/v1/staff/receipts/${code}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${STAFF_TOKEN}` },
    body: JSON.stringify(change),
  });
  if (!answer.ok) throw new Error(`the collector answered ${answer.status}: ${await answer.text()}`);
}
