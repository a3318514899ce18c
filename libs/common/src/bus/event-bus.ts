import type { Database, Tx } from '../db/database.js';
import type { EventEnvelope } from '../events/envelope.js';

/** One message handed to a consumer. `body` is whatever arrived: consumers validate it. */
export interface Delivery {
  body: unknown;
  routingKey: string;
  /** 1 on first delivery, 2 after the first retry, and so on. */
  attempt: number;
}

/** What the consumer decided for one delivery. */
export type Outcome =
  | { kind: 'ack' }
  /** Try again later (growing delay); dead-lettered once attempts run out. */
  | { kind: 'retry'; error: string }
  /** Never going to work (e.g. breaks its contract): dead-letter now. */
  | { kind: 'dead'; error: string };

export interface SubscriptionSpec {
  /** Consuming service's name: one durable queue per service. */
  queue: string;
  /** Routing keys (event type and version, e.g. `club.updated.v1`) this queue is bound to. */
  routingKeys: string[];
  /** Handles a batch, returning one outcome per delivery in the same order. */
  handleBatch(deliveries: Delivery[]): Promise<Outcome[]>;
  /** Deliveries after which a retried message is dead-lettered. */
  maxAttempts: number;
  /** Delay before attempt n+1 is retryDelaysMs[n-1] (the last value repeats). */
  retryDelaysMs: number[];
  /** Unacknowledged messages in flight, which bounds the batch size too. */
  prefetch?: number;
  /** Deliveries handled together (one transaction); at most, and by default, the prefetch. */
  batchSize?: number;
}

export interface DeadLetter {
  body: unknown;
  routingKey: string;
  error: string;
  attempts: number;
  deadAt: string;
}

/** How many messages a service's queue holds (operations: the admin web app's event bus page). */
export interface QueueDepth {
  queue: string;
  /** Waiting to be handled: ready, and (embedded buses) waiting out a retry delay. */
  waiting: number;
  /** Dead letters, until taken or replayed. */
  dead: number;
}

export interface Subscription {
  cancel(): Promise<void>;
}

export interface EventBus {
  /** Resolves once the transport has durably accepted every envelope (publisher confirms). */
  publish(envelopes: EventEnvelope[]): Promise<void>;
  /**
   * Optional, for a transport that keeps its queues in the outbox's own database (the durable
   * in-process bus): enqueues inside the caller's open transaction `tx` on `database`, so the hand-over
   * commits with it. Resolves false, doing nothing, when `database` is not the transport's own.
   */
  publishInTransaction?(database: Database, tx: Tx, envelopes: EventEnvelope[]): Promise<boolean>;
  subscribe(spec: SubscriptionSpec): Promise<Subscription>;
  /** Removes and returns up to `max` dead letters of a queue (operations, tests). */
  takeDeadLetters(queue: string, max?: number): Promise<DeadLetter[]>;
  /** The depth of each named queue (a queue never declared counts as empty). */
  queueDepths(queues: string[]): Promise<QueueDepth[]>;
  /**
   * Moves up to `max` dead letters of a queue back onto it, oldest first, as first deliveries; resolves
   * how many. Safe to repeat: consumers' inboxes skip what they already applied.
   */
  replayDeadLetters(queue: string, max?: number): Promise<number>;
  /** Throws when the transport cannot currently publish. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export class BusUnavailableError extends Error {
  constructor(message = 'The event bus is not connected') {
    super(message);
    this.name = 'BusUnavailableError';
  }
}

export const retryDelay = (delays: number[], attempt: number): number =>
  delays[Math.min(attempt - 1, delays.length - 1)] ?? 1000;

/** Deliveries handled together: the batch size asked for, never more than the prefetch. */
export const batchLimit = (spec: SubscriptionSpec, defaultPrefetch: number): number =>
  Math.min(spec.batchSize ?? Number.POSITIVE_INFINITY, spec.prefetch ?? defaultPrefetch);

/** Topic match with AMQP semantics: `*` is one word, `#` is zero or more words. */
export function topicMatches(pattern: string, key: string): boolean {
  const p = pattern.split('.');
  const k = key.split('.');
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === k.length;
    if (p[i] === '#') return match(i + 1, j) || (j < k.length && match(i, j + 1));
    return j < k.length && (p[i] === '*' || p[i] === k[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}
