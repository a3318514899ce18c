import type { DocumentedAuth } from '@sproul/common/openapi';
import { fetchJson, keylessTokenAttacks, type TokenAttack } from '@sproul/common/testing';
import type { JWK } from 'jose';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOf } from './support/claims.js';
import {
  CALLERS,
  type Caller,
  type Expected,
  expectedAccess,
  meets,
  type Operation,
} from './support/expected-access.js';
import { type Api, type ApiAnswer, startTestPlatform, type TestPlatform } from './support/platform.js';
import {
  buildSecurityCast,
  CAST_ADMIN,
  type SecurityCast,
  signUpStudentByEvents,
} from './support/security-cast.js';

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

  /** Reads back what a refused request aimed at, as its owner sees it. */
  const readAs = async (token: string, path: string) => {
    const answer = await api(path, { token });
    expect(answer.status, path).toBe(200);
    return answer.body;
  };

  it("refuses every id-taking route aimed at another club's or another student's ids, and changes nothing", async () => {
    const { officerA, officerB, member, other, clubA, clubB } = cast;
    // A picture of club B's gallery and an open invitation of club A's team, to aim at.
    const form = new FormData();
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    form.set('photo', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'b.png');
    form.set('caption', 'B at sea');
    const gallery = await api('/api/admin/gallery-media/photo', { token: officerB.access, body: form });
    expect(gallery.status).toBe(200);
    const pictureB = gallery.body.at(-1).id as string;
    expect(
      (
        await api('/api/user/team/invitations', {
          token: officerA.access,
          body: { email: 'idor@example.com' },
        })
      ).status,
    ).toBe(201);

    const before = {
      eventsB: await readAs(officerB.access, '/api/admin/events'),
      faqB: await readAs(officerB.access, '/api/admin/faq'),
      resourcesB: await readAs(officerB.access, '/api/admin/resources'),
      galleryB: await readAs(officerB.access, '/api/admin/gallery-media'),
      membersB: await readAs(officerB.access, `/api/clubs/${officerB.link}/members`),
      teamA: await readAs(officerA.access, '/api/user/team'),
      otherMemberships: await readAs(other.access, '/api/student/memberships'),
      otherRsvps: await readAs(other.access, '/api/student/rsvps'),
      pollA: await readAs(officerA.access, `/api/clubs/${officerA.link}/polls/${clubA.pollId}`),
    };
    const invitationA = before.teamA.invitations[0].id as string;
    const eventA = `/api/clubs/${officerA.link}/events/${clubA.eventId}`;
    type Attempt = [who: string, method: string, path: string, body?: unknown];
    // A membership or RSVP status change, the most tried write below.
    const setStatus = (who: string, path: string, status: string): Attempt => [who, 'POST', path, { status }];
    const attempts: Attempt[] = [
      // Officer A at club B's catalog items, gallery and memberships (an officer reaches only the club
      // its token acts for: another club's item ids are not found).
      ['officer A', 'PUT', `/api/admin/events/${clubB.eventId}`, { name: 'Hijacked' }],
      ['officer A', 'DELETE', `/api/admin/events/${clubB.eventId}`],
      ['officer A', 'PUT', `/api/admin/recruiting-events/${clubB.eventId}`, { name: 'Hijacked' }],
      ['officer A', 'PUT', `/api/admin/faq/${clubB.faqId}`, { answer: 'Never.' }],
      ['officer A', 'DELETE', `/api/admin/faq/${clubB.faqId}`],
      ['officer A', 'PUT', `/api/admin/resources/${clubB.resourceId}`, { name: 'Hijacked' }],
      ['officer A', 'DELETE', `/api/admin/resources/${clubB.resourceId}`],
      ['officer A', 'GET', `/api/clubs/${officerB.link}/members/${clubB.membershipId}`],
      setStatus('officer A', `/api/clubs/${officerB.link}/members/${clubB.membershipId}/status`, 'removed'),
      // …and at club B's membership under club A's own link, where officer A is an officer.
      ['officer A', 'GET', `/api/clubs/${officerA.link}/members/${clubB.membershipId}`],
      setStatus('officer A', `/api/clubs/${officerA.link}/members/${clubB.membershipId}/status`, 'removed'),
      ['officer A', 'GET', `/api/clubs/${officerA.link}/events/${clubB.eventId}/rsvps`],
      // Officer B at club A's team, poll, RSVPs and memberships.
      ['officer B', 'DELETE', `/api/user/team/officers/${officerA.accountId}`],
      ['officer B', 'DELETE', `/api/user/team/invitations/${invitationA}`],
      ['officer B', 'POST', '/api/user/switch-club', { club_id: before.teamA.club_id }],
      ['officer B', 'POST', `/api/clubs/${officerA.link}/polls/${clubA.pollId}/close`],
      setStatus('officer B', `${eventA}/rsvps/${other.rsvpId}/status`, 'cancelled'),
      setStatus('officer B', `/api/clubs/${officerA.link}/members/${other.membershipId}/status`, 'removed'),
      // A student at another student's membership and RSVP.
      ['student', 'GET', `/api/clubs/${officerA.link}/members/${other.membershipId}`],
      setStatus('student', `/api/clubs/${officerA.link}/members/${other.membershipId}/status`, 'alumni'),
      ['student', 'GET', `/api/clubs/${officerA.link}/members/${other.membershipId}/resume`],
      setStatus('student', `${eventA}/rsvps/${other.rsvpId}/status`, 'cancelled'),
      setStatus('student', `/api/clubs/${officerB.link}/members/${clubB.membershipId}/status`, 'alumni'),
    ];
    const tokens: Record<string, string> = {
      'officer A': officerA.access,
      'officer B': officerB.access,
      student: member.access,
    };
    const answered = await Promise.all(
      attempts.map(async ([who, method, path, body]) => {
        const answer = await api(path, { method, token: tokens[who], ...(body ? { body } : {}) });
        return `${who} ${method} ${path} → ${answer.status} ${answer.body?.status ?? ''}`;
      }),
    );
    // Refused (403 or 404) with the error envelope: nothing else.
    const wrong = answered.filter((line) => !/→ (403|404) error$/.test(line));
    expect(wrong, answered.join('\n')).toEqual([]);
    // The gallery's ids answer as upstream's did (docs/compatibility.md), an id the officer's club does
    // not hold as an unknown one: PUT → 400 "does not exist", DELETE → the caller's own list, unchanged.
    expect(
      await api(`/api/admin/gallery-media/photo/${pictureB}`, {
        method: 'PUT',
        token: officerA.access,
        body: { caption: 'Hijacked' },
      }),
    ).toMatchObject({ status: 400, body: { reason: 'Specified gallery picture does not exist.' } });
    const deleted = await api(`/api/admin/gallery-media/${pictureB}`, {
      method: 'DELETE',
      token: officerA.access,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual(await readAs(officerA.access, '/api/admin/gallery-media'));

    expect({
      eventsB: await readAs(officerB.access, '/api/admin/events'),
      faqB: await readAs(officerB.access, '/api/admin/faq'),
      resourcesB: await readAs(officerB.access, '/api/admin/resources'),
      galleryB: await readAs(officerB.access, '/api/admin/gallery-media'),
      membersB: await readAs(officerB.access, `/api/clubs/${officerB.link}/members`),
      teamA: await readAs(officerA.access, '/api/user/team'),
      otherMemberships: await readAs(other.access, '/api/student/memberships'),
      otherRsvps: await readAs(other.access, '/api/student/rsvps'),
      pollA: await readAs(officerA.access, `/api/clubs/${officerA.link}/polls/${clubA.pollId}`),
    }).toEqual(before);
  });

  it('refuses forged, altered and dead tokens at the gateway and at the services behind it', async () => {
    const jwks = (await api('/.well-known/jwks.json')).body.keys as JWK[];
    const officerKid = JSON.parse(
      Buffer.from(cast.officerA.access.split('.')[0]!, 'base64url').toString(),
    ).kid;
    const publicJwk = jwks.find((key) => key.kid === officerKid)!;
    // A student who deletes their account: the token they hold dies with it.
    const deleted = await signUpStudentByEvents(testPlatform, {
      email: 'authz-deleted@berkeley.edu',
      password: 'Deleted-2026-pass!',
      name: 'Del Eted',
    });
    expect((await api('/api/student/profile', { token: deleted })).status).toBe(200);
    expect((await api('/api/user', { method: 'DELETE', token: deleted })).status).toBe(200);
    const session = await api('/api/user/login', { body: cast.passwords.officerA });
    const attacks: TokenAttack[] = [
      ...(await keylessTokenAttacks(cast.officerA.access, publicJwk)),
      ['a refresh token', session.body.refresh],
      ['the token of a deleted account', deleted],
      ["a removed officer's token for the club", cast.removed.heldToken],
    ];
    const services = testPlatform.platform.serviceUrls;
    const targets = [
      ['gateway', testPlatform.platform.url, '/api/admin/profile'],
      ['catalog', services.catalog!, '/api/admin/profile'],
      ['engagement', services.engagement!, `/api/clubs/${cast.officerA.link}/members`],
      ['media', services.media!, '/api/admin/gallery-media'],
      ['monitor', services.monitor!, '/api/monitor/overview/stats/sign-up'],
      ['auth', services.auth!, '/api/user/team'],
    ] as const;
    const rows: string[] = [];
    for (const [where, base, path] of targets) {
      for (const [label, token] of attacks) {
        const answer = await fetchJson(`${base}${path}`, { token });
        rows.push(`${where.padEnd(10)} ${label.padEnd(40)} ${answer.status} ${answer.body?.status}`);
      }
    }
    const wrong = rows.filter((row) => !row.endsWith(' 401 error'));
    expect(wrong, rows.join('\n')).toEqual([]);
    // The token they were made from still works everywhere it was aimed (the admin's at the monitor).
    for (const [where, base, path] of targets) {
      const token = where === 'monitor' ? cast.admin.access : cast.officerA.access;
      expect((await fetchJson(`${base}${path}`, { token })).status, where).toBe(200);
    }
  });
});
