// Launches Debian's Chromium through playwright-core (never a downloaded browser) and scans
// pages with axe-core.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
  });
}

/** Fails the test with a readable list when axe finds any WCAG 2.2 AA or best-practice violation. */
export async function expectNoAxeViolations(page, label) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  if (summary.length) throw new Error(`axe found ${summary.length} violation(s) on ${label}:\n  ${summary.join('\n  ')}`);
}

/** The deepest focused element, looking through open shadow roots. */
export function focusedElementText(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `${active.tagName.toLowerCase()}:${(active.textContent || active.value || '').trim()}` : '';
  });
}

/** Presses Tab until the focused element matches `wanted` (tag:text), at most `limit` times. */
export async function tabTo(page, wanted, limit = 20) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedElementText(page)) === wanted) return;
  }
  throw new Error(`Tab never reached ${wanted}; last focus: ${await focusedElementText(page)}`);
}
