// http-proxy-middleware alone, as many worker processes as our gateway runs (one per core): a keep-alive
// agent and nothing else (no token check, no security headers, ids, metrics, CORS, timeouts or answer
// relay). Not a usable gateway; printed beside ours to show what our per-request work costs on top of
// the proxy library the gateway is built on.
import cluster from 'node:cluster';
import { Agent, createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { createProxyMiddleware } from 'http-proxy-middleware';

if (cluster.isPrimary) {
  for (let i = 0; i < availableParallelism(); i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  const proxy = createProxyMiddleware({
    target: process.env.TARGET,
    agent: new Agent({ keepAlive: true, maxSockets: 256 }),
  });
  createServer((req, res) =>
    proxy(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  ).listen(Number(process.env.PORT), '127.0.0.1');
}
