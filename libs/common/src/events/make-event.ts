import { randomUUID } from 'node:crypto';
import { currentContext } from '../context/request-context.js';
import type { EventContract, EventData } from './define-event.js';
import type { EventEnvelope } from './envelope.js';
import { eventBreaksContract } from './event-errors.js';

/**
 * Builds a validated envelope. Data that does not match its contract is a programming error in the
 * producer: it throws, so the producing transaction fails instead of a bad event reaching the bus.
 */
export function makeEvent<C extends EventContract>(
  contract: C,
  data: EventData<C>,
  source: string,
  correlationId = currentContext()?.correlationId ?? randomUUID(),
): EventEnvelope<EventData<C>> {
  const parsed = contract.schema.safeParse(data);
  if (!parsed.success) {
    throw eventBreaksContract(
      `${contract.type} v${contract.version} does not match its contract`,
      parsed.error.issues,
    );
  }
  return {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    source,
    correlationId,
    data: parsed.data as EventData<C>,
  };
}
