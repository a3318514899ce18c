import type { IncomingHttpHeaders } from 'node:http';
import type { TokenVerifier } from '@sproul/common/auth';
import { AppError } from '@sproul/common/errors';
import {
  BAD_PATH,
  type HeaderPairs,
  OWN,
  type RequestView,
  TOO_LARGE,
  type Verdict,
} from './access-verdict.js';
import { bearerToken } from './bearer-token.js';
import { hasDotSegment } from './canonical-path.js';
import { corsHeaders } from './cors.js';
import { helmetHeaders } from './helmet-headers.js';
import { isPublic } from './public-routes.js';
import { findRoute } from './route-table.js';
import { bodyLimitFor } from './upload-limits.js';

export interface AccessPolicyOptions {
  origins: (string | RegExp)[];
  bodyLimitBytes: number;
  verifier: TokenVerifier;
}

export type AccessPolicy = ReturnType<typeof createAccessPolicy>;

/**
 * Every rule the gateway applies to a request before a service sees it, written once for both lanes
 * (fast-lane.ts, and the express app in express-lane.ts), which only adapt the verdict to their I/O:
 * - `answerHeaders`: the security headers (helmet's, worked out once) and CORS headers every answer carries;
 * - `preflightHeaders`: the answer to an OPTIONS preflight, on any path;
 * - `check`: the route, then dot segments (400), the access token off the public routes (401), and a
 *   declared body over the limit (413; the media service's upload routes have their own, upload-limits.ts).
 *   Synchronous unless a token has to be verified. Request ids (`takeRequestId`) and rate limits
 *   (rate-limits.ts, which must read the body first: limited-body.ts) are applied by the lanes around it.
 */
export function createAccessPolicy({ origins, bodyLimitBytes, verifier }: AccessPolicyOptions) {
  const security = helmetHeaders();
  const cors = corsHeaders(origins);
  const plain: HeaderPairs = [...security, ...cors.answer(undefined)];
  // Per allowed origin (few), so that the common answer builds no array.
  const byOrigin = new Map<string, HeaderPairs>();

  function answerHeaders(origin: string | undefined): HeaderPairs {
    if (!origin) return plain;
    let headers = byOrigin.get(origin);
    if (!headers) {
      const pairs = cors.answer(origin);
      if (pairs.length === 2) return plain; // not an allowed origin: Vary alone
      headers = [...security, ...pairs];
      if (byOrigin.size < 1_000) byOrigin.set(origin, headers);
    }
    return headers;
  }

  const preflightHeaders = (origin: string | undefined): HeaderPairs => [
    ...security,
    ...cors.preflight(origin),
  ];

  function check(view: RequestView): Verdict | Promise<Verdict> {
    const { path, headers } = view;
    const route = findRoute(path);
    if (!route) return OWN;
    // The test is only worth running on a path that could hold a dot segment.
    if ((path.includes('.') || path.includes('%')) && hasDotSegment(path)) return BAD_PATH;
    const forward = { forward: { service: route.service, headers: answerHeaders(headers.origin) } };
    if (isPublic(path)) return withinLimit(path, headers) ? forward : TOO_LARGE;
    const token = bearerToken(headers.authorization);
    if (typeof token !== 'string') return token;
    // Bad, expired, revoked and wrong-kind tokens stop here. Other failures (none expected) are thrown.
    return verifier.verify(token).then(
      (): Verdict => (withinLimit(path, headers) ? forward : TOO_LARGE),
      (error: unknown): Verdict => {
        if (error instanceof AppError) return { reject: { status: error.status, reason: error.reason } };
        throw error;
      },
    );
  }

  // Declared oversize bodies are refused here rather than streamed to a service to hear no.
  const withinLimit = (path: string, headers: IncomingHttpHeaders) =>
    Number(headers['content-length'] ?? 0) <= bodyLimitFor(path, bodyLimitBytes);

  return { answerHeaders, preflightHeaders, check };
}
