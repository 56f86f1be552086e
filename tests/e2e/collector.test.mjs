// The widget against the reference collector: the real binary, its real SQLite file, serving the
// real release build, as ./run starts it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations, resilientBrowser } from './support/browser.mjs';
import { EDUCATION_TOKEN, STAFF_TOKEN, postRatings, staffInbox, startCollector } from './support/collector.mjs';
import { CONTRACT, freePort } from '../../scripts/servers.mjs';
import jsQR from 'jsqr';

/**
 * Waits until the receipt page's status line says `expected` as a screen reader gets it: the
 * 8-character code spelled out one character at a time (what is only seen is aria-hidden).
 */
async function statusSaid(page, expected) {
  const spelled = expected.replace(/[2-9A-HJKMNP-Z]{8}/, (code) => [...code].join(' '));
  let snapshot = '';
  for (let attempt = 0; attempt < 50; attempt += 1) {
    // The accessibility tree puts a space where the spelled-out code ends; a reader pauses there.
    snapshot = (await page.locator('#result').ariaSnapshot()).replace(/ ([:：])/g, '$1');
    if (snapshot.includes(spelled)) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`the status line says ${snapshot}, not ${spelled}`);
}

/**
 * Waits until the staff inbox says it shows `shown` of `total` cases. On a timeout it fails with
 * what the page said instead (its status lines, the cases on it, the "Show more" button), so a
 * failure in CI says whether an answer failed, was empty or never came.
 */
async function inboxShows(staff, shown, total) {
  try {
    await staff.getByText(`Showing ${shown} of ${total}.`).waitFor();
  } catch (error) {
    const said = await staff.evaluate(() => ({
      status: [...document.querySelectorAll('.st-status, .st-section [role=status]')].map((line) => line.textContent).filter(Boolean),
      problem: document.querySelector('.st-problem')?.textContent,
      cases: document.querySelectorAll('.st-case').length,
      showMore: [...document.querySelectorAll('button')].filter((b) => b.textContent === 'Show more').map((b) => (b.disabled ? 'disabled' : 'enabled')),
      alerts: [...document.querySelectorAll('[role=alert]')].filter((line) => !line.closest('[hidden]')).map((line) => line.textContent).filter(Boolean),
      // Each inbox request the page made, in order, with its answer's status: whether "Show more"
      // asked at all, and what came back.
      asked: performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/v1/staff/inbox'))
        .map((entry) => `${entry.name.split('/v1/staff/')[1]} ${entry.responseStatus}`),
    }));
    assert.fail(`waiting for "Showing ${shown} of ${total}.": ${error.message.split('\n')[0]}; the page says ${JSON.stringify(said)}`);
  }
}

