// Accessibility past axe (see ACCESSIBILITY.md, which names each test here): focus never hidden
// behind anything the product or its demo draws, what a screen reader is given (Chromium's own
// accessibility tree, against readable fixtures), forced colours, and reflow on every page.
import { after, before, describe, test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, retryIfBrowserDied } from './support/browser.mjs';
import { startFixture } from './support/fixture.mjs';
import { STAFF_TOKEN, postRatings, startCollector, staffUpdate } from './support/collector.mjs';

const test = (name, body) => nodeTest(name, retryIfBrowserDied(body));
const fixtureFile = (name) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

/** In the page: the focused element (through shadow roots), and the points of its box that
 * something else is drawn over (corners inset by 2 px, and the centre). */
function coveredPoints() {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  if (!focused || focused === document.body) return { name: 'body', covered: [] };
  const box = focused.getBoundingClientRect();
  const name = `${focused.tagName.toLowerCase()}${focused.id ? `#${focused.id}` : ''} ${(focused.textContent || focused.getAttribute('aria-label') || '').trim().slice(0, 40)}`;
  // A visually hidden control (a 1 px skip target, say) has nothing to cover.
  if (box.width <= 2 || box.height <= 2) return { name, covered: [] };
  const inside = (x, y) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;
  const points = [[box.left + 2, box.top + 2], [box.right - 2, box.top + 2], [box.left + 2, box.bottom - 2],
    [box.right - 2, box.bottom - 2], [(box.left + box.right) / 2, (box.top + box.bottom) / 2]];
  if (!points.some(([x, y]) => inside(x, y))) return { name, covered: ['out of view'] };
  const root = focused.getRootNode();
  const covered = points
    .filter(([x, y]) => inside(x, y))
    .map(([x, y]) => root.elementFromPoint(x, y))
    // Its own label drawn over a native radio is the control, not something covering it.
    .filter((hit) => hit && hit !== focused && !focused.contains(hit) && !hit.contains(focused))
    .filter((hit) => ![...(focused.labels ?? [])].some((label) => label === hit || label.contains(hit)))
    .map((hit) => `${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''}.${hit.className}`);
  return { name, covered };
}

/** A collector's record with something on every screen, with k = 5: transport rated in three
 * quarters about 100 days apart (6, 2 and 6 ratings, so the middle one is hidden on the trend
 * chart), and six bad reviews today (education and healthcare), one answered with a public reply
 * and one acknowledged. Returns the answered case's receipt code. */
async function seedRecord(collector) {
  const ratings = [];
  const day = (daysAgo) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const add = (service, score, daysAgo, count) => {
    for (let i = 0; i < count; i += 1) {
      ratings.push({ schema: 'civic-pulse.rating.v1', id: `3c1e9c2a-7b3f-4e8a-9c6d-${String(ratings.length).padStart(12, '0')}`,
        service, scale: 'good-bad-5', score, lang: 'en', day: day(daysAgo) });
    }
  };
  add('transport', 4, 300, 6);
  add('transport', 5, 200, 2);
  add('transport', 3, 100, 6);
  add('education', 1, 0, 3);
  add('healthcare', 2, 0, 3);
  const { results } = await postRatings(collector, ratings);
  const bad = results.filter((_, n) => ratings[n].score <= 2).map((stored) => stored.receipt);
  await staffUpdate(collector, bad[0], { status: 'answered', reply: 'The school office will call you back on Monday.' });
  await staffUpdate(collector, bad[1], { status: 'acknowledged' });
  return bad[0];
}

