import type { DocumentedAuth } from '@sproul/common/openapi';

/** Who calls, in the authorization matrix (e2e/authorization.test.ts). */
export const CALLERS = [
  'anonymous',
  'student (member of A)',
  'officer of A',
  'officer of B',
  'removed officer (token held)',
  'removed officer (signed in again)',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

/** `allowed`: anything but 401/403 (a 4xx for the harmless body sent is fine); `refused`: 403 or 404. */
export type Expected = 'allowed' | 401 | 403 | 'refused';

export interface Operation {
  method: string;
  /** As the OpenAPI document writes it: `/api/clubs/{link}/members`. */
  path: string;
  auth: DocumentedAuth;
}

const ROLE: Record<Exclude<Caller, 'anonymous'>, string> = {
  'student (member of A)': 'student',
  'officer of A': 'officer',
  'officer of B': 'officer',
  'removed officer (token held)': 'officer',
  'removed officer (signed in again)': 'officer',
  admin: 'admin',
};

/**
 * The club-scope rule, for a route whose path names a club (`{link}`, `{link_name}`) and that takes a
 * token: the kernel lets any signed-in caller in, then the handler asks engagement's copy of the club's
 * team, never the token's `club` claim. Only the club's officers *now* pass; an officer of another club
 * and a removed officer (signed in again) get 403. Besides, as each handler intends:
 * - admins read (GET) what officers read, and write nothing of the club's;
 * - the club's members (status `member`) read its polls and vote (officers and admins do not vote);
 * - a student reads and moves their own membership and RSVP (the matrix names the member's own);
 * - student-role routes (apply, RSVP) are the student's own act: any student passes the access check.
 */
function clubScoped(op: Operation, caller: Caller): Expected | undefined {
  if (!/\{link(_name)?\}/.test(op.path)) return undefined;
  if (op.auth === 'public' || op.auth === 'optional') return undefined;
  if (typeof op.auth === 'object' && 'roles' in op.auth) return undefined;
  const vote = op.path.endsWith('/polls/{pollId}/vote');
  const read = op.method === 'get';
  if (caller === 'officer of A') return vote ? 403 : 'allowed';
  if (caller === 'admin') return read ? 'allowed' : 403;
  if (caller === 'student (member of A)') {
    if (/\/polls(\/\{pollId\})?$/.test(op.path) && read) return 'allowed';
    if (vote) return 'allowed';
    if (/\/members\/\{id\}(\/status)?$/.test(op.path)) return 'allowed';
    if (op.path.endsWith('/rsvps/{id}/status')) return 'allowed';
    return 403;
  }
  return 403;
}

/**
 * The team routes and switching club act on the club the token acts for (no club in the path): a
 * caller acting for none (a student, an admin, a removed officer signed in again) gets 403.
 */
function tokenClubScoped(op: Operation, caller: Caller): Expected | undefined {
  if (!op.path.startsWith('/api/user/team') && op.path !== '/api/user/switch-club') return undefined;
  return caller === 'officer of A' || caller === 'officer of B' ? 'allowed' : 403;
}

/**
 * What `caller` should get from `op`, from the route's declared auth (`x-auth`) and the scope rules.
 * A role the route does not list gets 401 "You are not allowed to access this endpoint!", as upstream
 * answered and its web client expects (docs/compatibility.md), not 403.
 */
export function expectedAccess(op: Operation, caller: Caller): Expected {
  const { auth } = op;
  if (auth === 'public') return 'allowed';
  // The matrix sends access tokens as Bearer: refresh routes take refresh tokens, GET /api/user/login
  // Basic email and password only.
  if (typeof auth === 'object' && 'self' in auth && auth.self !== 'basic-or-bearer') return 401;
  if (caller === 'anonymous') return auth === 'optional' ? 'allowed' : 401;
  // Acting for club A, removed from it: refused everywhere by the denylist, whatever the route.
  if (caller === 'removed officer (token held)') return 401;
  if (auth === 'optional') return 'allowed';
  if (typeof auth === 'object' && 'roles' in auth && !auth.roles.includes(ROLE[caller])) return 401;
  return clubScoped(op, caller) ?? tokenClubScoped(op, caller) ?? 'allowed';
}

/** Whether an answer's status is what was expected. */
export function meets(expected: Expected, status: number): boolean {
  if (status >= 500) return false;
  if (expected === 'allowed') return status !== 401 && status !== 403;
  if (expected === 'refused') return status === 403 || status === 404;
  return status === expected;
}
