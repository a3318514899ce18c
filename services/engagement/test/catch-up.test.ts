import { randomUUID } from 'node:crypto';
import { InProcessBus } from '@sproul/common/bus';
import {
  AccountSnapshotV1,
  ClubOfficerChangedV1,
  ClubUpdatedV2,
  type EventEnvelope,
  makeEvent,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  replayAsks,
} from '@sproul/common/events';
import { eventually, openStorage, type Storage, storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubSummary, type EngagementHarness, startEngagement } from './engagement-harness.js';

type Request = { replayId: string; requestedBy: string; owners?: string[] };

/** What existed before engagement did: a club (catalog), its owner and a student (auth). */
const before = {
  clubId: randomUUID(),
  link: 'older-club',
  ownerId: randomUUID(),
  studentId: randomUUID(),
  studentEmail: 'older.student@berkeley.edu',
};

/** What each owner restates in answer to a replay, as its replay handler does (see auth's and the catalog's). */
const restated: Record<string, (replayId: string) => EventEnvelope[]> = {
  catalog: () => [
    makeEvent(
      ClubUpdatedV2,
      { clubId: before.clubId, changed: ['replay'], club: clubSummary(before.link) },
      'catalog',
    ),
  ],
  auth: (replayId) => [
    ...(
      [
        [before.ownerId, 'owner@berkeley.edu', 'officer'],
        [before.studentId, before.studentEmail, 'student'],
      ] as const
    ).map(([userId, email, role]) =>
      makeEvent(
        AccountSnapshotV1,
        { userId, email, role, registeredAt: '2026-01-01T00:00:00Z', confirmedAt: null, replayId },
        'auth',
      ),
    ),
    makeEvent(
      ClubOfficerChangedV1,
      {
        clubId: before.clubId,
        accountId: before.ownerId,
        email: 'owner@berkeley.edu',
        name: null,
        role: 'owner',
        changedBy: null,
      },
      'auth',
    ),
  ],
};

/**
 * An owner on the bus: from the moment it subscribes it answers every replay request that asks it with
 * its state and its ReadModelReplayed. A request published before it subscribed never reaches it, as
 * on RabbitMQ before its queue exists.
 */
async function owner(bus: InProcessBus, service: string) {
  const answered: Request[] = [];
  await bus.subscribe({
    queue: `${service}-stand-in-${randomUUID()}`,
    routingKeys: [ReadModelReplayRequestedV1.routingKey],
    maxAttempts: 1,
    retryDelaysMs: [10],
    handleBatch: async (deliveries) => {
      for (const { body } of deliveries) {
        const request = ReadModelReplayRequestedV1.schema.parse((body as EventEnvelope).data);
        if (!replayAsks(request, service)) continue;
        answered.push(request);
        await bus.publish([
          ...(restated[service] as (replayId: string) => EventEnvelope[])(request.replayId),
          makeEvent(ReadModelReplayedV1, { replayId: request.replayId, service }, service),
        ]);
      }
      return deliveries.map(() => ({ kind: 'ack' as const }));
    },
  });
  return { answered };
}

const requests = (...instances: EngagementHarness[]) =>
  instances.flatMap((instance) => instance.published<Request>('ReadModelReplayRequested'));

