// Launches Debian's Chromium through playwright-core (never a downloaded browser) and scans
// pages with axe-core.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-dev-shm-usage'];

export async function launchChromium() {
  // Chromium's own log, printed only if the browser process exits unexpectedly.
  const log = [];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    logger: { isEnabled: (name) => name === 'browser', log: (_name, _severity, message) => log.push(String(message)) },
  });
  browser.expectedClose = false;
  browser.on('disconnected', () => {
    if (!browser.expectedClose) console.log(`# Chromium exited unexpectedly; its last log lines:\n# ${log.slice(-15).join('\n# ')}`);
  });
  const close = browser.close.bind(browser);
  browser.close = () => {
    browser.expectedClose = true;
    return close();
  };
  return browser;
}

const BROWSER_GONE = /Target page, context or browser has been closed|Browser has been closed|browser has disconnected/i;

/**
 * A browser handle that starts Chromium again if the process has died, so one crash of the
 * browser (not of our page) cannot fail every later test of a file.
 */
export async function resilientBrowser() {
  let current = await launchChromium();
  return {
    async newContext(options) {
      if (!current.isConnected()) {
        console.log('# Chromium had exited; starting a new one for the next test');
        current = await launchChromium();
      }
      return current.newContext(options);
    },
    isConnected: () => current.isConnected(),
    close: () => current.close(),
  };
}

/**
 * Runs a test body; if it failed only because the Chromium process died (never for a failed
 * assertion), says so in the log and runs it once more on a fresh browser.
 */
export function retryIfBrowserDied(body) {
  return async (context) => {
    try {
      await body(context);
    } catch (error) {
      if (!BROWSER_GONE.test(String(error?.message))) throw error;
      console.log(`# Chromium exited during "${context.name}"; running it once more`);
      await body(context);
    }
  };
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
