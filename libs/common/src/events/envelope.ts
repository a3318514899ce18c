import { z } from 'zod';

/**
 * The aggregate an event is about and its version: a per-aggregate sequence the producer's outbox
 * assigns in the transaction of the change (1, 2, 3… in commit order). Consumers compare versions,
 * never arrival order. Absent on events not about an aggregate (EmailRequested) and on events stored
 * before versions existed.
 */
export const aggregateRefSchema = z.object({
  type: z.string().min(1).max(64),
  id: z.string().min(1).max(200),
  version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export type AggregateRef = z.output<typeof aggregateRefSchema>;

/** What travels on the bus around every event's data. */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[A-Z][A-Za-z]+$/),
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  source: z.string().min(1),
  correlationId: z.string().min(1),
  traceparent: z.string().optional(),
  aggregate: aggregateRefSchema.optional(),
  data: z.unknown(),
});

export type EventEnvelope<D = unknown> = Omit<z.output<typeof envelopeSchema>, 'data'> & { data: D };
