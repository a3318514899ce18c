import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.js';
import type { EventEnvelope } from '../events/envelope.js';
import type { Logger } from '../logging/logger.js';
import { DurableBindings } from './durable-bindings.js';
import { type Copy, ENQUEUE, SCHEMA } from './durable-bus-tables.js';
import { queueDepths, replayDeadLetters, takeDeadLetters } from './durable-dead-letters.js';
import { DurableQueue } from './durable-queue.js';
import {
  BusUnavailableError,
  type DeadLetter,
  type EventBus,
  type QueueDepth,
  type Subscription,
  type SubscriptionSpec,
} from './event-bus.js';

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
  /** Subscriptions made while held, resumed by `release`. */
  private held?: Map<string, SubscriptionSpec>;
  private closed = false;

  private constructor(
    private readonly client: PGlite,
    private readonly bindings: DurableBindings,
    private readonly logger?: Logger,
  ) {}

  /** Creates the bus schema if needed and loads the stored bindings. */
  static async open(client: PGlite, logger?: Logger): Promise<DurableInProcessBus> {
    await client.exec(SCHEMA);
    return new DurableInProcessBus(client, await DurableBindings.load(client), logger);
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new BusUnavailableError('The in-process bus is closed');
    const copies = this.bindings.copiesOf(envelopes);
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
    const copies = this.bindings.copiesOf(envelopes);
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
    await this.bindings.bind(spec.queue, spec.routingKeys);
    const existing = this.queues.get(spec.queue);
    const queue = existing ?? new DurableQueue(this.client, spec, this.logger);
    this.queues.set(spec.queue, queue);
    if (this.held) this.held.set(spec.queue, spec);
    else queue.resume(spec);
    return {
      cancel: async () => {
        this.held?.delete(spec.queue);
        queue.pause();
      },
    };
  }

  /**
   * Until `release`, queues are bound and fill, but deliver nothing. `npm start` holds them while its
   * services start: a first start's work (the demo seed, the replays every new service asks for: about a
   * thousand events for seven consumers) then runs after the gateway answers, not before, on the one
   * thread that also starts the services.
   */
  hold(): void {
    this.held ??= new Map();
  }

  release(): void {
    const held = this.held;
    this.held = undefined;
    for (const [name, spec] of held ?? []) this.queues.get(name)?.resume(spec);
  }

  async takeDeadLetters(queue: string, max = 100): Promise<DeadLetter[]> {
    return takeDeadLetters(this.client, queue, max);
  }

  async queueDepths(queues: string[]): Promise<QueueDepth[]> {
    return queueDepths(this.client, queues);
  }

  async replayDeadLetters(queue: string, max = 100): Promise<number> {
    const replayed = await replayDeadLetters(this.client, queue, max);
    if (replayed > 0) this.queues.get(queue)?.kick();
    return replayed;
  }

  async check(): Promise<void> {
    if (this.closed) throw new BusUnavailableError('The in-process bus is closed');
  }

  /** Stops taking messages and waits (bounded) for the batches in hand; the rest stays queued on disk. */
  async close(timeoutMs = 5_000): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((queue) => queue.stop(timeoutMs)));
  }

  private kick(copies: Copy[]) {
    for (const name of new Set(copies.map((copy) => copy.q))) this.queues.get(name)?.kick();
  }
}
