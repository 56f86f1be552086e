// Embedding: the widget in pages it does not control. Strict CSP, hostile CSS, several widgets,
// widgets added later and attributes changed, all against a real receiver.
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoAxeViolations, retryIfBrowserDied } from './support/browser.mjs';
import { DIST, startFixture } from './support/fixture.mjs';
import { STRICT_CSP, startServer, until } from '../../scripts/servers.mjs';

/** A host page that loads the bundle from the origin given in `?cdn=`. */
function cdnPage(request, response) {
  const cdn = new URL(request.url, 'http://x').searchParams.get('cdn');
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head>
    <meta charset="utf-8"><title>Bundle from a CDN</title><script type="module" src="${cdn}/embed.js"></script></head>
    <body><main><h1>Bundle from a CDN</h1><civic-feedback endpoint="/v1/ratings" services="transport"></civic-feedback></main></body></html>`);
}

const page = (title, head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="/embed.js"></script>${head}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const HOSTILE = page('Hostile host', '<link rel="stylesheet" href="/hostile.css">',
  '<civic-feedback endpoint="/v1/ratings" services="transport"></civic-feedback>');
const HOSTILE_CSS = '* { all: revert; font-size: 8px !important; } button { display: none !important; } :root { font-size: 5px; }';
const ANSWERS = page('Scripted answers', '',
  `<civic-feedback id="conflict" endpoint="/v1/answers-409" services="transport"></civic-feedback>
   <civic-feedback id="down" endpoint="/v1/answers-503" services="education"></civic-feedback>`);
const answering = (status) => (request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': '30' }).end('{}'));
};
const FALLBACK = page('Fallback', '',
  `<civic-feedback id="plain" endpoint="/v1/ratings"></civic-feedback>
   <civic-feedback id="custom" endpoint="/v1/ratings" fallback="Call 12345 to rate this service."></civic-feedback>`);
const LOADER_LANGUAGES = page('Loader languages', '',
  `<civic-feedback id="browser" endpoint="/v1/ratings" services="transport"></civic-feedback>
   <civic-feedback id="hant" endpoint="/v1/ratings" services="transport" lang="zh-Hant-TW"></civic-feedback>
   <civic-feedback id="hans" endpoint="/v1/ratings" services="transport" lang="ZH-sg"></civic-feedback>
   <civic-feedback id="en" endpoint="/v1/ratings" services="transport" lang="en-GB"></civic-feedback>`);
const OWN_SERVICE = page('Own service', '',
  `<civic-feedback endpoint="/v1/ratings" services="bus-42,transport"
     service-labels='{"bus-42": {"zh-Hans": "42路公交", "en": "Bus line 42"}}'></civic-feedback>`);
const TWO = page('Two widgets', '',
  `<civic-feedback id="first" endpoint="/v1/ratings" services="transport"></civic-feedback>
   <civic-feedback id="second" endpoint="/v1/ratings" services="healthcare" scale="uk-csat-5"></civic-feedback>`);

const ONE_SERVICE = page('One service', '', '<civic-feedback endpoint="/v1/ratings" services="transport"></civic-feedback>');
const SEARCH_FIRST = page('Search first', '',
  `<label for="search">Search this portal</label> <input id="search" type="search" autofocus>
   <civic-feedback endpoint="/v1/ratings" services="transport"></civic-feedback>`);

const THEMES = page('Themes', '',
  `<civic-feedback id="dark" endpoint="/v1/ratings" services="transport" theme="dark"></civic-feedback>
   <civic-feedback id="pink" endpoint="/v1/ratings" services="transport" theme="pink"></civic-feedback>`);
const LEGACY = page('Old browser', '', '<civic-feedback endpoint="/v1/ratings" fallback="Call 12345 to rate this service."></civic-feedback>');

// Each test runs once more only if Chromium itself exits mid-test (see support/browser.mjs).
const test = (name, body) => nodeTest(name, retryIfBrowserDied(body));

describe('embedding in host pages', () => {
  let fixture;
  before(async () => {
    fixture = await startFixture({
      pages: { '/themes.html': THEMES, '/legacy.html': LEGACY, '/hostile.html': HOSTILE, '/two.html': TWO, '/answers.html': ANSWERS, '/fallback.html': FALLBACK, '/loader-languages.html': LOADER_LANGUAGES, '/own-service.html': OWN_SERVICE, '/one-service.html': ONE_SERVICE, '/search-first.html': SEARCH_FIRST },
      handlers: { '/v1/answers-409': answering(409), '/v1/answers-503': answering(503), '/cdn.html': cdnPage },
    });
  });
  after(() => fixture?.stop());

  async function open(path, watch = {}) {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    await context.route('**/hostile.css', (route) => route.fulfill({ contentType: 'text/css', body: HOSTILE_CSS }));
    const tab = await context.newPage();
    const problems = [];
    tab.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    if (watch.csp) {
      await tab.addInitScript(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      tab.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    }
    const response = await tab.goto(`${fixture.url}${path}`);
    return { context, tab, problems, response };
  }

  async function sendFrom(widget, answer) {
    await widget.getByText(answer, { exact: true }).click();
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByText('Thank you. Your rating was sent.').waitFor();
  }

  test('works under a strict Content-Security-Policy with no violation', async () => {
    const { context, tab, problems, response } = await open('/strict-csp.html', { csp: true });
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the policy');
    const before = fixture.receiver.requests.length;
    await sendFrom(tab.locator('civic-feedback'), 'Basically satisfied');
    assert.equal(fixture.receiver.requests.length, before + 1);
    assert.equal(JSON.parse(fixture.receiver.requests.at(-1).body).service, 'government');
    assert.deepEqual(await tab.evaluate(() => window.violations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('hostile host CSS cannot hide or shrink the widget', async () => {
    const { context, tab } = await open('/hostile.html');
    const widget = tab.locator('civic-feedback');
    const send = widget.getByRole('button', { name: 'Send rating' });
    await send.waitFor();
    assert.ok(await send.isVisible(), 'host rules do not reach into the shadow root');
    assert.equal(await widget.locator('section').evaluate((el) => getComputedStyle(el).fontSize), '18px');
    await sendFrom(widget, 'Very satisfied');
    await context.close();
  });

  test('two widgets send independently, and one added later works too', async () => {
    const { context, tab } = await open('/two.html');
    const before = fixture.receiver.requests.length;
    await sendFrom(tab.locator('#second'), 'Neither satisfied or dissatisfied');
    await sendFrom(tab.locator('#first'), 'Very dissatisfied');
    await tab.evaluate(() => {
      const late = document.createElement('civic-feedback');
      late.id = 'late';
      late.setAttribute('endpoint', '/v1/ratings');
      late.setAttribute('services', 'employment');
      document.querySelector('main').append(late);
    });
    await sendFrom(tab.locator('#late'), 'Satisfied');
    const sent = fixture.receiver.requests.slice(before).map((r) => JSON.parse(r.body));
    assert.deepEqual(sent.map((r) => [r.service, r.scale, r.score]), [
      ['healthcare', 'uk-csat-5', 3], ['transport', 'good-bad-5', 1], ['employment', 'good-bad-5', 4],
    ]);
    assert.equal(new Set(sent.map((r) => r.id)).size, 3);
    await context.close();
  });

  test('409 (already stored) counts as sent; 503 saves it on the device and tells the host', async () => {
    const { context, tab } = await open('/answers.html');
    await tab.evaluate(() => {
      window.heard = [];
      for (const kind of ['queued', 'error']) {
        document.addEventListener(`civic-feedback:${kind}`, (e) => window.heard.push({ kind, target: e.target.id, service: e.detail.service }));
      }
    });
    await sendFrom(tab.locator('#conflict'), 'Satisfied');
    const down = tab.locator('#down');
    await down.getByText('Satisfied', { exact: true }).click();
    await down.getByRole('button', { name: 'Send rating' }).click();
    await down.getByText('Thank you. Your rating is saved on this phone. The rating service is busy. The phone will try again later.').waitFor();
    await down.getByText('Ratings waiting on this phone to be sent: 1').waitFor();
    assert.deepEqual(await tab.evaluate(() => window.heard), [{ kind: 'queued', target: 'down', service: 'education' }]);
    await context.close();
  });

  test('if the Wasm cannot load, each widget shows the fallback text instead of a blank box', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    await context.route('**/assets/feedback-*/main_bg.wasm', (route) => route.fulfill({ status: 404, body: 'blocked' }));
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/fallback.html`);
    await tab.locator('#plain').getByRole('alert').getByText('The feedback form could not load. Please try again later.').waitFor();
    await tab.locator('#custom').getByRole('alert').getByText('Call 12345 to rate this service.').waitFor();
    await context.close();
  });

  test('the loader speaks the language the widget will speak: its lang attribute, else the first browser language it knows', async () => {
    const context = await fixture.browser.newContext({ locale: 'fr-FR' });
    // French first, which the widget does not speak, then Hong Kong Chinese, which it does.
    await context.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['fr-FR', 'zh-HK'] }));
    let blocked = true;
    await context.route('**/assets/feedback-*/main_bg.wasm', (route) =>
      (blocked ? route.fulfill({ status: 404, body: 'blocked' }) : route.continue()));
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/loader-languages.html`);
    const failed = {
      browser: '評價表未能載入，請稍後再試。',
      hant: '評價表未能載入，請稍後再試。',
      hans: '评价表未能加载，请稍后再试。',
      en: 'The feedback form could not load. Please try again later.',
    };
    for (const [id, text] of Object.entries(failed)) {
      await tab.locator(`#${id}`).getByRole('alert').getByText(text, { exact: true }).waitFor();
    }
    blocked = false;
    await tab.reload();
    // The widget itself (Lang::negotiate over the same list) agrees with its loader.
    const veryGood = { browser: '非常滿意', hant: '非常滿意', hans: '非常满意', en: 'Very satisfied' };
    for (const [id, name] of Object.entries(veryGood)) {
      await tab.locator(`#${id}`).getByRole('radio', { name, exact: true }).waitFor();
    }
    await context.close();
  });

  test('while the bundle downloads, each widget says it is loading, in its language, then the form replaces it', async () => {
    const context = await fixture.browser.newContext({ locale: 'zh-TW' });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route('**/assets/feedback-*/main_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/two.html`);
    for (const id of ['#first', '#second']) {
      const widget = tab.locator(id);
      await widget.getByRole('status').getByText('正在載入評價表…').waitFor();
      assert.equal(await widget.getByRole('radio').count(), 0, 'no form before the bundle runs');
    }
    await expectNoAxeViolations(tab, 'the loading state');
    release();
    for (const id of ['#first', '#second']) {
      const widget = tab.locator(id);
      await widget.getByRole('radio', { name: '非常滿意' }).waitFor();
      assert.equal(await widget.getByText('正在載入評價表…').count(), 0, 'the loading text is gone');
    }
    await context.close();
  });

  test('the page does not jump while the widget loads: on a phone, layout shift stays under 0.1 on the demo page and on a one-service page, in Chinese and in English', async () => {
    // Web Vitals' "good" limit. Before the widget held its places, the demo page scored 0.21 (its
    // text below the widget pushed down twice) and the English one-service page 0.12 (the screen
    // pushed down by the tools and the language buttons when the second part came).
    for (const [path, locale] of [['/', 'zh-CN'], ['/', 'en-US'], ['/one-service.html', 'zh-CN'], ['/one-service.html', 'en-US']]) {
      const context = await fixture.browser.newContext({ locale, viewport: { width: 412, height: 823 }, isMobile: true });
      // Every shift counts: nothing here gives input during the load, and under Playwright
      // Chromium marks each shift as after recent input, which Web Vitals would leave out.
      await context.addInitScript(() => {
        window.layoutShifts = [];
        new PerformanceObserver((entries) => {
          for (const shift of entries.getEntries()) window.layoutShifts.push(shift.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const tab = await context.newPage();
      await tab.goto(`${fixture.url}${path}`);
      // The second part's tools are the last thing a load adds; a frame more for its last turn.
      await tab.locator('civic-feedback').first().getByRole('button', { name: /^(Read aloud|朗读)$/ }).waitFor();
      await tab.waitForTimeout(500);
      const shifts = await tab.evaluate(() => window.layoutShifts);
      const total = shifts.reduce((sum, value) => sum + value, 0);
      assert.ok(total < 0.1, `${path} in ${locale}: cumulative layout shift ${total.toFixed(3)} (${shifts.map((v) => v.toFixed(3)).join(', ')})`);
      if (path === '/' && locale === 'en-US') {
        // The demo portal holds the place only until the widget is ready: the thanks after a
        // rating, shorter than the place held, leave no gap under the widget.
        const widget = tab.locator('main > civic-feedback');
        await widget.getByRole('button', { name: 'Transport' }).click();
        await widget.getByText('Satisfied', { exact: true }).click();
        await widget.getByRole('button', { name: 'Send rating' }).click();
        await widget.getByRole('heading', { name: 'Thank you. Your rating was sent.' }).waitFor();
        const [outer, inner] = await widget.evaluate((host) => [host, host.shadowRoot.querySelector('.cp-root')].map((e) => e.getBoundingClientRect().height));
        assert.ok(inner < 468, `the thanks are shorter than the place held (${inner}px)`);
        assert.equal(Math.round(outer), Math.round(inner), 'no gap under the widget once it is ready');
      }
      await context.close();
    }
  });

  // Someone typing in the portal's own search box while the widget loads keeps the focus and
  // every key: neither the first screen nor the second part's pieces take the focus (WCAG 3.2.1).
  test('the widget never takes the focus from the host page while it loads or fills in', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    // Both parts a little late, so the typing overlaps the widget's first screen and its second part.
    await context.route('**/*.wasm', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/search-first.html`);
    const search = tab.getByRole('searchbox', { name: 'Search this portal' });
    await search.waitFor();
    await tab.keyboard.type('bus timetable to the county hospital', { delay: 40 });
    const widget = tab.locator('civic-feedback');
    await widget.getByRole('radio', { name: 'Very satisfied' }).waitFor();
    await widget.getByRole('group', { name: 'Language / 语言 / 語言' }).waitFor();
    await tab.keyboard.type(' on sunday', { delay: 20 });
    assert.equal(await search.inputValue(), 'bus timetable to the county hospital on sunday');
    assert.equal(await tab.evaluate(() => document.activeElement?.id), 'search');
    await context.close();
  });

  test('the demo portal opens the widget in an accessible dialog and returns focus', async () => {
    const { context, tab } = await open('/');
    const opener = tab.getByRole('button', { name: /Rate this service/ });
    await opener.focus();
    await tab.keyboard.press('Enter');
    const dialog = tab.getByRole('dialog', { name: /Rate government services/ });
    await dialog.getByRole('radio', { name: 'Very satisfied' }).waitFor();
    await expectNoAxeViolations(tab, 'the open dialog');
    // The page behind is inert: Tab never leaves the dialog.
    for (let i = 0; i < 15; i += 1) {
      await tab.keyboard.press('Tab');
      assert.ok(await tab.evaluate(() => document.activeElement.closest('dialog') !== null), `focus left the dialog after ${i + 1} Tabs`);
    }
    for (let i = 0; i < 15; i += 1) {
      await tab.keyboard.press('Shift+Tab');
      assert.ok(await tab.evaluate(() => document.activeElement.closest('dialog') !== null), `focus left the dialog after ${i + 1} Shift+Tabs`);
    }
    await tab.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false);
    assert.equal(await tab.evaluate(() => document.activeElement.id), 'rate-open', 'focus returns to the button');
    await context.close();
  });

  test('on a phone, nothing the demo page draws covers the widget\'s focused controls (WCAG 2.4.11 and 2.4.12)', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 640 }, isMobile: true });
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/`);
    const widget = tab.locator('main > civic-feedback');
    await widget.getByRole('button', { name: 'Transport' }).click();
    await widget.getByText('Dissatisfied', { exact: true }).click();
    await widget.getByRole('button', { name: 'Read aloud' }).waitFor();
    // Tab from the comment box to the send button, as the resident who found the bug did.
    // The send button just in view at the bottom of the screen, the comment box above it, as
    // after typing a comment on a phone; then Tab moves on without scrolling.
    await widget.getByRole('button', { name: 'Send rating' }).evaluate((button) => button.scrollIntoView({ block: 'end' }));
    await widget.getByRole('textbox').evaluate((box) => box.focus({ preventScroll: true }));
    const send = widget.getByRole('button', { name: 'Send rating' });
    const focused = () => send.evaluate((button) => button.getRootNode().activeElement === button);
    for (let i = 0; i < 5 && !(await focused()); i += 1) await tab.keyboard.press('Tab');
    assert.equal(await focused(), true, 'the send button has the focus');
    const covered = await send.evaluate((button) => {
      const box = button.getBoundingClientRect();
      const inset = 2;
      const points = [[box.left + inset, box.top + inset], [box.right - inset, box.top + inset],
        [box.left + inset, box.bottom - inset], [box.right - inset, box.bottom - inset],
        [(box.left + box.right) / 2, (box.top + box.bottom) / 2]];
      return points
        .map(([x, y]) => button.getRootNode().elementFromPoint(x, y))
        // The button's own rounded corner shows its parent, which covers nothing.
        .filter((found) => found !== button && !button.contains(found) && !found.contains(button))
        .map((found) => found?.id || found?.className || String(found));
    });
    assert.deepEqual(covered, [], 'every corner and the centre of the focused button is the button');
    await context.close();
  });

  test('a portal can offer its own service, named in each language', async () => {
    const { context, tab } = await open('/own-service.html');
    const widget = tab.locator('civic-feedback');
    await widget.getByRole('button', { name: 'Bus line 42' }).waitFor();
    await widget.getByRole('button', { name: '简体中文' }).click();
    await widget.getByRole('button', { name: '42路公交' }).click();
    await widget.getByRole('heading', { name: '42路公交' }).waitFor();
    const before = fixture.receiver.requests.length;
    await widget.getByText('满意', { exact: true }).click();
    await widget.getByRole('button', { name: '提交评价' }).click();
    await widget.getByText('谢谢！您的评价已提交。').waitFor();
    assert.equal(fixture.receiver.requests.length, before + 1);
    assert.equal(JSON.parse(fixture.receiver.requests.at(-1).body).service, 'bus-42');
    await context.close();
  });

  test('changing an attribute updates the widget, and events tell the host what happened', async () => {
    const { context, tab } = await open('/two.html');
    const first = tab.locator('#first');
    await first.getByRole('heading', { name: 'Transport' }).waitFor();
    await tab.evaluate(() => {
      window.events = [];
      for (const kind of ['ready', 'sent', 'error']) {
        document.addEventListener(`civic-feedback:${kind}`, (e) => window.events.push({ kind, target: e.target.id, detail: e.detail }));
      }
      document.querySelector('#first').setAttribute('lang', 'zh-Hant');
    });
    await first.getByRole('heading', { name: '交通出行' }).waitFor();
    await first.getByText('滿意', { exact: true }).click();
    await first.getByRole('button', { name: '提交評價' }).click();
    await first.getByText('謝謝！您的評價已提交。').waitFor();
    const events = await tab.evaluate(() => window.events);
    assert.deepEqual(events.map((e) => [e.kind, e.target]), [['ready', 'first'], ['sent', 'first']]);
    const sent = events[1].detail;
    assert.deepEqual(Object.keys(sent).sort(), ['id', 'score', 'service'], 'never the comment');
    assert.deepEqual([sent.service, sent.score], ['transport', 4]);
    await context.close();
  });

  test('theme="dark" meets contrast rules; an unknown theme is a clear configuration error', async () => {
    const { context, tab } = await open('/themes.html');
    const dark = tab.locator('#dark');
    await dark.getByRole('heading', { name: 'Transport' }).waitFor();
    const colours = await dark.locator('.cp-widget').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
    assert.deepEqual(colours, ['rgb(30, 30, 30)', 'rgb(242, 242, 242)']);
    await dark.getByText('Dissatisfied', { exact: true }).click();
    await tab.locator('#pink').getByText('there is no theme called “pink”. Use light, dark or auto.', { exact: false }).waitFor();
    await expectNoAxeViolations(tab, 'the dark theme with a bad review open, and a configuration error');
    await context.close();
  });

  test('the bundle works loaded from another origin, as from a CDN', async () => {
    const cdn = await startServer({ root: DIST });
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    const fromCdn = [];
    tab.on('request', (request) => request.url().startsWith(cdn.url) && fromCdn.push(new URL(request.url()).pathname));
    await tab.goto(`${fixture.url}/cdn.html?cdn=${encodeURIComponent(cdn.url)}`);
    const before = fixture.receiver.requests.length;
    await sendFrom(tab.locator('civic-feedback'), 'Very satisfied');
    assert.equal(fixture.receiver.requests.length, before + 1, 'sent to the page\'s own endpoint');
    for (const kind of [/^\/embed\.js$/, /^\/assets\/feedback-.*\.js$/, /^\/assets\/feedback-.*\.wasm$/, /^\/assets\/feedback-.*\.css$/,
      /^\/assets\/feedback-[^/]+\/split_second_part\.wasm$/]) {
      assert.ok(fromCdn.some((path) => kind.test(path)), `${kind} came from the other origin: ${fromCdn}`);
    }
    await context.close();
    await cdn.close();
  });

  test('a browser below the supported floor gets the fallback text, not a broken widget', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    await context.addInitScript(() => { delete AbortSignal.timeout; });
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/legacy.html`);
    await tab.locator('civic-feedback').getByRole('alert').getByText('Call 12345 to rate this service.').waitFor();
    await context.close();
  });

  test('iframe mode: sized to its content with no scrollbar, and events reach the parent page', async () => {
    const { context, tab } = await open('/iframe.html');
    const frameElement = tab.locator('iframe[data-civic-feedback]');
    const frame = tab.frameLocator('iframe[data-civic-feedback]');
    await frame.getByRole('button', { name: 'Transport' }).waitFor();
    await tab.evaluate(() => {
      window.heard = [];
      document.querySelector('iframe').addEventListener('civic-feedback:sent', (e) => window.heard.push(e.detail));
    });
    const fits = async () => {
      const handle = await frameElement.elementHandle();
      const inner = await handle.contentFrame();
      const content = await inner.evaluate(() => document.documentElement.scrollHeight);
      const box = await frameElement.evaluate((el) => el.clientHeight);
      return Math.abs(content - box) <= 1 && content;
    };
    const first = await until(fits, 'the iframe to take its content height');
    await frame.getByRole('button', { name: 'Transport' }).click();
    await frame.getByText('Dissatisfied', { exact: true }).click();
    const second = await until(async () => { const h = await fits(); return h && h !== first && h; }, 'the iframe to follow the taller form');
    assert.ok(second > first, `the form with chips (${second}px) is taller than the service list (${first}px)`);
    await frame.getByRole('button', { name: 'Send rating' }).click();
    await frame.getByText('Thank you. Your rating was sent.').waitFor();
    const heard = await until(() => tab.evaluate(() => window.heard.length && window.heard), 'the sent event on the iframe');
    assert.deepEqual(Object.keys(heard[0]).sort(), ['id', 'score', 'service']);
    await expectNoAxeViolations(tab, 'the iframe-mode page');
    await context.close();
  });

  test('a trap in the Wasm replaces every widget with its fallback text; a removed widget leaves no listener', async () => {
    const { context, tab } = await open('/two.html');
    await tab.locator('#second').getByRole('heading', { name: 'Healthcare' }).waitFor();
    const cdp = await context.newCDPSession(tab);
    const windowListeners = async () => {
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      return listeners.map((l) => l.type).sort();
    };
    const withWidgets = await windowListeners();
    assert.ok(withWidgets.includes('online') && withWidgets.includes('pagehide'), `${withWidgets}`);
    await tab.evaluate(() => document.querySelectorAll('civic-feedback').forEach((widget) => widget.remove()));
    assert.deepEqual(await windowListeners(), [], 'nothing left on the window once the widgets are gone');
    await tab.evaluate(() => {
      document.querySelector('main').insertAdjacentHTML('beforeend',
        '<civic-feedback id="a" endpoint="/v1/ratings" services="transport" fallback="Call 12345."></civic-feedback>' +
        '<civic-feedback id="b" endpoint="/v1/ratings" services="healthcare"></civic-feedback>');
    });
    await tab.locator('#b').getByRole('heading', { name: 'Healthcare' }).waitFor();
    // What a panic looks like to the page with panic=abort: an uncaught WebAssembly.RuntimeError.
    await tab.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable executed'); }));
    await tab.locator('#a').getByRole('alert').getByText('Call 12345.').waitFor();
    await tab.locator('#b').getByRole('alert').getByText('The feedback form could not load. Please try again later.').waitFor();
    await context.close();
  });
});
