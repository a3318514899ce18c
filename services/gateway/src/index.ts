import { createTokenVerifier } from '@sproul/common/auth';
import type { KeyValueStore } from '@sproul/common/cache';
import { listen } from '@sproul/common/http';
import type { Logger } from '@sproul/common/logging';
import { createAccessPolicy } from './access-policy.js';
import { balancedProxy, type RefusalHandler } from './balanced-proxy.js';
import { bodyLimitBytes } from './body-limit.js';
import { type GatewayConfig, serviceUrls } from './config.js';
import { parseOrigins } from './cors.js';
import { createExpressLane } from './express-lane.js';
import { createFastLane } from './fast-lane.js';
import type { HomePageContent } from './home-page.js';
import { serveInternalEndpoints } from './internal-endpoints.js';
import { type ProxyHandler, proxyTo } from './proxy.js';
import { createProxyMetrics } from './proxy-metrics.js';
import type { ServiceName } from './route-table.js';
import { serviceReadiness } from './service-readiness.js';

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

/**
 * The single public URL: finds the owning service in the route table and streams the request to it.
 * The same code runs in every mode; in `npm start` the services simply listen on loopback ports.
 */
export async function start({ config, logger, store, rateLimitRedis, home }: GatewayDeps) {
  const targets = serviceUrls(config);
  const verifier = createTokenVerifier({
    jwksUrl: config.JWKS_URL ?? new URL('/.well-known/jwks.json', targets.auth[0]).href,
    store,
  });
  const policy = createAccessPolicy({
    origins: parseOrigins(config.CORS_ORIGINS),
    bodyLimitBytes: bodyLimitBytes(config.BODY_LIMIT),
    verifier,
  });
  // Filled once the app (and its metrics registry) exists; the app's routes only use it per request.
  const proxies = {} as Record<ServiceName, ProxyHandler>;
  const { app, metrics } = createExpressLane({
    config,
    logger,
    policy,
    proxies,
    targets,
    rateLimitRedis,
    home,
  });
  const answered = createProxyMetrics(metrics);
  for (const [name, urls] of Object.entries(targets) as [ServiceName, string[]][]) {
    proxies[name] = balancedProxy(
      urls.map(
        (url, instance) => (onRefused: RefusalHandler) =>
          proxyTo(
            name,
            url,
            config.PROXY_TIMEOUT_MS,
            answered,
            app.get('trust proxy fn'),
            (error, req, res) => onRefused(instance, error, req, res),
          ),
      ),
    );
  }
  const fastLane = createFastLane({ proxies, policy, logger });
  const internal = await serveInternalEndpoints(config, serviceReadiness(targets), metrics);
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

export { configSchema, type GatewayConfig } from './config.js';
export type { HomePageContent } from './home-page.js';
export { findRoute, routeTable } from './route-table.js';
