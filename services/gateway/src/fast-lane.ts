import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenVerifier } from '@sproul/common/auth';
import { REQUEST_ID_HEADER, takeRequestId } from '@sproul/common/http';
import { type Logger, redactUrl } from '@sproul/common/logging';
import helmet from 'helmet';
import { isPublic } from './access-policy.js';
import { CORS_EXPOSED_HEADERS, originAllowed } from './cors.js';
import { attachProxiedAnswer } from './proxied-answer.js';
import type { ProxyHandler } from './proxy.js';
import { ruleFor } from './rate-limit-rules.js';
import { findRoute, type ServiceName } from './route-table.js';

export interface FastLaneOptions {
  proxies: Record<ServiceName, ProxyHandler>;
  verifier: TokenVerifier;
  origins: (string | RegExp)[];
  bodyLimitBytes: number;
  logger: Logger;
}

/**
 * The common case, done without express: a request for a service's route, with a valid access token
 * where one is needed, goes straight to the proxy with the same headers, checks and ids the express
 * lane would give it. Everything else (preflight, rate-limited routes, oversize or bad tokens, paths
 * with `%` or dot segments, the gateway's own routes) returns false and is left to the express app,
 * which answers the errors.
 * Measured with `npm run bench:gateway`: express's router, pino-http, the cors and compression
 * middlewares cost more per proxied request than the proxying itself.
 */
export function createFastLane(options: FastLaneOptions) {
  const { proxies, verifier, bodyLimitBytes, logger } = options;
  const securityHeaders = helmetHeaders();
  const corsHeaders = ['access-control-expose-headers', CORS_EXPOSED_HEADERS, 'vary', 'Origin'];
  const allowed = originAllowed(options.origins);
  const logRequests = logger.isLevelEnabled('info');

  function forward(req: IncomingMessage, res: ServerResponse, service: ServiceName, fallback: () => void) {
    const started = performance.now();
    const requestId = takeRequestId(req);
    const origin = req.headers.origin;
    // Written with the service's answer (proxied-answer.ts), not set on `res` one by one now.
    const headers =
      origin && allowed(origin)
        ? securityHeaders.concat(
            REQUEST_ID_HEADER,
            requestId,
            'access-control-allow-origin',
            origin,
            corsHeaders,
          )
        : securityHeaders.concat(REQUEST_ID_HEADER, requestId);
    attachProxiedAnswer(res, { started, requestId, headers });
    if (logRequests) {
      res.once('finish', () =>
        logger.info(
          {
            reqId: requestId,
            req: { method: req.method, url: redactUrl(req.url) },
            res: { statusCode: res.statusCode },
            responseTime: Math.round(performance.now() - started),
          },
          'request completed',
        ),
      );
    }
    proxies[service](req, res, fallback);
  }

  /** Takes the request when it can (true); false leaves it, untouched, to the express lane. */
  return function tryFastLane(req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean {
    if (req.method === 'OPTIONS') return false;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const route = findRoute(path);
    if (!route) return false;
    // Percent-encoded and dot-segment paths are checked (and refused) by the express lane.
    if (path.includes('%') || path.includes('/.')) return false;
    if (route.service === 'auth' && ruleFor(path, req.headers.authorization, route)) return false;
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
  if (!header || header.length < 8) return undefined;
  // The scheme is case-insensitive (RFC 9110 §11.1); clients send `Bearer `, checked without a copy.
  if (!header.startsWith('Bearer ') && header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
  const token = header.slice(7);
  return token && !token.includes(' ') ? token : undefined;
}

/** The headers helmet sets (the express lane's configuration) as name/value pairs, worked out at start-up. */
function helmetHeaders(): string[] {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: string) {
      headers.set(name.toLowerCase(), value);
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  helmet()({} as never, res as never, () => {});
  return [...headers].flat();
}
