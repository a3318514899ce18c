import { z } from 'zod';

/** What travels on the bus around every event's data. */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[A-Z][A-Za-z]+$/),
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  source: z.string().min(1),
  correlationId: z.string().min(1),
  traceparent: z.string().optional(),
  data: z.unknown(),
});

export type EventEnvelope<D = unknown> = Omit<z.output<typeof envelopeSchema>, 'data'> & { data: D };
