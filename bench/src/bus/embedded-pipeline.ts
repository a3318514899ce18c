import { randomBytes } from 'node:crypto';
import { type EventBus, InProcessBus } from '@sproul/common/bus';
import { DurableInProcessBus } from '@sproul/common/bus/durable';
import type { Database } from '@sproul/common/db';
import type { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import { Outbox, OutboxRelay, onBatch, subscribeHandlers } from '@sproul/common/messaging';
import { testLogger } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { effects, inbox, orders, outbox as outboxTable } from './schema.js';

export type EmbeddedTransport = 'memory' | 'durable';

/**
 * `npm start`'s path on one PGlite: producers commit a change and its event, the relay hands it to the
 * in-process bus (kept in memory, or durable in PGlite's bus schema), a consumer applies it through its inbox.
 */
export async function openEmbeddedPipeline(
  embedded: EmbeddedPostgres,
  database: Database,
  transport: EmbeddedTransport,
) {
  await database.db.execute(sql`truncate bench.orders, bench.outbox, bench.inbox, bench.effects`);
  const logger = testLogger();
  const bus: EventBus =
    transport === 'memory'
      ? new InProcessBus(logger)
      : await DurableInProcessBus.open(embedded.client, logger);
  const outbox = new Outbox(database, outboxTable);
  const relay = new OutboxRelay({ database, table: outboxTable, outbox, bus, logger });
  const committedAt = new Map<string, number>();
  const effectAt = new Map<string, number>();
  let pending: string[] = [];
  const consumerCommits = new Outbox(database, outboxTable);
  consumerCommits.onCommit(() => {
    const now = performance.now();
    for (const id of pending) effectAt.set(id, now);
    pending = [];
  });
  const subscription = await subscribeHandlers({
    service: `bench_${randomBytes(3).toString('hex')}`,
    bus,
    database,
    inbox,
    logger,
    outbox: consumerCommits,
    maxAttempts: 5,
    retryDelaysMs: [100],
    handlers: [
      onBatch(UserRegisteredV1, async (events, tx) => {
        await tx.insert(effects).values(events.map((event) => ({ eventId: event.id })));
        for (const event of events) pending.push(event.id);
      }),
    ],
  });
  relay.start();

  return {
    async produce(label: string) {
      const event = makeEvent(
        UserRegisteredV1,
        { userId: label, email: `${label}@berkeley.edu`, role: 'student', name: null, club: null },
        'bench',
      );
      await outbox.transaction(async (tx) => {
        await tx.insert(orders).values({ label });
        await outbox.append(tx, [event]);
      });
      committedAt.set(event.id, performance.now());
    },
    async waitForEffects(count: number, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (effectAt.size < count) {
        if (Date.now() > deadline) throw new Error(`only ${effectAt.size} of ${count} effects`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    latencies: () => [...effectAt].map(([id, at]) => at - (committedAt.get(id) ?? at)),
    async close() {
      await relay.stop();
      await subscription.cancel();
      await bus.close();
    },
  };
}
