import type { EventContract } from './define-event.js';
import { type EventEnvelope, envelopeSchema } from './envelope.js';
import { findContract } from './registry.js';

export type ParsedEvent =
  | { ok: true; envelope: EventEnvelope; contract: EventContract }
  | { ok: false; reason: string };

/**
 * Checks anything claiming to be an event: the envelope, a known type and version, the data
 * against that version's contract, and that the aggregate it names (if any) is the one its data is about. Used on both sides: by the outbox before an event is stored and
 * relayed, and by consumers before a handler sees it.
 */
export function parseEvent(body: unknown): ParsedEvent {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success)
    return { ok: false, reason: `invalid envelope: ${summarise(envelope.error.issues)}` };
  const { type, version } = envelope.data;
  const contract = findContract(type, version);
  if (!contract) return { ok: false, reason: `unknown event ${type} v${version}` };
  const data = contract.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `${type} v${version}: ${summarise(data.error.issues)}` };
  const claimed = envelope.data.aggregate;
  if (claimed && contract.aggregate) {
    const key = contract.aggregate.of(data.data);
    if (key.type !== claimed.type || key.id !== claimed.id) {
      return {
        ok: false,
        reason: `${type} v${version}: aggregate ${claimed.type}/${claimed.id} is not its data's`,
      };
    }
  }
  return { ok: true, envelope: { ...envelope.data, data: data.data }, contract };
}

const summarise = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
