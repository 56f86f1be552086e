// Residents who never use a phone of their own: a community helper's phone or a counter tablet
// (mode="assisted"), an unattended kiosk at a service hall (mode="kiosk"), and the number to call
// instead (phone="12345"). In real Chromium against a real HTTP receiver on loopback.
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoAxeViolations, retryIfBrowserDied } from './support/browser.mjs';
import { startFixture } from './support/fixture.mjs';

const test = (name, body) => nodeTest(name, retryIfBrowserDied(body));

const page = (title, attributes) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="/embed.js"></script></head><body><main><h1>${title}</h1>
<civic-feedback endpoint="/v1/ratings" ${attributes}></civic-feedback></main></body></html>`;

// Headless Chromium has no voices: a stand-in lets the widget offer read-aloud.
const SPEECH = () => {
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: Object.assign(Object.create(EventTarget.prototype), { speak: () => {}, cancel: () => {} }),
  });
};

describe('shared devices and the number to call', () => {
  let fixture;
  before(async () => {
    fixture = await startFixture({
      pages: {
        '/assisted.html': page('Service hall counter', 'mode="assisted" services="government" phone="12345" receipt-page="/receipt.html"'),
        '/kiosk.html': page('Service hall kiosk', 'mode="kiosk" idle-seconds="30" services="government" phone="12345" receipt-page="/receipt.html"'),
        '/fallback.html': page('No widget here', 'mode="assisted" phone="12345" services="transport"'),
      },
    });
  });
  after(() => fixture?.stop());

  async function open(path, locale = 'en-US') {
    const context = await fixture.browser.newContext({ locale });
    await context.addInitScript(SPEECH);
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}${path}`);
    const widget = tab.locator('civic-feedback section');
    await widget.waitFor();
    // The second part (read aloud, the comment box) is in before anyone acts.
    await tab.getByRole('button', { name: /^(Read aloud|朗读|朗讀)$/ }).waitFor();
    return { context, tab, widget };
  }

  test('three residents rate one after another on a helper\'s device; nothing of one reaches the next', async () => {
    const { context, tab, widget } = await open('/assisted.html');
    const before = fixture.receiver.requests.length;
    assert.match(await widget.getAttribute('class'), /\bcp-text-2\b/, 'the largest text from the start');
    const tools = await tab.locator('civic-feedback .cp-widget__tools button').allInnerTexts();
    assert.equal(tools[0], 'Read aloud', 'read-aloud is offered first');
    const call = tab.getByRole('link', { name: '12345' });
    assert.equal(await call.getAttribute('href'), 'tel:12345');
    assert.match(await tab.locator('civic-feedback .cp-call').innerText(), /^Or call 12345$/);
    await expectNoAxeViolations(tab, 'assisted mode, first screen');

    const comment = tab.getByRole('textbox', { name: 'Anything else you want to tell us? (optional)' });
    for (const [resident, answer] of [[1, 'Very dissatisfied'], [2, 'Satisfied'], [3, 'Very satisfied']]) {
      assert.equal(await tab.getByRole('radio', { checked: true }).count(), 0, `resident ${resident} finds no answer chosen`);
      await tab.getByText(answer, { exact: true }).click();
      if (resident === 1) await comment.fill('The queue took two hours');
      else assert.equal(await comment.inputValue(), '', `resident ${resident} does not see the last comment`);
      await tab.getByRole('button', { name: 'Send rating' }).click();
      await tab.getByText('Thank you. Your rating was sent.').waitFor();
      await tab.getByText('Thank you. The form will be ready for the next person in a few seconds.').waitFor();
      if (resident === 1) {
        await expectNoAxeViolations(tab, 'assisted mode, thanks');
        await tab.getByRole('button', { name: 'Next person' }).click();
      }
      // Otherwise it returns by itself after the pause.
      await tab.getByRole('radio', { name: 'Very satisfied' }).waitFor({ timeout: 15_000 });
      assert.equal(
        await tab.evaluate(() => document.querySelector('civic-feedback').shadowRoot.activeElement?.tagName),
        'H3',
        'the focus is at the top of the first screen for the next person',
      );
    }
    const sent = fixture.receiver.requests.slice(before).map((request) => JSON.parse(request.body));
    assert.deepEqual(sent.map((rating) => [rating.channel, rating.service, rating.score]), [
      ['assisted', 'government', 1], ['assisted', 'government', 4], ['assisted', 'government', 5],
    ]);
    assert.equal(sent[0].comment, 'The queue took two hours');
    assert.equal(sent[1].comment, undefined);
    assert.equal(new Set(sent.map((rating) => rating.id)).size, 3, 'three ratings, not one sent three times');
    await context.close();
  });

  test('a kiosk returns to its first screen after the idle time and never links away', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    await context.addInitScript(SPEECH);
    const tab = await context.newPage();
    await tab.clock.install();
    await tab.goto(`${fixture.url}/kiosk.html`);
    await tab.getByRole('button', { name: 'Read aloud' }).waitFor();
    assert.equal(await tab.locator('civic-feedback a').count(), 0, 'no link that leaves the page');
    assert.match(await tab.locator('civic-feedback .cp-call').innerText(), /^Or call 12345$/, 'the number, as text');
    await tab.getByText('Dissatisfied', { exact: true }).click();
    const comment = tab.getByRole('textbox', { name: 'Anything else you want to tell us? (optional)' });
    await comment.fill('left half-way');
    // 20 seconds before the return (10 s into a 30 s wait) it warns, and "More time" starts again.
    await tab.clock.fastForward(11_000);
    const warning = tab.getByRole('alert').filter({ hasText: 'in 20 seconds it starts again for the next person' });
    await warning.waitFor();
    await expectNoAxeViolations(tab, 'the kiosk\'s warning');
    await warning.getByRole('button', { name: 'More time' }).click();
    await warning.waitFor({ state: 'detached' });
    await tab.clock.fastForward(20_000);
    assert.equal(await comment.inputValue(), 'left half-way', 'not before the idle time');
    await comment.press('End'); // a key restarts the wait
    await tab.clock.fastForward(20_000);
    assert.equal(await comment.inputValue(), 'left half-way', 'the wait restarted at the last touch');
    await tab.clock.fastForward(11_000);
    await tab.getByRole('radio', { checked: true }).waitFor({ state: 'detached' });
    assert.equal(await tab.getByRole('textbox').count(), 0, 'the comment box is gone with the half-finished rating');
    assert.equal(fixture.receiver.requests.filter((r) => JSON.parse(r.body).comment === 'left half-way').length, 0);
    await expectNoAxeViolations(tab, 'kiosk mode');
    await context.close();
  });

  for (const mode of ['assisted', 'kiosk']) {
    for (const [locale, button, call] of [['zh-CN', '简体中文', '也可拨打 12345'], ['zh-TW', '繁體中文', '也可撥打 12345']]) {
      test(`${mode} mode reads and passes axe in ${button}`, async () => {
        const { context, tab } = await open(`/${mode}.html`, locale);
        assert.equal(await tab.locator('civic-feedback .cp-call').innerText(), call);
        await tab.getByRole('radio').first().check();
        await tab.getByRole('button', { name: /^(提交评价|提交評價)$/ }).click();
        await tab.getByRole('button', { name: '下一位' }).waitFor();
        await expectNoAxeViolations(tab, `${mode} mode in ${button}`);
        await context.close();
      });
    }
  }

  test('where the widget cannot load, the fallback still gives the number to call', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    await tab.route('**/assets/feedback-*/**', (route) => route.abort());
    await tab.goto(`${fixture.url}/fallback.html`);
    await tab.locator('civic-feedback .cp-fallback').waitFor();
    const call = tab.getByRole('link', { name: '12345' });
    assert.equal(await call.getAttribute('href'), 'tel:12345');
    assert.match(await tab.locator('civic-feedback .cp-call').innerText(), /^Or call 12345$/);
    await context.close();
  });
});
