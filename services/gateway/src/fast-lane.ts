import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type Logger, REQUEST_ID_HEADER, type TokenVerifier, takeRequestId } from '@sproul/common';
import helmet from 'helmet';
import { Counter, Histogram, type Registry } from 'prom-client';
import { isPublic } from './access-policy.js';
import { CORS_EXPOSED_HEADERS, originAllowed } from './cors.js';
import type { ProxyHandler } from './proxy.js';
import { isRateLimited } from './rate-limits.js';
import { findRoute, type ServiceName } from './route-table.js';

export interface FastLaneOptions {
  proxies: Record<ServiceName, ProxyHandler>;
  verifier: TokenVerifier;
  origins: (string | RegExp)[];
  bodyLimitBytes: number;
  logger: Logger;
  registry: Registry;
}

/**
 * The common case, done without express: a request for a service's route, with a valid access token
 * where one is needed, goes straight to the proxy with the same headers, checks and ids the express
 * lane would give it. Everything else (preflight, rate-limited routes, oversize or bad tokens, the
 * gateway's own routes) returns false and is left to the express app, which answers the errors.
 * Measured with `npm run bench:gateway`: express's router, pino-http, the cors and compression
 * middlewares cost more per proxied request than the proxying itself.
 */
export function createFastLane(options: FastLaneOptions) {
  const { proxies, verifier, bodyLimitBytes, logger } = options;
  const securityHeaders = helmetHeaders();
  const allowed = originAllowed(options.origins);
  const logRequests = logger.isLevelEnabled('info');
  const requests = new Counter({
    name: 'gateway_proxied_requests_total',
    help: 'Requests proxied by the gateway, by service and status',
    labelNames: ['service', 'status'] as const,
    registers: [options.registry],
  });
  const latency = new Histogram({
    name: 'gateway_proxied_request_duration_seconds',
    help: 'Time to answer a proxied request (headers sent by the service), by service',
    labelNames: ['service'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [options.registry],
  });

  // Labelled children looked up once: prom-client builds a key string on every `labels()` call.
  const counters = new Map<string, ReturnType<typeof requests.labels>>();
  const counted = (service: ServiceName, status: number) => {
    const key = `${service} ${status}`;
    let child = counters.get(key);
    if (!child) {
      child = requests.labels(service, String(status));
      counters.set(key, child);
    }
    return child;
  };
  const timers = new Map<ServiceName, ReturnType<typeof latency.labels>>();
  const timed = (service: ServiceName) => {
    let child = timers.get(service);
    if (!child) {
      child = latency.labels(service);
      timers.set(service, child);
    }
    return child;
  };

  function forward(req: IncomingMessage, res: ServerResponse, service: ServiceName, fallback: () => void) {
    const started = performance.now();
    const requestId = takeRequestId(req);
    const headers: OutgoingHttpHeaders = { ...securityHeaders, [REQUEST_ID_HEADER]: requestId };
    const origin = req.headers.origin;
    if (origin && allowed(origin)) {
      headers['access-control-allow-origin'] = origin;
      headers['access-control-expose-headers'] = CORS_EXPOSED_HEADERS;
      headers.vary = 'Origin';
    }
    for (const name in headers) res.setHeader(name, headers[name]!);
    res.once('finish', () => {
      counted(service, res.statusCode).inc();
      timed(service).observe((performance.now() - started) / 1000);
      if (logRequests) {
        logger.info(
          {
            reqId: requestId,
            req: { method: req.method, url: req.url },
            res: { statusCode: res.statusCode },
            responseTime: Math.round(performance.now() - started),
          },
          'request completed',
        );
      }
    });
    proxies[service](req, res, fallback);
  }

  /** Takes the request when it can (true); false leaves it, untouched, to the express lane. */
  return function tryFastLane(req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean {
    if (req.method === 'OPTIONS') return false;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const route = findRoute(path);
    if (!route || isRateLimited(req.method, path)) return false;
    if (Number(req.headers['content-length'] ?? 0) > bodyLimitBytes) return false;
    if (isPublic(path)) {
      forward(req, res, route.service, fallback);
      return true;
    }
    const token = bearer(req.headers.authorization);
    if (!token) return false;
    // A token that fails goes to the express lane, which checks it again and answers the 401 envelope.
    verifier.verify(token).then(
      () => forward(req, res, route.service, fallback),
      () => fallback(),
    );
    return true;
  };
}

function bearer(header: string | undefined): string | undefined {
  if (!header || header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = header.slice(7);
  return token && !token.includes(' ') ? token : undefined;
}

/** The headers helmet sets (with the express lane's configuration), worked out once at start-up. */
function helmetHeaders(): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const res = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet()({} as never, res as never, () => {});
  return headers;
}
