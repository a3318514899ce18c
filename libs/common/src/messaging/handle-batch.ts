import type { Delivery, Outcome } from '../bus/event-bus.js';
import { type Accepted, accept } from './accept-delivery.js';
import { applyInTransaction } from './apply-in-transaction.js';
import type { ConsumerOptions } from './consumer-options.js';
import type { EventHandler } from './event-handler.js';

/** One transaction for the batch; if it fails, one per event, so only the failing event is retried. */
export async function handleBatch(
  options: ConsumerOptions,
  handlers: Map<string, EventHandler>,
  deliveries: Delivery[],
): Promise<Outcome[]> {
  const outcomes: Outcome[] = deliveries.map(() => ({ kind: 'ack' }));
  const accepted: Accepted[] = [];
  deliveries.forEach((delivery, index) => {
    const checked = accept(delivery, handlers);
    if (typeof checked === 'string') {
      options.logger.error({ routingKey: delivery.routingKey, error: checked }, 'event breaks its contract');
      outcomes[index] = { kind: 'dead', error: checked };
    } else accepted.push({ index, ...checked });
  });
  if (accepted.length === 0) return outcomes;

  try {
    await applyInTransaction(options, accepted);
  } catch (batchError) {
    if (accepted.length === 1) {
      outcomes[accepted[0]!.index] = failure(options, accepted[0]!, batchError);
    } else {
      for (const one of accepted) {
        try {
          await applyInTransaction(options, [one]);
        } catch (error) {
          outcomes[one.index] = failure(options, one, error);
        }
      }
    }
  }
  options.outbox?.committed();
  return outcomes;
}

function failure(options: ConsumerOptions, one: Accepted, error: unknown): Outcome {
  const message = (error as Error)?.message ?? String(error);
  options.logger.warn(
    { err: error, eventId: one.envelope.id, type: one.envelope.type },
    'event handler failed',
  );
  return { kind: 'retry', error: message };
}
