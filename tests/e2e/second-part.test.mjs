// The widget's second part (the split release build): a resident can rate and send with only the
// first part, and the second part arriving late disturbs nothing.
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations, focusedElementText, retryIfBrowserDied } from './support/browser.mjs';
import { DIST, startFixture } from './support/fixture.mjs';

const test = (name, body) => nodeTest(name, retryIfBrowserDied(body));
const SECOND_PART = '**/split_second_part.wasm';
const SENT = 'Thank you. Your rating was sent.';
const SAVED = 'Thank you. Your rating is saved on this phone. The rating service is busy. The phone will try again later.';
const TOOLS_MISSING = 'Reading aloud, text size and the other tools could not load. You can still rate and send.';
const COMMENT_MISSING = 'The comment box could not load. You can still send your rating.';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Second part</title>
<script type="module" src="/embed.js"></script></head><body><main><h1>Second part</h1>
<civic-feedback endpoint="/v1/ratings" services="transport" min-seconds="0" cooldown-hours="0" lang="en"></civic-feedback>
</main></body></html>`;

// No `lang`: the widget speaks the browser's language.
const BROWSER_LANGUAGE_PAGE = PAGE.replace(' lang="en"></civic-feedback>', '></civic-feedback>');
const TEXTS = '**/texts-*.txt';
const textsFile = (url) => /\/(texts[A-Za-z-]*\.txt)$/.exec(url)?.[1];

describe('the second part of the widget', () => {
  let fixture;
  before(async () => {
    fixture = await startFixture({ pages: { '/second-part.html': PAGE, '/browser-language.html': BROWSER_LANGUAGE_PAGE } });
  });
  after(() => fixture?.stop());

  async function open(context) {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${fixture.url}/second-part.html`);
    return { tab, errors, widget: tab.locator('civic-feedback') };
  }

  test('the release build ships the widget in two parts, with its loader', () => {
    const folders = readdirSync(join(DIST, 'assets')).filter((name) => /^feedback-[0-9a-f]{16}$/.test(name));
    assert.equal(folders.length, 1, 'one folder, named by the hash of every part');
    const files = readdirSync(join(DIST, 'assets', folders[0])).filter((name) => !/\.(br|gz)$/.test(name));
    for (const name of ['main.js', 'main_bg.wasm', '__wasm_split.js', 'split_second_part.wasm']) {
      assert.ok(files.includes(name), `${name} is shipped (found ${files.join(', ')})`);
    }
  });

  test('with the second part blocked, a resident rates and sends, and is told what is missing', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    let asked = 0;
    await context.route(SECOND_PART, (route) => {
      asked += 1;
      return route.abort();
    });
    const { tab, errors, widget } = await open(context);
    await widget.getByText(TOOLS_MISSING).waitFor();
    assert.ok(asked >= 1, 'the widget asked for its second part without being asked to');
    await widget.getByText('Satisfied', { exact: true }).click();
    await widget.getByText(COMMENT_MISSING).waitFor();
    const before = fixture.receiver.requests.length;
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByRole('heading', { name: SENT }).waitFor();
    const sent = fixture.receiver.requests.slice(before).map((r) => JSON.parse(r.body));
    assert.deepEqual(sent.map((r) => [r.service, r.score, r.aspects, r.comment]), [['transport', 4, undefined, undefined]]);
    assert.equal(await widget.locator('.cp-fallback').count(), 0, 'the widget was not replaced by its fallback');
    await expectNoAxeViolations(tab, 'the widget without its second part');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a rating queued without the second part is sent on the next visit, which has it all', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    await context.route(SECOND_PART, (route) => route.abort());
    const first = await open(context);
    await first.widget.getByText(TOOLS_MISSING).waitFor();
    fixture.receiver.behave('status', { status: 503, retryAfter: 600, times: 1 });
    const before = fixture.receiver.ratings.size;
    await first.widget.getByText('Very satisfied', { exact: true }).click();
    await first.widget.getByRole('button', { name: 'Send rating' }).click();
    await first.widget.getByRole('heading', { name: SAVED }).waitFor();
    assert.equal(fixture.receiver.ratings.size, before, 'the receiver refused it for now');
    await first.tab.close();

    await context.unroute(SECOND_PART);
    const second = await open(context);
    // The start-up flush sends it; the queue panel (second part) says so.
    await second.widget.getByText('All ratings waiting on this phone have been sent.').waitFor();
    assert.equal(fixture.receiver.ratings.size, before + 1, 'stored once');
    await second.widget.getByRole('button', { name: '简体中文' }).click();
    await second.widget.getByRole('heading', { name: '评价城市服务' }).waitFor();
    assert.equal(await second.widget.getByText(TOOLS_MISSING).count(), 0);
    assert.deepEqual(second.errors, []);
    await context.close();
  });

  test('the first load carries the first part\'s texts in the resident\'s language only; every text comes with the second part', async () => {
    const context = await fixture.browser.newContext({ locale: 'zh-CN' });
    const asked = [];
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await context.route(SECOND_PART, async (route) => {
      await held;
      await route.continue();
    });
    context.on('request', (request) => {
      if (textsFile(request.url())) asked.push(textsFile(request.url()));
    });
    await context.addInitScript(() => {
      document.addEventListener('civic-feedback:ready', () => {
        window.readyAt ??= performance.now();
      }, true);
    });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${fixture.url}/browser-language.html`);
    const widget = tab.locator('civic-feedback');
    await widget.getByRole('heading', { name: '评价城市服务' }).waitFor();
    await widget.getByText('满意', { exact: true }).click();
    assert.equal(asked[0], 'texts-zh-Hans.txt', `the resident's language first: ${asked}`);
    // When each file was asked for, against the moment the widget was ready to be rated.
    await tab.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/texts.txt')));
    const [readyAt, started] = await tab.evaluate(() => [window.readyAt, Object.fromEntries(performance
      .getEntriesByType('resource').filter((entry) => /texts/.test(entry.name))
      .map((entry) => [/[^/]*$/.exec(entry.name)[0], entry.startTime]))]);
    const when = `${JSON.stringify(started)}, ready at ${readyAt}`;
    assert.ok(started['texts-zh-Hans.txt'] < readyAt, `the resident's language before the widget was ready: ${when}`);
    assert.ok(started['texts.txt'] > readyAt, `every text after the widget was ready: ${when}`);
    release();
    const buttons = widget.getByRole('group', { name: /Language/ }).getByRole('button');
    await buttons.nth(2).waitFor();
    assert.deepEqual(await buttons.allInnerTexts(), ['English', '简体中文', '繁體中文']);
    assert.deepEqual([...asked].sort(), ['texts-zh-Hans.txt', 'texts.txt'], 'each file once');
    await widget.getByRole('button', { name: '繁體中文' }).click();
    await widget.getByRole('heading', { name: '評價城市服務' }).waitFor();
    assert.ok(await widget.getByRole('radio', { name: '滿意', exact: true }).isChecked(), 'the answer stays');
    await widget.getByRole('button', { name: 'English' }).click();
    await widget.getByRole('textbox', { name: /Anything else you want to tell us/ }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('without the second part\'s texts the resident is told what is missing, and rates and sends', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    await context.route('**/texts.txt', (route) => route.abort());
    const { errors, widget } = await open(context);
    await widget.getByText(TOOLS_MISSING).waitFor();
    await widget.getByText('Very satisfied', { exact: true }).click();
    await widget.getByText(COMMENT_MISSING).waitFor();
    const before = fixture.receiver.requests.length;
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByRole('heading', { name: SENT }).waitFor();
    assert.equal(fixture.receiver.requests.length, before + 1);
    assert.equal(await widget.getByRole('button', { name: 'Read aloud' }).count(), 0, 'no piece without its words');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('without its texts the widget says in the resident\'s language that it could not load, and the next visit works', async () => {
    const context = await fixture.browser.newContext({ locale: 'zh-CN' });
    // First a proxy's error page where the texts should be, then no answer at all.
    await context.route(TEXTS, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Bad gateway</p>' }));
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${fixture.url}/browser-language.html`);
    const widget = tab.locator('civic-feedback');
    await widget.getByRole('alert').filter({ hasText: '评价表未能加载，请稍后再试。' }).waitFor();
    await context.unroute(TEXTS);
    await context.route(TEXTS, (route) => route.abort());
    await tab.reload();
    await widget.getByRole('alert').filter({ hasText: '评价表未能加载，请稍后再试。' }).waitFor();
    assert.deepEqual(errors, [], 'told, not thrown');
    await context.unroute(TEXTS);
    await tab.reload();
    await widget.getByText('满意', { exact: true }).click();
    await widget.getByRole('button', { name: '提交评价' }).waitFor();
    await context.close();
  });

  test('a second part 3 s late: nothing errors, focus stays (and in view), and its pieces appear when it lands', async () => {
    // A small phone's window, so what the part adds above the answers can push them down.
    const context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 480 } });
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await context.route(SECOND_PART, async (route) => {
      await Promise.race([held, new Promise((resolve) => setTimeout(resolve, 3000))]);
      await route.continue();
    });
    const { tab, errors, widget } = await open(context);
    const answer = widget.getByRole('radio', { name: 'Basically satisfied' });
    // The answer at the window's bottom edge, as after scrolling down to it.
    await answer.evaluate((input) => input.closest('div').scrollIntoView({ block: 'end' }));
    await answer.focus();
    await tab.keyboard.press('Space');
    assert.ok(await answer.isChecked());
    // Looked at between every two tasks until the part is in: the answer may never be out of the
    // window, not even between two of the part's turns (a 4 ms timer runs between them, since
    // each turn waits for a frame).
    await answer.evaluate((input) => {
      const option = input.closest('div');
      window.answerOutOfView = [];
      const look = () => {
        // Whole pixels: scrolled into view, an edge may sit a fraction of a pixel past the window's.
        const box = option.getBoundingClientRect();
        const [top, bottom] = [Math.round(box.top), Math.round(box.bottom)];
        if (top < 0 || bottom > innerHeight) window.answerOutOfView.push({ top, bottom });
        if (!window.answerWatchEnds) setTimeout(look, 0);
      };
      look();
    });
    assert.equal(await widget.getByRole('button', { name: 'Read aloud' }).count(), 0, 'not here yet');
    assert.equal(await widget.getByText(TOOLS_MISSING).count(), 0, 'late is not missing');
    // The comment box, the tools and the queue panel arrive (the comment box in the part's last
    // turn); focus stays on the answer.
    await widget.getByRole('textbox', { name: /Anything else you want to tell us/ }).waitFor({ timeout: 10_000 });
    assert.equal(await focusedElementText(tab), `input:${await answer.inputValue()}`, 'focus is still on the answer');
    const outOfView = await tab.evaluate(() => {
      window.answerWatchEnds = true;
      return window.answerOutOfView;
    });
    assert.deepEqual(outOfView, [], 'the focused answer was in the window at every look');
    const readAloud = widget.getByRole('button', { name: 'Read aloud' });
    await readAloud.click();
    await widget.getByRole('button', { name: /Largest text/ }).click();
    await widget.getByRole('textbox', { name: /Anything else you want to tell us/ }).fill('Call me on 13812345678');
    await widget.getByText('This is what will be sent:').waitFor();
    const before = fixture.receiver.requests.length;
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByRole('heading', { name: SENT }).waitFor();
    const sent = JSON.parse(fixture.receiver.requests.slice(before)[0].body);
    assert.equal(sent.score, 3);
    assert.ok(sent.comment && !sent.comment.includes('13812345678'), `redacted on the device: ${sent.comment}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
