import type { EventBus } from '../bus/event-bus.js';
import type { EventEnvelope } from '../events/envelope.js';

/** Subscribes a queue to every event on the bus and collects them, for tests to assert on. */
export async function recordEvents(bus: EventBus, queue = 'test-recorder'): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  await bus.subscribe({
    queue,
    routingKeys: ['#'],
    maxAttempts: 1,
    retryDelaysMs: [10],
    handleBatch: async (deliveries) => {
      for (const delivery of deliveries) events.push(delivery.body as EventEnvelope);
      return deliveries.map(() => ({ kind: 'ack' }));
    },
  });
  return events;
}
