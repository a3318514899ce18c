import type { Subscription } from '../bus/event-bus.js';
import type { ConsumerOptions } from './consumer-options.js';
import { handleBatch } from './handle-batch.js';

export type { ConsumerOptions } from './consumer-options.js';
export { type EventHandler, on, onBatch } from './event-handler.js';

/**
 * Subscribes a service's handlers with exactly-once effects on top of at-least-once delivery: each
 * event's id goes into the inbox in the same transaction as the handler's effect, and an id already
 * there means the effect already happened. A batch shares one transaction; if any handler in it fails,
 * the batch is rolled back and replayed one event per transaction, so only the failing event is retried.
 */
export async function subscribeHandlers(options: ConsumerOptions): Promise<Subscription> {
  const handlers = new Map(options.handlers.map((h) => [h.contract.routingKey, h]));
  return options.bus.subscribe({
    queue: options.service,
    routingKeys: [...handlers.keys()],
    maxAttempts: options.maxAttempts,
    retryDelaysMs: options.retryDelaysMs,
    prefetch: options.prefetch,
    batchSize: options.batchSize,
    handleBatch: async (deliveries) => {
      const outcomes = await handleBatch(options, handlers, deliveries);
      options.metrics?.countHandled(deliveries, outcomes, options.maxAttempts);
      return outcomes;
    },
  });
}
