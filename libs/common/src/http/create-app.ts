import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logging/logger.js';
import { redactUrl } from '../logging/redact-url.js';
import { responseSpanIds } from '../tracing/log-fields.js';
import { JSON_BODY_TYPES, type OtherBody, requireSupportedContentType } from './content-type.js';
import { errorHandler, notFoundOrMethodNotAllowed } from './error-handler.js';
import { healthRoutes } from './health.js';
import { createMetrics } from './metrics.js';
import type { ReadinessChecks } from './readiness-checks.js';
import { requestContext, requestIdOnly } from './request-id.js';
import { securityHeadersMiddleware } from './security-headers.js';
import { registerServiceInfo } from './service-info.js';
import { requireValidText } from './text-input.js';
import { traceRequests } from './trace-requests.js';

export interface HttpAppOptions {
  service: string;
  /** The service's own version (its package.json): in `/healthz` and as `service_info{version}`. */
  version?: string;
  logger: Logger;
  /** Largest JSON body accepted; larger ones get a 413. Default 1mb. */
  bodyLimit?: string | number;
  readiness?: ReadinessChecks;
  /** False: serve only `/healthz`, not `/readyz` and `/metrics` (the gateway's public port). */
  internalEndpoints?: boolean;
  /** Mounts the service's own routes. */
  routes?: (app: Express) => void;
  /** Skips JSON parsing and the content-type check (the gateway streams bodies through untouched). */
  rawBodies?: boolean;
  /** Paths (exact) whose routes also take a form or text body (`RouteSpec.alsoAccepts`), parsed too. */
  otherBodies?: ReadonlyMap<string, readonly OtherBody[]>;
  /** Requests to log at debug rather than info (health probes would drown everything else). */
  quietPaths?: string[];
  /**
   * Keep each request's ids in AsyncLocalStorage (default), so log lines, outgoing calls and events
   * made while handling it carry them. False: ids go only in headers (`requestIdOnly`). The gateway
   * says false: on Node 20 the first `AsyncLocalStorage.run` installs promise hooks for the life of
   * the process, which cost its proxied requests 12 % of their throughput (`npm run bench:gateway`),
   * and it passes ids on in headers anyway.
   */
  asyncContext?: boolean;
}

/** The express app every service is built on: same headers, limits, ids, metrics, errors. */
export function createHttpApp(options: HttpAppOptions) {
  const { service, logger } = options;
  const quiet = new Set(options.quietPaths ?? ['/healthz', '/readyz', '/metrics']);
  const metrics = createMetrics(service);
  if (options.version !== undefined) registerServiceInfo(metrics.registry, options.version);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'extended');

  app.use(options.asyncContext === false ? requestIdOnly : requestContext);
  app.use(traceRequests(service, options.asyncContext !== false));
  app.use(metrics.middleware);
  app.use(
    pinoHttp({
      logger,
      genReqId: (_req, res) => String(res.getHeader('x-request-id')),
      // Without an async context the logger's mixin sees no span: the ids come from the response's.
      ...(options.asyncContext === false ? { customProps: (_req, res) => responseSpanIds(res) ?? {} } : {}),
      customLogLevel: (req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        return quiet.has(req.url?.split('?')[0] ?? '') ? 'debug' : 'info';
      },
      serializers: {
        req: (req) => ({ method: req.method, url: redactUrl(req.url) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeadersMiddleware());
  app.use(
    healthRoutes(service, options.readiness ?? {}, metrics.registry, {
      healthzOnly: options.internalEndpoints === false,
      version: options.version,
    }),
  );
  if (!options.rawBodies) {
    app.use(requireSupportedContentType(options.otherBodies));
    app.use(express.json({ limit: options.bodyLimit ?? '1mb', type: JSON_BODY_TYPES }));
    if (options.otherBodies?.size) {
      // Reached only by the paths above: any other form or text body was refused with its 415.
      app.use(express.urlencoded({ extended: false, limit: options.bodyLimit ?? '1mb' }));
      app.use(express.text({ limit: options.bodyLimit ?? '1mb' }));
    }
    app.use(requireValidText);
  }
  options.routes?.(app);
  app.use(notFoundOrMethodNotAllowed);
  app.use(errorHandler(logger, service));
  return { app, metrics: metrics.registry };
}
