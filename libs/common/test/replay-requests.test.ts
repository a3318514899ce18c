import { asc, count } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tx } from '../src/db/database.js';
import type { EventEnvelope } from '../src/events/envelope.js';
import { Outbox } from '../src/messaging/outbox.js';
import {
  askAgainUnanswered,
  askForReplay,
  type ReplayAsker,
  requestReplayOnFirstStart,
  waitAfterAsk,
  waitingFor,
} from '../src/messaging/replay-requests/ask-for-replay.js';
import { replayConfigFields } from '../src/messaging/replay-requests/replay-config.js';
import { replayLedger } from '../src/messaging/replay-requests/replay-ledger.js';
import { replayRetryJobFor } from '../src/messaging/replay-requests/replay-retry-job.js';
import { type Harness, openHarness } from './fixtures/harness.js';
import {
  aggregateVersions,
  orders,
  outbox as outboxTable,
  replayAnswers,
  replays,
} from './fixtures/schema.js';

// The ledger both askers (the monitor, engagement) use, on the fixture service's tables; each service's
// own tests cover it end to end (services/monitor/test/replay-*.test.ts, services/engagement/test/catch-up.test.ts).

const RETRY = { firstMs: 10_000, maxMs: 40_000 };
const T0 = new Date('2026-11-04T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('replay backoff and owners', () => {
  it('waits firstMs after the first sending, twice as long after each next, at most maxMs', () => {
    expect([1, 2, 3, 4, 5].map((asks) => waitAfterAsk(asks, 10_000, 40_000))).toEqual([
      10_000, 20_000, 40_000, 40_000, 40_000,
    ]);
    // A maximum below the first wait does not shorten it; a huge count does not overflow.
    expect(waitAfterAsk(3, 10_000, 1_000)).toBe(10_000);
    expect(waitAfterAsk(10_000, 10_000, 300_000)).toBe(300_000);
  });

  it('waits for the owners that have not answered, ignoring answers from others', () => {
    expect(waitingFor(['auth', 'catalog', 'media'], ['catalog', 'engagement'])).toEqual(['auth', 'media']);
    expect(waitingFor(['auth'], ['auth'])).toEqual([]);
  });

  it('reads its config fields with the same defaults in every service', () => {
    const parse = (env: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(replayConfigFields).map(([key, field]) => [key, field.parse(env[key])]),
      );
    expect(parse({})).toEqual({
      REPLAY_ON_FIRST_START: true,
      REPLAY_RETRY_MS: 10_000,
      REPLAY_RETRY_MAX_MS: 300_000,
    });
    expect(parse({ REPLAY_ON_FIRST_START: 'false', REPLAY_RETRY_MS: '0' })).toMatchObject({
      REPLAY_ON_FIRST_START: false,
      REPLAY_RETRY_MS: 0,
    });
    expect(replayConfigFields.REPLAY_RETRY_MS.safeParse('-1').success).toBe(false);
  });
});

