// The self-check page: a separate bundle that renders and passes axe in every language.
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoAxeViolations, retryIfBrowserDied } from './support/browser.mjs';
import { startFixture } from './support/fixture.mjs';

// Each test runs once more only if Chromium itself exits mid-test (see support/browser.mjs).
const test = (name, body) => nodeTest(name, retryIfBrowserDied(body));

describe('city self-check page', () => {
  let fixture;
  before(async () => {
    fixture = await startFixture();
  });
  after(() => fixture?.stop());

  test('is linked from the demo portal and loads its own bundle, not the widget', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${fixture.url}/`);
    await page.getByRole('link', { name: /City self-check/ }).click();
    await page.getByRole('heading', { name: 'City self-check', level: 1 }).waitFor();
    assert.ok(fetched.some((path) => /^\/assets\/selfcheck-[0-9a-f]+\.wasm$/.test(path)));
    const afterNavigation = fetched.slice(fetched.indexOf('/selfcheck.html'));
    assert.ok(!afterNavigation.some((path) => path.includes('feedback-')), 'the self-check page does not load the widget');
    const weights = await page.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.code + row.querySelector('td').innerText));
    assert.deepEqual(weights, ['T10 %', 'R15 %', 'A25 %', 'M20 %', 'S30 %']);
    // The 2021 averages say which figures were published and which were derived.
    const averages = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    assert.deepEqual(averages, [
      '0.295 (derived, not published)', '0.47 (published)', '0.80 (published)',
      '0.80 (published as approximate)', '0.80 (published as approximate)',
    ]);
    await context.close();
  });

  for (const [button, heading, lang] of [
    ['English', 'City self-check', 'en'],
    ['简体中文', '城市自评', 'zh-Hans'],
    ['繁體中文', '城市自評', 'zh-Hant'],
  ]) {
    test(`reads correctly and passes axe in ${lang}`, async () => {
      const context = await fixture.browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(`${fixture.url}/selfcheck.html`);
      await page.getByRole('button', { name: button }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      await expectNoAxeViolations(page, `the self-check in ${lang}`);
      await context.close();
    });
  }
});
