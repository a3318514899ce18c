import { canonicalPath } from './canonical-path.js';
import { findRoute, type RouteEntry } from './route-table.js';

export interface Limit {
  points: number;
  seconds: number;
}

export interface Rule {
  name: string;
  /** Matched against the canonical path (canonical-path.ts), whatever the method. */
  path: RegExp;
  perIp: Limit;
  /** Per account (see `accountsOf` in rate-limits.ts): slows guessing one account's password. */
  perAccount?: Limit;
}

/**
 * The routes attackers aim at: anything that checks a password, account creation, and anything that
 * sends mail (a way to spam someone's inbox through us). Upstream had no limits at all (§6.3).
 * Every method counts: auth answers GET /api/user/login (Basic) beside POST, and HEAD runs GET's handler.
 */
export const RULES: Rule[] = [
  {
    // One rule, so one allowance per account, for every route that checks a password: the sign-ins
    // (POST with a JSON body, GET /api/user/login with Basic), the change of password (the old one),
    // and any request with Basic credentials (`/api/user` takes them on every method).
    name: 'credentials',
    path: /^\/api\/((user|monitor|student)\/login|admin\/change-password)$/,
    perIp: { points: 30, seconds: 60 },
    perAccount: { points: 10, seconds: 600 },
  },
  {
    name: 'register',
    path: /^\/api\/(user|student)\/register$/,
    perIp: { points: 10, seconds: 600 },
    perAccount: { points: 5, seconds: 3600 },
  },
  { name: 'password-strength', path: /^\/api\/user\/password-strength$/, perIp: { points: 60, seconds: 60 } },
  {
    name: 'email',
    path: /^\/api\/user\/(request-reset|resend-confirm|magic-link)$/,
    perIp: { points: 10, seconds: 600 },
    perAccount: { points: 3, seconds: 3600 },
  },
];

const CREDENTIALS = RULES[0]!;

/** Whether an Authorization header carries Basic credentials (the scheme is case-insensitive). */
export const isBasic = (authorization: string | undefined) =>
  authorization !== undefined &&
  authorization.length > 6 &&
  authorization.slice(0, 6).toLowerCase() === 'basic ';

/**
 * The rule a request falls under, if any: by its path, or as a password check when it sends Basic.
 * Only auth checks credentials, sends mail or creates accounts, so only requests the route table sends
 * to auth are limited (`/api/student/LOGIN` goes to the catalog, which has no such route); both lanes
 * ask this, so a limited request never takes the fast lane.
 */
export function ruleFor(
  path: string,
  authorization: string | undefined,
  route: RouteEntry | undefined = findRoute(path),
): Rule | undefined {
  if (route?.service !== 'auth') return undefined;
  const canonical = canonicalPath(path);
  return (
    RULES.find((rule) => rule.path.test(canonical)) ?? (isBasic(authorization) ? CREDENTIALS : undefined)
  );
}