describe('the replay-request ledger', () => {
  let harness: Harness;
  let outbox: Outbox;
  beforeAll(async () => {
    harness = await openHarness('in-process');
    outbox = new Outbox(harness.database, outboxTable, aggregateVersions);
  });
  afterAll(() => harness?.close());
  beforeEach(async () => {
    await harness.database.db.delete(replays);
    await harness.database.db.delete(outboxTable);
  });

  const ledger = replayLedger({ replays, replayAnswers }, 'bustest');
  /** Like engagement: names its owners, drops nothing. */
  const naming: ReplayAsker = { service: 'bustest', ledger, owners: ['auth', 'catalog'], namesOwners: true };
  const requests = async () =>
    (await harness.database.db.select().from(outboxTable).orderBy(asc(outboxTable.id))).map(
      (row) => (row.payload as EventEnvelope).data,
    );

  it('asks once on a first start, naming its owners; a second start finds the first', async () => {
    const [one, two] = await Promise.all([
      requestReplayOnFirstStart(outbox, T0, naming),
      requestReplayOnFirstStart(outbox, T0, naming),
    ]);
    const replayId = one ?? two;
    expect([one, two].filter(Boolean)).toHaveLength(1);
    expect(await requestReplayOnFirstStart(outbox, T0, naming)).toBeUndefined();
    expect(await requests()).toEqual([{ replayId, requestedBy: 'bustest', owners: ['auth', 'catalog'] }]);
    expect(await ledger(harness.database.db).latest()).toMatchObject({
      replayId,
      lastAskedAt: T0,
      asks: 1,
      answered: [],
    });
  });

  it('asks every owner, after its own work in the same transaction, when it names none (like the monitor)', async () => {
    const dropped: Tx[] = [];
    const all: ReplayAsker = {
      ...naming,
      owners: ['auth', 'catalog', 'media'],
      namesOwners: false,
      beforeAsking: async (tx) => {
        dropped.push(tx);
        await tx.insert(orders).values({ label: 'dropped' });
      },
    };
    const replayId = await requestReplayOnFirstStart(outbox, T0, all);
    expect(dropped).toHaveLength(1);
    expect(await requests()).toEqual([{ replayId, requestedBy: 'bustest' }]);
    // Work and request roll back together.
    await expect(
      outbox.transaction(async (tx) => {
        await askForReplay(tx, outbox, T0, all);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await harness.database.db.select({ n: count() }).from(replays))[0]?.n).toBe(1);
    expect(await requests()).toHaveLength(1);
  });

  it('re-sends to the owners that have not answered, backing off, until all have', async () => {
    const replayId = (await requestReplayOnFirstStart(outbox, T0, naming)) as string;
    expect(await askAgainUnanswered(outbox, at(9_999), RETRY, naming)).toEqual([]);
    await ledger(harness.database.db).answered(replayId, 'catalog');
    // A repeat, and an answer to a replay it did not ask for, change nothing.
    await ledger(harness.database.db).answered(replayId, 'catalog');
    await ledger(harness.database.db).answered('00000000-0000-4000-8000-000000000000', 'auth');
    expect(await askAgainUnanswered(outbox, at(10_000), RETRY, naming)).toEqual(['auth']);
    // The second re-send waits twice as long from the first.
    expect(await askAgainUnanswered(outbox, at(10_000 + 19_999), RETRY, naming)).toEqual([]);
    expect(await askAgainUnanswered(outbox, at(30_000), RETRY, naming)).toEqual(['auth']);
    expect((await requests()).slice(1)).toEqual([
      { replayId, requestedBy: 'bustest', owners: ['auth'] },
      { replayId, requestedBy: 'bustest', owners: ['auth'] },
    ]);
    expect(await ledger(harness.database.db).latest()).toMatchObject({ asks: 3, lastAskedAt: at(30_000) });
    await ledger(harness.database.db).answered(replayId, 'auth');
    expect(await askAgainUnanswered(outbox, at(DAY), RETRY, naming)).toEqual([]);
    expect(await requests()).toHaveLength(3);
  });

  it('re-sends only the newest replay, even when both were asked at the same service time', async () => {
    const first = await outbox.transaction((tx) => askForReplay(tx, outbox, T0, naming));
    const second = await outbox.transaction((tx) => askForReplay(tx, outbox, T0, naming));
    expect(first).not.toBe(second);
    expect((await ledger(harness.database.db).latest())?.replayId).toBe(second);
    expect(await askAgainUnanswered(outbox, at(DAY), RETRY, naming)).toEqual(['auth', 'catalog']);
    expect((await requests()).at(-1)).toMatchObject({ replayId: second });
  });

  it('runs as the replay-retry job on REPLAY_RETRY_MS, logging the owners it asked', async () => {
    await requestReplayOnFirstStart(outbox, T0, naming);
    const logged: { owners?: string[]; msg: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    const config = { REPLAY_ON_FIRST_START: true, REPLAY_RETRY_MS: 10_000, REPLAY_RETRY_MAX_MS: 40_000 };
    const ctx = { outbox, config, logger };
    const job = replayRetryJobFor<typeof ctx, typeof config>(naming);
    expect(job.name).toBe('replay-retry');
    expect(job.every(config)).toBe(10_000);
    await job.run(ctx, at(5_000));
    expect(logged).toEqual([]);
    await job.run(ctx, at(10_000));
    expect(logged).toMatchObject([
      { owners: ['auth', 'catalog'], msg: expect.stringContaining('asked again') },
    ]);
  });
});

const DAY = 24 * 3_600_000;
