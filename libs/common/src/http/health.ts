import { Router } from 'express';
import type { Registry } from 'prom-client';
import { type ReadinessChecks, runChecks } from './readiness-checks.js';

/**
 * `/healthz`: the process is alive, and which version of the service it runs. `/readyz`: its dependencies answer. `/metrics`: Prometheus text.
 * `healthzOnly` leaves out the two that tell outsiders about the platform's insides (the gateway's
 * public port serves them on a separate internal listener instead).
 */
export function healthRoutes(
  service: string,
  checks: ReadinessChecks,
  registry: Registry,
  { healthzOnly = false, version }: { healthzOnly?: boolean; version?: string } = {},
) {
  const router = Router();
  const alive = version === undefined ? { status: 'ok', service } : { status: 'ok', service, version };
  router.get('/healthz', (_req, res) => {
    res.json(alive);
  });
  if (healthzOnly) return router;
  router.get('/readyz', async (_req, res) => {
    const result = await runChecks(checks);
    res.status(result.ready ? 200 : 503).json({ status: result.ready ? 'ok' : 'error', service, ...result });
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', registry.contentType);
    res.send(await registry.metrics());
  });
  return router;
}
