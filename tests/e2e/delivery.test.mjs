// Delivery: the offline-first queue against two independent real receivers on loopback, our
// scriptable one (scripts/servers.mjs: 503, hang, drop, killed and restarted) and npm's
// json-server (a generic REST server nobody here wrote, which answers a repeated id with 500).
// Each scenario asserts what the receiver finally holds: nothing lost, and against our receiver
// nothing stored twice. The totals are printed at the end for the report.
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReceiver, freePort, startServer, until } from '../../scripts/servers.mjs';
import { compile } from '../contracts/schema.mjs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, expectNoAxeViolations, retryIfBrowserDied } from './support/browser.mjs';
import { DIST, startFixture } from './support/fixture.mjs';

const test = (name, body) => nodeTest(name, retryIfBrowserDied(body));
const SCHEMA_FIELDS = ['aspects', 'channel', 'comment', 'day', 'id', 'lang', 'scale', 'schema', 'score', 'service'];
const SENT = 'Thank you. Your rating was sent.';
const SAVED = 'Thank you. Your rating is saved on this phone and will be sent when you are online.';
// Saved while online: the resident is told what is wrong with the service, not with their phone.
const SAVED_BUSY = 'Thank you. Your rating is saved on this phone. The rating service is busy. The phone will try again later.';
const SAVED_NO_ANSWER = 'Thank you. Your rating is saved on this phone. The rating service is not answering. The phone keeps trying.';
const SAVED_UNREACHABLE = 'Thank you. Your rating is saved on this phone. The rating service could not be reached. The phone keeps trying.';
const savedServerError = (status) =>
  `Thank you. Your rating is saved on this phone. The rating service answered with an error (code ${status}). The phone keeps trying.`;

/** Our receiver on its own origin (another port), so it can be killed and restarted. */
async function startOwnReceiver() {
  const receiver = createReceiver();
  const port = await freePort();
  const start = () => startServer({ root: DIST, port, routes: { '/ratings': receiver.handle } });
  let server = await start();
  return {
    receiver,
    endpoint: `${server.url}/ratings`,
    async kill() {
      receiver.release();
      await server.close();
    },
    async restart() {
      server = await start();
    },
    stop: () => server.close().catch(() => {}),
  };
}

