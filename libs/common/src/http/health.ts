import { Router } from 'express';
import type { Registry } from 'prom-client';

/** A named readiness check: resolves when the dependency answers, throws otherwise. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

const CHECK_TIMEOUT_MS = 2_000;

export async function runChecks(checks: ReadinessChecks) {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), CHECK_TIMEOUT_MS);
        return [name, { ok: true }] as const;
      } catch (error) {
        return [name, { ok: false, error: (error as Error).message ?? String(error) }] as const;
      }
    }),
  );
  return { ready: entries.every(([, result]) => result.ok), checks: Object.fromEntries(entries) };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: the process is alive. `/readyz`: its dependencies answer. `/metrics`: Prometheus text.
 * `healthzOnly` leaves out the two that tell outsiders about the platform's insides (the gateway's
 * public port serves them on a separate internal listener instead).
 */
export function healthRoutes(
  service: string,
  checks: ReadinessChecks,
  registry: Registry,
  { healthzOnly = false } = {},
) {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service });
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
