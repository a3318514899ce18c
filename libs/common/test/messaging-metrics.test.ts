import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import { makeEvent } from '../src/events/make-event.js';
import { type Circuit, circuitStateMetric, collectCircuits } from '../src/http-client/circuit-metrics.js';
import { createInternalClient } from '../src/http-client/internal-client.js';
import { on, subscribeHandlers } from '../src/messaging/consumer.js';
import { MessagingMetrics } from '../src/messaging/messaging-metrics.js';
import { Outbox } from '../src/messaging/outbox.js';
import { OutboxRelay } from '../src/messaging/outbox-relay.js';
import { eventually, testLogger } from '../src/testing/index.js';
import { infraAvailable } from '../src/testing/infra.js';
import { type Harness, openHarness, type TransportKind, uniqueQueue } from './fixtures/harness.js';
import { aggregateVersions, effects, inbox, outbox as outboxTable } from './fixtures/schema.js';

const event = (name: string) =>
  makeEvent(
    UserRegisteredV1,
    { userId: name, email: `${name}@berkeley.edu`, role: 'officer', name, club: null },
    'metrics-test',
  );

/** name{labels} → value, as a scrape reads it. */
async function scrape(registry: Registry): Promise<Map<string, number>> {
  const figures = new Map<string, number>();
  for (const metric of await registry.getMetricsAsJSON()) {
    for (const { labels, value } of metric.values) {
      const text = Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      figures.set(`${metric.name}{${text}}`, value);
    }
  }
  return figures;
}

describe.each(['in-process', 'durable in-process', 'rabbitmq'] as TransportKind[])(
  'messaging metrics over %s',
  async (kind) => {
    const available = await infraAvailable(
      ...(kind === 'rabbitmq' ? (['postgres', 'rabbitmq'] as const) : []),
    );
    const queue = uniqueQueue('metrics');
    let harness: Harness;
    let relay: OutboxRelay;
    let outbox: Outbox;
    const registry = new Registry();
    const counts = new MessagingMetrics();
    const key = UserRegisteredV1.routingKey;

    beforeAll(async () => {
      if (!available) return;
      harness = await openHarness(kind);
      outbox = new Outbox(harness.database, outboxTable, aggregateVersions);
      relay = new OutboxRelay({
        database: harness.database,
        table: outboxTable,
        outbox,
        bus: harness.bus,
        logger: testLogger(),
        metrics: counts,
      });
      await subscribeHandlers({
        service: queue,
        bus: harness.bus,
        database: harness.database,
        inbox,
        logger: testLogger(),
        maxAttempts: 2,
        retryDelaysMs: [20],
        metrics: counts,
        handlers: [
          on(UserRegisteredV1, async (e, tx) => {
            if (e.data.name === 'doomed') throw new Error('this one always fails');
            await tx.insert(effects).values({ consumer: queue, eventId: e.id });
          }),
        ],
      });
      for (const metric of counts.metrics({
        database: harness.database,
        outbox: outboxTable,
        bus: harness.bus,
        queue,
      }))
        registry.registerMetric(metric);
    });
    afterAll(async () => {
      await relay?.stop();
      await harness?.close();
    });

    it.skipIf(!available)(
      'outbox lag rises while the relay is stopped and falls once it relays',
      async () => {
        expect((await scrape(registry)).get('outbox_lag_seconds{}')).toBe(0);
        await outbox.transaction((tx) => outbox.append(tx, [event('ann'), event('bob'), event('doomed')]));
        const risen = await eventually(async () => {
          const lag = (await scrape(registry)).get('outbox_lag_seconds{}') ?? 0;
          return lag >= 0.05 ? lag : undefined;
        });
        expect(risen).toBeGreaterThanOrEqual(0.05);
        relay.start();
        await eventually(async () => (await scrape(registry)).get('outbox_lag_seconds{}') === 0);
      },
    );

    it.skipIf(!available)(
      'counts publishes, consumes, retries and dead letters by event, and the queue depth',
      async () => {
        const figures = await eventually(async () => {
          const now = await scrape(registry);
          return now.get(`events_dead_lettered_total{event=${key}}`) === 1 ? now : undefined;
        });
        expect(figures.get(`events_published_total{event=${key}}`)).toBe(3);
        expect(figures.get(`events_consumed_total{event=${key}}`)).toBe(2);
        expect(figures.get(`events_retried_total{event=${key}}`)).toBe(1);
        // Depth is read at most every 5 s: it may still show the doomed event waiting for its retry.
        await eventually(async () => {
          const now = await scrape(registry);
          return (
            now.get(`event_queue_messages{queue=${queue},state=dead}`) === 1 &&
            now.get(`event_queue_messages{queue=${queue},state=waiting}`) === 0
          );
        }, 15_000);
      },
    );
  },
);

describe('circuit breaker state', () => {
  it('reads 0 while closed and 2 once the upstream failed enough to open it', async () => {
    const circuits = new Set<Circuit>();
    const client = collectCircuits(circuits, () =>
      createInternalClient({
        service: 'nowhere',
        // Port 9 (discard) on loopback: refused at once.
        baseUrl: 'http://127.0.0.1:9',
        retries: 0,
        breakAfter: 2,
        halfOpenAfterMs: 60_000,
      }),
    );
    // A client created outside any service's setup is nobody's.
    createInternalClient({ service: 'stray', baseUrl: 'http://127.0.0.1:9' }).close();
    const registry = new Registry();
    registry.registerMetric(circuitStateMetric(circuits));
    expect((await scrape(registry)).get('internal_client_circuit_state{upstream=nowhere}')).toBe(0);
    expect([...(await scrape(registry)).keys()]).toEqual(['internal_client_circuit_state{upstream=nowhere}']);
    for (let i = 0; i < 2; i++) await expect(client.get('/x')).rejects.toMatchObject({ status: 502 });
    expect((await scrape(registry)).get('internal_client_circuit_state{upstream=nowhere}')).toBe(2);
    await client.close();
  });
});
