import { sql } from 'drizzle-orm';
import type { Metric } from 'prom-client';
import type { Delivery, EventBus, Outcome } from '../bus/event-bus.js';
import { type Database, rowsOf } from '../db/database.js';
import { routingKeyOf } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import { scrapedMetric } from '../http/scraped-metric.js';
import type { OutboxTable } from './messaging-tables.js';

interface Handled {
  consumed: number;
  retried: number;
  dead: number;
}

/**
 * Events published and handled, counted in plain numbers per event and turned into Prometheus series
 * when /metrics is scraped (a labelled prom-client `inc` per event would build and hash a label object
 * each time). Outbox lag and queue depth are read only when scraped.
 */
export class MessagingMetrics {
  // type → version → count: no string is built per published event.
  private readonly published = new Map<string, Map<number, number>>();
  private readonly handled = new Map<string, Handled>();

  /** The relay handed these to the bus, which confirmed them. */
  countPublished(envelopes: readonly EventEnvelope[]): void {
    for (const { type, version } of envelopes) {
      let versions = this.published.get(type);
      if (!versions) {
        versions = new Map();
        this.published.set(type, versions);
      }
      versions.set(version, (versions.get(version) ?? 0) + 1);
    }
  }

  /** A consumer's outcomes: a retry on the last attempt is a dead letter (the bus gives up on it). */
  countHandled(deliveries: readonly Delivery[], outcomes: readonly Outcome[], maxAttempts: number): void {
    for (let i = 0; i < deliveries.length; i++) {
      const delivery = deliveries[i]!;
      let counts = this.handled.get(delivery.routingKey);
      if (!counts) {
        counts = { consumed: 0, retried: 0, dead: 0 };
        this.handled.set(delivery.routingKey, counts);
      }
      const kind = outcomes[i]?.kind;
      if (kind === 'ack') counts.consumed += 1;
      else if (kind === 'retry' && delivery.attempt < maxAttempts) counts.retried += 1;
      else counts.dead += 1;
    }
  }

  /** The series for a service's registry: counts, its outbox's lag, and (when it consumes) its queue. */
  metrics(sources: { database: Database; outbox: OutboxTable; bus: EventBus; queue?: string }): Metric[] {
    const handled = (field: keyof Handled) => () =>
      [...this.handled].map(([event, counts]) => ({ labels: { event }, value: counts[field] }));
    const list: Metric[] = [
      scrapedMetric('events_published_total', 'Events published from the outbox, by event', 'counter', () =>
        [...this.published].flatMap(([type, versions]) =>
          [...versions].map(([version, value]) => ({
            labels: { event: routingKeyOf(type, version) },
            value,
          })),
        ),
      ),
      scrapedMetric(
        'events_consumed_total',
        'Events handled (effect committed or already applied), by event',
        'counter',
        handled('consumed'),
      ),
      scrapedMetric(
        'events_retried_total',
        'Deliveries that failed and will be retried, by event',
        'counter',
        handled('retried'),
      ),
      scrapedMetric(
        'events_dead_lettered_total',
        'Deliveries dead-lettered (broke their contract, or failed their last attempt), by event',
        'counter',
        handled('dead'),
      ),
      scrapedMetric(
        'outbox_lag_seconds',
        'Age of the oldest outbox row not yet published (0 when all are sent)',
        'gauge',
        async () => [{ labels: {}, value: await outboxLag(sources.database, sources.outbox) }],
      ),
    ];
    if (sources.queue) list.push(queueDepthMetric(sources.bus, sources.queue));
    return list;
  }
}

/** Seconds since the oldest unsent row was written; the partial index on unsent rows finds it. */
export async function outboxLag(database: Database, outbox: OutboxTable): Promise<number> {
  const [row] = rowsOf<{ lag: number | string | null }>(
    await database.db.execute(sql`
      select extract(epoch from now() - created_at) as lag from ${outbox}
      where sent_at is null and error is null order by id limit 1`),
  );
  return Math.max(0, Number(row?.lag ?? 0));
}

const DEPTH_TTL_MS = 5_000;

/**
 * Messages waiting in the service's queue and its dead letters. Asked of the broker (or the embedded
 * bus's tables) at most every few seconds, whoever scrapes; nothing is reported while the bus is down.
 */
function queueDepthMetric(bus: EventBus, queue: string): Metric {
  let cached: { at: number; waiting: number; dead: number } | undefined;
  return scrapedMetric(
    'event_queue_messages',
    "Messages in the service's queue: waiting (ready or waiting out a retry) and dead letters",
    'gauge',
    async () => {
      if (!cached || Date.now() - cached.at > DEPTH_TTL_MS) {
        try {
          const [depth] = await bus.queueDepths([queue]);
          cached = { at: Date.now(), waiting: depth?.waiting ?? 0, dead: depth?.dead ?? 0 };
        } catch {
          cached = undefined;
          return [];
        }
      }
      return [
        { labels: { queue, state: 'waiting' }, value: cached.waiting },
        { labels: { queue, state: 'dead' }, value: cached.dead },
      ];
    },
  );
}