describe('widget and reference collector', () => {
  let collector;

  /** A resident rates `service` "very dissatisfied" on the demo page; the receipt code they get. */
  async function sendBadReview(context, service) {
    const page = await context.newPage();
    await page.goto(`${collector.url}/`);
    const widget = page.locator('main > civic-feedback');
    await widget.getByRole('button', { name: service }).click();
    await widget.getByText('Very dissatisfied').click();
    await widget.getByRole('button', { name: 'Send rating' }).click();
    const note = widget.getByText(/Your reference number is [2-9A-HJKMNP-Z]{8}/);
    await note.waitFor();
    return /number is ([2-9A-HJKMNP-Z]{8})/.exec(await note.innerText())[1];
  }

  /** The staff page, signed in with `token`. */
  async function openStaffPage(context, token) {
    const staff = await context.newPage();
    await staff.goto(`${collector.url}/staff.html`);
    await staff.getByLabel(/Staff token/).fill(token);
    await staff.getByRole('button', { name: /Open/ }).click();
    return staff;
  }

  let browser;
  before(async () => {
    collector = await startCollector();
    browser = await resilientBrowser();
  });
  after(async () => {
    await browser?.close();
    collector?.child.kill();
  });

  test('a rating sent from the demo page is stored and counted; the bundle arrives compressed', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const bundle = [];
    page.on('response', (response) => {
      if (/\/(embed\.js|assets\/feedback-[0-9a-f]+(\.css|\/[\w.]+\.(js|wasm)))$/.test(new URL(response.url()).pathname)) bundle.push(response);
    });
    await page.goto(`${collector.url}/`);
    await page.getByRole('button', { name: 'Social security' }).click();
    await page.getByText('Basically satisfied').click();
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByText('Thank you. Your rating was sent.').waitFor();
    const summary = await (await fetch(`${collector.url}/v1/summary?service=social-security`)).json();
    assert.deepEqual(summary.services[0].scores, [0, 0, 1, 0, 0]);
    assert.equal(summary.services[0].satisfaction, 50);
    // The collector serves the build's brotli (or gzip) copies: a phone never downloads the raw bytes.
    assert.equal(bundle.length, 6, 'loader, glue, the parts\' loader, both Wasm parts and styles');
    for (const response of bundle) {
      const accepted = (await response.request().allHeaders())['accept-encoding'] ?? '';
      const expected = /\bbr\b/.test(accepted) ? 'br' : 'gzip';
      assert.equal(response.headers()['content-encoding'], expected, `${response.url()} (accepts ${accepted})`);
      const { responseBodySize } = await response.request().sizes();
      assert.ok(responseBodySize < (await response.body()).length / 2, `${response.url()} is at most half its size on the wire`);
    }
    await context.close();
  });

  test('a bad review gets a receipt; staff answer it in the inbox; the resident reads the answer', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${collector.url}/`);
    const widget = page.locator('main > civic-feedback');
    await widget.getByRole('button', { name: 'Employment' }).click();
    await widget.getByText('Very dissatisfied').click();
    await widget.getByRole('checkbox', { name: 'It took too long' }).check();
    await widget.getByRole('button', { name: 'Send rating' }).click();
    const note = widget.getByText(/Your reference number is [2-9A-HJKMNP-Z]{8}/);
    await note.waitFor();
    const code = /number is ([2-9A-HJKMNP-Z]{8})/.exec(await note.innerText())[1];
    await expectNoAxeViolations(page, 'the confirmation with a receipt');
    const heard = await widget.locator('.cp-screen--done').ariaSnapshot();
    assert.ok(heard.includes(`is ${[...code].join(' ')}.`) && !heard.includes(`is ${code}`), `a screen reader gets the code spelled out: ${heard}`);
    const link = widget.getByRole('link', { name: 'See what happens with your feedback' });
    assert.equal(await link.getAttribute('href'), `/receipt.html?code=${code}&lang=en`, 'the page speaks the language rated in');

    const lookup = await context.newPage();
    await lookup.goto(`${collector.url}/receipt.html?code=${code.toLowerCase()}`);
    await statusSaid(lookup, `Reference ${code}: Received; waiting to be dealt with.`);
    await expectNoAxeViolations(lookup, 'the receipt page');
    await lookup.getByLabel(/Reference number/).fill('ABCD0OIL');
    await lookup.getByRole('button', { name: /Check/ }).click();
    await lookup.getByText(/A reference number has 8 letters and digits/).waitFor();

    const staff = await context.newPage();
    await staff.goto(`${collector.url}/staff.html`);
    await staff.getByLabel(/Staff token/).fill('not-the-token-at-all');
    await staff.getByRole('button', { name: /Open/ }).click();
    await staff.getByText('The token is not right.', { exact: false }).waitFor();
    await staff.getByLabel(/Staff token/).fill(STAFF_TOKEN);
    await staff.getByRole('button', { name: /Open/ }).click();
    const item = staff.locator('.st-case', { hasText: code });
    await item.getByText(/On time · Open 0 of 15 days/).first().waitFor();
    await item.getByText('Employment · ', { exact: false }).waitFor();
    await item.getByText('Rating: Very dissatisfied').waitFor();
    await item.getByText('Ticked: It took too long').waitFor();
    await item.getByText('Status: Received').waitFor();
    // The forms open under the case's "Answer" button, which says which case it is for.
    const answer = item.getByRole('button', { name: 'Answer' });
    assert.equal(await answer.getAttribute('aria-expanded'), 'false');
    assert.equal(await item.getByLabel(/Status/).count(), 0, 'no form until asked for');
    await answer.click();
    assert.equal(await answer.getAttribute('aria-expanded'), 'true');
    await expectNoAxeViolations(staff, 'the staff page with a case open');
    await item.getByLabel(/Status/).selectOption('answered');
    await item.getByLabel(/Public reply/).fill('The bus timetable was changed on 1 December.');
    await item.getByRole('button', { name: /Save/ }).click();
    await item.getByText('Saved.', { exact: false }).waitFor();
    // The case's own lines say what was saved, without a reload.
    await item.getByText('Status: Answered').waitFor();
    await item.getByText('Public reply: The bus timetable was changed on 1 December.').waitFor();

    await lookup.goto(`${collector.url}/receipt.html?code=${code}`);
    await statusSaid(lookup, `Reference ${code}: Answered.`);
    await lookup.getByText('The bus timetable was changed on 1 December.').waitFor();
    // The resident may read it in another language than staff wrote the page in.
    await lookup.goto(`${collector.url}/receipt.html?code=${code}&lang=zh-Hans`);
    assert.equal(await lookup.locator('html').getAttribute('lang'), 'zh-Hans');
    await lookup.getByText('The bus timetable was changed on 1 December.').waitFor();
    await context.close();
  });

  test('without the widget\'s second part, a bad review still arrives with its receipt, and the resident is told the code could not be shown', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    // The receipt code comes with the second part; a proxy refuses it.
    await context.route('**/split_second_part.wasm', (route) => route.abort());
    const inbox = async () => (await staffInbox(collector, 'service=government')).items.map((item) => item.receipt);
    const before = await inbox();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${collector.url}/`);
    const widget = page.locator('main > civic-feedback');
    await widget.getByText('Reading aloud, text size and the other tools could not load.', { exact: false }).waitFor();
    await widget.getByRole('button', { name: 'Government services' }).click();
    await widget.getByText('Very dissatisfied').click();
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByRole('heading', { name: 'Thank you. Your rating was sent.' }).waitFor();
    await widget.getByText('Your reference number could not be shown here. Your bad review has arrived and will be followed up.').waitFor();
    assert.equal(await widget.getByText(/Your reference number is/).count(), 0, 'no code without the part that shows it');
    const after = await inbox();
    assert.equal(after.length, before.length + 1, 'the bad review is in the inbox, with a receipt for staff to answer');
    assert.ok(after.every((code) => /^[2-9A-HJKMNP-Z]{8}$/.test(code)));
    assert.equal(await widget.locator('.cp-fallback').count(), 0, 'the widget was not replaced by its fallback');
    await expectNoAxeViolations(page, 'the confirmation whose receipt code could not load');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a counter poster prints a QR code that a real decoder reads as the page rating that service', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const poster = await context.newPage();
    await poster.goto(`${collector.url}/poster.html?service=social-security`);
    for (const text of ['社会保障', '社會保障', 'Social security', 'No smartphone? Call 12345.']) {
      await poster.getByText(text, { exact: true }).first().waitFor();
    }
    await expectNoAxeViolations(poster, 'the counter poster');
    // The QR code as the printed page shows it, drawn on a canvas and read by jsQR (npm), which
    // nobody here wrote.
    const { width, height, pixels } = await poster.evaluate(async () => {
      const svg = document.querySelector('figure svg');
      const image = new Image();
      image.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: 600, height: 600 });
      const draw = canvas.getContext('2d');
      draw.fillStyle = '#fff';
      draw.fillRect(0, 0, 600, 600);
      draw.drawImage(image, 0, 0, 600, 600);
      return { width: 600, height: 600, pixels: Array.from(draw.getImageData(0, 0, 600, 600).data) };
    });
    const decoded = jsQR(Uint8ClampedArray.from(pixels), width, height);
    assert.ok(decoded, 'the code decodes');
    assert.equal(decoded.data, `${collector.url}/rate.html?service=social-security`);

    // The page it opens rates that one service.
    const rate = await context.newPage();
    await rate.goto(decoded.data);
    await rate.getByRole('heading', { name: 'Social security', level: 3 }).waitFor();
    assert.equal(await rate.getByRole('button', { name: 'Transport' }).count(), 0, 'no choice of service');
    await rate.getByText('Very satisfied', { exact: true }).click();
    await rate.getByRole('button', { name: 'Send rating' }).click();
    await rate.getByText('Thank you. Your rating was sent.').waitFor();
    const summary = await (await fetch(`${collector.url}/v1/summary?service=social-security&by=channel`)).json();
    assert.ok(summary.channels.some((cell) => cell.channel === 'web' && cell.count >= 1), JSON.stringify(summary));
    const unknown = await fetch(`${collector.url}/poster.html?service=nope`);
    assert.equal(unknown.status, 404);
    await context.close();
  });

  test('staff import the hotline\'s calls from the staff page: refused rows by line, bad reviews in the inbox', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const staff = await openStaffPage(context, STAFF_TOKEN);
    const file = {
      name: 'hotline.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('row_id,service,score,day,comment\r\nH-9001,employment,2,2026-11-30,Nobody answered at the job centre\r\nH-9002,employment,9,2026-11-30,\r\n'),
    };
    await staff.getByLabel(/Choose the CSV file/).setInputFiles(file);
    await staff.getByText('Stored 1 new, 0 already stored, 1 rows refused.', { exact: false }).waitFor();
    await staff.getByText(/Line 3: score must be a whole number from 1 to 5/).waitFor();
    await staff.locator('.st-case', { hasText: 'Nobody answered at the job centre' }).waitFor();
    await expectNoAxeViolations(staff, 'the staff page after a hotline import');
    await staff.getByLabel(/Choose the CSV file/).setInputFiles(file);
    await staff.getByText('Stored 0 new, 1 already stored, 1 rows refused.', { exact: false }).waitFor();
    await context.close();
  });

  test('the loop closes with the resident: acknowledged, answered, "not solved" reopens it for staff, "solved" confirms it, each step dated in the resident\'s language', async () => {
    // The resident rates in 简体中文 and follows the widget's own link; staff work in English.
    const resident = await browser.newContext({ locale: 'zh-CN' });
    const page = await resident.newPage();
    await page.goto(`${collector.url}/`);
    const widget = page.locator('main > civic-feedback');
    await widget.getByRole('button', { name: '教育' }).click();
    await widget.getByText('非常不满意').click();
    await widget.getByRole('button', { name: '提交评价' }).click();
    const note = widget.getByText(/您的查询编号是 [2-9A-HJKMNP-Z]{8}/);
    await note.waitFor();
    const code = /编号是 ([2-9A-HJKMNP-Z]{8})/.exec(await note.innerText())[1];
    const [lookup] = await Promise.all([resident.waitForEvent('page'), widget.getByRole('link', { name: '查看处理进度' }).click()]);
    await statusSaid(lookup, `编号 ${code}：已收到，等待处理。`);
    assert.equal(await lookup.locator('html').getAttribute('lang'), 'zh-Hans');
    const timeline = lookup.getByRole('list', { name: '处理过程' });
    const steps = async () => (await timeline.getByRole('listitem').allInnerTexts()).map((line) => {
      assert.match(line, /^\d{4}-\d{2}-\d{2} /, 'each step has its day');
      return line.replace(/^\d{4}-\d{2}-\d{2} /, '');
    });

    const staffContext = await browser.newContext({ locale: 'en-US' });
    const staff = await openStaffPage(staffContext, STAFF_TOKEN);
    const item = staff.locator('.st-case', { hasText: code });
    await item.getByRole('button', { name: 'Answer' }).click();
    const options = await item.getByLabel(/Status/).locator('option').allInnerTexts();
    assert.ok(options.every((label) => !/Confirmed|Reopened/.test(label)), `staff cannot confirm for the resident: ${options}`);
    await item.getByLabel(/Status/).selectOption('acknowledged');
    await item.getByRole('button', { name: /Save/ }).click();
    await item.getByText('Saved.', { exact: false }).waitFor();
    await lookup.reload();
    await statusSaid(lookup, `编号 ${code}：已受理。`);
    assert.equal(await lookup.getByRole('button', { name: /解决/ }).count(), 0, 'nothing to confirm before an answer');

    await item.getByLabel(/Status/).selectOption('answered');
    await item.getByLabel(/Public reply/).fill('A teacher will call the school office.');
    await item.getByRole('button', { name: /Save/ }).click();
    await item.getByText('Saved.', { exact: false }).waitFor();
    await lookup.reload();
    await statusSaid(lookup, `编号 ${code}：已答复。`);
    await lookup.getByText('A teacher will call the school office.').waitFor();
    assert.deepEqual(await steps(), ['已收到，等待处理。', '已受理。', '已答复。']);
    await expectNoAxeViolations(lookup, 'the receipt page with the timeline and the question, in 简体中文');
    await lookup.getByRole('button', { name: '没有解决' }).click();
    await statusSaid(lookup, `编号 ${code}：您表示问题未解决，已重新办理。`);
    assert.equal(await lookup.getByRole('button', { name: /解决/ }).count(), 0, 'once per answer');

    await staff.reload();
    await staff.getByLabel(/Staff token/).waitFor();
    const reopened = staff.locator('.st-case', { hasText: code });
    await reopened.getByRole('list', { name: 'Timeline' }).getByText('Reopened: the resident says it is not solved').waitFor();
    await reopened.getByText('Status: Reopened: the resident says it is not solved').waitFor();
    await reopened.getByRole('button', { name: 'Answer' }).click();
    assert.equal(await reopened.getByLabel(/Status/).inputValue(), 'reopened', 'back in the inbox as reopened');
    await reopened.getByLabel(/Status/).selectOption('answered');
    await reopened.getByRole('button', { name: /Save/ }).click();
    await reopened.getByText('Saved.', { exact: false }).waitFor();
    await lookup.reload();
    await lookup.getByRole('button', { name: '解决了' }).click();
    await statusSaid(lookup, `编号 ${code}：您已确认问题解决。`);
    assert.deepEqual(await steps(), ['已收到，等待处理。', '已受理。', '已答复。', '您表示问题未解决，已重新办理。', '已答复。', '您已确认问题解决。']);
    await staffContext.close();
    await resident.close();
  });

  test('a department sees its own bad reviews, passes one on with a reason, and the resident reads where it went', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const code = await sendBadReview(context, 'Education');

    const staff = await openStaffPage(context, EDUCATION_TOKEN);
    await staff.getByText("Your department's inbox: Education Bureau").waitFor();
    assert.equal(await staff.getByLabel(/^Department$/).count(), 0, 'a department has no filter to choose');
    assert.equal(await staff.getByRole('heading', { name: 'Import hotline ratings' }).count(), 0, "the hotline import is the city's");
    const items = staff.locator('.st-case');
    for (const text of await items.allTextContents()) assert.match(text, /Education Bureau/, 'only its own cases');
    const item = items.filter({ hasText: code });
    await item.getByRole('button', { name: 'Answer' }).click();
    await expectNoAxeViolations(staff, 'the staff page with the transfer form');
    await item.getByLabel(/Transfer to/).selectOption('health-commission');
    await item.getByLabel(/Reason/).fill('The school clinic is run by the health commission.');
    await item.getByRole('button', { name: /Transfer/ }).click();
    await item.getByText('Transferred to Health Commission.').waitFor();
    await staff.reload();
    await staff.getByLabel(/Staff token/).waitFor();
    await staff.getByText(/Your department's inbox/).waitFor();
    assert.equal(await staff.locator('.st-case', { hasText: code }).count(), 0, 'gone from education');

    await staff.getByLabel(/Staff token/).fill(STAFF_TOKEN);
    await staff.getByRole('button', { name: /Open/ }).click();
    await staff.getByLabel(/^Department$/).selectOption('health-commission');
    const moved = staff.locator('.st-case', { hasText: code });
    await moved.getByText('Transferred → Health Commission (The school clinic is run by the health commission.)').waitFor();

    const lookup = await context.newPage();
    await lookup.goto(`${collector.url}/receipt.html?code=${code}`);
    const timeline = lookup.getByRole('list', { name: /Timeline/ });
    await timeline.getByText('Passed to Health Commission.').waitFor();
    assert.equal(await lookup.getByText(/school clinic/).count(), 0, 'the reason is for staff only');
    await lookup.getByRole('button', { name: '繁體中文' }).click();
    await lookup.getByRole('list', { name: '處理過程' }).getByText('已轉交衞生健康委員會辦理。').waitFor();
    assert.equal(await lookup.locator('html').getAttribute('lang'), 'zh-Hant');
    await statusSaid(lookup, `編號 ${code}：已收到，等待處理。`);
    // The address keeps the language chosen: a reload (or a bookmark) opens the page in it.
    assert.match(lookup.url(), /[?&]lang=zh-Hant(&|$)/);
    await lookup.reload();
    await statusSaid(lookup, `編號 ${code}：已收到，等待處理。`);
    await context.close();
  });

  test('the monthly report: staff write what changed, the public page shows it with the figures in each language', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    await sendBadReview(context, 'Transport');
    const staff = await openStaffPage(context, STAFF_TOKEN);
    const month = new Date().toISOString().slice(0, 7);
    const form = staff.locator('#changes-form');
    await form.getByLabel(/^Month$/).fill(month);
    await form.getByLabel(/^Language$/).selectOption('en');
    await form.getByLabel(/What we changed/).fill('Bus 42 now runs every 8 minutes at rush hour.\n\nThe clinic opens at 7:30.');
    await form.getByRole('button', { name: /Save/ }).click();
    await form.getByText('Saved.', { exact: false }).waitFor();
    await expectNoAxeViolations(staff, 'the staff page with the report form');

    const [report] = await Promise.all([context.waitForEvent('page'), staff.getByRole('link', { name: /Open the report/ }).click({ modifiers: ['Shift'] })]);
    await report.waitForLoadState();
    const heading = await report.getByRole('heading', { level: 1 }).innerText();
    assert.match(heading, /^Service quality, [A-Z][a-z]+ \d{4}$/);
    assert.deepEqual(await report.getByRole('region', { name: /Bad reviews received/ }).getByRole('rowheader').first().innerText(), 'The whole city');
    assert.deepEqual(await report.locator('section[aria-labelledby="changes"] li').allInnerTexts(),
      ['Bus 42 now runs every 8 minutes at rush hour.', 'The clinic opens at 7:30.']);
    await expectNoAxeViolations(report, 'the monthly report in English');
    await report.getByRole('link', { name: '繁體中文' }).click();
    await report.waitForURL(/lang=zh-Hant/);
    assert.equal(await report.locator('html').getAttribute('lang'), 'zh-Hant');
    assert.match(await report.getByRole('heading', { level: 1 }).innerText(), /^\d{4}年\d{1,2}月政務服務品質報告$/);
    await expectNoAxeViolations(report, 'the monthly report in 繁體中文');
    // At 320 px (400 % zoom) the page reflows; only the wide tables scroll, inside their own
    // focusable regions (WCAG 1.4.10 allows it for data tables).
    await report.setViewportSize({ width: 320, height: 640 });
    assert.equal(await report.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true, 'nothing scrolls the page sideways');
    await context.close();
  });

  test('the inbox pages through 120 bad reviews of a chosen service, none twice and none missed, and passes axe in each language and in high contrast', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const batch = Array.from({ length: 120 }, (_, n) => ({
      schema: 'civic-pulse.rating.v1', id: `5d1e9c2a-7b3f-4e8a-9c6d-${String(n).padStart(12, '0')}`,
      service: n % 3 === 0 ? 'healthcare' : 'employment', scale: 'good-bad-5', score: 1 + (n % 2), lang: 'en', day: today,
    }));
    for (const part of [batch.slice(0, 100), batch.slice(100)]) await postRatings(collector, part);
    const expected = await staffInbox(collector, 'service=employment&limit=1');
    const total = Object.values(expected.counts.urgency).reduce((sum, n) => sum + n, 0);
    assert.ok(total >= 80, `${total} employment cases`);

    const context = await browser.newContext({ locale: 'en-US' });
    const addresses = [];
    context.on('request', (request) => addresses.push(request.url()));
    const staff = await openStaffPage(context, STAFF_TOKEN);
    const service = staff.locator('#filter-service');
    await service.locator('option', { hasText: `Employment (${total})` }).waitFor({ state: 'attached' });
    await service.selectOption('employment');
    await inboxShows(staff, 50, total);
    for (let shown = 50; shown < total;) {
      // Focused and pressed, as from the keyboard. A pointer click here jumps from the top of
      // the list to its end and presses within milliseconds, while the cases it scrolled past
      // are still being laid out (content-visibility) and the button is still moving: the press
      // then lands beside it (seen in CI: pointerdown on the button, click on <main>).
      await staff.getByRole('button', { name: 'Show more' }).focus();
      await staff.keyboard.press('Enter');
      shown = Math.min(total, shown + 50);
      await inboxShows(staff, shown, total);
    }
    assert.equal(await staff.getByRole('button', { name: 'Show more' }).count(), 0, 'no page after the last');
    const cases = staff.locator('.st-case');
    // textContent: cases far below the window are not laid out (content-visibility), so have no innerText.
    const codes = (await cases.locator('.st-case__meta').allTextContents()).map((line) => /Reference ([2-9A-HJKMNP-Z]{8})/.exec(line)[1]);
    assert.equal(codes.length, total, 'none missed');
    assert.equal(new Set(codes).size, total, 'none twice');
    for (const heading of await cases.locator('h3').allTextContents()) assert.match(heading, /^Employment · /);
    await expectNoAxeViolations(staff, 'the staff console, paged and filtered');
    // The export, as a button: fetched with the token in the header and saved from memory.
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'ratings.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.trim().split('\n').length > 120, 'every rating, one a line');
    await staff.getByText(/^Downloaded ratings\.csv \(\d+ KB\)\.$/).waitFor();
    assert.ok(addresses.every((address) => !address.includes(STAFF_TOKEN)), 'the token is never in an address');
    await staff.getByRole('button', { name: 'High contrast' }).click();
    assert.equal(await staff.locator('html').getAttribute('data-contrast'), 'high');
    await expectNoAxeViolations(staff, 'the staff console in high contrast');
    for (const [language, heading] of [['简体中文', '差评待办'], ['繁體中文', '差評待辦']]) {
      await staff.getByRole('button', { name: language }).click();
      await staff.getByRole('heading', { name: heading }).waitFor();
      await expectNoAxeViolations(staff, `the staff console in ${language}`);
    }
    assert.equal(await staff.locator('html').getAttribute('lang'), 'zh-Hant');
    await context.close();
  });

  test('the staff console draws satisfaction by week with the hidden weeks as hidden, never as zero', async () => {
    // k = 5, and February 2027 is four whole weeks: its first week holds 3 ratings, the others 6.
    // The collector hides the first and, so the month cannot be subtracted, the second.
    const strict = await startCollector({ CIVIC_PULSE_MIN_CELL: '5' });
    try {
      const ratings = [];
      const add = (day, count) => {
        for (let i = 0; i < count; i += 1) {
          ratings.push({ schema: 'civic-pulse.rating.v1', id: `7a1e9c2a-7b3f-4e8a-9c6d-${String(ratings.length).padStart(12, '0')}`,
            service: 'transport', scale: 'good-bad-5', score: 4, lang: 'en', day });
        }
      };
      for (const day of ['01', '02', '03']) add(`2027-02-${day}`, 1);
      for (const monday of [8, 15, 22]) for (let day = monday; day < monday + 3; day += 1) add(`2027-02-${String(day).padStart(2, '0')}`, 2);
      await postRatings(strict, ratings);
      const context = await browser.newContext({ locale: 'en-US' });
      const staff = await context.newPage();
      await staff.goto(`${strict.url}/staff.html`);
      await staff.getByLabel(/Staff token/).fill(STAFF_TOKEN);
      await staff.getByRole('button', { name: 'Open' }).click();
      await staff.getByRole('button', { name: 'Weeks' }).click();
      const table = staff.getByRole('table', { name: 'Satisfaction with Transport: Weeks' });
      const rows = async () => (await table.locator('tbody tr').allInnerTexts()).map((row) => row.split('\t').join(' '));
      await table.getByText('2027-W08').waitFor();
      assert.deepEqual(await rows(), [
        '2027-W05 hidden (fewer than 5)',
        '2027-W06 hidden (fewer than 5)',
        '2027-W07 6 75.0',
        '2027-W08 6 75.0',
      ]);
      const chart = staff.getByRole('img', { name: /Satisfaction with Transport: Weeks/ });
      assert.equal(await chart.locator('.st-chart__hidden').count(), 2, 'two gaps, marked');
      assert.equal(await chart.locator('.st-chart__point').count(), 2, 'no point drawn for a hidden week');
      assert.deepEqual(await chart.locator('.st-chart__count').allTextContents(), ['6', '6'], 'the ratings beside each point');
      await chart.getByText('Target 85').waitFor();
      await chart.getByText('Below 80: rectification').waitFor();
      await expectNoAxeViolations(staff, 'the staff console with the weekly trend');
      await staff.getByRole('button', { name: '简体中文' }).click();
      await staff.getByRole('table', { name: '交通出行满意度（按周）' }).getByText('不显示（少于 5 条）').first().waitFor();
      await expectNoAxeViolations(staff, 'the weekly trend in 简体中文');
      await context.close();
    } finally {
      strict.child.kill();
    }
  });
  test('the staff console shows its trends within a second of the inbox, also on a page that is never idle', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const staff = await context.newPage();
    await staff.goto(`${collector.url}/staff.html`);
    await staff.getByLabel(/Staff token/).fill(STAFF_TOKEN);
    // A busy phone: 8 ms tasks back to back for 5 s leave the browser no idle moment, so an idle
    // callback without a timeout would wait for their end (checked on a blank page: 3,010 ms for
    // 3 s of them, 1,016 ms with a 1 s timeout). The form is sent from inside, so nothing else
    // has to get through to the page meanwhile.
    const seen = await staff.evaluate(() => new Promise((resolve) => {
      const start = performance.now();
      const end = start + 5000;
      const seen = { end: end - start };
      new MutationObserver(() => {
        for (const id of ['inbox-title', 'trends-title']) {
          if (seen[id] === undefined && document.getElementById(id)) seen[id] = Math.round(performance.now() - start);
        }
      }).observe(document.body, { childList: true, subtree: true });
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const until = performance.now() + 8;
        while (performance.now() < until);
        if (performance.now() < end) channel.port2.postMessage(0);
        else resolve(seen);
      };
      channel.port2.postMessage(0);
      document.querySelector('form').requestSubmit();
    }));
    assert.ok(seen['inbox-title'] !== undefined, `the inbox came while the page was busy: ${JSON.stringify(seen)}`);
    assert.ok(seen['trends-title'] !== undefined && seen['trends-title'] - seen['inbox-title'] < 2000,
      `the trends came within a second or so of the inbox (ms from the start): ${JSON.stringify(seen)}`);
    await context.close();
  });

  test('the staff console says what to do when staff access is off, and when the token is changed while it is open', async () => {
    const port = await freePort();
    const database = join(mkdtempSync(join(tmpdir(), 'civic-pulse-e2e-token-')), 'ratings.sqlite3');
    // No staff token and no departments on the collector: staff access is off.
    let running = await startCollector({ CIVIC_PULSE_LISTEN: `127.0.0.1:${port}`, CIVIC_PULSE_DATABASE: database, CIVIC_PULSE_STAFF_TOKEN: null, CIVIC_PULSE_DEPARTMENTS: null });
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const staff = await context.newPage();
      await staff.goto(`${running.url}/staff.html`);
      await staff.getByLabel(/Staff token/).fill(STAFF_TOKEN);
      await staff.getByRole('button', { name: 'Open' }).click();
      await staff.getByRole('alert').getByText(/Staff access is off on this collector\. Its administrator turns it on by setting CIVIC_PULSE_STAFF_TOKEN/).waitFor();
      running.child.kill();
      await new Promise((resolve) => running.child.once('exit', resolve));

      // Now with a token: the page opens; then the collector restarts with another token.
      running = await startCollector({ CIVIC_PULSE_LISTEN: `127.0.0.1:${port}`, CIVIC_PULSE_DATABASE: database });
      const bad = { schema: 'civic-pulse.rating.v1', id: '6c1e9c2a-7b3f-4e8a-9c6d-000000000001', service: 'transport', scale: 'good-bad-5', score: 1, lang: 'en', day: new Date().toISOString().slice(0, 10) };
      assert.equal((await fetch(`${running.url}/v1/ratings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(bad) })).status, 201);
      await staff.getByRole('button', { name: 'Open' }).click();
      await staff.getByRole('heading', { name: 'Bad reviews to answer' }).waitFor();
      await staff.getByRole('heading', { name: 'Satisfaction over time' }).waitFor();
      running.child.kill();
      await new Promise((resolve) => running.child.once('exit', resolve));
      running = await startCollector({ CIVIC_PULSE_LISTEN: `127.0.0.1:${port}`, CIVIC_PULSE_DATABASE: database, CIVIC_PULSE_STAFF_TOKEN: 'a-new-token-set-this-morning' });
      await staff.locator('#filter-service').selectOption('transport');
      await staff.getByRole('alert').getByText(/The token stopped working while this page was open: it may have been changed on the collector\. Enter the new one\./).waitFor();
      assert.equal(await staff.evaluate(() => document.activeElement?.id), 'staff-token', 'back to the token field');
      await expectNoAxeViolations(staff, 'the staff console asking for the new token');
    } finally {
      await context.close();
      running.child.kill();
    }
  });

  test('the staff, receipt and self-check pages drop their loading line once started, and say in their languages when their bundle cannot load', async () => {
    // No service worker: the self-check's would answer the reload from its cache.
    const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
    // The ids of the lines the pages show before their bundle runs (crates/core/src/web_contract.rs).
    const starting = `#${CONTRACT['page-lines'].starting}`;
    const failed = `#${CONTRACT['page-lines'].failed}`;
    for (const [page, started, said] of [
      ['staff', (tab) => tab.getByLabel('Staff token'), ['The staff console could not start in this browser.', '评价管理无法在此浏览器中启动。', '評價管理無法在此瀏覽器中啟動。']],
      ['receipt', (tab) => tab.getByLabel('Reference number'), ['This page cannot open in this browser.', '此页面无法在这个浏览器中打开。', '此頁面無法在這個瀏覽器中開啟。']],
      ['selfcheck', (tab) => tab.getByRole('heading', { level: 1, name: 'City self-check' }), ['The self-check could not start in this browser.', '自评工具无法在此浏览器中启动。', '自評工具無法在此瀏覽器中啟動。']],
    ]) {
      const tab = await context.newPage();
      await tab.goto(`${collector.url}/${page}.html`);
      await started(tab).waitFor();
      await tab.locator(starting).waitFor({ state: 'detached' });
      assert.equal(await tab.locator(failed).isHidden(), true, `${page}: no "could not start" once started`);
      // The page's preload links start the glue and the Wasm; the loader uses what they fetched.
      const fetched = await tab.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      for (const kind of [/\.glue\.js$/, /\.wasm$/]) {
        assert.equal(fetched.filter((name) => kind.test(name)).length, 1, `${page}: ${kind} fetched once: ${fetched.join(', ')}`);
      }

      // The Wasm never arrives (a proxy refused it): the page says so, not "loading" for ever.
      await tab.route(/\.wasm$/, (route) => route.abort());
      await tab.reload();
      const problem = tab.locator(failed);
      await problem.waitFor();
      for (const words of said) assert.ok((await problem.innerText()).includes(words), `${page}: ${words}`);
      assert.equal(await tab.locator(starting).count(), 0, `${page}: the loading line is gone`);
      await expectNoAxeViolations(tab, `the ${page} page that could not start`);
      await tab.close();
    }
    await context.close();
  });
});
