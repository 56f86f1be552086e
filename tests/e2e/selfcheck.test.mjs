// The self-check page: a separate bundle that renders and passes axe in every language.
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
    const published = page.getByRole('table', { name: /five dimensions of the SMART model/ });
    const weights = await published.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.code + row.querySelector('td').innerText));
    assert.deepEqual(weights, ['T10 %', 'R15 %', 'A25 %', 'M20 %', 'S30 %']);
    // The 2021 averages say which figures were published and which were derived.
    const averages = await published.locator('tbody tr td:nth-child(3)').allInnerTexts();
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

  test('an assessment filled by keyboard scores at once, and survives a reload', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${fixture.url}/selfcheck.html`);
    await page.getByRole('heading', { name: /^T · /, level: 2 }).waitFor();
    assert.equal(await page.getByTestId('overall-index').innerText(), 'Not yet: assess some indicators first.');
    await page.getByLabel('City', { exact: true }).fill('Lishui');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    // Keyboard only: into the first indicator's radio group, arrows choose, Tab moves on.
    await page.getByRole('radio', { name: 'Not assessed' }).first().focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown'); // level 3, in operation
    await page.keyboard.press('Tab');
    for (let i = 0; i < 2; i += 1) await page.keyboard.press('ArrowDown'); // level 1, planned
    const progress = page.locator('.sc-progress');
    assert.match(await progress.innerText(), /^2 of \d+ indicators assessed$/);
    const index = await page.getByTestId('overall-index').innerText();
    assert.match(index, /^0\.\d\d$/, 'two decimals');
    assert.match(await page.getByTestId('coverage').innerText(), /^\d+ %$/);
    await page.getByText(/Below 65 % the index is not reliable enough to publish/).waitFor();
    await expectNoAxeViolations(page, 'the form with results and a coverage warning');

    await page.reload();
    await page.getByRole('heading', { name: /^T · /, level: 2 }).waitFor();
    assert.equal(await page.getByLabel('City', { exact: true }).inputValue(), 'Lishui');
    assert.match(await progress.innerText(), /^2 of \d+ indicators assessed$/);
    assert.equal(await page.getByTestId('overall-index').innerText(), index, 'the same result after reload');
    await page.getByRole('button', { name: 'Next dimension' }).click();
    await page.getByRole('heading', { name: /^R · /, level: 2 }).waitFor();
    assert.match(await page.evaluate(() => document.activeElement.textContent), /^R · /, 'focus moves to the new dimension');
    assert.match(await progress.innerText(), /^0 of \d+ indicators assessed$/);
    await context.close();
  });

  /** Opens the self-check in a fresh context and rates the first two indicators of T. */
  async function filled(city) {
    const context = await fixture.browser.newContext({ locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${fixture.url}/selfcheck.html`);
    await page.getByRole('heading', { name: /^T · /, level: 2 }).waitFor();
    await page.getByLabel('City', { exact: true }).fill(city);
    await page.getByRole('radio', { name: /^3 · In operation/ }).nth(0).check();
    await page.getByRole('radio', { name: /^4 · Leading/ }).nth(1).check();
    return { context, page, index: await page.getByTestId('overall-index').innerText() };
  }

  test('export, import and a share link all reproduce the same result', async () => {
    const first = await filled('Lishui');
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      first.page.getByRole('button', { name: 'Download this assessment (JSON)' }).click(),
    ]);
    const file = await download.path();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.schema, 'civic-pulse.assessment.v1');
    assert.deepEqual(saved.framework.id, 'smart-2021');
    assert.equal(saved.city, 'Lishui');
    assert.deepEqual(Object.values(saved.inputs), [{ level: 3 }, { level: 4 }]);
    await first.page.getByRole('button', { name: 'Make a share link' }).click();
    const link = await first.page.getByLabel(/Share link/).inputValue();
    assert.match(link, /\/selfcheck\.html#data=[A-Za-z0-9_-]+$/);

    // A fresh browser opening the file.
    const second = await fixture.browser.newContext({ locale: 'en-US' });
    const page = await second.newPage();
    await page.goto(`${fixture.url}/selfcheck.html`);
    await page.getByLabel('Open an assessment file').setInputFiles(file);
    await page.getByText('Assessment loaded.').waitFor();
    assert.equal(await page.getByTestId('overall-index').innerText(), first.index);
    assert.equal(await page.getByLabel('City', { exact: true }).inputValue(), 'Lishui');

    // A fresh browser opening the link: nothing on the device yet, so it simply opens.
    const third = await fixture.browser.newContext({ locale: 'en-US' });
    const linked = await third.newPage();
    await linked.goto(link);
    await linked.getByRole('heading', { name: /^T · /, level: 2 }).waitFor();
    assert.equal(await linked.getByTestId('overall-index').innerText(), first.index);
    assert.equal(new URL(linked.url()).hash, '', 'the link data is taken out of the address bar');

    // Opening a link where work exists asks first; "Keep mine" keeps it.
    await page.getByLabel('City', { exact: true }).fill('Other town');
    await page.goto('about:blank'); // a link is opened as a new page, not a same-page fragment change
    await page.goto(link);
    await page.getByText('This link holds an assessment of “Lishui”. Replace the one on this device with it?').waitFor();
    await expectNoAxeViolations(page, 'the offer to replace the assessment');
    await page.getByRole('button', { name: 'Keep mine' }).click();
    assert.equal(await page.getByLabel('City', { exact: true }).inputValue(), 'Other town');
    await page.goto('about:blank');
    await page.goto(link);
    await page.getByRole('button', { name: 'Replace mine' }).click();
    assert.equal(await page.getByLabel('City', { exact: true }).inputValue(), 'Lishui');
    for (const context of [first.context, second, third]) await context.close();
  });

  test('a file that does not fit says why and changes nothing', async () => {
    const { context, page, index } = await filled('Keep me');
    const cases = [
      ['{"schema":"civic-pulse.assessment.v1","framework":{"id":"smart-2021"', /EOF while parsing/],
      ['{"schema":"other","framework":{"id":"smart-2021","version":"1"}}', /schema must be "civic-pulse.assessment.v1"/],
      ['{"schema":"civic-pulse.assessment.v1","framework":{"id":"qa-2025","version":"1"}}', /not “smart-2021”/],
      ['{"schema":"civic-pulse.assessment.v1","framework":{"id":"smart-2021","version":"1"},"inputs":{"Z1.1":{"level":2},"T1.1":{"level":9}}}', /Z1\.1 is not an indicator/],
    ];
    for (const [text, message] of cases) {
      await page.getByLabel('Open an assessment file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.getByRole('alert').getByText(message).waitFor();
      assert.equal(await page.getByTestId('overall-index').innerText(), index, 'the work is untouched');
      assert.equal(await page.getByLabel('City', { exact: true }).inputValue(), 'Keep me');
    }
    await expectNoAxeViolations(page, 'an import error');
    await context.close();
  });
});
