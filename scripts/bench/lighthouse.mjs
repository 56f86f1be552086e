// Lighthouse (mobile preset: Moto G Power, slow 4G, 4x CPU) on comparable pages served gzipped
// from loopback, as a CDN would: our widget, and a SurveyJS survey asking the same question (five
// answers and a comment, POSTed to the same receiver), alternating run by run; and, in the same
// runs, a portal's page loading the widget from another origin (a CDN) and the demo page.
// Medians and ranges over RUNS runs.
//   node scripts/bench/lighthouse.mjs LIGHTHOUSE_DIR SURVEYJS_DIR [RUNS=3]
// LIGHTHOUSE_DIR and SURVEYJS_DIR are folders where npm installed `lighthouse` and
// `survey-core` + `survey-js-ui` (./bench installs them in its scratch folder).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, startWidgetPage } from '../servers.mjs';
import { CHROMIUM } from '../../tests/e2e/support/browser.mjs';
import { median } from './stats.mjs';

const [lighthouseDir, surveyDir, runsArg] = process.argv.slice(2);
if (!lighthouseDir || !surveyDir) {
  console.error('usage: lighthouse.mjs LIGHTHOUSE_DIR SURVEYJS_DIR [RUNS]');
  process.exit(2);
}
const RUNS = Number(runsArg ?? 3);
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

// Our page: the widget alone, as a portal would embed it.
const ours = await startWidgetPage({
  root: DIST,
  path: '/lighthouse.html',
  attributes: 'endpoint="/v1/ratings" services="transport" lang="en"',
  compress: true,
});
const receiver = ours.receiver;
// A portal's own page with the widget's files on another origin, as from a CDN.
const cdn = await startServer({ root: DIST, compress: true });
const portal = await startWidgetPage({
  root: DIST,
  path: '/portal.html',
  attributes: 'endpoint="/v1/ratings" services="transport" lang="en"',
  compress: true,
  bundleOrigin: cdn.url,
});
// The demo portal page that ./run shows first (`/`).
const demo = await startServer({ root: DIST, compress: true, routes: { '/v1/ratings': receiver.handle } });

// The SurveyJS page: the same question and answers, a comment, and a POST on completion.
const survey = mkdtempSync(join(tmpdir(), 'civic-surveyjs-'));
copyFileSync(join(surveyDir, 'node_modules/survey-core/survey.core.min.js'), join(survey, 'survey.core.min.js'));
copyFileSync(join(surveyDir, 'node_modules/survey-js-ui/survey-js-ui.min.js'), join(survey, 'survey-js-ui.min.js'));
copyFileSync(join(surveyDir, 'node_modules/survey-core/survey-core.min.css'), join(survey, 'survey-core.min.css'));
writeFileSync(join(survey, 'app.js'), `
const survey = new Survey.Model({ elements: [
  { type: 'radiogroup', name: 'score', title: 'How satisfied are you with this service?', isRequired: true,
    choices: [{ value: 5, text: 'Very satisfied' }, { value: 4, text: 'Satisfied' }, { value: 3, text: 'Basically satisfied' },
      { value: 2, text: 'Dissatisfied' }, { value: 1, text: 'Very dissatisfied' }] },
  { type: 'comment', name: 'comment', title: 'Anything else you want to tell us? (optional)' },
] });
survey.onComplete.add((sender) => fetch('/v1/ratings', { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ ...sender.data, service: 'transport' }) }));
survey.render(document.getElementById('survey'));
`);
writeFileSync(join(survey, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Rate a service</title>
  <link rel="stylesheet" href="survey-core.min.css"></head><body><main><h1>Rate a service</h1><div id="survey"></div></main>
  <script src="survey.core.min.js"></script><script src="survey-js-ui.min.js"></script><script src="app.js"></script></body></html>`);
const theirs = await startServer({ root: survey, compress: true, routes: { '/v1/ratings': receiver.handle } });

const METRICS = {
  performance: (r) => Math.round(r.categories.performance.score * 100),
  accessibility: (r) => Math.round(r.categories.accessibility.score * 100),
  'best practices': (r) => Math.round(r.categories['best-practices'].score * 100),
  'first contentful paint (ms)': (r) => Math.round(r.audits['first-contentful-paint'].numericValue),
  'largest contentful paint (ms)': (r) => Math.round(r.audits['largest-contentful-paint'].numericValue),
  'time to interactive (ms)': (r) => Math.round(r.audits.interactive.numericValue),
  'total blocking time (ms)': (r) => Math.round(r.audits['total-blocking-time'].numericValue),
  'bytes transferred (KB)': (r) => Math.round(r.audits['total-byte-weight'].numericValue / 100) / 10,
};
const execute = promisify(execFile);
const range = (xs) => `${Math.min(...xs)}–${Math.max(...xs)}`;

const results = {};
const failedAudits = {};
const pages = [['CivicPulse widget', ours.url], ['SurveyJS', `${theirs.url}/index.html`],
  ['CivicPulse widget from a CDN origin', portal.url], ['CivicPulse demo page', `${demo.url}/`]];
for (const [name] of pages) results[name] = Object.fromEntries(Object.keys(METRICS).map((metric) => [metric, []]));
// Alternating the two pages run by run, so a noisy moment on this shared machine hits both.
for (let run = 0; run < RUNS; run += 1) {
  for (const [name, url] of pages) {
    const out = join(survey, `report-${run}.json`);
    // Asynchronously: the servers answering Lighthouse's browser run in this same process.
    await execute(join(lighthouseDir, 'node_modules/.bin/lighthouse'), [url, '--quiet', '--output=json', `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking'],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 300_000 });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    for (const [metric, read] of Object.entries(METRICS)) results[name][metric].push(read(report));
    failedAudits[name] = report.categories.accessibility.auditRefs.filter((ref) => report.audits[ref.id].score === 0).map((ref) => ref.id);
  }
}

const names = Object.keys(results);
console.log(`| Lighthouse ${RUNS} runs, median (range) | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---').join('|')}|`);
for (const metric of Object.keys(METRICS)) {
  console.log(`| ${metric} | ${names.map((name) => `${median(results[name][metric])} (${range(results[name][metric])})`).join(' | ')} |`);
}
for (const name of names) {
  if (failedAudits[name].length) console.log(`${name}: failed accessibility audits in the last run: ${failedAudits[name].join(', ')}`);
}
await ours.server.close();
await theirs.close();
await portal.server.close();
await cdn.close();
await demo.close();
