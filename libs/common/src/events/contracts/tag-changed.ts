import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * The catalog's tags and member-count ranges, whole, after any change to them. A snapshot rather than
 * a diff: a consumer that missed one needs only the latest to be right.
 */
export const TagChangedV1 = defineEvent(
  'TagChanged',
  1,
  z.object({
    tags: z.array(z.object({ id: z.number().int().min(0), name: z.string().min(1).max(100) })),
    num_user_tags: z.array(z.object({ id: z.number().int().min(0), value: z.string().min(1).max(50) })),
  }),
  // One aggregate, the catalog's whole tag set: a snapshot older than the one applied is skipped.
  { aggregate: { effect: 'state', of: () => ({ type: 'catalog-tags', id: 'all' }) } },
);
