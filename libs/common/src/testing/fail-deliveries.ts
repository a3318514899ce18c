import type { Delivery, EventBus, Outcome } from '../bus/event-bus.js';
import type { EventEnvelope } from '../events/envelope.js';

/**
 * A bus whose consumer `queue` sees the deliveries `match` picks fail their first `times` attempts, as
 * if its handler had failed (a lost connection, a deadlock): they go back through the transport's own
 * retry path, so they arrive again after the events published behind them. Everything else is the
 * wrapped bus's. Give it to the consuming service only; the others keep the plain bus.
 */
export function failDeliveries(
  bus: EventBus,
  options: { queue: string; times: number; match: (event: EventEnvelope) => boolean },
): EventBus & { failed: EventEnvelope[] } {
  /** The events failed so far, once per injected failure. */
  const failed: EventEnvelope[] = [];
  const wrapped: EventBus & { failed: EventEnvelope[] } = {
    failed,
    publish: (envelopes) => bus.publish(envelopes),
    takeDeadLetters: (queue, max) => bus.takeDeadLetters(queue, max),
    queueDepths: (queues) => bus.queueDepths(queues),
    replayDeadLetters: (queue, max) => bus.replayDeadLetters(queue, max),
    check: () => bus.check(),
    close: () => bus.close(),
    subscribe(spec) {
      if (spec.queue !== options.queue) return bus.subscribe(spec);
      return bus.subscribe({
        ...spec,
        async handleBatch(deliveries: Delivery[]) {
          const outcomes: (Outcome | undefined)[] = deliveries.map((delivery) => {
            const event = delivery.body as EventEnvelope;
            if (delivery.attempt > options.times || !options.match(event)) return undefined;
            failed.push(event);
            return { kind: 'retry', error: `injected failure (attempt ${delivery.attempt})` };
          });
          const passed = deliveries.filter((_, i) => outcomes[i] === undefined);
          const answers = passed.length > 0 ? await spec.handleBatch(passed) : [];
          return outcomes.map((outcome) => outcome ?? (answers.shift() as Outcome));
        },
      });
    },
  };
  return wrapped;
}
