import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.js';
import { routingKeyOf } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import type { Logger } from '../logging/logger.js';
import {
  BusUnavailableError,
  batchLimit,
  type DeadLetter,
  type Delivery,
  type EventBus,
  type Outcome,
  retryDelay,
  type Subscription,
  type SubscriptionSpec,
  topicMatches,
} from './event-bus.js';

/**
 * Queues and bindings live in the `bus` schema of the embedded PGlite, next to the services' outboxes.
 * Bindings are stored too: after a restart, events relayed before their consumer has subscribed again
 * still reach its queue, as with RabbitMQ's durable bindings.
 */
const SCHEMA = `
  create schema if not exists bus;
  create table if not exists bus.bindings (
    queue text not null,
    pattern text not null,
    primary key (queue, pattern)
  );
  create table if not exists bus.messages (
    id bigserial primary key,
    queue text not null,
    routing_key text not null,
    body jsonb not null,
    attempt integer not null default 1,
    available_at bigint not null default 0,
    error text,
    dead_at timestamptz
  );
  create index if not exists messages_ready_idx on bus.messages (queue, id) where dead_at is null;
`;

/** One copy of an event for one queue, as the enqueue statement takes them (a JSON array, one parameter). */
interface Copy {
  q: string;
  k: string;
  b: EventEnvelope;
}

const ENQUEUE = `insert into bus.messages (queue, routing_key, body)
  select x->>'q', x->>'k', x->'b' from jsonb_array_elements($1::jsonb) with ordinality as t(x, n) order by n`;

/**
 * The embedded transport (`npm start`), durable: every bound queue's copy of an event is a row in the
 * same PGlite as the outboxes, so a crash (SIGKILL, power loss) loses nothing that was handed over.
 * The outbox relay enqueues inside its own transaction (`publishInTransaction`), so "handed over" and
 * "marked sent" commit together. Same contract as RabbitMQ: at-least-once (a row is deleted only after
 * the consumer's transaction committed; a crash in between redelivers, the inbox absorbs it), retries
 * with growing delay, dead letters after N attempts. Messages go through JSONB, so a consumer can
 * never mutate what another one receives.
 */
export class DurableInProcessBus implements EventBus {
  private readonly queues = new Map<string, DurableQueue>();
  /** queue → binding patterns, mirrored from bus.bindings. */
  private readonly bindings = new Map<string, string[]>();
  private closed = false;

  private constructor(
    private readonly client: PGlite,
    private readonly logger?: Logger,
  ) {}

  /** Creates the bus schema if needed and loads the stored bindings. */
  static async open(client: PGlite, logger?: Logger): Promise<DurableInProcessBus> {
    await client.exec(SCHEMA);
    const bus = new DurableInProcessBus(client, logger);
    const { rows } = await client.query<{ queue: string; pattern: string }>(
      'select queue, pattern from bus.bindings',
    );
    for (const { queue, pattern } of rows)
      bus.bindings.set(queue, [...(bus.bindings.get(queue) ?? []), pattern]);
    return bus;
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new BusUnavailableError('The in-process bus is closed');
    const copies = this.copiesOf(envelopes);
    if (copies.length === 0) return;
    await this.client.query(ENQUEUE, [JSON.stringify(copies)]);
    this.kick(copies);
  }

