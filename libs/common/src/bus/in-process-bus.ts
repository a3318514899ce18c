import { routingKeyOf } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import type { Logger } from '../logging/logger.js';
import {
  BusUnavailableError,
  type DeadLetter,
  type EventBus,
  type QueueDepth,
  type Subscription,
  type SubscriptionSpec,
} from './event-bus.js';
import { LocalQueue } from './local-queue.js';

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

  async queueDepths(queues: string[]): Promise<QueueDepth[]> {
    return queues.map((queue) => ({
      queue,
      ...(this.queues.get(queue)?.depth() ?? { waiting: 0, dead: 0 }),
    }));
  }

  async replayDeadLetters(queue: string, max = 100): Promise<number> {
    return this.queues.get(queue)?.replayDeadLetters(max) ?? 0;
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
