import { randomUUID } from 'node:crypto';
import { rowsOf } from '@sproul/common/db';
import { ClubCreatedV1, makeEvent } from '@sproul/common/events';
import { eventually, fetchJson } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { type AuthHarness, officerRegistration } from './auth-harness.js';

export const PASSWORD = 'Robots-4-ever!';

export interface Tokens {
  access: string;
  refresh: string;
}

export const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
    sub: string;
    club: string | null;
    role: string;
  };

/** Team helpers over an auth harness: clubs registered as the catalog would create them, invitations. */
export function teamFixtures(auth: AuthHarness) {
  const query = async <T>(statement: ReturnType<typeof sql>) => rowsOf<T>(await auth.db.execute(statement));

  const login = async (email: string, password = PASSWORD): Promise<Tokens> => {
    const res = await fetchJson(auth.url('/api/user/login'), { body: { email, password } });
    expect(res.status).toBe(200);
    return res.body;
  };

  const accountId = async (email: string) =>
    (await query<{ id: string }>(sql`select id from auth.accounts where email = ${email}`))[0]!.id;

  /** Registers and confirms an officer, then the catalog creates its club: it owns it. */
  async function registerClub(email: string, name = `Club ${email.split('@')[0]}`) {
    await auth.allowRso(email);
    expect(
      (await fetchJson(auth.url('/api/user/register'), { body: officerRegistration(email, { name }) }))
        .status,
    ).toBe(200);
    const link = await auth.emailLink(email, 'confirm-email');
    await fetchJson(link.replace('http://api.test', auth.service.url));
    const ownerId = await accountId(email);
    const clubId = randomUUID();
    const linkName = `club-${clubId.slice(0, 8)}`;
    await auth.bus.publish([
      makeEvent(
        ClubCreatedV1,
        {
          clubId,
          ownerUserId: ownerId,
          club: {
            name,
            link_name: linkName,
            tags: [],
            num_users: 0,
            app_required: false,
            new_members: true,
            about_us: '',
            get_involved: '',
            visible: false,
          },
        },
        'catalog',
      ),
    ]);
    await eventually(
      async () =>
        (await query(sql`select 1 from auth.club_officers where club_id = ${clubId} and role = 'owner'`))
          .length === 1,
    );
    return { clubId, ownerId, tokens: await login(email) };
  }

  /** The invitation token of the latest officer-invitation email to an address. */
  function invitationToken(email: string) {
    const sent = [...auth.events]
      .reverse()
      .find(
        (e) =>
          e.type === 'EmailRequested' &&
          (e.data as { to: string }).to === email &&
          (e.data as { template: string }).template === 'officer-invitation',
      );
    const url = (sent!.data as { variables: Record<string, string> }).variables.accept_url!;
    return new URL(url).searchParams.get('token')!;
  }

  /** `to` is the address as normalised, when `email` is not already. */
  async function invite(ownerAccess: string, email: string, to = email) {
    const res = await fetchJson(auth.url('/api/user/team/invitations'), {
      body: { email },
      token: ownerAccess,
    });
    expect(res.status).toBe(201);
    await eventually(async () => {
      const sent = auth.events.filter(
        (e) =>
          e.type === 'EmailRequested' &&
          (e.data as { to: string }).to === to &&
          (e.data as { variables: Record<string, string> }).variables.expires_at ===
            res.body.invitation.expires_at,
      );
      return sent.length > 0;
    });
    return { invitation: res.body.invitation as { id: string }, token: invitationToken(to) };
  }

  const accept = (token: string, body: Record<string, unknown> = {}) =>
    fetchJson(auth.url('/api/user/invitations/accept'), { body: { token, ...body } });

  /** Invites a new address and accepts as a new account: an officer of the owner's club. */
  async function addOfficer(ownerAccess: string, email: string) {
    const { token } = await invite(ownerAccess, email);
    const res = await accept(token, { password: PASSWORD, name: 'New Officer' });
    expect(res.status).toBe(200);
    return { accountId: await accountId(email), tokens: res.body as Tokens };
  }

  return { query, login, accountId, registerClub, invite, invitationToken, accept, addOfficer };
}
