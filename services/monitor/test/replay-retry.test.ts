import { randomUUID } from 'node:crypto';
import { InProcessBus } from '@sproul/common/bus';
import {
  AccountSnapshotV1,
  ClubUpdatedV2,
  type EventEnvelope,
  ImageStoredV1,
  makeEvent,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  replayAsks,
  TagChangedV1,
} from '@sproul/common/events';
import {
  bootService,
  clubSummaryV2,
  eventually,
  fetchJson,
  openStorage,
  storageKinds,
  type TokenIssuer,
  tokenIssuer,
} from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorService } from '../src/index.js';
import { eventHistory } from './monitor-harness.js';

const NOW = new Date('2026-11-04T12:00:00Z');
const DAY = 24 * 3_600_000;
const RETRY_MS = 10_000;
type Request = { replayId: string; owners?: string[] };

/**
 * An owning service as the monitor sees it on the bus: from the moment it subscribes, it answers each
 * replay request that asks it with its state (numbered like its outbox would) and then its
 * ReadModelReplayed. A request published before it subscribed never reaches it, as on RabbitMQ.
 */
async function owner(bus: InProcessBus, service: string, state: (replayId: string) => EventEnvelope[]) {
  const answered: string[] = [];
  await bus.subscribe({
    queue: `${service}-stand-in-${randomUUID()}`,
    routingKeys: [ReadModelReplayRequestedV1.routingKey],
    maxAttempts: 1,
    retryDelaysMs: [10],
    handleBatch: async (deliveries) => {
      for (const { body } of deliveries) {
        const request = ReadModelReplayRequestedV1.schema.parse((body as EventEnvelope).data);
        if (!replayAsks(request, service)) continue;
        answered.push(request.replayId);
        await bus.publish([
          ...state(request.replayId),
          makeEvent(ReadModelReplayedV1, { replayId: request.replayId, service }, service),
        ]);
      }
      return deliveries.map(() => ({ kind: 'ack' as const }));
    },
  });
  return { answered };
}

