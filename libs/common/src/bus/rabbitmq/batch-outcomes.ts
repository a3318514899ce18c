import type { ConsumeMessage } from 'amqplib';
import type { Delivery, Outcome, SubscriptionSpec } from '../event-bus.js';
import { toDelivery } from './message-headers.js';

/** One outcome per message: unparseable ones die, the rest go to the handler (a throw retries them all). */
export async function outcomesOf(spec: SubscriptionSpec, messages: ConsumeMessage[]): Promise<Outcome[]> {
  const parsed = messages.map((message) => toDelivery(message));
  const valid = parsed.filter((d): d is Delivery => !(d instanceof Error));
  let outcomes: Outcome[];
  try {
    outcomes = valid.length > 0 ? await spec.handleBatch(valid) : [];
  } catch (error) {
    outcomes = valid.map(() => ({ kind: 'retry', error: (error as Error).message ?? String(error) }));
  }
  let next = 0;
  return parsed.map((delivery) =>
    delivery instanceof Error ? ({ kind: 'dead', error: delivery.message } as Outcome) : outcomes[next++]!,
  );
}
