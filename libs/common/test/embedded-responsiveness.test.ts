import { setImmediate as turnOfTheLoop } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DurableInProcessBus } from '../src/bus/durable-in-process-bus.js';
import { EmbeddedPostgres } from '../src/db/pglite.js';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import { makeEvent } from '../src/events/make-event.js';
import { on, subscribeHandlers } from '../src/messaging/consumer.js';
import { eventually, testLogger } from '../src/testing/index.js';
import { type Harness, openHarness, uniqueQueue } from './fixtures/harness.js';
import { inbox } from './fixtures/schema.js';

// `npm start` runs seven services and their queues on one thread over one PGlite: these are what keep
// its HTTP answering while they work through a backlog.
describe('the embedded mode under a backlog', () => {
  it('lets timers and I/O run between the statements of a long chain of queries', async () => {
    const database = await EmbeddedPostgres.open(undefined, { turnTheLoop: true });
    try {
      let done = 0;
      let doneWhenTimerFired: number | undefined;
      setTimeout(() => {
        doneWhenTimerFired = done;
      }, 0);
      for (let i = 0; i < 300; i += 1) {
        await database.client.query('select 1');
        done += 1;
      }
      // PGlite answers on the promise queue: without a turn of the loop per statement the timer waited
      // for all 300.
      expect(doneWhenTimerFired).toBeDefined();
      expect(doneWhenTimerFired).toBeLessThan(300);
    } finally {
      await database.close();
    }
  });

  describe('a held durable in-process bus', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await openHarness('durable in-process');
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('keeps what is published for its queues until released, then delivers all of it', async () => {
      const bus = harness.bus as DurableInProcessBus;
      const seen: string[] = [];
      bus.hold();
      await subscribeHandlers({
        service: uniqueQueue('held'),
        bus,
        database: harness.database,
        inbox,
        logger: testLogger(),
        maxAttempts: 3,
        retryDelaysMs: [100],
        handlers: [on(UserRegisteredV1, async (event) => void seen.push(event.id))],
      });
      const events = [1, 2, 3].map((i) =>
        makeEvent(
          UserRegisteredV1,
          { userId: `held-${i}`, email: `held${i}@berkeley.edu`, role: 'student', name: null, club: null },
          'hold-test',
        ),
      );
      await bus.publish(events);
      // A queue that delivers takes a turn of the loop and one read: fifty turns are ample.
      for (let turn = 0; turn < 50; turn += 1) await turnOfTheLoop();
      expect(seen).toEqual([]);
      bus.release();
      await eventually(() => seen.length === 3);
      expect(seen).toEqual(events.map((event) => event.id));
    });
  });
});