describe.each(await storageKinds())('re-sending a replay request an owner did not hear (%s)', (kind) => {
  let auth: TokenIssuer;
  beforeAll(async () => {
    auth = await tokenIssuer();
  });
  afterAll(() => auth?.close());

  it('asks the owner that was not listening again until it answers, then stops; a repeated answer changes nothing', async () => {
    const { storage, close: closeStorage } = await openStorage(kind, 'monitor');
    const bus = new InProcessBus();
    let now = NOW;
    const event = eventHistory();
    // What the owners hold: an officer and a student (auth), a confirmed club (catalog), its picture (media).
    const owners = {
      auth: (replayId: string) =>
        (['officer', 'student'] as const).map((role) =>
          event(
            AccountSnapshotV1,
            {
              userId: `${role}-1`,
              email: `${role}-1@berkeley.edu`,
              role,
              registeredAt: new Date(NOW.getTime() - DAY).toISOString(),
              confirmedAt: null,
              replayId,
            },
            NOW,
          ),
        ),
      catalog: () => [
        event(ClubUpdatedV2, { clubId: 'c1', changed: ['replay'], club: chessClub }, NOW),
        event(TagChangedV1, { tags: [{ id: 0, name: 'Games' }], num_user_tags: [] }, NOW),
      ],
      media: () => [
        event(
          ImageStoredV1,
          {
            imageId: '00000000-0000-4000-8000-000000000001',
            clubId: 'c1',
            purpose: 'gallery',
            url: 'https://cdn.test/1.webp',
            objectKey: 'clubs/c1/1.webp',
            caption: '',
          },
          NOW,
        ),
      ],
    };
    // auth and the catalog are up when the monitor first starts; media's queue does not exist yet.
    const authOwner = await owner(bus, 'auth', owners.auth);
    const catalogOwner = await owner(bus, 'catalog', owners.catalog);
    const monitor = await bootService(monitorService, {
      storage,
      bus,
      clock: () => now,
      config: { AUTH_URL: auth.url, STATS_CACHE_MS: '0', REPLAY_RETRY_MS: String(RETRY_MS) },
    });
    const admin = await auth.token('admin');
    const get = async (path: string) => (await fetchJson(monitor.url(path), { token: admin })).body;
    const figures = async () => ({
      officers: (await get('/api/monitor/overview/stats/sign-up')).club_admin.main.clubs_registered,
      galleryPics: (await get('/api/monitor/more-stats/pic-stats'))[0].gallery_pics,
    });
    const state = async () => (await get('/api/monitor/read-models')).replay;
    const requests = () => monitor.published<Request>('ReadModelReplayRequested');
    const retry = async () => {
      await monitor.service.jobs.run('replay-retry');
      await bus.idle();
    };

    try {
      const first = await eventually(() => requests()[0]);
      await eventually(async () => (await state())?.answered.length === 2);
      await bus.idle();
      expect(await state()).toMatchObject({
        replay_id: first.replayId,
        answered: ['auth', 'catalog'],
        waiting: ['media'],
      });
      expect(await figures()).toEqual({ officers: 1, galleryPics: 0 });

      // Media comes up; the request is not re-sent before REPLAY_RETRY_MS has passed since it went out.
      const mediaOwner = await owner(bus, 'media', owners.media);
      await retry();
      expect((await state()).last_asked_at).toBe(NOW.toISOString());
      now = new Date(NOW.getTime() + RETRY_MS);
      await retry();
      // The same replay, to media alone: auth and the catalog do not restate everything again.
      const again = await eventually(() => requests()[1]);
      expect(again).toEqual({ replayId: first.replayId, requestedBy: 'monitor', owners: ['media'] });
      await eventually(async () => (await state()).waiting.length === 0);
      await bus.idle();
      expect(mediaOwner.answered).toEqual([first.replayId]);
      expect(authOwner.answered).toEqual([first.replayId]);
      expect(catalogOwner.answered).toEqual([first.replayId]);
      expect(await figures()).toEqual({ officers: 1, galleryPics: 1 });
      expect((await state()).answered).toEqual(['auth', 'catalog', 'media']);

      // Everyone answered: later ticks ask nobody (the rebuild's request below is the next one sent).
      now = new Date(now.getTime() + 5 * RETRY_MS);
      await retry();
      const rebuild = await fetchJson(monitor.url('/api/monitor/read-models/rebuild'), {
        method: 'POST',
        token: admin,
      });
      expect(rebuild.status).toBe(202);
      const second = rebuild.body.replay_id as string;
      await eventually(
        async () => (await state()).replay_id === second && (await state()).waiting.length === 0,
      );
      await bus.idle();
      expect(requests()).toEqual([
        { replayId: first.replayId, requestedBy: 'monitor' },
        { replayId: first.replayId, requestedBy: 'monitor', owners: ['media'] },
        { replayId: second, requestedBy: 'monitor' },
      ]);
      expect(await figures()).toEqual({ officers: 1, galleryPics: 1 });

      // An owner answering twice (a request redelivered), and an answer to a replay this monitor never
      // asked for: the figures and the replay's state stay as they are.
      const settled = await state();
      await bus.publish([
        makeEvent(
          ReadModelReplayRequestedV1,
          { replayId: second, requestedBy: 'monitor', owners: ['media'] },
          'test',
        ),
        makeEvent(ReadModelReplayedV1, { replayId: randomUUID(), service: 'media' }, 'media'),
      ]);
      await eventually(() => mediaOwner.answered.length === 3);
      await bus.idle();
      expect(await state()).toEqual(settled);
      expect(await figures()).toEqual({ officers: 1, galleryPics: 1 });
    } finally {
      await monitor.close();
      await bus.close();
      await closeStorage();
    }
  });

  it('waits twice as long after each re-send, up to REPLAY_RETRY_MAX_MS, while no owner answers', async () => {
    const { storage, close: closeStorage } = await openStorage(kind, 'monitor');
    let now = NOW;
    const monitor = await bootService(monitorService, {
      storage,
      clock: () => now,
      config: { AUTH_URL: auth.url, REPLAY_RETRY_MS: '10000', REPLAY_RETRY_MAX_MS: '40000' },
    });
    const admin = await auth.token('admin');
    const lastAsked = async () =>
      (await fetchJson(monitor.url('/api/monitor/read-models'), { token: admin })).body.replay.last_asked_at;
    try {
      // Seconds after the first request, and whether a run of the job then sends it again: 10, 20,
      // 40, then 40 (the cap) after the sending before.
      const schedule: [number, boolean][] = [
        [9.999, false],
        [10, true],
        [29.999, false],
        [30, true],
        [69.999, false],
        [70, true],
        [109.999, false],
        [110, true],
      ];
      for (const [seconds, sends] of schedule) {
        const before = await lastAsked();
        now = new Date(NOW.getTime() + seconds * 1000);
        await monitor.service.jobs.run('replay-retry');
        expect(await lastAsked(), `${seconds} s`).toBe(sends ? now.toISOString() : before);
      }
      const requests = await eventually(() => {
        const sent = monitor.published<Request>('ReadModelReplayRequested');
        return sent.length === 5 ? sent : undefined;
      });
      expect(requests.slice(1).map((request) => request.owners)).toEqual(
        Array(4).fill(['auth', 'catalog', 'media']),
      );
      expect(new Set(requests.map((request) => request.replayId)).size).toBe(1);
    } finally {
      await monitor.close();
      await closeStorage();
    }
  });

  it('re-sends once per due time when replicas tick together', async () => {
    const { storage, close: closeStorage } = await openStorage(kind, 'monitor');
    const bus = new InProcessBus();
    let now = NOW;
    const boot = () =>
      bootService(monitorService, { storage, bus, clock: () => now, config: { AUTH_URL: auth.url } });
    const replicas = [await boot(), await boot()];
    const [first] = replicas as [Awaited<ReturnType<typeof boot>>];
    const requests = () => first.published<Request>('ReadModelReplayRequested');
    // Only PostgreSQL runs the two replicas' transactions at once (PGlite takes one at a time); without
    // the row lock it sent 40 here.
    const ROUNDS = 20;
    try {
      await eventually(() => requests().length === 1);
      for (let round = 1; round <= ROUNDS; round += 1) {
        // Past any backoff (at most REPLAY_RETRY_MAX_MS, 5 min): each round is due exactly once.
        now = new Date(NOW.getTime() + round * 3_600_000);
        await Promise.all(replicas.map((replica) => replica.service.jobs.run('replay-retry')));
      }
      const admin = await auth.token('admin');
      const rebuild = await fetchJson(first.url('/api/monitor/read-models/rebuild'), {
        method: 'POST',
        token: admin,
      });
      // Committed before the rebuild, any extra re-send is relayed by the time its request is.
      await eventually(() => requests().some((request) => request.replayId === rebuild.body.replay_id));
      await eventually(() => requests().filter((request) => request.owners).length >= ROUNDS);
      expect(requests().filter((request) => request.owners)).toHaveLength(ROUNDS);
    } finally {
      for (const replica of replicas) await replica.close();
      await bus.close();
      await closeStorage();
    }
  });
});

const chessClub = clubSummaryV2('Chess', {
  tags: [0],
  reactivated: true,
  registered_at: new Date(NOW.getTime() - 30 * DAY).toISOString(),
});
