import type { IncomingHttpHeaders } from 'node:http';
import type { TokenVerifier } from '@sproul/common/auth';
import { AppError } from '@sproul/common/errors';
import helmet from 'helmet';
import { hasDotSegment } from './canonical-path.js';
import { corsHeaders } from './cors.js';
import { findRoute, type ServiceName } from './route-table.js';

/**
 * Which requests the gateway lets through without an access token. Everything else needs a valid,
 * unrevoked access token before it reaches a service (which verifies it again). Listed here rather
 * than defaulted open, so that a new route is protected until someone decides otherwise.
 */
const PUBLIC: RegExp[] = [
  /^\/\.well-known\/jwks\.json$/,
  // Account API: the routes that sign in, or take a refresh token, or their own credentials (Basic).
  /^\/api\/user\/(email-exists|password-strength|register|resend-confirm|login|request-reset|confirm-reset|refresh|revoke-refresh|magic-link)$/,
  /^\/api\/user\/(confirm|magic-link)\/[^/]+$/,
  /^\/api\/user$/,
  /^\/api\/monitor\/(login|refresh|revoke-refresh)$/,
  /^\/api\/student\/(login|register|refresh|revoke-refresh)$/,
  // Upstream's public lookup lists for the student profile form.
  /^\/api\/student\/(majors|minors|years)$/,
  // The public catalog (a token there is optional, and the catalog reads it itself).
  /^\/api\/catalog(\/.*)?$/,
];

// One alternation, tested once per request, rather than each pattern in turn.
const ANY_PUBLIC = new RegExp(PUBLIC.map((pattern) => `(?:${pattern.source})`).join('|'));

export const isPublic = (path: string) => ANY_PUBLIC.test(path);

/** What the policy reads of a request: either lane builds it from what it has, without copying headers. */
export interface RequestView {
  /** The path as sent, without the query (express's `req.path`). */
  path: string;
  headers: IncomingHttpHeaders;
}

/** Name/value pairs, names lower-case, as `writeAnswerHead` takes them. */
export type HeaderPairs = readonly string[];

export type Verdict =
  /** Not a service's route: one of the gateway's own pages, or its 404. */
  | { own: true }
  /** Answered by the gateway with this status and the error envelope of `reason`; no service sees it. */
  | { reject: { status: number; reason: string } }
  /** Streamed to `service`; its answer goes out with `headers` added (those it did not set itself). */
  | { forward: { service: ServiceName; headers: HeaderPairs } };

export interface AccessPolicyOptions {
  origins: (string | RegExp)[];
  bodyLimitBytes: number;
  verifier: TokenVerifier;
}

export type AccessPolicy = ReturnType<typeof createAccessPolicy>;

/**
 * Every rule the gateway applies to a request before a service sees it, written once for both lanes
 * (fast-lane.ts, and the express app in index.ts), which only adapt the verdict to their I/O:
 * - `answerHeaders`: the security headers (helmet's, worked out once) and CORS headers every answer carries;
 * - `preflightHeaders`: the answer to an OPTIONS preflight, on any path;
 * - `check`: the route, then dot segments (400), the access token off the public routes (401), and a
 *   declared body over the limit (413, multipart uploads excepted: they stream to the media service).
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
    if (isPublic(path)) return withinLimit(headers) ? forward : TOO_LARGE;
    const token = bearerToken(headers.authorization);
    if (typeof token !== 'string') return token;
    // Bad, expired, revoked and wrong-kind tokens stop here. Other failures (none expected) are thrown.
    return verifier.verify(token).then(
      (): Verdict => (withinLimit(headers) ? forward : TOO_LARGE),
      (error: unknown): Verdict => {
        if (error instanceof AppError) return { reject: { status: error.status, reason: error.reason } };
        throw error;
      },
    );
  }

  // Declared oversize bodies are refused here rather than streamed to a service to hear no.
  const withinLimit = (headers: IncomingHttpHeaders) =>
    Number(headers['content-length'] ?? 0) <= bodyLimitBytes ||
    (headers['content-type'] ?? '').toLowerCase().startsWith('multipart/');

  return { answerHeaders, preflightHeaders, check };
}

const OWN: Verdict = { own: true };
const BAD_PATH: Verdict = { reject: { status: 400, reason: 'Bad request path' } };
const TOO_LARGE: Verdict = { reject: { status: 413, reason: 'Request body is too large' } };
// The services' reasons for the same faults (requiredBearerToken in @sproul/common/auth).
const MISSING_TOKEN: Verdict = { reject: { status: 401, reason: 'Missing Authorization Header' } };
const MALFORMED_TOKEN: Verdict = {
  reject: { status: 401, reason: "Bad Authorization header. Expected value 'Bearer <JWT>'" },
};

/** The token of `Bearer <token>`; the scheme is case-insensitive (RFC 9110 §11.1), checked without a copy. */
function bearerToken(header: string | undefined): string | Verdict {
  if (!header) return MISSING_TOKEN;
  if (header.length < 8) return MALFORMED_TOKEN;
  if (!header.startsWith('Bearer ') && header.slice(0, 7).toLowerCase() !== 'bearer ') return MALFORMED_TOKEN;
  const token = header.slice(7);
  return token.includes(' ') ? MALFORMED_TOKEN : token;
}

/** The headers helmet sets (every service's configuration, createHttpApp) as name/value pairs. */
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
