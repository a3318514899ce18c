import { createHttpApp } from '@sproul/common/http';
import type { Logger } from '@sproul/common/logging';
import { acceptInvitationPage } from './accept-invitation-page.js';
import type { AccessPolicy } from './access-policy.js';
import { apiDocs } from './api-docs.js';
import { compressLargeAnswers } from './compression.js';
import type { GatewayConfig } from './config.js';
import { devMail } from './dev-mail.js';
import { policyChecks, policyHeaders } from './express-policy.js';
import { type HomePageContent, homePage } from './home-page.js';
import { limiterFactory } from './limiter-store.js';
import type { ProxyHandler } from './proxy.js';
import { rateLimits } from './rate-limits.js';
import type { ServiceName } from './route-table.js';
import { gatewayVersion } from './version.js';

export interface ExpressLaneOptions {
  config: GatewayConfig;
  logger: Logger;
  policy: AccessPolicy;
  /** The services' proxies, by name; filled in once the app exists, read per request. */
  proxies: Record<ServiceName, ProxyHandler>;
  /** The service URLs, by name. */
  targets: Record<string, string[]>;
  rateLimitRedis?: unknown;
  home?: HomePageContent;
}

/**
 * The express app: every request the fast lane (fast-lane.ts) leaves, and the gateway's own pages.
 * The access policy's headers and preflights, the rate limits, the policy's checks, then the proxy,
 * or the API documentation, the embedded mode's sent mail, the invitation page and the home page.
 */
export function createExpressLane(options: ExpressLaneOptions) {
  const { config, logger, policy, proxies, targets, rateLimitRedis, home } = options;
  return createHttpApp({
    service: 'gateway',
    version: gatewayVersion,
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
      app.use(apiDocs(Object.values(targets).map((urls) => urls[0]!)));
      // The embedded mode's sent mail; no such route exists in any other mode.
      if (config.DEV_MAIL_URL) app.use(devMail(config.DEV_MAIL_URL));
      // Where an officer invitation's emailed link leads (auth builds it on PUBLIC_BASE_URL).
      app.use(acceptInvitationPage(config.FRONTEND_BASE_URL));
      app.use(homePage(home ?? {}, Object.keys(targets)));
    },
  });
}

/** `TRUST_PROXY`: a hop count, true/false, or express's names and CIDRs (`loopback, 10.0.0.0/8`). */
const trustProxy = (value: string): boolean | number | string =>
  /^\d+$/.test(value) ? Number(value) : value === 'true' ? true : value === 'false' ? false : value;
