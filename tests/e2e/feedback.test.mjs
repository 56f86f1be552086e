// The resident's flow in real Chromium against a real HTTP receiver on loopback.
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { expectNoAxeViolations, focusedElementText, tabTo, retryIfBrowserDied } from './support/browser.mjs';
import { startFixture } from './support/fixture.mjs';
import { compile } from '../contracts/schema.mjs';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BAD_CONFIG_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad config</title>
<script type="module" src="/embed.js"></script></head><body><main><h1>Bad config</h1>
<civic-feedback services="transport,Bus" scale="stars"></civic-feedback></main></body></html>`;

function localDay() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Each test runs once more only if Chromium itself exits mid-test (see support/browser.mjs).
const test = (name, body) => nodeTest(name, retryIfBrowserDied(body));

describe('resident feedback widget', () => {
  let fixture;
  before(async () => {
    fixture = await startFixture({ pages: { '/bad-config.html': BAD_CONFIG_PAGE } });
  });
  after(() => fixture?.stop());

  async function openDemo(options = {}) {
    const context = await fixture.browser.newContext({ locale: 'en-US', ...options });
    // A cookie on the page's own origin: the widget must not send it.
    await context.addCookies([{ name: 'portal-session', value: 'secret', url: fixture.url }]);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${fixture.url}/`);
    await page.getByRole('heading', { name: 'Rate a city service' }).waitFor();
    return { context, page, errors };
  }

  test('a rating chosen and sent by keyboard alone arrives at the endpoint, anonymously', async () => {
    const { context, page, errors } = await openDemo();
    const before = fixture.receiver.requests.length;

    await tabTo(page, 'button:Healthcare');
    await page.keyboard.press('Enter');
    // Focus follows the resident to the new screen's heading.
    assert.equal(await focusedElementText(page), 'h3:Healthcare');
    await page.keyboard.press('Tab'); // into the radio group, on its first answer
    await page.keyboard.press('ArrowDown'); // arrow keys move and select within the group
    const satisfied = page.getByRole('radio', { name: 'Satisfied', exact: true });
    assert.equal(await satisfied.isChecked(), true);
    await tabTo(page, 'button:Send rating', 3);
    await page.keyboard.press('Enter');

    await page.getByText('Thank you. Your rating was sent.').waitFor();
    assert.equal(fixture.receiver.requests.length, before + 1);
    const { headers, body } = fixture.receiver.requests.at(-1);
    const rating = JSON.parse(body);
    assert.deepEqual(Object.keys(rating).sort(), ['channel', 'day', 'id', 'lang', 'scale', 'schema', 'score', 'service']);
    assert.equal(rating.channel, 'web', 'on the resident\'s own device');
    const validate = compile('schemas/rating.v1.schema.json');
    assert.ok(validate(rating), JSON.stringify(validate.errors));
    assert.equal(rating.schema, 'civic-pulse.rating.v1');
    assert.match(rating.id, UUID_V4);
    assert.deepEqual(
      { service: rating.service, scale: rating.scale, score: rating.score, lang: rating.lang, day: rating.day },
      { service: 'healthcare', scale: 'good-bad-5', score: 4, lang: 'en', day: localDay() },
    );
    assert.equal(headers['idempotency-key'], rating.id);
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers.cookie, undefined, 'no cookie is sent');
    assert.equal(headers.referer, undefined, 'no referrer is sent');
    assert.ok(fixture.receiver.ratings.has(rating.id));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a bad review offers chips and a comment, and personal details never leave the phone', async () => {
    const { context, page, errors } = await openDemo();
    await page.getByRole('button', { name: 'Transport' }).click();
    await page.getByText('Dissatisfied', { exact: true }).click();
    const chips = page.getByRole('group', { name: 'What went wrong? (optional)' });
    await chips.getByRole('checkbox', { name: 'Staff attitude' }).check();
    await chips.getByRole('checkbox', { name: 'It took too long' }).check();
    const comment = page.getByRole('textbox', { name: 'Anything else you want to tell us? (optional)' });
    const hint = await comment.getAttribute('aria-describedby');
    assert.match(await page.locator(`#${hint}`).innerText(), /anonymous/i, 'the privacy note is the comment box hint');
    await comment.fill('等了两个小时，请打我手机138 1234 5678或发邮件 li.wei@example.com');
    // The preview shows exactly what will be sent, before sending.
    await page.getByText('This is what will be sent:').waitFor();
    await page.getByText('等了两个小时，请打我手机[phone]或发邮件 [email]').waitFor();
    await expectNoAxeViolations(page, 'a bad review with chips and a redacted comment');

    const before = fixture.receiver.requests.length;
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you. Your rating was sent.').waitFor();
    assert.equal(fixture.receiver.requests.length, before + 1);
    const { body } = fixture.receiver.requests.at(-1);
    assert.ok(!body.includes('1234') && !body.includes('li.wei'), `nothing personal on the wire: ${body}`);
    const rating = JSON.parse(body);
    assert.equal(rating.score, 2);
    assert.deepEqual(rating.aspects, ['too-slow', 'staff-attitude'], 'in the order the chips are shown');
    assert.equal(rating.comment, '等了两个小时，请打我手机[phone]或发邮件 [email]');
    const validate = compile('schemas/rating.v1.schema.json');
    assert.ok(validate(rating), JSON.stringify(validate.errors));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('changing to a good score withdraws the "what went wrong" chips; going back finds the ticks as they were', async () => {
    const { context, page } = await openDemo();
    await page.getByRole('button', { name: 'Healthcare' }).click();
    await page.getByText('Very dissatisfied').click();
    await page.getByRole('checkbox', { name: 'My problem was not solved' }).check();
    await page.getByText('Satisfied', { exact: true }).click();
    const chips = page.getByRole('group', { name: 'What went wrong? (optional)' });
    assert.equal(await chips.count(), 0);
    await page.getByText('Dissatisfied', { exact: true }).click();
    assert.equal(await chips.getByRole('checkbox', { name: 'My problem was not solved' }).isChecked(), true);
    assert.equal(await chips.getByRole('checkbox', { checked: true }).count(), 1);
    await page.getByText('Satisfied', { exact: true }).click();
    assert.equal(await chips.count(), 0);
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you. Your rating was sent.').waitFor();
    const rating = JSON.parse(fixture.receiver.requests.at(-1).body);
    assert.equal(rating.score, 4);
    assert.equal(rating.aspects, undefined, 'no chips from the earlier score');
    assert.equal(rating.comment, undefined, 'an empty comment is left out');
    await context.close();
  });

  test('sending without an answer says what to do and sends nothing', async () => {
    const { context, page } = await openDemo();
    const before = fixture.receiver.requests.length;
    await page.getByRole('button', { name: 'Transport' }).click();
    await page.getByRole('button', { name: 'Send rating' }).click();
    const group = page.getByRole('group', { name: 'How satisfied are you with this service?' });
    // The error is tied to the group, so a screen reader reads it with the question.
    const describedBy = await group.getAttribute('aria-describedby');
    assert.ok(describedBy, 'the radio group is described by the error');
    assert.match(await page.locator(`#${describedBy}`).innerText(), /Choose an answer before sending\./);
    assert.equal(fixture.receiver.requests.length, before);
    await context.close();
  });

  test('the radio group announces each answer with its position and state', async () => {
    const { context, page } = await openDemo();
    await page.getByRole('button', { name: 'Education' }).click();
    const radios = page.getByRole('radio');
    assert.equal(await radios.count(), 5);
    const names = await radios.evaluateAll((inputs) => inputs.map((input) => input.labels[0].innerText.trim()));
    assert.deepEqual(names, [
      'Very satisfied', 'Satisfied', 'Basically satisfied', 'Dissatisfied', 'Very dissatisfied',
    ]);
    const groupNames = await radios.evaluateAll((inputs) => new Set(inputs.map((input) => input.name)).size);
    assert.equal(groupNames, 1, 'one radio group, so arrow keys move within it');
    await page.getByText('Very dissatisfied').click();
    assert.equal(await page.getByRole('radio', { name: 'Very dissatisfied' }).isChecked(), true);
    await context.close();
  });

  test('switching language changes the words and the lang attribute', async () => {
    const { context, page } = await openDemo();
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { name: '评价城市服务' }).waitFor();
    await page.getByRole('button', { name: '交通出行' }).click();
    await page.getByRole('radio', { name: '非常满意' }).waitFor();
    const lang = await page.locator('civic-feedback').evaluate((host) => host.shadowRoot.querySelector('section').lang);
    assert.equal(lang, 'zh-Hans');
    await context.close();
  });

  // A helper switches the language for a resident who has already answered: nothing they did is
  // lost, and the focus stays on the language button that was pressed.
  test('switching language in the middle of a rating keeps the answer, the chips, the comment and the focus', async () => {
    const { context, page, errors } = await openDemo();
    await page.getByRole('button', { name: 'Transport' }).click();
    await page.getByText('Dissatisfied', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Staff attitude' }).check();
    await page.getByRole('textbox', { name: 'Anything else you want to tell us? (optional)' }).fill('The queue was long.');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('group', { name: '哪里不满意？（选填）' }).waitFor();
    assert.equal(await focusedElementText(page), 'button:简体中文', 'the focus stays where the helper pressed');
    assert.equal(await page.getByRole('radio', { name: '不满意', exact: true }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: '工作人员态度' }).isChecked(), true);
    assert.equal(await page.getByRole('textbox', { name: '还有什么想告诉我们的吗？（选填）' }).inputValue(), 'The queue was long.');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('谢谢！您的评价已提交。').waitFor();
    const rating = JSON.parse(fixture.receiver.requests.at(-1).body);
    assert.equal(rating.score, 2);
    assert.deepEqual(rating.aspects, ['staff-attitude']);
    assert.equal(rating.comment, 'The queue was long.');
    assert.equal(rating.lang, 'zh-Hans', 'the language the rating was sent in');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a browser set to Traditional Chinese gets Traditional Chinese without configuration', async () => {
    const context = await fixture.browser.newContext({ locale: 'zh-TW' });
    const page = await context.newPage();
    await page.goto(`${fixture.url}/`);
    await page.getByRole('heading', { name: '評價城市服務' }).waitFor();
    await page.getByRole('button', { name: '醫療健康' }).click();
    await page.getByRole('radio', { name: '非常滿意' }).waitFor();
    await context.close();
  });

  test('a bad configuration shows what is wrong in place of the widget', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const logged = [];
    page.on('console', (message) => message.type() === 'error' && logged.push(message.text()));
    await page.goto(`${fixture.url}/bad-config.html`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.match(text, /the page must give an endpoint address/);
    assert.match(text, /no service called “Bus”/);
    assert.match(text, /no rating scale called “stars”/);
    assert.equal(logged.filter((line) => line.includes('<civic-feedback>')).length, 1, 'logged once');
    await context.close();
  });

  test('larger text and high contrast are remembered on this device', async () => {
    const { context, page } = await openDemo();
    const widget = page.locator('civic-feedback section');
    assert.equal(await widget.evaluate((el) => getComputedStyle(el).fontSize), '18px');
    await page.getByRole('button', { name: 'A Largest text' }).click();
    await page.getByRole('button', { name: 'High contrast' }).click();
    assert.equal(await widget.evaluate((el) => getComputedStyle(el).fontSize), '27px');
    assert.equal(await widget.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(0, 0, 0)');
    await expectNoAxeViolations(page, 'largest text, high contrast');
    await page.reload();
    await page.getByRole('heading', { name: 'Rate a city service' }).waitFor();
    assert.equal(await widget.evaluate((el) => getComputedStyle(el).fontSize), '27px', 'still large after a reload');
    assert.equal(await page.getByRole('button', { name: 'High contrast' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Transport' }).click();
    await page.getByText('Very dissatisfied').click();
    await expectNoAxeViolations(page, 'a bad review in high contrast');
    await context.close();
  });

  test('at 400 % zoom (320 px wide) with the largest text nothing scrolls sideways', async () => {
    const { context, page } = await openDemo({ viewport: { width: 320, height: 640 } });
    await page.getByRole('button', { name: 'A Largest text' }).click();
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    assert.equal(await sideways(), false, 'service choice');
    await page.getByRole('button', { name: 'Social security' }).click();
    await page.getByText('Very dissatisfied').click();
    await page.getByRole('textbox').fill('等了很久 waited a very long time 13812345678');
    assert.equal(await sideways(), false, 'rating with chips and comment');
    await expectNoAxeViolations(page, '320 px, largest text');
    await context.close();
  });

  test('read aloud speaks the current screen in the current language', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    // Headless Chromium has no voices: a stand-in records what would be spoken.
    await context.addInitScript(() => {
      window.spoken = [];
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; } };
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: Object.assign(Object.create(EventTarget.prototype), {
          speak: (utterance) => window.spoken.push({ text: utterance.text, lang: utterance.lang }),
          cancel: () => {},
        }),
      });
    });
    const page = await context.newPage();
    await page.goto(`${fixture.url}/`);
    await page.getByRole('button', { name: 'Read aloud' }).click();
    let spoken = await page.evaluate(() => window.spoken);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].lang, 'en');
    assert.match(spoken[0].text, /Which service did you use\?[\s\S]*Transport[\s\S]*Employment/);
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('button', { name: '交通出行' }).click();
    await page.getByRole('button', { name: '朗读' }).click();
    spoken = await page.evaluate(() => window.spoken);
    assert.equal(spoken[1].lang, 'zh-CN', 'voices are chosen by region');
    assert.match(spoken[1].text, /您对这项服务满意吗？[\s\S]*非常满意[\s\S]*非常不满意/);
    await context.close();
  });

  test('read aloud is not offered where the browser cannot speak', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    await context.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined }));
    const page = await context.newPage();
    await page.goto(`${fixture.url}/`);
    await page.getByRole('heading', { name: 'Rate a city service' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Read aloud' }).count(), 0);
    await context.close();
  });

  test('no accessibility violations on each screen', async () => {
    const { context, page } = await openDemo();
    await expectNoAxeViolations(page, 'the service choice');
    await page.getByRole('button', { name: 'Employment' }).click();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await expectNoAxeViolations(page, 'the rating screen with an error');
    await page.getByText('Very satisfied').click();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you. Your rating was sent.').waitFor();
    await expectNoAxeViolations(page, 'the confirmation');
    await context.close();
  });
});
