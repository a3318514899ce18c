import { canonicalPath } from './canonical-path.js';
import { RULES, type Rule } from './rate-limit-rules.js';
import { findRoute, type RouteEntry } from './route-table.js';

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
