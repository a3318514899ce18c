import {
  ClubCreatedV2,
  ClubOfficerChangedV1,
  type EventContract,
  type EventData,
  makeEvent,
  UserRegisteredV1,
} from '@sproul/common/events';
import { bootService, clubSummaryV2, eventually, openStorage, tokenIssuer } from '@sproul/common/testing';
import { engagementService } from '@sproul/engagement';
import { defineMailerService, type SesEmulator, startSesEmulator } from '@sproul/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Engagement and the mailer on one in-process bus and one embedded database (a schema each), as `npm
// start` composes them: an officer's message to the members reaches each member's inbox exactly once,
// and the mailer's progress comes back to the officer's view of the message.
describe('messaging a club: engagement → mailer → inbox → engagement', () => {
  let emulator: SesEmulator;
  let auth: Awaited<ReturnType<typeof tokenIssuer>>;
  let store: Awaited<ReturnType<typeof openStorage>>;
  let mailer: Awaited<ReturnType<typeof bootService>>;
  let engagement: Awaited<ReturnType<typeof bootService>>;
  beforeAll(async () => {
    emulator = await startSesEmulator();
    auth = await tokenIssuer();
    store = await openStorage('embedded');
    mailer = await bootService(defineMailerService(), {
      storage: store.storage,
      config: { SES_ENDPOINT: emulator.url, MAIL_BULK_TICK_MS: '50', MAIL_BULK_RATE_PER_S: '50' },
    });
    engagement = await bootService(engagementService, {
      storage: store.storage,
      bus: mailer.bus,
      config: { AUTH_URL: auth.url, FRONTEND_BASE_URL: 'http://web.test' },
    });
  }, 90_000);
  afterAll(async () => {
    await engagement?.close();
    await mailer?.close();
    await store?.close();
    await auth?.close();
    await emulator?.close();
  });

  const emit = async <C extends EventContract>(contract: C, data: EventData<C>, source: string) => {
    await mailer.bus.publish([makeEvent(contract, data, source)]);
  };
  const inboxOf = async (to: string) => {
    const stored = (await (await fetch(`${emulator.url}/store`)).json()) as {
      emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
    };
    return stored.emails.filter((email) => email.destination.to.includes(to));
  };

  it('emails every member once and reports each delivery back', async () => {
    const clubId = crypto.randomUUID();
    const ownerId = crypto.randomUUID();
    const club = clubSummaryV2('Chess Club', { link_name: 'chess-e2e' });
    // Version 2: what the catalog restates and engagement reads (it skips v1, published beside it).
    await emit(ClubCreatedV2, { clubId, ownerUserId: ownerId, club }, 'catalog');
    await emit(
      ClubOfficerChangedV1,
      { clubId, accountId: ownerId, email: 'owner@club.test', name: null, role: 'owner', changedBy: null },
      'auth',
    );
    const owner = await auth.token('officer', { sub: ownerId, club: clubId });
    // Three students join directly (no application): members. The engagement copy of each arrives first.
    const members = [];
    for (const name of ['Ada One', 'Bo Two', 'Cy Three']) {
      const id = crypto.randomUUID();
      const email = `${id.slice(0, 8)}@student.test`;
      await emit(UserRegisteredV1, { userId: id, email, role: 'student', name, club: null }, 'auth');
      const token = await auth.token('student', { sub: id, email });
      const joined = await eventually(async () => {
        const answer = await engagement.client(`/api/clubs/${club.link_name}/membership`, {
          method: 'POST',
          token,
          body: { resume: false },
        });
        return answer.status === 201 ? answer : undefined;
      }, 20_000);
      expect(joined.body.status).toBe('member');
      members.push({ id, email, name });
    }
    const sent = await engagement.client(`/api/clubs/${club.link_name}/messages`, {
      method: 'POST',
      token: owner,
      body: {
        subject: 'Tournament for {{first_name}}',
        body: 'Hi {{name}},\n\nDetails on {{club_url}}',
        to: { statuses: ['member'] },
      },
    });
    expect(sent.status).toBe(202);
    const id = sent.body.message.id as string;
    const done = await eventually(async () => {
      const answer = await engagement.client(`/api/clubs/${club.link_name}/messages/${id}`, { token: owner });
      return answer.body.done ? answer.body : undefined;
    }, 30_000);
    expect(done).toMatchObject({ recipient_count: 3, counts: { sent: 3, pending: 0, failed: 0 } });
    for (const member of members) {
      const inbox = await inboxOf(member.email);
      expect(inbox, member.email).toHaveLength(1);
      expect(inbox[0]?.subject).toBe(`Tournament for ${member.name.split(' ')[0]}`);
      expect(inbox[0]?.body.text).toContain(`Hi ${member.name},`);
      expect(inbox[0]?.body.text).toContain('http://web.test/club/chess-e2e');
    }
    // Nothing more arrives later (the sender keeps ticking).
    await mailer.service.jobs.run('send-bulk-email');
    for (const member of members) expect(await inboxOf(member.email)).toHaveLength(1);
  });
});
