import { createTokenVerifier } from '@sproul/common/auth';
import type { KeyValueStore } from '@sproul/common/cache';
import { errorEnvelope } from '@sproul/common/errors';
import { createHttpApp, listen, type ReadinessChecks } from '@sproul/common/http';
import type { Logger } from '@sproul/common/logging';
import type { RequestHandler } from 'express';
import { type AccessPolicy, createAccessPolicy } from './access-policy.js';
import { apiDocs } from './api-docs.js';
import { bodyLimitBytes } from './body-limit.js';
import { compressLargeAnswers } from './compression.js';
import { type GatewayConfig, serviceUrls } from './config.js';
import { parseOrigins } from './cors.js';
import { createFastLane } from './fast-lane.js';
import { type HomePageContent, homePage } from './home-page.js';
import { serveInternalEndpoints } from './internal-endpoints.js';
import { limiterFactory } from './limiter-store.js';
import { type ProxyHandler, proxyTo } from './proxy.js';
import { createProxyMetrics } from './proxy-metrics.js';
import { rateLimits } from './rate-limits.js';
import type { ServiceName } from './route-table.js';

export interface GatewayDeps {
  config: GatewayConfig;
  logger: Logger;
  /** The shared store holding the token denylist (Redis, or the embedded process's memory). */
  store: KeyValueStore;
  /** A connected `redis` client for the rate limiters, shared by replicas; memory limiters without one. */
  rateLimitRedis?: unknown;
  /** What the home page at `/` shows beyond the API documentation (mode, demo accounts…). */
  home?: HomePageContent;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The service the access policy forwards the request to. */
    service?: ServiceName;
  }
}

/**
 * The single public URL: finds the owning service in the route table and streams the request to it.
 * The same code runs in every mode; in `npm start` the services simply listen on loopback ports.
 */
export async function start({ config, logger, store, rateLimitRedis, home }: GatewayDeps) {
  const targets = serviceUrls(config);
  const verifier = createTokenVerifier({
    jwksUrl: config.JWKS_URL ?? new URL('/.well-known/jwks.json', config.AUTH_URL).href,
    store,
  });
  const readiness: ReadinessChecks = Object.fromEntries(
    Object.entries(targets).map(([name, url]) => [name, () => checkReady(url)]),
  );
  const policy = createAccessPolicy({
    origins: parseOrigins(config.CORS_ORIGINS),
    bodyLimitBytes: bodyLimitBytes(config.BODY_LIMIT),
    verifier,
  });
  // Filled once the app (and its metrics registry) exists; the app's routes only use it per request.
  const proxies = {} as Record<ServiceName, ProxyHandler>;
  const { app, metrics } = createHttpApp({
    service: 'gateway',
    logger,
    rawBodies: true,
    // Ids travel in headers; AsyncLocalStorage would slow every proxied request (see the option).
    asyncContext: false,
    // `/readyz` and `/metrics` are served on the internal listener only (internal-endpoints.ts).
    internalEndpoints: false,
    routes(app) {
      app.set('trust proxy', trustProxy(config.TRUST_PROXY));
      app.use(policyHeaders(policy));
      app.use(
        rateLimits(limiterFactory(rateLimitRedis), {
          logger,
          factor: config.RATE_LIMIT_FACTOR,
          keyPrefix: config.RATE_LIMIT_PREFIX,
        }),
      );
      app.use(policyChecks(policy));
      app.use((req, res, next) => (req.service ? proxies[req.service](req, res, next) : next()));
      // Proxied answers are compressed as they are relayed (answer-relay.ts); this is for the gateway's own.
      app.use(compressLargeAnswers());
      app.use(apiDocs(Object.values(targets)));
      app.use(homePage(home ?? {}, Object.keys(targets)));
    },
  });
  const answered = createProxyMetrics(metrics);
  for (const [name, url] of Object.entries(targets) as [ServiceName, string][]) {
    proxies[name] = proxyTo(name, url, config.PROXY_TIMEOUT_MS, answered, app.get('trust proxy fn'));
  }
  const fastLane = createFastLane({ proxies, policy, logger });
  const internal = await serveInternalEndpoints(config, readiness, metrics);
  const server = await listen(
    (req, res) => {
      const viaExpress = () => app(req, res);
      if (!fastLane(req, res, viaExpress)) viaExpress();
    },
    config.PORT,
    config.HOST,
  ).catch(async (error) => {
    await internal.close(0);
    throw error;
  });
  logger.info({ url: server.url, internalUrl: internal.url }, 'gateway listening');
  return {
    url: server.url,
    port: server.port,
    internalUrl: internal.url,
    stop: async () => {
      await Promise.all([server.close(config.SHUTDOWN_GRACE_MS), internal.close(0)]);
    },
  };
}

/** `TRUST_PROXY`: a hop count, true/false, or express's names and CIDRs (`loopback, 10.0.0.0/8`). */
const trustProxy = (value: string): boolean | number | string =>
  /^\d+$/.test(value) ? Number(value) : value === 'true' ? true : value === 'false' ? false : value;

/**
 * The express lane's side of the access policy, first: the headers every answer of the gateway carries
 * (its own pages and errors too), and the answer to a preflight on any path.
 */
function policyHeaders(policy: AccessPolicy): RequestHandler {
  return (req, res, next) => {
    const headers =
      req.method === 'OPTIONS'
        ? policy.preflightHeaders(req.headers.origin)
        : policy.answerHeaders(req.headers.origin);
    for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
    if (req.method !== 'OPTIONS') return next();
    res.statusCode = 204;
    res.setHeader('content-length', '0');
    res.end();
  };
}

/** Then, after the rate limits: the policy's checks; a refusal is answered, a service's route noted. */
function policyChecks(policy: AccessPolicy): RequestHandler {
  return async (req, res, next) => {
    const verdict = await policy.check({ path: req.path, headers: req.headers });
    if ('reject' in verdict) {
      res.status(verdict.reject.status).json(errorEnvelope(verdict.reject.reason));
      return;
    }
    // A forwarded answer's headers were set on `res` above, from the same policy.
    if ('forward' in verdict) req.service = verdict.forward.service;
    next();
  };
}

async function checkReady(url: string) {
  const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(1_500) });
  if (!response.ok) throw new Error(`readyz answered ${response.status}`);
}

export { configSchema, type GatewayConfig } from './config.js';
export type { HomePageContent } from './home-page.js';
export { findRoute, routeTable } from './route-table.js';
