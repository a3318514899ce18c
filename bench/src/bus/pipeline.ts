import { randomBytes } from 'node:crypto';
import { RabbitMqBus } from '@sproul/common/bus/rabbitmq';
import type { Database } from '@sproul/common/db';
import { makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import { Outbox, OutboxRelay, on, onBatch, subscribeHandlers } from '@sproul/common/messaging';
import { testLogger } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { effects, inbox, orders, outbox as outboxTable } from './schema.js';

/**
 * `batched`: ours (the relay publishes and marks rows in batches, the consumer applies a batch of
 * deliveries in one transaction with one statement). `straightforward`: the same guarantees done one
 * event at a time (the relay publishes and marks one row per transaction, the consumer runs one inbox
 * transaction per message), the design the targets are set against, measured beside ours.
 */
export type PipelineDesign = 'batched' | 'straightforward';

/**
 * The whole path with every guarantee on: producers commit a state change and its event in one
 * transaction; the relay publishes with confirms and marks rows sent; a consumer (its own connection,
 * as another service) applies each event once through its inbox and acks after commit.
 */
export async function openPipeline(database: Database, amqpUrl: string, design: PipelineDesign = 'batched') {
  const oneByOne = design === 'straightforward';
  await database.db.execute(sql`truncate bench.orders, bench.outbox, bench.inbox, bench.effects`);
  const logger = testLogger();
  const exchange = `bench.${randomBytes(4).toString('hex')}`;
  const producerBus = await RabbitMqBus.connect({ url: amqpUrl, logger, exchange });
  const consumerBus = await RabbitMqBus.connect({ url: amqpUrl, logger, exchange });
  await Promise.all([producerBus.waitUntilConnected(), consumerBus.waitUntilConnected()]);

  const outbox = new Outbox(database, outboxTable);
  const relay = new OutboxRelay({
    database,
    table: outboxTable,
    outbox,
    bus: producerBus,
    logger,
    batchSize: oneByOne ? 1 : 500,
  });
  const committedAt = new Map<string, number>();
  const effectAt = new Map<string, number>();
  let pending: string[] = [];
  // Stamps the consumer's effects when its transaction has committed, not when the handler ran.
  const consumerCommits = new Outbox(database, outboxTable);
  consumerCommits.onCommit(() => {
    const now = performance.now();
    for (const id of pending) effectAt.set(id, now);
    pending = [];
  });
  const queue = `bench_${randomBytes(3).toString('hex')}`;
  const subscription = await subscribeHandlers({
    service: queue,
    bus: consumerBus,
    database,
    inbox,
    logger,
    outbox: consumerCommits,
    maxAttempts: 5,
    retryDelaysMs: [100],
    prefetch: 500,
    batchSize: oneByOne ? 1 : 500,
    handlers: [
      oneByOne
        ? on(UserRegisteredV1, async (event, tx) => {
            await tx.insert(effects).values({ eventId: event.id });
            pending.push(event.id);
          })
        : // Applies a run of events with one statement, as a consumer under load should.
          onBatch(UserRegisteredV1, async (events, tx) => {
            await tx.insert(effects).values(events.map((event) => ({ eventId: event.id })));
            for (const event of events) pending.push(event.id);
          }),
    ],
  });
  relay.start();

  async function produce(label: string) {
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
  }

  async function waitForEffects(count: number, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    while (effectAt.size < count) {
      if (Date.now() > deadline) throw new Error(`only ${effectAt.size} of ${count} effects`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  return {
    produce,
    waitForEffects,
    latencies: () => [...effectAt].map(([id, at]) => at - (committedAt.get(id) ?? at)),
    async close() {
      await relay.stop();
      await subscription.cancel();
      await producerBus.close();
      await consumerBus.close();
    },
  };
}

/** Events per second from the first commit to the last effect, with `producers` concurrent producers. */
export async function throughput(
  database: Database,
  amqpUrl: string,
  producers: number,
  count: number,
  design: PipelineDesign = 'batched',
) {
  const pipeline = await openPipeline(database, amqpUrl, design);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: producers }, async () => {
      while (next < count) await pipeline.produce(`order-${next++}`);
    }),
  );
  await pipeline.waitForEffects(count);
  const rate = count / ((performance.now() - started) / 1000);
  await pipeline.close();
  return rate;
}

/** Commit-to-effect latencies (ms) at a steady rate well below capacity. */
export async function steadyLatency(database: Database, amqpUrl: string, perSecond: number, seconds: number) {
  const pipeline = await openPipeline(database, amqpUrl);
  const paced = async (count: number, offset: number) => {
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const wait = started + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(pipeline.produce(`steady-${offset + i}`));
    }
    await Promise.all(inFlight);
    await pipeline.waitForEffects(offset + count);
  };
  // Two seconds at the same pace first, so the figures describe a warmed-up process, not JIT start-up.
  const warmup = perSecond * 2;
  await paced(warmup, 0);
  const skip = new Set(pipeline.latencies().map((_, i) => i));
  await paced(perSecond * seconds, warmup);
  const latencies = pipeline.latencies().filter((_, i) => !skip.has(i));
  await pipeline.close();
  return latencies;
}
