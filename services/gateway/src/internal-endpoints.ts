import { errorEnvelope } from '@sproul/common/errors';
import { type createHttpApp, healthRoutes, listen, type ReadinessChecks } from '@sproul/common/http';
import express from 'express';
import type { GatewayConfig } from './config.js';
import { gatewayVersion } from './version.js';

/**
 * `/readyz` (every service's readiness) and `/metrics` describe the platform's insides, so the gateway
 * serves them on their own listener, on loopback unless `INTERNAL_HOST` says otherwise, and never on
 * its public port (which keeps only `/healthz`). Default port: the public one plus 1000 (9080).
 */
export async function serveInternalEndpoints(
  config: GatewayConfig,
  checks: ReadinessChecks,
  registry: Registry,
) {
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes('gateway', checks, registry, { version: gatewayVersion }));
  app.use((req, res) => {
    res.status(404).json(errorEnvelope(`No route for ${req.method} ${req.path}`));
  });
  return listen(app, internalPort(config), config.INTERNAL_HOST);
}

type Registry = ReturnType<typeof createHttpApp>['metrics'];

export const internalPort = (config: GatewayConfig) =>
  config.INTERNAL_PORT ?? (config.PORT === 0 || config.PORT + 1000 > 65535 ? 0 : config.PORT + 1000);
