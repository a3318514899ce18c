import { eventually } from '@sproul/common/testing';
import { claimsOf } from './claims.js';
import { type OfficerSession, registerOfficer, signInOfficer } from './officer.js';
import type { Api, TestPlatform } from './platform.js';

export const CAST_ADMIN = { email: 'authz-admin@campus.test', password: 'Admin-pass-42!' };
const OWNER_A = { email: 'authz-a@berkeley.edu', password: 'Club-A-rows-2026!', club: 'Authz Rowing' };
const OWNER_B = { email: 'authz-b@berkeley.edu', password: 'Club-B-sails-2026!', club: 'Authz Sailing' };
const REMOVED = { email: 'authz-removed@example.com', password: 'Removed-2026-pass!' };
const MEMBER = { email: 'authz-member@berkeley.edu', password: 'Member-2026-pass!', name: 'Mia Member' };
const OTHER = { email: 'authz-other@berkeley.edu', password: 'Other-2026-pass!', name: 'Oto Other' };

const HOUR = 3_600_000;
const tomorrow = new Date(Date.now() + 24 * HOUR);
export const eventBody = (name: string) => ({
  name,
  location: 'Boathouse',
  description: 'Open night.',
  event_start: tomorrow.toISOString(),
  event_end: new Date(tomorrow.getTime() + 2 * HOUR).toISOString(),
});

/** Whom the security tests call as, each with what the platform holds of them. */
export interface SecurityCast {
  admin: { access: string };
  /** The owner of club A, and of club B (the "officer of another club"). */
  officerA: OfficerSession & { accountId: string };
  officerB: OfficerSession & { accountId: string };
  /**
   * An officer invited to club A, then removed from its team: the access token they held then (acting
   * for A), and one from signing in again afterwards (acting for no club).
   */
  removed: { heldToken: string; signedInAgain: string; accountId: string };
  /** A student who is a member of club A (membership, RSVP), and one who is in no club. */
  member: { access: string; membershipId: string; rsvpId: string };
  other: { access: string; membershipId: string; rsvpId: string };
  /** Club A's things the id-taking routes name. */
  clubA: { eventId: string; pollId: string; messageId: string };
  /** Club B's, for officer A to aim at. */
  clubB: { eventId: string; faqId: string; resourceId: string; membershipId: string };
  /** The credentials, for tests that sign in afresh (a route that ends the caller's session). */
  passwords: Record<
    'officerA' | 'officerB' | 'removed' | 'member' | 'other' | 'admin',
    { email: string; password: string }
  >;
}

