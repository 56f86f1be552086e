// The whole resident flow by touch on a phone-sized screen, in each language and each display
// mode (normal, largest text, high contrast, 400 % zoom as a 320 px viewport), with axe at every
// step. Words come from the catalogues themselves, so a test never hard-codes a translation.
// It also counts screens and taps from first tap to confirmation (the "four or fewer").
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, retryIfBrowserDied } from './support/browser.mjs';
import { startFixture } from './support/fixture.mjs';

const test = (name, body) => nodeTest(name, retryIfBrowserDied(body));

/** `key = text` lines of one language's catalogues: the widget's and the texts every page shares. */
function catalogue(tag) {
  const text = ['', 'ui/'].map((folder) => readFileSync(new URL(`../../crates/core/locales/${folder}${tag}.ftl`, import.meta.url), 'utf8')).join('\n');
  return Object.fromEntries(text.split('\n').filter((line) => /^[a-z0-9-]+ = /.test(line)).map((line) => {
    const at = line.indexOf(' = ');
    return [line.slice(0, at), line.slice(at + 3)];
  }));
}

const PAGE = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Flow</title>
  <script type="module" src="/embed.js"></script></head><body><main><h1>Flow</h1>
  <civic-feedback endpoint="/v1/ratings" lang="${lang}" services="transport,healthcare"></civic-feedback></main></body></html>`;

const MODES = {
  normal: { viewport: { width: 390, height: 844 } },
  'largest text': { viewport: { width: 390, height: 844 }, toggle: 'text-size-2' },
  'high contrast': { viewport: { width: 390, height: 844 }, toggle: 'high-contrast' },
  // 400 % of a 1280 px desktop window is 320 CSS px.
  '400 % zoom': { viewport: { width: 320, height: 640 } },
};

describe('the flow by touch in every language and display mode', () => {
  let fixture;
  const flows = [];
  before(async () => {
    const pages = {};
    for (const lang of ['zh-Hans', 'zh-Hant', 'en']) pages[`/flow-${lang}.html`] = PAGE(lang);
    fixture = await startFixture({ pages });
  });
  after(async () => {
    if (flows.length) {
      const taps = [...new Set(flows.map((f) => f.taps))].join(', ');
      const screens = [...new Set(flows.map((f) => f.screens))].join(', ');
      console.log(`# ${flows.length} flows by touch: ${taps} taps and ${screens} screens from first tap to confirmation`);
    }
    await fixture?.stop();
  });

  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    for (const [mode, setup] of Object.entries(MODES)) {
      test(`${lang}, ${mode}`, async () => {
        const words = catalogue(lang);
        const context = await fixture.browser.newContext({ viewport: setup.viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${fixture.url}/flow-${lang}.html`);
        const widget = page.locator('civic-feedback');
        await widget.getByRole('heading', { name: words['choose-service'] }).waitFor();
        assert.equal(await widget.locator('section').getAttribute('lang'), lang, 'screen readers get the right language');
        if (setup.toggle) await widget.getByRole('button', { name: words[setup.toggle] }).tap();
        const sideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        let taps = 0;
        let screens = 1;
        const tap = async (locator) => { await locator.tap(); taps += 1; };

        await expectNoAxeViolations(page, `${lang}, ${mode}: the service choice`);
        assert.equal(await sideways(), false, 'no sideways scrolling');
        await tap(widget.getByRole('button', { name: words['service-transport'] }));
        screens += 1;
        await widget.getByRole('heading', { name: words['service-transport'] }).waitFor();
        await tap(widget.getByText(words['good-bad-5-level-2'], { exact: true }));
        await widget.getByRole('group', { name: words['what-went-wrong'] }).waitFor();
        await expectNoAxeViolations(page, `${lang}, ${mode}: a bad review with chips and a comment box`);
        assert.equal(await sideways(), false, 'no sideways scrolling with chips and comment');
        const targets = await widget.locator('button, input[type="radio"] + label, .cp-aspects__option').evaluateAll((elements) =>
          elements.filter((el) => el.offsetParent !== null).map((el) => {
            const box = el.getBoundingClientRect();
            return { name: el.textContent.trim(), width: box.width, height: box.height };
          }));
        const small = targets.filter((t) => t.width < 44 || t.height < 44);
        assert.deepEqual(small, [], 'every touch target is at least 44 x 44 CSS px');
        const before = fixture.receiver.requests.length;
        await tap(widget.getByRole('button', { name: words.send }));
        screens += 1;
        await widget.getByRole('heading', { name: words.sent }).waitFor();
        await expectNoAxeViolations(page, `${lang}, ${mode}: the confirmation`);
        assert.equal(fixture.receiver.requests.length, before + 1);
        const rating = JSON.parse(fixture.receiver.requests.at(-1).body);
        assert.deepEqual([rating.lang, rating.service, rating.score], [lang, 'transport', 2]);
        assert.ok(screens <= 4, `${screens} screens`);
        flows.push({ taps, screens });
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }
});
