import type { Delivery } from '../bus/event-bus.js';
import type { EventEnvelope } from '../events/envelope.js';
import { parseEvent } from '../events/parse-event.js';
import type { EventHandler } from './event-handler.js';

/** A delivery that keeps its contract, with the handler for it and its place in the batch. */
export interface Accepted {
  index: number;
  envelope: EventEnvelope;
  handler: EventHandler;
}

/** Validates the delivery against its contract and finds its handler; a string is why it was refused. */
export function accept(
  delivery: Delivery,
  handlers: Map<string, EventHandler>,
): Omit<Accepted, 'index'> | string {
  const parsed = parseEvent(delivery.body);
  if (!parsed.ok) return parsed.reason;
  const handler = handlers.get(parsed.contract.routingKey);
  if (!handler) return `no handler for ${parsed.envelope.type} v${parsed.envelope.version}`;
  return { envelope: parsed.envelope, handler };
}
