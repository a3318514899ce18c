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

interface QueuedMessage {
  body: unknown;
  routingKey: string;
  attempt: number;
}

/**
 * The embedded transport (`npm start`): queues in memory with RabbitMQ's semantics: each bound queue
 * gets its own copy, at-least-once delivery, retries with growing delay, dead letters after N attempts.
 * Messages are copied through JSON so a consumer can never mutate what another one receives.
 * What it cannot give is durability across a crash: the outbox keeps unsent events, but events already
 * handed over and not yet handled are gone with the process (a clean shutdown drains them first).
 */
export class InProcessBus implements EventBus {
  private readonly queues = new Map<string, LocalQueue>();
  private closed = false;

  constructor(private readonly logger?: Logger) {}

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (this.closed) throw new BusUnavailableError('The in-process bus is closed');
    for (const envelope of envelopes) {
      const routingKey = routingKeyOf(envelope.type, envelope.version);
      const payload = JSON.stringify(envelope);
      for (const queue of this.queues.values()) {
        if (queue.accepts(routingKey)) queue.push({ body: JSON.parse(payload), routingKey, attempt: 1 });
      }
    }
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    const existing = this.queues.get(spec.queue);
    const queue = existing ?? new LocalQueue(spec, this.logger);
    if (existing) existing.replaceSpec(spec);
    this.queues.set(spec.queue, queue);
    return { cancel: async () => queue.pause() };
  }

  async takeDeadLetters(queue: string, max = 100): Promise<DeadLetter[]> {
    return this.queues.get(queue)?.takeDeadLetters(max) ?? [];
  }

  async check(): Promise<void> {
    if (this.closed) throw new BusUnavailableError('The in-process bus is closed');
  }

  /**
   * Resolves once every queue is empty, no handler is running and no retry is waiting: what a test
   * waits for instead of sleeping before it asserts that something did (or did not) happen. A queue
   * whose subscription was cancelled counts as idle. Handlers publishing on the bus keep it busy.
   */
  async idle(): Promise<void> {
    const queues = () => [...this.queues.values()];
    while (!queues().every((queue) => queue.isIdle())) {
      await Promise.all(queues().map((queue) => queue.whenIdle()));
    }
  }

  /** Stops taking new messages and waits (bounded) for in-flight handling to finish. */
  async close(timeoutMs = 5_000): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((queue) => queue.drain(timeoutMs)));
  }
}

class LocalQueue {
  private readonly ready: QueuedMessage[] = [];
  private readonly dead: DeadLetter[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  private running = false;
  private paused = false;

  constructor(
    private spec: SubscriptionSpec,
    private readonly logger?: Logger,
  ) {}

  replaceSpec(spec: SubscriptionSpec) {
    this.spec = spec;
    this.paused = false;
    this.kick();
  }

  accepts(routingKey: string) {
    return this.spec.routingKeys.some((pattern) => topicMatches(pattern, routingKey));
  }

  push(message: QueuedMessage) {
    this.ready.push(message);
    this.kick();
  }

  pause() {
    this.paused = true;
    this.notifyIfIdle();
  }

  isIdle() {
    return this.paused || (!this.running && this.ready.length === 0 && this.timers.size === 0);
  }

  whenIdle() {
    return this.isIdle() ? Promise.resolve() : new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIfIdle() {
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  takeDeadLetters(max: number) {
    return this.dead.splice(0, max);
  }

  async drain(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while ((this.running || this.ready.length > 0) && !this.paused && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private kick() {
    if (this.running || this.paused || this.ready.length === 0) return;
    this.running = true;
    // Let the publisher's batch land first, so consumers see batches as they would from RabbitMQ.
    setImmediate(() => void this.loop());
  }

  private async loop() {
    try {
      while (!this.paused && this.ready.length > 0) {
        const batch = this.ready.splice(0, batchLimit(this.spec, 100));
        const outcomes = await this.handle(batch);
        for (const [i, message] of batch.entries()) this.settle(message, outcomes[i] ?? { kind: 'ack' });
      }
    } finally {
      this.running = false;
      this.notifyIfIdle();
    }
  }

  private async handle(batch: QueuedMessage[]): Promise<Outcome[]> {
    const deliveries: Delivery[] = batch.map(({ body, routingKey, attempt }) => ({
      body,
      routingKey,
      attempt,
    }));
    try {
      return await this.spec.handleBatch(deliveries);
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      return batch.map(() => ({ kind: 'retry', error: message }));
    }
  }

  private settle(message: QueuedMessage, outcome: Outcome) {
    if (outcome.kind === 'ack') return;
    if (outcome.kind === 'retry' && message.attempt < this.spec.maxAttempts) {
      const delay = retryDelay(this.spec.retryDelaysMs, message.attempt);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.push({ ...message, attempt: message.attempt + 1 });
      }, delay);
      this.timers.add(timer);
      return;
    }
    this.logger?.error(
      {
        queue: this.spec.queue,
        routingKey: message.routingKey,
        attempts: message.attempt,
        error: outcome.error,
      },
      'message dead-lettered',
    );
    this.dead.push({
      body: message.body,
      routingKey: message.routingKey,
      error: outcome.error,
      attempts: message.attempt,
      deadAt: new Date().toISOString(),
    });
  }
}