describe('accessibility past axe', () => {
  let fixture;
  let collector;
  let answered;
  before(async () => {
    fixture = await startFixture();
    collector = await startCollector({ CIVIC_PULSE_MIN_CELL: '5' });
    answered = await seedRecord(collector);
  });
  after(() => {
    fixture?.stop();
    collector?.child.kill();
  });

  // The pages a person meets, each opened as they meet it and ready to use: the widget's pages
  // from the static fixture; the resident's receipt page with an answered case (its timeline and
  // the "was it solved?" question), the staff console signed in (inbox, trend chart, exports,
  // imports, the report form) and this month's public report from the real collector.
  const RECEIPT = 'the receipt page with an answered case';
  const STAFF = 'the staff console, signed in';
  const REPORT = "this month's public report";
  async function open(tab, page) {
    switch (page) {
      case RECEIPT:
        await tab.goto(`${collector.url}/receipt.html?code=${answered}&lang=en`);
        await tab.getByRole('button', { name: 'Yes, solved' }).waitFor();
        return;
      case STAFF:
        await tab.goto(`${collector.url}/staff.html`);
        await tab.getByLabel(/Staff token/).fill(STAFF_TOKEN);
        await tab.getByRole('button', { name: 'Open' }).click();
        await tab.locator('.st-case').first().waitFor();
        await tab.getByRole('img', { name: /Satisfaction with/ }).waitFor();
        // One case open, so its forms are checked with the rest.
        await tab.locator('.st-case').first().getByRole('button', { name: 'Answer' }).click();
        await tab.locator('.st-case').first().getByLabel('Status').waitFor();
        // Where the sign-in left the focus, so tabbing starts from the page's top.
        await tab.evaluate(() => document.activeElement?.blur());
        return;
      case REPORT:
        await tab.goto(`${collector.url}/report.html?month=${new Date().toISOString().slice(0, 7)}&lang=en`);
        await tab.getByRole('heading', { level: 1 }).waitFor();
        return;
      default: {
        await tab.goto(`${fixture.url}${page}`);
        const ready = { '/': 'Transport', '/selfcheck.html': 'Next dimension' }[page] ?? 'Send rating';
        await tab.getByRole('button', { name: ready }).first().waitFor();
      }
    }
  }

  for (const page of ['/', '/rate.html?service=transport', '/selfcheck.html', RECEIPT, STAFF, REPORT]) {
    for (const viewport of [{ width: 360, height: 640 }, { width: 1280, height: 800 }]) {
      test(`focus is never hidden, even in part, tabbing through ${page} at ${viewport.width} px`, async () => {
        const context = await fixture.browser.newContext({ locale: 'en-US', viewport });
        const tab = await context.newPage();
        await open(tab, page);
        const problems = [];
        const seen = new Set();
        for (let i = 0; i < 150; i += 1) {
          await tab.keyboard.press('Tab');
          const { name, covered } = await tab.evaluate(coveredPoints);
          if (covered.length) problems.push(`${name}: ${covered.join(', ')}`);
          // Back at the start of the page: every stop has been visited.
          if (seen.has(name) && name !== 'body' && i > 3 && name === [...seen][0]) break;
          seen.add(name);
        }
        assert.ok(seen.size > 1, 'the page has focusable controls');
        assert.deepEqual(problems, [], `covered while focused on ${page}`);
        await context.close();
      });
    }
  }

  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    test(`what a screen reader is given on the rating screen, in ${lang} (Chromium's accessibility tree)`, async () => {
      const context = await fixture.browser.newContext({ locale: lang === 'en' ? 'en-US' : lang });
      const tab = await context.newPage();
      await tab.goto(`${fixture.url}/rate.html?service=transport`);
      const widget = tab.locator('main > civic-feedback');
      await widget.getByRole('radio').first().waitFor();
      await widget.getByRole('radio').nth(1).check();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Accessibility.enable');
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const property = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
      // The announcements that matter on this screen, in document order: the widget's region,
      // its headings, the question's group, each answer with its state, and the send button.
      const spoken = nodes
        .filter((node) => !node.ignored && ['region', 'heading', 'group', 'radio', 'button', 'status'].includes(node.role?.value))
        .map((node) => ({
          role: node.role.value,
          name: node.name?.value ?? '',
          ...(node.role.value === 'radio' ? { checked: property(node, 'checked') === 'true' } : {}),
          ...(node.role.value === 'heading' ? { level: property(node, 'level') } : {}),
          ...(node.role.value === 'status' ? { live: property(node, 'live') } : {}),
        }))
        .filter((node) => node.role !== 'button' || node.name === fixtureFile(`rating-screen.${lang}.json`).send);
      const expected = fixtureFile(`rating-screen.${lang}.json`);
      const group = spoken.find((node) => node.role === 'group' && node.name === expected.question);
      assert.ok(group, `the answers are one group named by the question: ${JSON.stringify(spoken)}`);
      const radios = spoken.filter((node) => node.role === 'radio');
      assert.deepEqual(radios.map((r) => r.name), expected.answers, 'five answers, best first, each named');
      assert.deepEqual(radios.map((r) => r.checked), [false, true, false, false, false], 'the chosen one is announced as checked');
      assert.ok(spoken.some((node) => node.role === 'heading' && node.name === expected.service), 'the service is a heading');
      assert.ok(spoken.some((node) => node.role === 'button' && node.name === expected.send), 'the send button is named');
      const statuses = spoken.filter((node) => node.role === 'status');
      assert.ok(statuses.every((node) => node.live === 'polite'), 'status messages are polite, never interrupting');
      await context.close();
    });
  }

  /** The unignored nodes of Chromium's accessibility tree, with role, name and the properties
   * a screen reader announces. */
  async function spokenTree(context, tab) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const property = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
    return nodes.filter((node) => !node.ignored && !['StaticText', 'InlineTextBox'].includes(node.role?.value)).map((node) => ({
      role: node.role?.value,
      name: node.name?.value ?? '',
      focused: property(node, 'focused') === true,
      live: property(node, 'live'),
    }));
  }

  /** Chromium's accessibility tree with the text inside each node, as a screen reader reads a
   * live region out: role, name, description, checked state, liveness, focus and text. */
  async function readTree(context, tab) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const property = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
    // Text inside an ignored wrapper (a plain span) is still read; text under aria-hidden is not
    // (Chromium marks the text itself ignored).
    const textOf = (node) => (node.role?.value === 'StaticText'
      ? (node.ignored ? '' : node.name?.value ?? '')
      : (node.childIds ?? []).map((id) => byId.get(id)).filter(Boolean).map(textOf).filter(Boolean).join(' '));
    return nodes.filter((node) => !node.ignored && !['StaticText', 'InlineTextBox'].includes(node.role?.value)).map((node) => ({
      role: node.role?.value,
      name: node.name?.value ?? '',
      description: node.description?.value ?? '',
      checked: property(node, 'checked'),
      live: property(node, 'live'),
      focused: property(node, 'focused') === true,
      text: textOf(node),
      id: node.nodeId,
      children: node.childIds ?? [],
    }));
  }

  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    test(`what a screen reader is given at each step of a bad review sent offline, in ${lang}: aspects, comment, preview, outcome, queue`, async () => {
      const expected = fixtureFile(`bad-review.${lang}.json`);
      const context = await fixture.browser.newContext({ locale: lang === 'en' ? 'en-US' : lang });
      const tab = await context.newPage();
      await tab.goto(`${fixture.url}/rate.html?service=transport`);
      const widget = tab.locator('main > civic-feedback');
      // The second part (aspects, comment, queue) has come: the read-aloud button is its sign.
      await widget.getByRole('button', { name: expected.readAloud }).waitFor();
      await widget.getByRole('radio', { name: expected.answer, exact: true }).check();
      await widget.getByRole('checkbox', { name: expected.aspects[0] }).check();
      await widget.getByRole('textbox', { name: expected.comment }).fill('Call me on 138 1234 5678');
      await widget.getByText('[phone]', { exact: false }).waitFor();
      let tree = await readTree(context, tab);
      const group = tree.find((node) => node.role === 'group' && node.name === expected.aspectsQuestion);
      assert.ok(group, `the aspects are one group named by their question: ${JSON.stringify(tree.filter((n) => n.role === 'group'))}`);
      const boxes = tree.filter((node) => node.role === 'checkbox');
      assert.deepEqual(boxes.map((box) => box.name), expected.aspects, 'each aspect a named checkbox');
      assert.deepEqual(boxes.map((box) => box.checked), ['true', 'false', 'false', 'false', 'false', 'false'], 'the ticked one says so');
      const comment = tree.find((node) => node.role === 'textbox');
      assert.deepEqual([comment.name, comment.description], [expected.comment, expected.commentHint], 'the comment box has its label and the privacy note as its description');
      const preview = tree.filter((node) => node.live === 'polite' && node.text.includes('[phone]'));
      assert.deepEqual(preview.map((node) => node.text), [expected.preview], 'what will be sent is read out politely, the number already removed');

      await context.setOffline(true);
      await widget.getByRole('button', { name: expected.send }).click();
      await widget.getByRole('heading', { name: expected.queued }).waitFor();
      await widget.getByText(expected.queueButtons[0], { exact: true }).waitFor();
      tree = await readTree(context, tab);
      const outcome = tree.filter((node) => node.name === expected.queued || node.text === expected.queued);
      assert.deepEqual(outcome.map((node) => [node.role, node.focused]), [['heading', true]], 'the outcome is the focused heading, said once');
      const queue = tree.filter((node) => node.role === 'status' && node.text);
      assert.deepEqual(queue.map((node) => [node.text, node.live]), [[expected.waiting, 'polite']], 'the queue says what waits and why, politely, and not its buttons');
      const buttons = tree.filter((node) => node.role === 'button').map((node) => node.name);
      assert.ok(expected.queueButtons.every((name) => buttons.includes(name)), `the queue's buttons are named: ${buttons}`);
      await context.close();
    });
  }

  test('after sending, the outcome is announced once: the focused heading, not a live region as well', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/rate.html?service=transport`);
    const widget = tab.locator('main > civic-feedback');
    await widget.getByRole('radio', { name: 'Satisfied', exact: true }).check();
    await widget.getByRole('button', { name: 'Send rating' }).click();
    await widget.getByRole('heading', { name: 'Thank you. Your rating was sent.' }).waitFor();
    const spoken = await spokenTree(context, tab);
    const outcome = spoken.filter((node) => node.name.includes('Thank you. Your rating was sent.'));
    assert.deepEqual(outcome.map((node) => [node.role, node.focused]), [['heading', true]], 'one heading, focused, and nothing else says it');
    const live = spoken.filter((node) => node.live && node.live !== 'off');
    assert.ok(live.every((node) => node.live === 'polite'), `every live region is polite: ${JSON.stringify(live)}`);
    await context.close();
  });

  /** Assesses T1.1 at level 3 and T1.2 at level 4 on the self-check: results and charts appear,
   * the coverage still too low to tell the tier. */
  async function assessTwoIndicators(tab) {
    const rate = (code, level) => tab.getByRole('group', { name: new RegExp(`^${code.replace('.', '\\.')} · `) })
      .getByRole('radio', { name: new RegExp(`^${level} · `) }).check();
    await rate('T1.1', 3);
    await rate('T1.2', 4);
  }

  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    test(`on the self-check's results a screen reader hears the figures by name and the warning politely, in ${lang}`, async () => {
      const expected = fixtureFile(`selfcheck-results.${lang}.json`);
      const context = await fixture.browser.newContext({ locale: lang === 'en' ? 'en-US' : lang });
      const tab = await context.newPage();
      await tab.goto(`${fixture.url}/selfcheck.html`);
      await assessTwoIndicators(tab);
      await tab.getByTestId('tier-unknown').waitFor();
      const spoken = await spokenTree(context, tab);
      const names = spoken.map((node) => `${node.role}:${node.name}`);
      for (const wanted of [`heading:${expected.heading}`, ...expected.terms.map((term) => `term:${term}`)]) {
        assert.ok(names.includes(wanted), `${wanted} in ${JSON.stringify(names.filter((n) => /^(heading|term|definition)/.test(n)))}`);
      }
      const status = spoken.filter((node) => node.role === 'status');
      assert.ok(status.length > 0 && status.every((node) => node.live === 'polite'), 'the coverage warning is a polite status');
      await context.close();
    });
  }

  test("in forced colours the self-check's charts draw every bar, line and label in the system's text colour, the two radar lines told apart by dashes and the lights in words", async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US', forcedColors: 'active' });
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/selfcheck.html`);
    await assessTwoIndicators(tab);
    await tab.locator('.sc-radar-city').waitFor({ state: 'attached' });
    const colours = await tab.evaluate(() => {
      const style = (selector, property) => [...document.querySelectorAll(selector)].map((node) => getComputedStyle(node)[property]);
      return {
        text: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
        bars: style('.sc-bar', 'fill'),
        barWidths: [...document.querySelectorAll('.sc-bar')].map((bar) => bar.getBBox().width),
        labels: style('.sc-bar-label, .sc-radar-label', 'fill'),
        city: style('.sc-radar-city', 'stroke'),
        cityDash: style('.sc-radar-city', 'strokeDasharray'),
        average: style('.sc-radar-average', 'stroke'),
        averageDash: style('.sc-radar-average', 'strokeDasharray'),
      };
    });
    assert.notEqual(colours.text, colours.background);
    assert.ok(colours.bars.length > 0 && colours.bars.every((fill) => fill === colours.text), `bars in the text colour: ${JSON.stringify(colours)}`);
    assert.ok(colours.barWidths.some((width) => width > 0), 'an assessed part has a bar to see');
    assert.ok(colours.labels.every((fill) => fill === colours.text), 'labels in the text colour');
    assert.deepEqual(colours.city, [colours.text], 'this city\'s line in the text colour');
    assert.ok(colours.average.every((stroke) => stroke === colours.text), 'the average\'s line too');
    assert.deepEqual(colours.cityDash, ['none'], 'this city: a solid line');
    assert.ok(colours.averageDash.length === 1 && colours.averageDash[0] !== 'none', 'the average: dashed, so the two differ without colour');
    const lights = await tab.getByRole('table', { name: 'Sub-dimensions of this city (0 to 1)' }).locator('tbody td:nth-child(3)').allInnerTexts();
    assert.ok(lights.some((word) => word.trim().length > 0), `the lights are in words, which forced colours cannot take away: ${lights}`);
    await expectNoAxeViolations(tab, 'the self-check\'s charts in forced colours');
    await context.close();
  });

  test('in forced colours every answer, its chosen state and the focus stay visible', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US', forcedColors: 'active' });
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/rate.html?service=transport`);
    const widget = tab.locator('main > civic-feedback');
    const answer = widget.locator('.cp-rating__option').nth(1);
    await answer.waitFor();
    const before = await answer.screenshot();
    await widget.getByRole('radio', { name: 'Satisfied', exact: true }).check();
    await tab.mouse.move(0, 0);
    const chosen = await answer.screenshot();
    assert.notDeepEqual(chosen, before, 'the chosen answer looks different from an unchosen one');
    const send = widget.getByRole('button', { name: 'Send rating' });
    const unfocused = await send.screenshot();
    await send.focus();
    await tab.keyboard.press('Shift+Tab');
    await tab.keyboard.press('Tab');
    assert.notDeepEqual(await send.screenshot(), unfocused, 'the focus shows on the button');
    await expectNoAxeViolations(tab, 'the rating screen in forced colours');
    await context.close();
  });

  test("in forced colours the staff console's trend chart draws every line, point and label in the system's text colour, the target and rectification lines told apart by dashes and hidden periods outlined; the chosen toggles and a case's focus stay visible", async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US', forcedColors: 'active' });
    const tab = await context.newPage();
    await open(tab, STAFF);
    await tab.locator('#trend-service').selectOption('transport');
    const chart = tab.getByRole('img', { name: /Satisfaction with Transport/ });
    await chart.waitFor();
    const colours = await chart.evaluate((svg) => {
      const style = (selector, property) => [...svg.querySelectorAll(selector)].map((node) => getComputedStyle(node)[property]);
      return {
        text: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
        series: style('.st-chart__series', 'stroke'),
        points: style('.st-chart__point', 'fill'),
        labels: style('.st-chart__count, .st-chart__axis, .st-chart__line-label', 'fill'),
        target: style('.st-chart__target', 'stroke'),
        targetDash: style('.st-chart__target', 'strokeDasharray'),
        rectification: style('.st-chart__rectification', 'stroke'),
        rectificationDash: style('.st-chart__rectification', 'strokeDasharray'),
        hiddenFill: style('.st-chart__hidden', 'fill'),
        hiddenStroke: style('.st-chart__hidden', 'stroke'),
      };
    });
    const all = JSON.stringify(colours);
    assert.notEqual(colours.text, colours.background);
    assert.deepEqual(colours.series, [colours.text], `the line in the text colour: ${all}`);
    assert.ok(colours.points.length >= 2 && colours.points.every((fill) => fill === colours.text), `points in the text colour: ${all}`);
    assert.ok(colours.labels.length > 0 && colours.labels.every((fill) => fill === colours.text), `labels in the text colour: ${all}`);
    assert.deepEqual([...colours.target, ...colours.rectification], [colours.text, colours.text], `both framework lines in the text colour: ${all}`);
    assert.ok(![colours.targetDash[0], colours.rectificationDash[0]].includes('none') && colours.targetDash[0] !== colours.rectificationDash[0],
      `the target and the rectification line differ by their dashes, not by colour: ${all}`);
    assert.ok(colours.hiddenStroke.length >= 1 && colours.hiddenStroke.every((stroke) => stroke === colours.text), `a hidden period is outlined in the text colour: ${all}`);
    assert.ok(colours.hiddenFill.every((fill) => fill !== colours.text), `and not filled like a point: ${all}`);
    // The shared toggles (text size, contrast, language, the chart's periods): the chosen one
    // stands out without its colours.
    const toggles = await tab.evaluate(() => {
      const look = (button) => { const css = getComputedStyle(button); return `${css.backgroundColor} ${css.color}`; };
      const all = [...document.querySelectorAll('.cp-toggle[aria-pressed]')];
      return { pressed: [...new Set(all.filter((b) => b.ariaPressed === 'true').map(look))], unpressed: [...new Set(all.filter((b) => b.ariaPressed === 'false').map(look))] };
    });
    assert.ok(toggles.pressed.length > 0 && toggles.unpressed.length > 0, JSON.stringify(toggles));
    assert.ok(toggles.pressed.every((look) => !toggles.unpressed.includes(look)), `a pressed toggle looks unlike an unpressed one: ${JSON.stringify(toggles)}`);
    // The focus ring is drawn outside the button's box: the picture takes a margin around it.
    const save = tab.locator('.st-case').first().getByRole('button', { name: 'Save' });
    await save.scrollIntoViewIfNeeded();
    const box = await save.boundingBox();
    const around = () => tab.screenshot({ clip: { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16 } });
    const unfocused = await around();
    await save.focus();
    await tab.keyboard.press('Shift+Tab');
    await tab.keyboard.press('Tab');
    assert.notDeepEqual(await around(), unfocused, 'the focus shows on a case\'s button');
    await expectNoAxeViolations(tab, 'the staff console in forced colours');
    await context.close();
  });

  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    test(`what a screen reader is given on the receipt page of an answered case, in ${lang}: the code character by character, the reply, the dated steps and the question`, async () => {
      const expected = fixtureFile(`receipt-page.${lang}.json`);
      const context = await fixture.browser.newContext({ locale: 'en-US' });
      const tab = await context.newPage();
      await tab.goto(`${collector.url}/receipt.html?code=${answered}&lang=${lang}`);
      await tab.getByRole('group', { name: expected.question }).waitFor();
      const tree = await readTree(context, tab);
      const said = (text) => text.replace(/\s+/g, ' ').replace(/ ([:：])/g, '$1').trim();
      assert.ok(tree.some((node) => node.role === 'heading' && node.name === expected.title), 'the page\'s heading');
      assert.equal(await tab.title(), expected.title, 'the tab\'s title in the page\'s language (WCAG 2.4.2)');
      const status = tree.filter((node) => node.role === 'status');
      assert.deepEqual(status.map((node) => [said(node.text), node.live]),
        [[expected.status.replace('{code}', [...answered].join(' ')), 'polite']], 'the status, politely, with the code spelled out');
      const inside = (parent) => tree.filter((node) => parent.children.includes(node.id));
      const list = tree.find((node) => node.role === 'list' && node.name === expected.timeline);
      assert.ok(list, `the steps are a list named ${expected.timeline}`);
      const steps = inside(list).filter((node) => node.role === 'listitem').map((node) => said(node.text));
      assert.deepEqual(steps.map((step) => step.replace(/^\d{4}-\d{2}-\d{2} /, '')), expected.steps, 'each step in words');
      assert.ok(steps.every((step) => /^\d{4}-\d{2}-\d{2} /.test(step)), `each step with its day: ${steps}`);
      const group = tree.find((node) => node.role === 'group' && node.name === expected.question);
      assert.deepEqual(inside(group).filter((node) => node.role === 'button').map((node) => node.name), expected.answers, 'the question\'s two answers, named');
      await context.close();
    });
  }

  // 44 px where residents tap (the widget, the receipt page), the criterion's 24 px elsewhere.
  for (const [page, smallest] of [
    ['/rate.html?service=transport', 44],
    [RECEIPT, 44],
    ['/selfcheck.html', 24],
    [STAFF, 24],
    [REPORT, 24],
  ]) {
    test(`every control on ${page} is a target of at least ${smallest} px (WCAG 2.5.8)`, async () => {
      const context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 640 } });
      const tab = await context.newPage();
      await open(tab, page);
      const small = await tab.evaluate((least) => {
        const roots = [document, ...[...document.querySelectorAll('civic-feedback')].map((host) => host.shadowRoot)];
        const controls = roots.flatMap((root) => [...root.querySelectorAll(
          'button, select, textarea, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), label:has(> input[type=radio]), label:has(> input[type=checkbox]), .cp-rating__label',
        )]);
        return controls
          .filter((control) => control.getClientRects().length && !control.closest('[aria-hidden=true]'))
          .map((control) => ({ control, box: control.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 2 && box.height > 2 && (box.width < least || box.height < least))
          .map(({ control, box }) => `${control.tagName.toLowerCase()}.${control.className} ${(control.textContent || '').trim().slice(0, 30)} ${Math.round(box.width)}×${Math.round(box.height)}`);
      }, smallest);
      assert.deepEqual(small, [], `targets smaller than ${smallest} px on ${page}`);
      // WCAG 2.5.7: nothing on the page asks to be dragged.
      const draggable = await tab.evaluate(() => [document, ...[...document.querySelectorAll('civic-feedback')].map((host) => host.shadowRoot)]
        .flatMap((root) => [...root.querySelectorAll('[draggable=true]')]).length);
      assert.equal(draggable, 0, `draggable elements on ${page}`);
      await context.close();
    });
  }

  test('the staff sign-in takes a pasted token and a password manager: no test to pass, nothing to remember (WCAG 3.3.8)', async () => {
    const context = await fixture.browser.newContext({ locale: 'en-US' });
    const tab = await context.newPage();
    await tab.goto(`${fixture.url}/staff.html`);
    const token = tab.getByLabel(/Staff token/);
    assert.equal(await token.getAttribute('type'), 'password');
    assert.equal(await token.getAttribute('autocomplete'), 'current-password', 'a password manager may fill it');
    await token.focus();
    await tab.keyboard.insertText('pasted-token-0123456789');
    assert.equal(await token.inputValue(), 'pasted-token-0123456789', 'pasting is not blocked');
    assert.equal(await tab.locator('input[type=text], canvas, img').count(), 0, 'no puzzle, no image to transcribe');
    await context.close();
  });

  for (const page of ['/rate.html?service=transport', '/selfcheck.html', RECEIPT, STAFF, REPORT]) {
    test(`with WCAG 1.4.12's text spacing ${page} loses no text and scrolls nothing sideways at 360 px`, async () => {
      const context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 640 } });
      const tab = await context.newPage();
      await open(tab, page);
      if (page.startsWith('/rate')) await tab.getByText('Dissatisfied', { exact: true }).click();
      const clipped = await tab.evaluate(() => {
        // The spacing the criterion names, as its test bookmarklet applies it, in the page and in
        // every widget's shadow root.
        const spacing = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
        const roots = [document, ...[...document.querySelectorAll('civic-feedback')].map((host) => host.shadowRoot)];
        for (const root of roots) {
          const style = document.createElement('style');
          style.textContent = spacing;
          (root === document ? document.head : root).append(style);
        }
        const lost = [];
        for (const root of roots) {
          for (const element of root.querySelectorAll('*')) {
            const css = getComputedStyle(element);
            const hides = /hidden|clip/.test(css.overflowX + css.overflowY);
            const hidden = element.closest('.cp-visually-hidden, .sc-visually-hidden, .cp-honeypot, [hidden]');
            // A field's own value scrolls inside it by design (a pasted token longer than the
            // field): the caret reaches all of it, so nothing is lost.
            const field = element.matches('input, textarea');
            if (!hides || hidden || field || !element.getClientRects().length || element.clientWidth < 3) continue;
            if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) {
              lost.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className} ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`);
            }
          }
        }
        const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        return { lost, sideways };
      });
      assert.deepEqual(clipped.lost, [], `text cut off on ${page}`);
      assert.ok(clipped.sideways <= 1, `${page} scrolls sideways by ${clipped.sideways} px`);
      await context.close();
    });
  }

  for (const page of ['/selfcheck.html', RECEIPT, STAFF, REPORT]) {
    test(`${page} reflows at 320 px (400 % zoom) and with text at 200 %, with nothing scrolling sideways, and honours reduced motion`, async () => {
      const context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });
      const tab = await context.newPage();
      await open(tab, page);
      const sideways = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(sideways <= 1, `${page} scrolls sideways by ${sideways} px at 320 px`);
      const moving = await tab.evaluate(() => [...document.querySelectorAll('*')]
        .filter((element) => parseFloat(getComputedStyle(element).transitionDuration) > 0 || getComputedStyle(element).animationName !== 'none')
        .map((element) => element.tagName));
      assert.deepEqual(moving, [], 'nothing moves when motion is reduced');
      // Text-only zoom to 200 % on a desktop-wide window: still nothing sideways (WCAG 1.4.4).
      await tab.setViewportSize({ width: 1280, height: 800 });
      await tab.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      const wider = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(wider <= 1, `${page} scrolls sideways by ${wider} px with text at 200 %`);
      await context.close();
    });
  }
});
