import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBus } from '../src/bus/event-bus.js';
import { AccountConfirmedV1 } from '../src/events/contracts/account-confirmed.js';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import type { EventEnvelope } from '../src/events/envelope.js';
import { makeEvent } from '../src/events/make-event.js';
import {
  type ConsumerOptions,
  type EventHandler,
  on,
  onBatch,
  subscribeHandlers,
} from '../src/messaging/consumer.js';
import { eventually, testLogger } from '../src/testing/index.js';
import { infraAvailable } from '../src/testing/infra.js';
import {
  effectCount,
  effectIds,
  type Harness,
  openHarness,
  type TransportKind,
  uniqueQueue,
} from './fixtures/harness.js';
import { effects, inbox } from './fixtures/schema.js';

const registered = (i: number) =>
  makeEvent(
    UserRegisteredV1,
    { userId: `u${i}`, email: `officer${i}@berkeley.edu`, role: 'officer', name: null, club: null },
    'bus-test',
  );

const transports: { kind: TransportKind; needs: Parameters<typeof infraAvailable> }[] = [
  { kind: 'in-process', needs: [] },
  { kind: 'durable in-process', needs: [] },
  { kind: 'rabbitmq', needs: ['postgres', 'rabbitmq'] },
];

/** One suite, two transports: the embedded bus must keep RabbitMQ's promises. */
describe.each(transports)('event bus over $kind', async ({ kind, needs }) => {
  const available = await infraAvailable(...needs);
  let harness: Harness;

  beforeAll(async () => {
    if (available) harness = await openHarness(kind);
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Subscribes handlers to a queue on the harness's bus and database, three attempts per event. */
  const subscribe = (queue: string, handlers: EventHandler[], options: Partial<ConsumerOptions> = {}) =>
    subscribeHandlers({
      service: queue,
      bus: harness.bus,
      database: harness.database,
      inbox,
      handlers,
      logger: testLogger(),
      maxAttempts: 3,
      retryDelaysMs: [100],
      ...options,
    });

  /** A batch handler that records an effect per event, and the events of each call in `calls`. */
  const batchRecorder = (
    queue: string,
    contract: typeof UserRegisteredV1 | typeof AccountConfirmedV1,
    calls: EventEnvelope[][],
  ) =>
    onBatch(contract, async (events, tx) => {
      calls.push(events);
      await tx.insert(effects).values(events.map((event) => ({ consumer: queue, eventId: event.id })));
    });

  /** Subscribes a consumer whose handler records an effect, optionally failing first. */
  async function consumer(
    queue: string,
    options: {
      bus?: EventBus;
      contract?: typeof UserRegisteredV1 | typeof AccountConfirmedV1;
      failures?: number | 'always';
      attempts?: number[];
    } = {},
  ) {
    const seen: { id: string; at: number }[] = [];
    const handler: EventHandler = on(options.contract ?? UserRegisteredV1, async (event, tx) => {
      seen.push({ id: event.id, at: Date.now() });
      const failures = options.failures ?? 0;
      const tries = seen.filter((s) => s.id === event.id).length;
      if (failures === 'always' || tries <= failures)
        throw new Error(`handler refused ${event.id} (try ${tries})`);
      await tx.insert(effects).values({ consumer: queue, eventId: event.id, attempt: tries });
    });
    const subscription = await subscribe(queue, [handler], {
      bus: options.bus ?? harness.bus,
      retryDelaysMs: options.attempts ?? [150, 300],
    });
    return { seen, subscription };
  }

  /**
   * Publishes a marker behind everything published so far and waits until the marker is handled (its
   * effect committed) by one of `consumers` of `queue`, and every one of them that has handled anything
   * has handled a marker. A queue hands a consumer its messages in order, so whatever was still on its
   * way (a duplicate, a stray delivery) has arrived by then: "nothing more arrives" becomes observable
   * instead of a wait and a hope. Consumers sharing a queue each get only some of its messages, so
   * markers go out one at a time until each has had one. Returns the markers' ids, to leave out.
   */
  async function publishMarkerBehind(
    queue: string,
    consumers: { readonly seen: { id: string }[] }[],
    contract: typeof UserRegisteredV1 | typeof AccountConfirmedV1 = UserRegisteredV1,
  ): Promise<Set<string>> {
    const markers = new Set<string>();
    const sawMarker = (c: { seen: { id: string }[] }) => c.seen.some((s) => markers.has(s.id));
    const waiting = () => consumers.filter((c) => c.seen.length > 0 && !sawMarker(c));
    await eventually(async () => {
      if (markers.size > 0 && waiting().length === 0) return true;
      const marker =
        contract === UserRegisteredV1
          ? registered(9_000 + markers.size)
          : makeEvent(
              AccountConfirmedV1,
              { userId: 'marker', email: 'marker@berkeley.edu', role: 'officer' },
              'bus-test',
            );
      markers.add(marker.id);
      await harness.bus.publish([marker]);
      await eventually(async () => (await effectIds(harness.database, queue)).includes(marker.id));
      return false;
    }, 20_000);
    return markers;
  }

  it.skipIf(!available)('delivers each event once to every bound consumer, and not to others', async () => {
    const [a, b, other] = [uniqueQueue('a'), uniqueQueue('b'), uniqueQueue('other')];
    const consumerA = await consumer(a);
    const consumerB = await consumer(b);
    const unrelated = await consumer(other, { contract: AccountConfirmedV1 });
    const events = Array.from({ length: 25 }, (_, i) => registered(i));
    await harness.bus.publish(events);

    await eventually(
      async () =>
        (await effectCount(harness.database, a)) === 25 && (await effectCount(harness.database, b)) === 25,
    );
    // Markers behind the events: a late duplicate to a or b, or a stray one to the other queue, is in by then.
    const markers = new Set([
      ...(await publishMarkerBehind(a, [consumerA])),
      ...(await publishMarkerBehind(b, [consumerB])),
      ...(await publishMarkerBehind(other, [unrelated], AccountConfirmedV1)),
    ]);
    for (const queue of [a, b]) {
      const ids = (await effectIds(harness.database, queue)).filter((id) => !markers.has(id));
      expect(ids.sort()).toEqual(events.map((e) => e.id).sort());
    }
    expect(unrelated.seen.filter((s) => !markers.has(s.id))).toHaveLength(0);
  });

  it.skipIf(!available)('retries a failing handler after a delay until it succeeds', async () => {
    const queue = uniqueQueue('flaky');
    const { seen } = await consumer(queue, { failures: 1, attempts: [300] });
    const event = registered(1);
    await harness.bus.publish([event]);

    await eventually(async () => (await effectCount(harness.database, queue)) === 1);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(250);
    expect(await harness.bus.takeDeadLetters(queue)).toEqual([]);
  });

  it.skipIf(!available)(
    'dead-letters an event whose handler always fails, after N attempts, with the error',
    async () => {
      const queue = uniqueQueue('doomed');
      const { seen } = await consumer(queue, { failures: 'always', attempts: [50, 100] });
      const event = registered(2);
      await harness.bus.publish([event]);

      const letters = await eventually(async () => {
        const taken = await harness.bus.takeDeadLetters(queue);
        return taken.length > 0 ? taken : undefined;
      });
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ attempts: 3, routingKey: 'user.registered.v1' });
      expect(letters[0]!.error).toContain(`handler refused ${event.id} (try 3)`);
      expect((letters[0]!.body as EventEnvelope).id).toBe(event.id);
      expect(seen).toHaveLength(3);
      expect(await effectCount(harness.database, queue)).toBe(0);
    },
  );

  it.skipIf(!available)(
    'counts a queue’s dead letters, and replays them onto it as first deliveries',
    async () => {
      const queue = uniqueQueue('replayed');
      // Fails its three attempts, then (replayed) succeeds: a handler fixed after the fact.
      const { seen } = await consumer(queue, { failures: 3, attempts: [50, 100] });
      const never = uniqueQueue('never-declared');
      expect(await harness.bus.queueDepths([never])).toEqual([{ queue: never, waiting: 0, dead: 0 }]);
      const event = registered(5);
      await harness.bus.publish([event]);

      await eventually(async () => (await harness.bus.queueDepths([queue]))[0]!.dead === 1);
      expect(await harness.bus.queueDepths([queue])).toEqual([{ queue, waiting: 0, dead: 1 }]);
      expect(await harness.bus.replayDeadLetters(queue)).toBe(1);
      await eventually(async () => (await effectCount(harness.database, queue)) === 1);
      expect(seen.map((s) => s.id)).toEqual([event.id, event.id, event.id, event.id]);
      await eventually(async () => {
        const [depth] = await harness.bus.queueDepths([queue]);
        return depth!.waiting === 0 && depth!.dead === 0;
      });
      expect(await harness.bus.replayDeadLetters(queue)).toBe(0);
    },
  );

  it.skipIf(!available)(
    'dead-letters an event that breaks its schema without calling the handler',
    async () => {
      const queue = uniqueQueue('strict');
      const { seen } = await consumer(queue);
      const valid = registered(3);
      const broken = { ...registered(4), data: { userId: 42, email: 'not-an-email' } } as EventEnvelope;
      await harness.bus.publish([broken, valid]);

      const letters = await eventually(async () => {
        const taken = await harness.bus.takeDeadLetters(queue);
        return taken.length > 0 ? taken : undefined;
      });
      expect(letters).toHaveLength(1);
      expect(letters[0]!.attempts).toBe(1);
      expect(letters[0]!.error).toMatch(/UserRegistered v1: .*userId/);
      await eventually(async () => (await effectCount(harness.database, queue)) === 1);
      expect(seen.map((s) => s.id)).toEqual([valid.id]);
    },
  );

  it.skipIf(!available)('gives a redelivered event id no second effect', async () => {
    const queue = uniqueQueue('dedupe');
    const deduping = await consumer(queue);
    const { seen } = deduping;
    const event = registered(5);
    await harness.bus.publish([event]);
    await eventually(async () => (await effectCount(harness.database, queue)) === 1);
    // The same event again, alone and twice within one batch, as a broker redelivery would.
    await harness.bus.publish([event]);
    await harness.bus.publish([event, event, registered(6)]);
    await eventually(async () => (await effectCount(harness.database, queue)) === 2);
    await publishMarkerBehind(queue, [deduping]);
    expect(await effectIds(harness.database, queue)).toContain(event.id);
    expect((await effectIds(harness.database, queue)).filter((id) => id === event.id)).toHaveLength(1);
    expect(seen.filter((s) => s.id === event.id)).toHaveLength(1);
  });

  it.skipIf(!available)(
    'hands a batch handler runs of one contract in delivery order, each new event once',
    async () => {
      const queue = uniqueQueue('runs');
      const runs: EventEnvelope[][] = [];
      await subscribe(
        queue,
        [batchRecorder(queue, UserRegisteredV1, runs), batchRecorder(queue, AccountConfirmedV1, runs)],
        { prefetch: 50 },
      );
      const confirmed = makeEvent(
        AccountConfirmedV1,
        { userId: 'u1', email: 'officer1@berkeley.edu', role: 'officer' },
        'bus-test',
      );
      const before = Array.from({ length: 12 }, (_, i) => registered(200 + i));
      const after = Array.from({ length: 5 }, (_, i) => registered(300 + i));
      await harness.bus.publish([...before, confirmed, ...after]);
      await eventually(async () => (await effectCount(harness.database, queue)) === 18);
      // A redelivery of some of them (and a duplicate inside the batch) must not reach the handler again.
      const late = registered(400);
      await harness.bus.publish([before[0]!, before[0]!, confirmed, late]);
      await eventually(async () => (await effectCount(harness.database, queue)) === 19);
      const markers = await publishMarkerBehind(queue, [
        {
          get seen() {
            return runs.flat();
          },
        },
      ]);

      const calls = runs.map((events) => ({ type: events[0]!.type, ids: events.map((event) => event.id) }));
      const handled = calls.flatMap((call) => call.ids).filter((id) => !markers.has(id));
      expect(handled).toEqual([...before, confirmed, ...after, late].map((event) => event.id));
      // Runs never mix contracts, and the confirmed event splits the registered ones around it.
      for (const call of calls) {
        const isConfirmed = call.ids.includes(confirmed.id);
        expect(call.type).toBe(isConfirmed ? 'AccountConfirmed' : 'UserRegistered');
        if (isConfirmed) expect(call.ids).toEqual([confirmed.id]);
      }
      // Published together, the first events arrive together: one call takes several of them.
      expect(Math.max(...calls.map((call) => call.ids.length))).toBeGreaterThan(1);
    },
  );

  it.skipIf(!available)('keeps batches within the batch size asked for', async () => {
    const queue = uniqueQueue('small');
    const runs: EventEnvelope[][] = [];
    await subscribe(queue, [batchRecorder(queue, UserRegisteredV1, runs)], { prefetch: 50, batchSize: 3 });
    await harness.bus.publish(Array.from({ length: 10 }, (_, i) => registered(500 + i)));
    await eventually(async () => (await effectCount(harness.database, queue)) === 10);
    const sizes = runs.map((events) => events.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it.skipIf(!available)(
    'shares work between two consumers of one queue, each event handled once',
    async () => {
      const queue = uniqueQueue('shared');
      const first = await consumer(queue);
      const second = await consumer(queue, { bus: await harness.newBus() });
      const events = Array.from({ length: 40 }, (_, i) => registered(100 + i));
      await harness.bus.publish(events);
      await eventually(async () => (await effectCount(harness.database, queue)) === 40);
      const markers = await publishMarkerBehind(queue, [first, second]);
      const ids = (await effectIds(harness.database, queue)).filter((id) => !markers.has(id));
      expect(new Set(ids).size).toBe(40);
      expect(ids).toHaveLength(40);
    },
  );

  it('builds envelopes that match their contract and refuses data that does not', () => {
    const event = registered(7);
    expect(event).toMatchObject({ type: 'UserRegistered', version: 1, source: 'bus-test' });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(() =>
      makeEvent(
        UserRegisteredV1,
        { userId: 'x', email: 'nope', role: 'officer', name: null, club: null },
        's',
      ),
    ).toThrow(/does not match its contract/);
    expect(randomUUID()).not.toBe(event.id);
  });
});