describe.each(await storageKinds())('engagement catching up on a first start (%s)', (kind) => {
  let storage: Storage;
  let closeStorage: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, close: closeStorage } = await openStorage(kind, 'engagement'));
  });
  afterAll(() => closeStorage?.());

  const start = (shared: { storage: Storage; bus?: InProcessBus }, config: Record<string, string> = {}) =>
    startEngagement(kind, { REPLAY_ON_FIRST_START: '1', REPLAY_RETRY_MS: '0', ...config }, shared);

  it('asks auth and the catalog once, and knows the club, its owner and the student they restate', async () => {
    const bus = new InProcessBus();
    const owners = { auth: await owner(bus, 'auth'), catalog: await owner(bus, 'catalog') };
    const e = await start({ storage, bus });
    try {
      await eventually(() => requests(e).length === 1);
      // Only the owners of what engagement copies are asked: media restates nothing for it.
      expect(requests(e)).toEqual([
        { replayId: expect.any(String), requestedBy: 'engagement', owners: ['auth', 'catalog'] },
      ]);
      const membership = await eventually(async () => {
        const answer = await e.get(`/api/clubs/${before.link}/membership`);
        return answer.status === 200 ? answer : undefined;
      });
      expect(membership.body).toMatchObject({ accepting: true, application_required: true, member_count: 0 });
      const ownerToken = await e.auth.token('officer', { sub: before.ownerId });
      await eventually(
        async () => (await e.get(`/api/clubs/${before.link}/members`, ownerToken)).status === 200,
      );
      // The student's application reaches a roster that knows their email (the snapshot has no name).
      const student = await e.auth.token('student', { sub: before.studentId, email: before.studentEmail });
      expect((await e.join(before.link, student)).status).toBe(201);
      const roster = await e.get(`/api/clubs/${before.link}/members`, ownerToken);
      expect(roster.body.members).toMatchObject([
        { account_id: before.studentId, email: before.studentEmail, name: null, status: 'applied' },
      ]);
      // Both answered: the retry job sends nothing more.
      await eventually(() => owners.auth.answered.length === 1 && owners.catalog.answered.length === 1);
      await bus.idle();
      await e.service.jobs.run('replay-retry');
      await bus.idle();
      expect(requests(e)).toHaveLength(1);
    } finally {
      await e.close();
      await bus.close();
    }
    // A restart finds the replay it asked for, and asks nothing.
    const restarted = await start({ storage });
    try {
      await (restarted.bus as InProcessBus).idle();
      expect(requests(restarted)).toHaveLength(0);
      expect((await restarted.get(`/api/clubs/${before.link}/membership`)).status).toBe(200);
    } finally {
      await restarted.close();
    }
  });

  it('asks once when two instances start together on a new database', async () => {
    const { storage: fresh, close } = await openStorage(kind, 'engagement');
    try {
      const replicas = await Promise.all([start({ storage: fresh }), start({ storage: fresh })]);
      try {
        await eventually(() => requests(...replicas).length >= 1);
        await Promise.all(replicas.map((replica) => (replica.bus as InProcessBus).idle()));
        expect(requests(...replicas)).toHaveLength(1);
      } finally {
        await Promise.all(replicas.map((replica) => replica.close()));
      }
    } finally {
      await close();
    }
  });

  it('asks again only the owner that did not hear the request, until it answers', async () => {
    const { storage: fresh, close } = await openStorage(kind, 'engagement');
    const bus = new InProcessBus();
    const catalog = await owner(bus, 'catalog');
    const e = await start({ storage: fresh, bus });
    try {
      await eventually(() => catalog.answered.length === 1);
      await bus.idle();
      // Auth was not listening yet: the club is known, its owner not.
      expect((await e.get(`/api/clubs/${before.link}/membership`)).status).toBe(200);
      const ownerToken = await e.auth.token('officer', { sub: before.ownerId });
      expect((await e.get(`/api/clubs/${before.link}/members`, ownerToken)).status).toBe(403);
      const auth = await owner(bus, 'auth');
      await e.service.jobs.run('replay-retry');
      await eventually(() => auth.answered.length === 1);
      const [first, again] = requests(e);
      expect(again).toEqual({ ...first, owners: ['auth'] });
      await eventually(
        async () => (await e.get(`/api/clubs/${before.link}/members`, ownerToken)).status === 200,
      );
      await bus.idle();
      await e.service.jobs.run('replay-retry');
      await bus.idle();
      expect(requests(e)).toHaveLength(2);
      expect(catalog.answered).toHaveLength(1);
    } finally {
      await e.close();
      await bus.close();
      await close();
    }
  });
});
