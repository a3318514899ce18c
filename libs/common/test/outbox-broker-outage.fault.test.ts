import { count, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import { makeEvent } from '../src/events/make-event.js';
import { eventually, rabbitmq } from '../src/testing/index.js';
import { infraAvailable } from '../src/testing/infra.js';
import {
  effectIds,
  type Harness,
  openHarness,
  outboxWithRelay,
  recordEffects,
  uniqueQueue,
} from './fixtures/harness.js';
import { orders, outbox as outboxTable } from './fixtures/schema.js';

describe('outbox while RabbitMQ is down', async () => {
  const available = await infraAvailable('postgres', 'rabbitmq');
  let harness: Harness;

  beforeAll(async () => {
    if (available) harness = await openHarness('rabbitmq');
  });
  afterAll(async () => {
    await rabbitmq.restore();
    await harness?.close();
  });

  it.skipIf(!available)(
    'commits state changes, then publishes every event once the broker is back',
    { timeout: 180_000 },
    async () => {
      const queue = uniqueQueue('outage');
      const { outbox, relay } = outboxWithRelay(harness);
      await recordEffects(harness, queue);
      relay.start();
      const commit = async (label: string) => {
        const e = makeEvent(
          UserRegisteredV1,
          { userId: label, email: `${label}@berkeley.edu`, role: 'member', name: null, club: null },
          'test',
        );
        await outbox.transaction(async (tx) => {
          await tx.insert(orders).values({ label });
          await outbox.append(tx, [e]);
        });
        return e.id;
      };

      const ids = [await commit('before-outage')];
      await eventually(async () => (await effectIds(harness.database, queue)).length === 1);

      await rabbitmq.stop();
      try {
        await eventually(
          async () =>
            harness.bus.check().then(
              () => false,
              () => true,
            ),
          30_000,
        );
        for (let i = 0; i < 20; i++) ids.push(await commit(`during-outage-${i}`));
        const [{ n: committed }] = (await harness.database.db.select({ n: count() }).from(orders)) as [
          { n: number },
        ];
        expect(committed).toBe(21);
        const [{ n: waiting }] = (await harness.database.db
          .select({ n: count() })
          .from(outboxTable)
          .where(isNull(outboxTable.sentAt))) as [{ n: number }];
        expect(waiting).toBe(20);
      } finally {
        await rabbitmq.start();
      }

      await eventually(async () => (await effectIds(harness.database, queue)).length >= 21, 60_000, 200);
      // A marker committed last: the relay sends rows in id order (a row it must send again, too) and the
      // queue delivers in order, so any duplicate is in once the marker is.
      const marker = await commit('marker');
      await eventually(async () => (await effectIds(harness.database, queue)).includes(marker), 30_000);
      const handled = (await effectIds(harness.database, queue)).filter((id) => id !== marker);
      expect(handled.sort()).toEqual([...ids].sort());
      await relay.stop();
    },
  );
});