  /**
   * Enqueues within the caller's open transaction when it is on this bus's PGlite (a plain `publish`
   * there would wait for that very transaction to end). Returns false, enqueuing nothing, otherwise.
   */
  async publishInTransaction(database: Database, tx: Tx, envelopes: EventEnvelope[]): Promise<boolean> {
    if ((database.db as unknown as { $client?: unknown }).$client !== this.client) return false;
    if (this.closed) throw new BusUnavailableError('The in-process bus is closed');
    const copies = this.copiesOf(envelopes);
    if (copies.length === 0) return true;
    await tx.execute(
      sql`insert into bus.messages (queue, routing_key, body)
        select x->>'q', x->>'k', x->'b' from jsonb_array_elements(${JSON.stringify(copies)}::jsonb)
        with ordinality as t(x, n) order by n`,
    );
    // The queues' reads wait on PGlite for this transaction to end, so they see its rows once committed.
    this.kick(copies);
    return true;
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    if (this.closed) throw new BusUnavailableError('The in-process bus is closed');
    await this.client.transaction(async (tx) => {
      await tx.query('delete from bus.bindings where queue = $1', [spec.queue]);
      for (const pattern of spec.routingKeys) {
        await tx.query('insert into bus.bindings (queue, pattern) values ($1, $2)', [spec.queue, pattern]);
      }
    });
    this.bindings.set(spec.queue, [...spec.routingKeys]);
    const existing = this.queues.get(spec.queue);
    const queue = existing ?? new DurableQueue(this.client, spec, this.logger);
    this.queues.set(spec.queue, queue);
    queue.resume(spec);
    return { cancel: async () => queue.pause() };
  }

  async takeDeadLetters(queue: string, max = 100): Promise<DeadLetter[]> {
    const { rows } = await this.client.query<{
      routing_key: string;
      body: unknown;
      attempt: number;
      error: string | null;
      dead_at: Date;
    }>(
      `delete from bus.messages where id in (
         select id from bus.messages where queue = $1 and dead_at is not null order by id limit $2)
       returning routing_key, body, attempt, error, dead_at`,
      [queue, max],
    );
    return rows.map((row) => ({
      body: row.body,
      routingKey: row.routing_key,
      error: row.error ?? '',
      attempts: row.attempt,
      deadAt: new Date(row.dead_at).toISOString(),
    }));
  }

  async check(): Promise<void> {
    if (this.closed) throw new BusUnavailableError('The in-process bus is closed');
  }

  /** Stops taking messages and waits (bounded) for the batches in hand; the rest stays queued on disk. */
  async close(timeoutMs = 5_000): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((queue) => queue.stop(timeoutMs)));
  }

  private copiesOf(envelopes: EventEnvelope[]): Copy[] {
    const copies: Copy[] = [];
    for (const envelope of envelopes) {
      const k = routingKeyOf(envelope.type, envelope.version);
      for (const [q, patterns] of this.bindings) {
        if (patterns.some((pattern) => topicMatches(pattern, k))) copies.push({ q, k, b: envelope });
      }
    }
    return copies;
  }

  private kick(copies: Copy[]) {
    for (const name of new Set(copies.map((copy) => copy.q))) this.queues.get(name)?.kick();
  }
}

interface Row {
  id: string | number;
  routing_key: string;
  body: unknown;
  attempt: number;
}

/** One queue's consumer loop: reads ready rows in id order, hands them over in batches, settles them. */
class DurableQueue {
  private running?: Promise<void>;
  /** Set when woken while a batch was in hand: read again before resting. */
  private again = false;
  private paused = true;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private timerAt = Number.POSITIVE_INFINITY;
  /** Ids handled (committed by the consumer) whose rows are deleted with the next read. */
  private readonly acks: number[] = [];
  /**
   * Whether rows may wait out a retry delay that no timer of this process knows of (left by a previous
   * run, or by a read that failed): looked up once when the queue next runs dry.
   */
  private dueUnknown = true;

  constructor(
    private readonly client: PGlite,
    private spec: SubscriptionSpec,
    private readonly logger?: Logger,
  ) {}

  resume(spec: SubscriptionSpec) {
    this.spec = spec;
    this.paused = false;
    this.dueUnknown = true;
    this.kick();
  }

  pause() {
    this.paused = true;
    this.clearTimer();
  }

  async stop(timeoutMs: number) {
    this.stopped = true;
    this.pause();
    if (this.running) await Promise.race([this.running, new Promise((r) => setTimeout(r, timeoutMs))]);
  }

