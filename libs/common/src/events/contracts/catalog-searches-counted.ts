import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * How many catalog searches one catalog replica answered in an interval. A search is a hot path: it
 * is counted in memory and published once per interval rather than as an event each (bench:catalog).
 * Replicas publish their own counts; a consumer adds them up.
 */
export const CatalogSearchesCountedV1 = defineEvent(
  'CatalogSearchesCounted',
  1,
  z
    .object({
      from: z.iso.datetime({ offset: true }),
      to: z.iso.datetime({ offset: true }),
      count: z.number().int().min(1),
    })
    .refine((data) => Date.parse(data.from) <= Date.parse(data.to), {
      message: 'from after to',
      path: ['to'],
    }),
);
