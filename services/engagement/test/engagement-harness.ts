import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InProcessBus } from '@sproul/common/bus';
import {
  AccountDeletedV1,
  ClubCreatedV2,
  ClubDeletedV1,
  ClubOfficerChangedV1,
  ClubUpdatedV2,
  type EventContract,
  type EventData,
  makeEvent,
  StudentProfileUpdatedV1,
  UserRegisteredV1,
} from '@sproul/common/events';
import { bootService, clubSummaryV2, openStorage, type Storage, tokenIssuer } from '@sproul/common/testing';
import { engagementService } from '../src/index.js';

export interface ClubTerms {
  accepting?: boolean;
  applicationRequired?: boolean;
}

/** The catalog's v2 summary of a club (engagement reads v2: see keep-clubs-when-club-changed.handler.ts). */
export const clubSummary = (linkName: string, terms: ClubTerms = {}) =>
  clubSummaryV2(`Club ${linkName}`, {
    link_name: linkName,
    app_required: terms.applicationRequired ?? true,
    new_members: terms.accepting ?? true,
  });

/** What the stand-in media answers for a student's résumé: a document, none, or a failure. */
export type MediaAnswer = { status: number; body?: unknown } | 'down';

/** A stand-in for media's `/internal/documents/:userId/resume`, answering what the test sets. */
async function startMediaStub() {
  let answer: (userId: string) => MediaAnswer = (userId) => ({
    status: 200,
    body: { exists: true, download: `https://s3.test/private/students/${userId}/resume.pdf?sig=1` },
  });
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    calls.push(req.url ?? '');
    const match = /^\/internal\/documents\/([^/]+)\/resume$/.exec(req.url ?? '');
    const reply = match ? answer(decodeURIComponent(match[1] as string)) : { status: 404, body: {} };
    if (reply === 'down') {
      res.statusCode = 500;
      res.end('{}');
      return;
    }
    res.statusCode = reply.status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    answer: (next: (userId: string) => MediaAnswer) => {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Engagement on its own database and in-process bus, a stand-in auth and a stand-in media. Its first
 * start asks for no replay unless `config` says REPLAY_ON_FIRST_START: the tests feed the events.
 */
export async function startEngagement(
  kind: Storage['kind'] = 'embedded',
  config: Record<string, string> = {},
  /** A storage (replicas, restarts; the caller closes it), a bus (stand-in owners, the mailer) to share,
   * and the time it is told it is. */
  shared: { storage?: Storage; bus?: InProcessBus; clock?: () => Date } = {},
) {
  const auth = await tokenIssuer();
  const media = await startMediaStub();
  const { storage, close: closeStorage } = shared.storage
    ? { storage: shared.storage, close: async () => {} }
    : await openStorage(kind, 'engagement');
  const engagement = await bootService(engagementService, {
    storage,
    bus: shared.bus,
    clock: shared.clock,
    config: {
      AUTH_URL: auth.url,
      MEDIA_URL: media.url,
      MEDIA_TIMEOUT_MS: '500',
      REPLAY_ON_FIRST_START: '0',
      TICKET_SECRET: 'a-test-ticket-secret-of-32-chars',
      ...config,
    },
  });
  const bus = engagement.bus as InProcessBus;
  const emit = async <C extends EventContract>(contract: C, data: EventData<C>, source = 'test') => {
    await bus.publish([makeEvent(contract, data, source)]);
    await bus.idle();
  };
  const harness = {
    ...engagement,
    auth,
    media,
    emit,
    /** A club the catalog announced, with an owner that auth announced, and the owner's token. */
    async addClub(linkName: string, terms: ClubTerms = {}) {
      const clubId = crypto.randomUUID();
      const ownerId = crypto.randomUUID();
      await emit(
        ClubCreatedV2,
        { clubId, ownerUserId: ownerId, club: clubSummary(linkName, terms) },
        'catalog',
      );
      await harness.setOfficer(clubId, ownerId, 'owner');
      return {
        clubId,
        linkName,
        ownerId,
        owner: await auth.token('officer', { sub: ownerId, club: clubId }),
      };
    },
    async updateClub(clubId: string, linkName: string, terms: ClubTerms) {
      await emit(
        ClubUpdatedV2,
        { clubId, changed: ['new_members'], club: clubSummary(linkName, terms) },
        'catalog',
      );
    },
    deleteClub: (clubId: string, linkName: string) =>
      emit(ClubDeletedV1, { clubId, ownerUserId: crypto.randomUUID(), link_name: linkName }, 'catalog'),
    setOfficer: (clubId: string, accountId: string, role: 'owner' | 'officer' | null) =>
      emit(
        ClubOfficerChangedV1,
        { clubId, accountId, email: `${accountId}@officer.test`, name: null, role, changedBy: null },
        'auth',
      ),
    /** An officer added to the club's team, and their token. */
    async addOfficer(clubId: string) {
      const id = crypto.randomUUID();
      await harness.setOfficer(clubId, id, 'officer');
      return { id, token: await auth.token('officer', { sub: id, club: clubId }) };
    },
    /** A registered student (with a profile) and their token. */
    async addStudent(
      name = 'Ada Student',
      profile: { year: number | null; majors: number[] } = { year: 2, majors: [7] },
    ) {
      const id = crypto.randomUUID();
      const email = `${id.slice(0, 8)}@student.test`;
      await emit(UserRegisteredV1, { userId: id, email, role: 'student', name, club: null }, 'auth');
      await emit(
        StudentProfileUpdatedV1,
        { userId: id, changed: ['year'], interests: [], minors: [], favoriteClubIds: [], ...profile },
        'catalog',
      );
      return { id, email, name, token: await auth.token('student', { sub: id, email }) };
    },
    deleteAccount: (userId: string) =>
      emit(
        AccountDeletedV1,
        { userId, email: `${userId.slice(0, 8)}@student.test`, role: 'student', clubId: null },
        'auth',
      ),
    /** A student's application (or direct join) with these answers. */
    join: (linkName: string, token: string, body: Record<string, unknown> = { answers: {}, resume: false }) =>
      engagement.client(`/api/clubs/${linkName}/membership`, { method: 'POST', token, body }),
    move: (linkName: string, id: string, token: string, status: string, note?: string) =>
      engagement.client(`/api/clubs/${linkName}/members/${id}/status`, {
        method: 'POST',
        token,
        body: note === undefined ? { status } : { status, note },
      }),
    get: (path: string, token?: string) => engagement.client(path, token ? { token } : {}),
    async close() {
      await engagement.close();
      await media.close();
      await auth.close();
      await closeStorage();
    },
  };
  return harness;
}

export type EngagementHarness = Awaited<ReturnType<typeof startEngagement>>;
