import type { DocumentedAuth } from '@sproul/common/openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CALLERS,
  type Caller,
  type Expected,
  expectedAccess,
  meets,
  type Operation,
} from './support/expected-access.js';
import { type Api, type ApiAnswer, startTestPlatform, type TestPlatform } from './support/platform.js';
import { buildSecurityCast, CAST_ADMIN, type SecurityCast } from './support/security-cast.js';

const NOBODY = '00000000-0000-4000-8000-000000000000';

/**
 * A path of the document with its parameters filled for the matrix: club A's link, event, poll and
 * message, the member's membership and RSVP; ids the routes would change or delete name nothing (the
 * IDOR tests below aim at real ones), so the matrix leaves the data as it found it.
 */
function fill(path: string, cast: SecurityCast): string {
  const idFor = (): string => {
    if (/\/members\/\{id\}/.test(path)) return cast.member.membershipId;
    if (/\/messages\/\{id\}/.test(path)) return cast.clubA.messageId;
    if (/\/rsvps\/\{id\}/.test(path)) return cast.member.rsvpId;
    if (path.startsWith('/api/monitor/tags/')) return '999999';
    return NOBODY;
  };
  const values: Record<string, string> = {
    link: cast.officerA.link,
    link_name: cast.officerA.link,
    eventId: cast.clubA.eventId,
    pollId: cast.clubA.pollId,
    accountId: NOBODY,
    token: 'not-a-token-0123456789',
    payload: 'not-a-ticket',
    email: 'nobody-here@berkeley.edu',
    queue: 'no-such-queue',
    kind: 'resume',
    page: 'clubs',
    file: 'missing.js',
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' ? idFor() : values[name]!));
}

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { club: string | null };

/**
 * Bodies of the right shape where a route reads the body before it checks the caller (the kernel parses
 * it first, so `{}` would answer 400 to anyone): chosen to change nothing, or only what the club's own
 * officer may change anyway (a poll, a message to members, an invitation).
 */
function bodyFor(op: Operation, cast: SecurityCast, token: string | undefined): unknown {
  const route = `${op.method.toUpperCase()} ${op.path}`;
  const bodies: Record<string, unknown> = {
    'PUT /api/clubs/{link}/membership/questions': { questions: [] },
    'POST /api/clubs/{link}/members/{id}/status': { status: 'member' },
    'POST /api/clubs/{link}/messages': { subject: 'Matrix', body: 'Hello.', to: { statuses: ['member'] } },
    'POST /api/clubs/{link}/polls': {
      question: 'Matrix?',
      options: ['Yes', 'No'],
      closes_at: new Date(Date.now() + 86_400_000).toISOString(),
      anonymous: true,
    },
    'PUT /api/clubs/{link}/polls/{pollId}/vote': { option_id: NOBODY },
    'PUT /api/clubs/{link}/events/{eventId}/rsvp-settings': {
      capacity: null,
      waitlist: true,
      members_only: false,
      rsvp_deadline: null,
    },
    'POST /api/clubs/{link}/events/{eventId}/rsvps/{id}/status': { status: 'going' },
    'POST /api/clubs/{link}/events/{eventId}/check-in': { payload: 'not-a-ticket' },
    'POST /api/user/team/invitations': { email: 'matrix-invitee@example.com' },
    'POST /api/user/team/transfer-ownership': { account_id: NOBODY },
    // The caller's own club (club A when it acts for none): switching to it changes nothing.
    'POST /api/user/switch-club': {
      club_id: (token && claimsOf(token).club) ?? claimsOf(cast.officerA.access).club,
    },
  };
  return route in bodies ? bodies[route] : {};
}

/** Routes that end the caller's session (revoke it): called with a session signed in for the call. */
const endsSession = (op: Operation) => op.path.endsWith('/revoke-access');

/**
 * Exceptions to the generated matrix, each with its reason. `DELETE /api/user` deletes the caller's own
 * account (it names no id): its refusals are checked here, its success by the deleted-account token
 * test below, on an account made for it.
 */
const skipped = (op: Operation, caller: Caller) =>
  op.method === 'delete' &&
  op.path === '/api/user' &&
  caller !== 'anonymous' &&
  caller !== 'removed officer (token held)';

/**
 * The answer once the gateway's rate limit lets the call through (waiting out each 429's Retry-After),
 * or at once when a 429 already meets what is expected: a 429 is no refusal of access (not 401/403).
 */
async function withinLimits(call: () => Promise<ApiAnswer>, expected?: Expected): Promise<ApiAnswer> {
  for (let attempt = 0; ; attempt++) {
    const answer = await call();
    if (expected === 'allowed') return answer;
    const retryAfter = Number(answer.headers.get('retry-after') ?? 1);
    if (answer.status !== 429 || attempt === 5) return answer;
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
}

interface Cell {
  route: string;
  caller: Caller;
  expected: Expected;
  got: number;
}

describe('authorization through the gateway (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let api: Api;
  let cast: SecurityCast;
  let operations: Operation[];

  beforeAll(async () => {
    testPlatform = await startTestPlatform('authz', {
      ADMIN_EMAIL: CAST_ADMIN.email,
      ADMIN_PASSWORD: CAST_ADMIN.password,
      SEED_DEMO: '0',
      // Every route is called by seven callers, sign-ins and registrations included: windows a hundredth
      // as long (the factor scales them), and a 429 is waited out (its Retry-After). The limits have
      // their own test (gateway-protections.test.ts).
      RATE_LIMIT_FACTOR: '0.01',
    });
    api = testPlatform.api;
    cast = await buildSecurityCast(testPlatform);
    const document = (await api('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { 'x-auth': DocumentedAuth }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method, path, auth: operation['x-auth'] })),
    );
  }, 180_000);
  afterAll(() => testPlatform?.stop());

  /** The caller's standing access token (none for the anonymous caller). */
  const tokenOf = (caller: Caller): string | undefined =>
    ({
      anonymous: undefined,
      'student (member of A)': cast.member.access,
      'officer of A': cast.officerA.access,
      'officer of B': cast.officerB.access,
      'removed officer (token held)': cast.removed.heldToken,
      'removed officer (signed in again)': cast.removed.signedInAgain,
      admin: cast.admin.access,
    })[caller];

  /** A new session's access token, for a call that ends the session it is made with. */
  async function freshToken(caller: Caller): Promise<string | undefined> {
    const who = {
      anonymous: undefined,
      'student (member of A)': ['/api/student/login', cast.passwords.member],
      'officer of A': ['/api/user/login', cast.passwords.officerA],
      'officer of B': ['/api/user/login', cast.passwords.officerB],
      'removed officer (token held)': undefined,
      'removed officer (signed in again)': ['/api/user/login', cast.passwords.removed],
      admin: ['/api/monitor/login', cast.passwords.admin],
    } as const;
    const entry = who[caller];
    if (!entry) return tokenOf(caller);
    const login = await withinLimits(() =>
      api(entry[0], { body: { email: entry[1].email, password: entry[1].password } }),
    );
    if (login.status !== 200) throw new Error(`fresh sign-in of ${caller}: ${login.status}`);
    return login.body.access as string;
  }

  it('answers every route of /api/openapi.json to each caller as its x-auth and the club-scope rule say', async () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.every((op) => op.auth !== undefined)).toBe(true);
    const cells: Cell[] = [];
    for (const op of operations) {
      const path = fill(op.path, cast);
      for (const caller of CALLERS) {
        if (skipped(op, caller)) continue;
        const expected = expectedAccess(op, caller);
        const token = endsSession(op) ? await freshToken(caller) : tokenOf(caller);
        const answer = await withinLimits(
          () =>
            api(path, {
              method: op.method.toUpperCase(),
              token,
              ...(op.method === 'get' ? {} : { body: bodyFor(op, cast, token) }),
            }),
          expected,
        );
        cells.push({
          route: `${op.method.toUpperCase()} ${op.path}`,
          caller,
          expected,
          got: answer.status,
        });
      }
    }
    const wrong = cells.filter((cell) => !meets(cell.expected, cell.got));
    const table = (rows: Cell[]) =>
      rows
        .map((c) => `${c.route.padEnd(58)} ${c.caller.padEnd(34)} ${String(c.expected).padEnd(8)} ${c.got}`)
        .join('\n');
    expect(wrong, `route, caller, expected, got:\n${table(wrong)}`).toEqual([]);
  }, 180_000);
});