/** The body of a 2xx answer, else an error naming the call (which `eventually` retries). */
async function answered(api: Api, path: string, init?: Parameters<Api>[1]) {
  const answer = await api(path, init);
  if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * Follows the confirmation link of `email`'s account, read from the recorded EmailRequested events
 * rather than the inbox: the mail pipeline is not what these tests are about, and on a loaded machine
 * it is the slow part.
 */
export async function confirmByEvents(testPlatform: TestPlatform, email: string) {
  const requested = await eventually(
    () =>
      testPlatform.events.find(
        (e) =>
          e.type === 'EmailRequested' &&
          (e.data as { to: string; template: string }).to === email &&
          (e.data as { template: string }).template === 'confirm-email',
      ),
    30_000,
  );
  const url = (requested.data as { variables: { confirm_url: string } }).variables.confirm_url;
  const confirmed = await fetch(url, { redirect: 'manual' });
  if (confirmed.status !== 302) throw new Error(`confirmation of ${email}: ${confirmed.status}`);
}

/** A student's sign-up (register, confirm, sign in): answers the access token. */
export async function signUpStudentByEvents(
  testPlatform: TestPlatform,
  account: { email: string; password: string; name: string },
) {
  await answered(testPlatform.api, '/api/student/register', { body: account });
  await confirmByEvents(testPlatform, account.email);
  const login = await answered(testPlatform.api, '/api/student/login', {
    body: { email: account.email, password: account.password },
  });
  return login.access as string;
}

/**
 * Builds the cast on a started platform, through the gateway only: two clubs, a removed officer, two
 * students with memberships and RSVPs in club A (one also applied to club B), a poll and a message in A.
 */
export async function buildSecurityCast(testPlatform: TestPlatform): Promise<SecurityCast> {
  const { api, events } = testPlatform;
  const admin = {
    access: (await answered(api, '/api/monitor/login', { body: CAST_ADMIN })).access as string,
  };
  const officer = async (account: typeof OWNER_A) => {
    const registered = await registerOfficer(api, CAST_ADMIN, account);
    if (registered.status !== 200) throw new Error(`registration of ${account.club}: ${registered.status}`);
    await confirmByEvents(testPlatform, account.email);
    return signInOfficer(api, account);
  };
  const [a, b, memberToken, otherToken] = await Promise.all([
    officer(OWNER_A),
    officer(OWNER_B),
    signUpStudentByEvents(testPlatform, MEMBER),
    signUpStudentByEvents(testPlatform, OTHER),
  ]);

  // The removed officer: invited to A, accepted (a token acting for A), then removed by A's owner.
  await answered(api, '/api/user/team/invitations', { body: { email: REMOVED.email }, token: a.access });
  const invitation = await eventually(
    () =>
      events.find(
        (e) =>
          e.type === 'EmailRequested' &&
          (e.data as { to: string; template: string }).to === REMOVED.email &&
          (e.data as { template: string }).template === 'officer-invitation',
      ),
    30_000,
  );
  const acceptUrl = new URL((invitation.data as { variables: { accept_url: string } }).variables.accept_url);
  const accepted = await answered(api, '/api/user/invitations/accept', {
    body: { token: acceptUrl.searchParams.get('token'), password: REMOVED.password, name: 'Rem Oved' },
  });
  const heldToken = accepted.access as string;
  // Engagement learns of the new officer over the bus: wait until it answers them as one.
  await eventually(
    async () => (await api(`/api/clubs/${a.link}/members`, { token: heldToken })).status === 200,
    30_000,
  );
  const removedId = claimsOf(heldToken).sub;
  await answered(api, `/api/user/team/officers/${removedId}`, { method: 'DELETE', token: a.access });
  const signedInAgain = (await answered(api, '/api/user/login', { body: REMOVED })).access as string;
  await eventually(
    async () => (await api(`/api/clubs/${a.link}/members`, { token: signedInAgain })).status === 403,
    30_000,
  );

  // Club A's event (engagement's copy arrives over the bus), poll and message; club B's event, FAQ, resource.
  const eventsA = await answered(api, '/api/admin/events', {
    token: a.access,
    body: eventBody('A open night'),
  });
  const eventId = eventsA.find((e: { name: string }) => e.name === 'A open night').id as string;
  const eventsB = await answered(api, '/api/admin/events', {
    token: b.access,
    body: eventBody('B open night'),
  });
  const eventB = eventsB.find((e: { name: string }) => e.name === 'B open night').id as string;
  const faqB = await answered(api, '/api/admin/faq', {
    token: b.access,
    body: { question: 'When do we sail?', answer: 'Saturdays.' },
  });
  const resourcesB = await answered(api, '/api/admin/resources', {
    token: b.access,
    body: { name: 'Sailing handbook', link: 'https://example.com/handbook' },
  });
  const pickId = (list: unknown) =>
    ((Array.isArray(list) ? list : Object.values(list as object).find(Array.isArray)) as { id: string }[])[0]!
      .id;

  const join = (token: string, link: string) =>
    eventually(
      () => answered(api, `/api/clubs/${link}/membership`, { token, body: { answers: {}, resume: false } }),
      30_000,
    );
  const memberJoined = await join(memberToken, a.link);
  const otherJoined = await join(otherToken, a.link);
  const otherInB = await join(otherToken, b.link);
  const rsvp = (token: string) =>
    eventually(
      () => answered(api, `/api/clubs/${a.link}/events/${eventId}/rsvps`, { token, body: {} }),
      30_000,
    );
  const memberRsvp = await rsvp(memberToken);
  const otherRsvp = await rsvp(otherToken);
  const poll = await eventually(
    () =>
      answered(api, `/api/clubs/${a.link}/polls`, {
        token: a.access,
        body: {
          question: 'Which night?',
          options: ['Tuesday', 'Thursday'],
          closes_at: new Date(Date.now() + 48 * HOUR).toISOString(),
          anonymous: false,
        },
      }),
    30_000,
  );
  const message = await answered(api, `/api/clubs/${a.link}/messages`, {
    token: a.access,
    body: { subject: 'Welcome', body: 'Hi {{first_name}}, welcome.', to: { statuses: ['member'] } },
  });

  return {
    admin,
    officerA: { ...a, accountId: claimsOf(a.access).sub },
    officerB: { ...b, accountId: claimsOf(b.access).sub },
    removed: { heldToken, signedInAgain, accountId: removedId },
    member: {
      access: memberToken,
      membershipId: memberJoined.id,
      rsvpId: (memberRsvp.id ?? memberRsvp.rsvp?.id) as string,
    },
    other: {
      access: otherToken,
      membershipId: otherJoined.id,
      rsvpId: (otherRsvp.id ?? otherRsvp.rsvp?.id) as string,
    },
    clubA: { eventId, pollId: poll.id, messageId: message.message.id },
    clubB: {
      eventId: eventB,
      faqId: pickId(faqB),
      resourceId: pickId(resourcesB),
      membershipId: otherInB.id,
    },
    passwords: {
      officerA: OWNER_A,
      officerB: OWNER_B,
      removed: REMOVED,
      member: MEMBER,
      other: OTHER,
      admin: CAST_ADMIN,
    },
  };
}
