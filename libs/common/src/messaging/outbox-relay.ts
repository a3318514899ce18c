import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { EventBus } from '../bus/event-bus.js';
import { type Database, rowsOf } from '../db/database.js';
import type { EventEnvelope } from '../events/envelope.js';
import { parseEvent } from '../events/parse-event.js';
import type { Logger } from '../logging/logger.js';
import { publishTraced } from '../tracing/event-spans.js';
import type { MessagingMetrics } from './messaging-metrics.js';
import type { OutboxTable } from './messaging-tables.js';
import type { Outbox } from './outbox.js';

export interface OutboxRelayOptions {
  database: Database;
  table: OutboxTable;
  outbox: Outbox;
  bus: EventBus;
  logger: Logger;
  /** Rows published (and confirmed) per round trip. */
  batchSize?: number;
  /** Fallback poll when nobody wakes the relay (rows committed by another replica, a missed wake). */
  pollIntervalMs?: number;
  /** Sent rows are kept this long for inspection, then deleted. */
  retentionMs?: number;
  /** Counts what the bus confirmed. */
  metrics?: MessagingMetrics;
}

/**
 * Publishes outbox rows in id order and marks them sent, a batch per transaction. Rows are marked only
 * after the broker confirmed them, so a broker outage or a crash leaves them to be sent again later
 * (consumers' inboxes absorb the duplicates). One replica relays a service's outbox at a time.
 */
export class OutboxRelay {
  private stopped = true;
  private wakeUp?: () => void;
  private pending = false;
  private loopDone?: Promise<void>;
  private unsubscribe?: () => void;
  private lastCleanup = 0;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.options.outbox.onCommit(() => this.wake());
    this.pending = true;
    this.loopDone = this.loop();
  }

  wake(): void {
    this.pending = true;
    // While the broker is failing, commits must not cut the back-off short and hammer it.
    if (this.failures === 0) this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.wakeUp?.();
    await this.loopDone;
  }

  private async loop() {
    const { logger, pollIntervalMs = 1_000 } = this.options;
    while (!this.stopped) {
      const failures = this.failures;
      if (failures > 0) await this.sleep(backoff(failures));
      else if (!this.pending) await this.sleep(pollIntervalMs);
      if (this.stopped) break;
      this.pending = false;
      try {
        const sent = await this.publishBatch();
        if (failures > 0) logger.info({ after: failures }, 'outbox relay recovered');
        this.failures = 0;
        if (sent === (this.options.batchSize ?? 500)) this.pending = true; // more may be waiting
        await this.cleanupSometimes();
      } catch (error) {
        this.failures = failures + 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          logger.warn({ err: error, failures: this.failures }, 'outbox relay could not publish; will retry');
        }
      }
    }
  }

  /** Publishes one batch; returns how many rows were sent. Exposed for tests and benchmarks. */
  async publishBatch(): Promise<number> {
    const { database, table, bus, logger, batchSize = 500 } = this.options;
    return database.db.transaction(async (tx) => {
      // Lock and read in one round trip: rows come back only to the replica holding the service's lock.
      // The statement's snapshot is taken before that lock: a replica whose batch committed in between
      // leaves its rows looking unsent in it. Locking the rows re-reads each at its latest version, so
      // those (sent or deleted by then) drop out instead of going out a second time.
      const rows = rowsOf<{ id: string | number; payload: EventEnvelope }>(
        await tx.execute(sql`
          with lock as (select pg_try_advisory_xact_lock(hashtext(${`outbox:${database.service}`})) as held)
          select o.id, o.payload from ${table} o, lock
          where lock.held and o.sent_at is null and o.error is null
          order by o.id limit ${batchSize}
          for update of o skip locked`),
      );
      if (rows.length === 0) return 0;
      // A row that breaks its contract (written around `append`, or by an older version) would block
      // everything behind it: set it aside with its error, logged, and relay the rest.
      const valid: typeof rows = [];
      const secret = new Set<number>();
      for (const row of rows) {
        const parsed = parseEvent(row.payload);
        if (parsed.ok) {
          valid.push(row);
          if (parsed.contract.carriesSecret) secret.add(Number(row.id));
          continue;
        }
        logger.error({ outboxId: row.id, error: parsed.reason }, 'outbox row breaks its contract; set aside');
        await tx
          .update(table)
          .set({ error: parsed.reason })
          .where(eq(table.id, Number(row.id)));
      }
      if (valid.length === 0) return rows.length;
      const payloads = valid.map((row) => row.payload);
      // The durable in-process bus enqueues in this very transaction (hand-over and "sent" commit together).
      await publishTraced(payloads, async (sent) => {
        if (!(await bus.publishInTransaction?.(database, tx, sent))) await bus.publish(sent);
      });
      this.options.metrics?.countPublished(payloads);
      // Rows whose data carries a secret (live single-use links) go as soon as they are sent; the rest
      // are kept `retentionMs` for inspection.
      const ids = valid.map((row) => Number(row.id)).filter((id) => !secret.has(id));
      if (secret.size > 0) await tx.delete(table).where(inArray(table.id, [...secret]));
      if (ids.length > 0) await tx.update(table).set({ sentAt: sql`now()` }).where(inArray(table.id, ids));
      return rows.length;
    });
  }

  private async cleanupSometimes() {
    const { database, table, retentionMs = 24 * 3600_000 } = this.options;
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await database.db
      .delete(table)
      .where(and(isNotNull(table.sentAt), lt(table.sentAt, new Date(Date.now() - retentionMs))));
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    }).finally(() => {
      this.wakeUp = undefined;
    });
  }
}

const backoff = (failures: number) => Math.min(5_000, 100 * 2 ** Math.min(failures, 6));
