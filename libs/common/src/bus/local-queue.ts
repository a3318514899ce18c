import type { Logger } from '../logging/logger.js';
import {
  batchLimit,
  type DeadLetter,
  type Delivery,
  type Outcome,
  retryDelay,
  type SubscriptionSpec,
  topicMatches,
} from './event-bus.js';

export interface QueuedMessage {
  body: unknown;
  routingKey: string;
  attempt: number;
}

/**
 * One bound queue of the in-process bus: its messages in order, one batch handled at a time, retries
 * on timers and dead letters kept for `takeDeadLetters`.
 */
export class LocalQueue {
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

  depth() {
    return { waiting: this.ready.length + this.timers.size, dead: this.dead.length };
  }

  replayDeadLetters(max: number) {
    const letters = this.dead.splice(0, max);
    for (const { body, routingKey } of letters) this.push({ body, routingKey, attempt: 1 });
    return letters.length;
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