/** npm's json-server on a fresh file; a rating's `id` is its primary key. */
async function startJsonServer() {
  const dir = mkdtempSync(join(tmpdir(), 'civic-json-server-'));
  const db = join(dir, 'db.json');
  writeFileSync(db, JSON.stringify({ ratings: [] }));
  const port = await freePort();
  const child = spawn(new URL('../../node_modules/.bin/json-server', import.meta.url).pathname,
    ['--host', '127.0.0.1', '--port', String(port), '--quiet', db], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  await until(async () => fetch(`${base}/ratings`).then((r) => r.ok, () => false), 'json-server to start');
  return {
    base,
    endpoint: `${base}/ratings`,
    holds: async () => (await (await fetch(`${base}/ratings`)).json()),
    stop: () => child.kill(),
  };
}

/**
 * A proxy in front of `target` (an origin) that drops the response to the first POST after the
 * target has stored it, as a mobile network can lose a 201 in transit. Counts the POSTs it saw.
 */
async function startDroppingProxy(target) {
  const port = await freePort();
  const proxy = { posts: 0 };
  const server = createServer(async (request, response) => {
    // A fresh connection for every request: Chromium sends a request again by itself when a
    // reused connection closes before any answer, which would hide the lost answer.
    response.setHeader('Connection', 'close');
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const headers = { ...request.headers };
    delete headers.host;
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method, headers, body: request.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await answer.arrayBuffer());
    if (request.method === 'POST') {
      proxy.posts += 1;
      if (proxy.posts === 1) {
        request.socket.destroy();
        return;
      }
    }
    response.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => !['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))));
    response.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${port}/ratings`;
  proxy.stop = () => new Promise((resolve) => server.close(resolve));
  return proxy;
}

/** Serves a page with one widget whose attributes come base64url-encoded in `?a=`. */
function widgetPage(request, response) {
  const attributes = Buffer.from(new URL(request.url, 'http://x').searchParams.get('a') ?? '', 'base64url').toString();
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head>
    <meta charset="utf-8"><title>Delivery</title><script type="module" src="/embed.js"></script></head>
    <body><main><h1>Delivery</h1><civic-feedback ${attributes}></civic-feedback></main></body></html>`);
}

describe('delivery: offline-first, never lost, never duplicated', () => {
  let fixture;
  let own;
  let jsonServer;
  const tally = { queued: new Set(), lost: 0, duplicated: 0 };

  before(async () => {
    fixture = await startFixture({ handlers: { '/t/widget.html': widgetPage } });
    own = await startOwnReceiver();
    jsonServer = await startJsonServer();
  });
  after(async () => {
    console.log(`# delivery scenarios: ${tally.queued.size} ratings, ${tally.lost} lost, ${tally.duplicated} sent again after being stored (kept once by the receiver)`);
    await fixture?.stop();
    await own?.stop();
    jsonServer?.stop();
  });

  /** A page holding one widget with `attributes`, served by the fixture's real server (a page
   * fulfilled by Playwright would count as public, and Chromium's Local Network Access rules
   * would then block its requests to a loopback receiver). */
  async function openWidget(context, attributes) {
    const url = `${fixture.url}/t/widget.html?a=${Buffer.from(attributes).toString('base64url')}`;
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.addInitScript(() => {
      window.events = [];
      for (const kind of ['sent', 'queued', 'error']) {
        document.addEventListener(`civic-feedback:${kind}`, (e) => window.events.push({ kind, ...e.detail }));
      }
    });
    await tab.goto(url);
    // The page was opened online: wait for the widget's second part (its tools and queue panel),
    // as a resident who goes offline after the page has loaded has it. Going offline sooner
    // would race its fetch, and the queue panel these tests read would never come.
    await tab.getByRole('button', { name: 'Read aloud' }).waitFor();
    return { tab, errors };
  }

  const quick = (endpoint, extra = '') =>
    `endpoint="${endpoint}" services="transport,healthcare" min-seconds="0" cooldown-hours="0" lang="en" ${extra}`;

  /** Rates `service` and returns the confirmation's heading text. */
  async function rate(tab, service = 'Transport', answer = 'Satisfied') {
    const another = tab.getByRole('button', { name: 'Rate another service' });
    if (await another.count()) await another.click();
    await tab.getByRole('button', { name: service }).click();
    await tab.getByText(answer, { exact: true }).click();
    await tab.getByRole('button', { name: 'Send rating' }).click();
    const heading = tab.getByRole('heading', { level: 3, name: /^Thank you/ });
    await heading.waitFor();
    return heading.innerText();
  }

  const queuedIds = (tab) => tab.evaluate(() => window.events.filter((e) => e.kind === 'queued').map((e) => e.id));

  /** Our receiver: every id stored, and none of them delivered again once stored. */
  function expectExactlyOnce(receiver, ids) {
    for (const id of ids) {
      tally.queued.add(id);
      if (!receiver.ratings.has(id)) tally.lost += 1;
    }
    // A rating can reach the receiver twice when a closing page's keep-alive request and the
    // next page's flush overlap (no lock spans a page that is gone); the idempotency key keeps
    // it stored once. Counted for the report; the two-tab test asserts the lock's part.
    tally.duplicated += receiver.repeats.filter((id) => ids.includes(id)).length;
    const stored = [...receiver.ratings.keys()].filter((id) => ids.includes(id));
    assert.deepEqual(stored.sort(), [...ids].sort(), 'each rating arrived');
  }

  test('online: sent at once, anonymously, with the portal\'s header and field names', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    await context.addCookies([{ name: 'session', value: 'secret', domain: '127.0.0.1', path: '/' }]);
    const { tab, errors } = await openWidget(context,
      quick(own.endpoint, `headers='{"X-Api-Key": "k-123"}' field-map='{"comment": "text"}'`));
    await tab.getByRole('button', { name: 'Transport' }).click();
    await tab.getByText('Dissatisfied', { exact: true }).click();
    await tab.getByRole('textbox', { name: /Anything else/ }).fill('Bus 12 was late');
    await tab.getByRole('button', { name: 'Send rating' }).click();
    await tab.getByRole('heading', { name: SENT }).waitFor();

    const { headers, body } = own.receiver.requests.at(-1);
    assert.equal(headers.cookie, undefined, 'no cookie, though the browser holds one for this host');
    assert.equal(headers.referer, undefined, 'no page address');
    assert.equal(headers['x-api-key'], 'k-123', 'the configured header');
    const wire = JSON.parse(body);
    assert.equal(wire.text, 'Bus 12 was late', 'comment renamed as the field map says');
    const { text, ...rest } = wire;
    const rating = { ...rest, comment: text };
    assert.ok(Object.keys(rating).every((key) => SCHEMA_FIELDS.includes(key)), `only schema fields: ${body}`);
    const validate = compile('schemas/rating.v1.schema.json');
    assert.ok(validate(rating), JSON.stringify(validate.errors));
    assert.equal(headers['idempotency-key'], rating.id);
    expectExactlyOnce(own.receiver, [rating.id]);
    assert.deepEqual(await tab.evaluate(() => window.events.map((e) => e.kind)), ['sent']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const which of ['own receiver', 'json-server']) {
    test(`offline, page closed, reopened online: everything arrives (${which})`, async () => {
      const target = which === 'json-server' ? jsonServer : own;
      const context = await fixture.browser.newContext({ locale: 'en-US' });
      const first = await openWidget(context, quick(target.endpoint));
      await first.tab.getByRole('button', { name: 'Transport' }).waitFor();
      await context.setOffline(true);
      assert.equal(await rate(first.tab, 'Transport'), SAVED);
      assert.equal(await rate(first.tab, 'Healthcare', 'Very satisfied'), SAVED);
      await first.tab.getByText('Ratings waiting on this phone to be sent: 2').waitFor();
      await expectNoAxeViolations(first.tab, 'the saved confirmation with ratings waiting');
      const ids = await queuedIds(first.tab);
      assert.equal(ids.length, 2, 'a queued event for each');
      await first.tab.close();

      await context.setOffline(false);
      const second = await openWidget(context, quick(target.endpoint));
      if (which === 'json-server') {
        const held = await until(async () => {
          const rows = await jsonServer.holds();
          return ids.every((id) => rows.some((row) => row.id === id)) && rows;
        }, 'json-server to hold both ratings');
        for (const id of ids) tally.queued.add(id);
        assert.equal(held.filter((row) => ids.includes(row.id)).length, 2, 'json-server keeps one row per id');
        // If the closing page's keep-alive request got there first, json-server answers this
        // page's resend with 500 (its reply to a repeated id), so the rating stays queued and
        // is retried with backoff: at least once, nothing lost, as the contract allows.
      } else {
        await until(() => ids.every((id) => own.receiver.ratings.has(id)), 'both ratings at the receiver');
        expectExactlyOnce(own.receiver, ids);
        // Our receiver answers a repeat with 200, so whoever sent first, the queue empties.
        await until(async () => (await second.tab.getByText(/waiting on this phone to be sent/).count()) === 0, 'no rating left waiting');
      }
      assert.deepEqual([...first.errors, ...second.errors], []);
      await context.close();
    });
  }

  test('receiver answers 503 for a while, then is healthy: sent once, after Retry-After', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const { tab } = await openWidget(context, quick(own.endpoint));
    own.receiver.behave('status', { status: 503, retryAfter: 1, times: 2 });
    assert.equal(await rate(tab), SAVED_BUSY);
    const [id] = await queuedIds(tab);
    await until(() => own.receiver.ratings.has(id), 'the retry to get through');
    const attempts = own.receiver.requests.filter((r) => r.headers['idempotency-key'] === id);
    assert.equal(attempts.length, 3, 'two refusals, one success, no tight loop');
    assert.ok(attempts[1].at - attempts[0].at >= 950, 'Retry-After: 1 was honoured');
    expectExactlyOnce(own.receiver, [id]);
    await tab.getByText('All ratings waiting on this phone have been sent.').waitFor();
    const heard = await tab.evaluate(() => window.events.map((e) => [e.kind, e.id]));
    assert.deepEqual(heard, [['queued', id], ['sent', id]], 'the host hears when a queued rating is delivered');
    await context.close();
  });

  test('a request that hangs times out and is retried; the receiver stores it once', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const { tab } = await openWidget(context, quick(own.endpoint, 'timeout-seconds="1"'));
    own.receiver.behave('hang', { times: 1 });
    assert.equal(await rate(tab), SAVED_NO_ANSWER);
    const [id] = await queuedIds(tab);
    await until(() => own.receiver.ratings.has(id), 'the retry after the timeout');
    assert.equal(own.receiver.attemptsById().get(id), 2, 'the hung attempt and one retry');
    expectExactlyOnce(own.receiver, [id]);
    own.receiver.release();
    await context.close();
  });

  test('receiver killed in the middle of a flush and restarted: nothing lost, nothing twice', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const { tab } = await openWidget(context, quick(own.endpoint));
    await tab.getByRole('button', { name: 'Transport' }).waitFor();
    await context.setOffline(true);
    for (const service of ['Transport', 'Healthcare', 'Transport', 'Healthcare']) await rate(tab, service);
    const ids = await queuedIds(tab);
    assert.equal(ids.length, 4);
    const before = own.receiver.requests.length;
    own.receiver.behave('hang', { times: 1 });
    await context.setOffline(false);
    await until(() => own.receiver.requests.length > before, 'the flush to start');
    await own.kill();
    await tab.getByText('Ratings waiting on this phone to be sent: 4').waitFor();
    await own.restart();
    await tab.getByRole('button', { name: 'Send now' }).click();
    await until(() => ids.every((id) => own.receiver.ratings.has(id)), 'all four after the restart');
    expectExactlyOnce(own.receiver, ids);
    await tab.getByText('All ratings waiting on this phone have been sent.').waitFor();
    await context.close();
  });

  test('the queue survives closing the whole browser', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'civic-profile-'));
    const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, locale: 'en-US' });
    let browser = await launch();
    const first = await openWidget(browser, quick(own.endpoint));
    await first.tab.getByRole('button', { name: 'Transport' }).waitFor();
    // The receiver is down, not the network: nothing can be delivered before the restart.
    await own.kill();
    assert.equal(await rate(first.tab, 'Transport'), SAVED_UNREACHABLE);
    const ids = await queuedIds(first.tab);
    await browser.close();
    await own.restart();

    browser = await launch();
    await openWidget(browser, quick(own.endpoint));
    await until(() => ids.every((id) => own.receiver.ratings.has(id)), 'the rating after the restart');
    expectExactlyOnce(own.receiver, ids);
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  });

  for (const which of ['own receiver', 'json-server']) {
    test(`two tabs coming online together send each rating once (${which})`, async () => {
      const target = which === 'json-server' ? jsonServer : own;
      const context = await fixture.browser.newContext({ locale: 'en-US' });
      const tabs = [await openWidget(context, quick(target.endpoint)), await openWidget(context, quick(target.endpoint))];
      await tabs[1].tab.getByRole('button', { name: 'Transport' }).waitFor();
      await context.setOffline(true);
      for (const { tab } of tabs) {
        await rate(tab, 'Transport');
        await rate(tab, 'Healthcare');
      }
      const ids = [...(await queuedIds(tabs[0].tab)), ...(await queuedIds(tabs[1].tab))];
      assert.equal(new Set(ids).size, 4);
      const wireBefore = own.receiver.requests.length;
      await context.setOffline(false);
      if (which === 'json-server') {
        const rows = await until(async () => {
          const held = await jsonServer.holds();
          return ids.every((id) => held.some((row) => row.id === id)) && held;
        }, 'json-server to hold all four');
        for (const id of ids) tally.queued.add(id);
        assert.equal(rows.filter((row) => ids.includes(row.id)).length, 4);
      } else {
        await until(() => ids.every((id) => own.receiver.ratings.has(id)), 'all four at the receiver');
        expectExactlyOnce(own.receiver, ids);
        const wire = own.receiver.requests.slice(wireBefore).map((r) => r.headers['idempotency-key']);
        assert.equal(wire.length, new Set(wire).size, `the Web Lock lets one tab flush at a time: ${wire.length} requests`);
      }
      await context.close();
    });
  }

  test('a refused rating (4xx) is kept aside, explained, and can be discarded', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const { tab } = await openWidget(context, quick(own.endpoint));
    own.receiver.behave('status', { status: 422, times: 1 });
    await tab.getByRole('button', { name: 'Transport' }).click();
    await tab.getByText('Satisfied', { exact: true }).click();
    await tab.getByRole('button', { name: 'Send rating' }).click();
    await tab.getByRole('status').getByText('The receiving service did not accept this rating (code 422).', { exact: false }).waitFor();
    await tab.getByText('Ratings the receiving service did not accept: 1.', { exact: false }).waitFor();
    const events = await tab.evaluate(() => window.events);
    assert.deepEqual(events.map((e) => [e.kind, e.reason]), [['error', 'rejected-422']]);
    await expectNoAxeViolations(tab, 'a refused rating and the queue panel');
    const wire = own.receiver.requests.length;
    await tab.getByRole('button', { name: 'Send now' }).count().then((n) => assert.equal(n, 0, 'nothing to send'));
    await tab.getByRole('button', { name: 'Discard' }).click();
    await tab.getByText('Discard 1 ratings from this phone? They will never be sent.').waitFor();
    await tab.getByRole('button', { name: 'Yes, discard them' }).click();
    await until(async () => (await tab.getByText(/did not accept: 1/).count()) === 0, 'the panel to clear');
    await tab.reload();
    await tab.getByRole('button', { name: 'Transport' }).waitFor();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await tab.getByText(/did not accept/).count(), 0, 'discarded for good');
    assert.equal(own.receiver.requests.length, wire, 'a refused rating is never retried');
    await context.close();
  });

  test('a full queue says so and keeps every rating it holds', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const { tab } = await openWidget(context, quick(own.endpoint, 'queue-size="2"'));
    await tab.getByRole('button', { name: 'Transport' }).waitFor();
    await context.setOffline(true);
    await rate(tab, 'Transport');
    await rate(tab, 'Healthcare');
    await tab.getByRole('button', { name: 'Rate another service' }).click();
    await tab.getByRole('button', { name: 'Transport' }).click();
    await tab.getByText('Very satisfied', { exact: true }).click();
    await tab.getByRole('button', { name: 'Send rating' }).click();
    await tab.getByRole('status').getByText(/already holds 2 ratings waiting to be sent/).waitFor();
    assert.ok(await tab.getByRole('radio', { name: 'Very satisfied' }).isChecked(), 'the form keeps the answer');
    const ids = await queuedIds(tab);
    // Coming back online is enough: the browser's online event starts the flush.
    await context.setOffline(false);
    await until(() => ids.every((id) => own.receiver.ratings.has(id)), 'the two queued ratings');
    expectExactlyOnce(own.receiver, ids);
    await context.close();
  });

  test('a server error is named with its code, to the resident and in the queue panel', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const { tab, errors } = await openWidget(context, quick(own.endpoint));
    own.receiver.behave('status', { status: 500, times: 1 });
    assert.equal(await rate(tab), savedServerError(500));
    await tab.getByText('The rating service answered with an error (code 500). The phone keeps trying.', { exact: true }).waitFor();
    const [id] = await queuedIds(tab);
    await until(() => own.receiver.ratings.has(id), 'the retry to get through');
    await tab.getByText('All ratings waiting on this phone have been sent.').waitFor();
    expectExactlyOnce(own.receiver, [id]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('offline is said only when the phone is offline; a receiver that is down is not the phone\'s fault', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const closed = `http://127.0.0.1:${await freePort()}/ratings`;
    const { tab } = await openWidget(context, quick(closed));
    assert.equal(await rate(tab), SAVED_UNREACHABLE);
    await tab.getByText('The rating service could not be reached. The phone keeps trying.', { exact: true }).waitFor();
    await context.setOffline(true);
    assert.equal(await rate(tab, 'Healthcare'), SAVED);
    await context.close();
  });

  test('a receiver that stored the rating but answers every repeat with 500 (json-server): set aside after a bounded number of attempts, stored once, never lost', async () => {
    const proxy = await startDroppingProxy(jsonServer.base);
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const url = `${fixture.url}/t/widget.html?a=${Buffer.from(quick(proxy.endpoint)).toString('base64url')}`;
    const tab = await context.newPage();
    // Time moves only when the test says so: a day of retries takes seconds.
    await tab.clock.install();
    await tab.addInitScript(() => {
      window.events = [];
      for (const kind of ['queued', 'error', 'sent']) {
        document.addEventListener(`civic-feedback:${kind}`, (e) => window.events.push({ kind, ...e.detail }));
      }
    });
    await tab.goto(url);
    // The first answer is lost in transit: to a page, that is a service it could not reach.
    assert.equal(await rate(tab), SAVED_UNREACHABLE);
    const [id] = await queuedIds(tab);
    const rows = async () => (await jsonServer.holds()).filter((row) => row.id === id).length;
    assert.equal(await rows(), 1, 'json-server stored it the first time');
    // Every retry gets json-server's 500 for a repeated id; a day of them at most. The clock
    // moves 16 minutes (more than the backoff's cap) each time the previous attempt is answered.
    const setAside = tab.getByText('Ratings the rating service kept failing to take: 1 (last code 500). They will be tried again at your next visit.');
    while (!(await setAside.isVisible()) && proxy.posts <= 110) {
      const before = proxy.posts;
      await tab.clock.runFor(16 * 60 * 1000);
      await until(async () => proxy.posts > before || (await setAside.isVisible()), `attempt ${before + 1}`);
    }
    await setAside.waitFor();
    // 1 lost answer + 100 server errors. One more at most: a queue write that fails leaves the
    // stored record as it was (the rating is then tried once more, never lost).
    assert.ok(proxy.posts >= 101 && proxy.posts <= 102, `set aside after ${proxy.posts} attempts`);
    const attempts = proxy.posts;
    await until(async () => (await tab.evaluate(() => window.events.filter((e) => e.kind === 'error'))).length === 1, 'the host to hear');
    assert.deepEqual(await tab.evaluate(() => window.events.filter((e) => e.kind === 'error')), [{ kind: 'error', id, reason: 'server-500' }]);
    await tab.clock.runFor(6 * 60 * 60 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(proxy.posts, attempts, 'no attempt of its own once set aside');
    assert.equal(await rows(), 1, 'stored once');

    // The next visit tries it once more, and still keeps it.
    await tab.reload();
    await until(() => proxy.posts === attempts + 1, 'one attempt at the next visit');
    await setAside.waitFor();
    await tab.getByRole('button', { name: 'Try again' }).click();
    await until(() => proxy.posts === attempts + 2, 'one attempt when the resident asks');
    assert.equal(await rows(), 1);
    await context.close();
    await proxy.stop();
  });

  test('leaving the page sends what waits with keepalive', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const { tab } = await openWidget(context, quick(own.endpoint));
    // Refused for a minute: only the page-hide send can deliver it in this test's time.
    own.receiver.behave('status', { status: 503, retryAfter: 60, times: 1 });
    assert.equal(await rate(tab), SAVED_BUSY);
    const [id] = await queuedIds(tab);
    await tab.goto('about:blank');
    await until(() => own.receiver.ratings.has(id), 'the keepalive request');
    expectExactlyOnce(own.receiver, [id]);
    await context.close();
  });

  test('abuse guards: honeypot, minimum time, one rating per service', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const started = Date.now();
    const { tab } = await openWidget(context, `endpoint="${own.endpoint}" services="transport,healthcare" lang="en"`);
    // Sent at once after the form appears: it waits out the two-second minimum, never refused.
    await tab.getByRole('button', { name: 'Transport' }).click();
    await tab.getByText('Satisfied', { exact: true }).click();
    await tab.getByRole('button', { name: 'Send rating' }).click();
    await tab.getByRole('heading', { name: SENT }).waitFor();
    const sent = own.receiver.requests.at(-1);
    assert.ok(sent.at - started >= 2_000, `sent ${sent.at - started} ms after the page opened`);
    expectExactlyOnce(own.receiver, [JSON.parse(sent.body).id]);
    // The same service again: the widget says it was rated, and offers the others.
    await tab.getByRole('button', { name: 'Rate another service' }).click();
    await tab.getByRole('button', { name: 'Transport' }).click();
    await tab.getByText(/You have already rated this service on this phone/).waitFor();
    await expectNoAxeViolations(tab, 'the already-rated notice');
    // A bot filling the hidden field is thanked, and its rating goes nowhere.
    await tab.getByRole('button', { name: 'Rate another service' }).click();
    await tab.getByRole('button', { name: 'Healthcare' }).click();
    await tab.getByText('Satisfied', { exact: true }).click();
    await tab.locator('civic-feedback input[name="website"]').fill('http://spam.example');
    const wire = own.receiver.requests.length;
    await tab.getByRole('button', { name: 'Send rating' }).click();
    await tab.getByRole('heading', { name: SENT }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(own.receiver.requests.length, wire, 'nothing sent for the bot');
    await context.close();
  });
});