  kick() {
    if (this.paused || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop()
      .catch((error) => {
        // PGlite failing (closing under us): the rows stay; the next wake or timer reads them again.
        this.logger?.warn({ err: error, queue: this.spec.queue }, 'in-process queue read failed');
        this.dueUnknown = true;
        this.wakeAt(Date.now() + 1_000);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) this.kick();
      });
  }

  private async loop() {
    // Let the publisher's batch land first, so consumers see batches as they would from RabbitMQ.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      this.again = false;
      if (this.paused || this.stopped) {
        await this.flushAcks();
        return;
      }
      // The previous batch's acknowledgements ride with the next read: one statement per batch.
      const acked = JSON.stringify(this.acks.splice(0));
      const { rows } = await this.client.query<Row>(
        `with acked as (
           delete from bus.messages where id in (select jsonb_array_elements_text($4::jsonb)::bigint))
         select id, routing_key, body, attempt from bus.messages
         where queue = $1 and dead_at is null and available_at <= $2
           and id not in (select jsonb_array_elements_text($4::jsonb)::bigint)
         order by id limit $3`,
        [this.spec.queue, Date.now(), batchLimit(this.spec, 100), acked],
      );
      if (rows.length === 0) {
        if (this.dueUnknown && !this.again) await this.scheduleNextRetry();
        if (!this.again) return;
        continue;
      }
      const outcomes = await this.handle(rows);
      await this.settle(rows, outcomes);
    }
  }

  private async flushAcks() {
    if (this.acks.length === 0) return;
    await this.client.query(
      'delete from bus.messages where id in (select jsonb_array_elements_text($1::jsonb)::bigint)',
      [JSON.stringify(this.acks.splice(0))],
    );
  }

  private async handle(rows: Row[]): Promise<Outcome[]> {
    const deliveries: Delivery[] = rows.map((row) => ({
      body: row.body,
      routingKey: row.routing_key,
      attempt: row.attempt,
    }));
    try {
      return await this.spec.handleBatch(deliveries);
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      return rows.map(() => ({ kind: 'retry', error: message }));
    }
  }

  private async settle(rows: Row[], outcomes: Outcome[]) {
    for (const [i, row] of rows.entries()) {
      const outcome = outcomes[i] ?? { kind: 'ack' };
      if (outcome.kind === 'ack') {
        this.acks.push(Number(row.id));
      } else if (outcome.kind === 'retry' && row.attempt < this.spec.maxAttempts) {
        const at = Date.now() + retryDelay(this.spec.retryDelaysMs, row.attempt);
        await this.client.query(
          'update bus.messages set attempt = attempt + 1, available_at = $2, error = $3 where id = $1',
          [row.id, at, outcome.error],
        );
        this.wakeAt(at);
      } else {
        this.logger?.error(
          {
            queue: this.spec.queue,
            routingKey: row.routing_key,
            attempts: row.attempt,
            error: outcome.error,
          },
          'message dead-lettered',
        );
        await this.client.query('update bus.messages set dead_at = now(), error = $2 where id = $1', [
          row.id,
          outcome.error,
        ]);
      }
    }
  }

  /** Rows waiting out a retry delay (maybe from before a restart) get a timer for when they are due. */
  private async scheduleNextRetry() {
    this.dueUnknown = false;
    const { rows } = await this.client.query<{ due: string | number | null }>(
      'select min(available_at) as due from bus.messages where queue = $1 and dead_at is null',
      [this.spec.queue],
    );
    const due = rows[0]?.due;
    if (due !== null && due !== undefined) this.wakeAt(Number(due));
  }

  private wakeAt(at: number) {
    if (this.paused || this.stopped || at >= this.timerAt) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        // Later retries were left to this timer (one timer per queue): look them up once it has run dry.
        this.dueUnknown = true;
        this.kick();
      },
      Math.max(0, at - Date.now()),
    );
    this.timer.unref?.();
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
