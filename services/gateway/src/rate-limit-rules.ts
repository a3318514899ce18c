import { canonicalPath } from './canonical-path.js';
import { findRoute, type RouteEntry } from './route-table.js';

export interface Limit {
  points: number;
  seconds: number;
}

export interface Rule {
  name: string;
  /** The routes, as auth mounts them; matched whatever the method, case, slashes or encoding. */
  paths: string[];
  perIp: Limit;
  /** Per account (see `accountsOf` in rate-limit-keys.ts): slows guessing one account's password. */
  perAccount?: Limit;
  /**
   * Whether a request answered without an error (below 400) gives its try back: then only failed password checks count,
   * and a client that sends its Basic credentials with every call is not locked out by its own use.
   */
  onlyFailuresCount?: boolean;
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
    paths: ['/api/user/login', '/api/monitor/login', '/api/student/login', '/api/admin/change-password'],
    perIp: { points: 30, seconds: 60 },
    perAccount: { points: 10, seconds: 600 },
    onlyFailuresCount: true,
  },
  {
    name: 'register',
    paths: ['/api/user/register', '/api/student/register'],
    perIp: { points: 10, seconds: 600 },
    perAccount: { points: 5, seconds: 3600 },
  },
  { name: 'password-strength', paths: ['/api/user/password-strength'], perIp: { points: 60, seconds: 60 } },
  {
    name: 'email',
    paths: ['/api/user/request-reset', '/api/user/resend-confirm', '/api/user/magic-link'],
    perIp: { points: 10, seconds: 600 },
    perAccount: { points: 3, seconds: 3600 },
  },
];

const CREDENTIALS = RULES[0]!;

/**
 * A route as express matches it, on a path with no `%` and no dot segment: in any case, with repeated
 * slashes, trailing slashes and a raw fragment. Looser than express (which takes one trailing slash and
 * no repeated ones), never stricter. Other paths are put in canonical form first (canonical-path.ts).
 */
const tolerant = (paths: string[]) =>
  new RegExp(
    `^/*(?:${paths.map((path) => path.slice(1).replace(/[-.]/g, '\\$&').replaceAll('/', '/+')).join('|')})/*(?:#.*)?$`,
    'i',
  );
const ANY_RULE = tolerant(RULES.flatMap((rule) => rule.paths));
const BY_RULE = RULES.map((rule) => ({ rule, pattern: tolerant(rule.paths) }));

/** Whether an Authorization header carries Basic credentials (the scheme is case-insensitive). */
export const isBasic = (authorization: string | undefined) =>
  authorization !== undefined &&
  authorization.length > 6 &&
  authorization.slice(0, 6).toLowerCase() === 'basic ';

/**
 * The rule a request falls under, if any: by its path, or as a password check when it sends Basic.
 * Only auth checks credentials, sends mail or creates accounts, so only requests the route table sends
 * to auth are limited (`/api/student/LOGIN` goes to the catalog, which has no such route); both lanes
 * ask this, so a limited request never takes the fast lane. One regular expression for the common case.
 */
export function ruleFor(
  path: string,
  authorization: string | undefined,
  route: RouteEntry | undefined = findRoute(path),
): Rule | undefined {
  if (route?.service !== 'auth') return undefined;
  const form = path.includes('%') || path.includes('/.') || path.includes('?') ? canonicalPath(path) : path;
  if (ANY_RULE.test(form)) return BY_RULE.find(({ pattern }) => pattern.test(form))!.rule;
  return isBasic(authorization) ? CREDENTIALS : undefined;
}
