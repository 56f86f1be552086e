// One server for dist/ with a real rating receiver mounted on it, and one Chromium, per test file.
import { fileURLToPath } from 'node:url';
import { createReceiver, startServer } from '../../../scripts/servers.mjs';
import { resilientBrowser } from './browser.mjs';

export const DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

/**
 * Starts the servers and the browser; `pages` adds test-only HTML pages by path, `handlers`
 * test-only endpoints (path to a Node request handler).
 */
export async function startFixture({ pages = {}, handlers = {} } = {}) {
  const receiver = createReceiver();
  const routes = { '/v1/ratings': receiver.handle, ...handlers };
  for (const [path, html] of Object.entries(pages)) {
    routes[path] = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    };
  }
  const server = await startServer({ root: DIST, routes });
  const browser = await resilientBrowser();
  return {
    receiver,
    url: server.url,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}
