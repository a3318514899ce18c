import { Router } from 'express';
import type { Metric } from 'prom-client';
import type { CommonConfig } from '../config/common-config.js';
import { createHttpApp } from '../http/create-app.js';
import type { ServiceDefinition, ServiceDeps } from './define-service.js';
import { describeRoutes } from './describe-routes.js';
import { mountRoutes } from './mount-routes.js';

/**
 * The service's HTTP app: the shared factory (ids, logs, limits, health, errors) with its routes
 * mounted, and their OpenAPI document at `/internal/openapi.json` for the gateway to merge.
 */
export function serviceApp<Config extends CommonConfig, Ctx>(
  definition: ServiceDefinition<Config, Ctx>,
  context: Ctx,
  { database, bus, store, logger }: ServiceDeps,
  config: Config,
  /** The kernel's own figures (messaging, circuit breakers). */
  kernelMetrics: Metric[] = [],
) {
  const routes = definition.routes ?? [];
  const document = describeRoutes(definition.name, routes as never);
  const otherBodies = new Map(
    routes.flatMap(({ spec }) => (spec.alsoAccepts ? [[spec.path, spec.alsoAccepts] as const] : [])),
  );
  const { app, metrics } = createHttpApp({
    service: definition.name,
    version: definition.version,
    logger,
    bodyLimit: config.BODY_LIMIT,
    otherBodies,
    readiness: {
      database: () => database.ping(),
      bus: () => bus.check(),
      store: () => store.ping(),
      ...definition.readiness?.(context),
    },
    routes: (app) => {
      app.get('/internal/openapi.json', (_req, res) => {
        res.json(document);
      });
      const router = Router();
      mountRoutes(router, routes, context, definition.verifier?.(context));
      app.use(router);
    },
  });
  for (const metric of [...kernelMetrics, ...(definition.metrics?.(context) ?? [])])
    metrics.registerMetric(metric);
  return app;
}
