// The demo that ./run starts: dist/ plus a rating receiver at /v1/ratings on the same origin.
import { createReceiver, startServer } from './servers.mjs';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const receiver = createReceiver();
const logged = async (request, response) => {
  await receiver.handle(request, response);
  if (request.method === 'POST') console.log(`rating ${response.statusCode}: ${receiver.requests.at(-1).body}`);
};
const server = await startServer({ root: new URL('../dist', import.meta.url).pathname, host, port, routes: { '/v1/ratings': logged } });
console.log(`CivicPulse demo: ${server.url}/  (self-check: ${server.url}/selfcheck.html)  Ctrl+C stops it.`);
