import { listFull } from '../../errors.js';

/**
 * How many items of each list a club may hold. Upstream had no bound (but the gallery's five): every
 * write answers the whole list, so a list without one grows every answer without end.
 */
export const LIST_LIMITS = { resources: 100, events: 500, recruiting_events: 200, faq: 100 } as const;

/** 409: the list is full; removing an item makes room. */
export function assertRoomFor(list: keyof typeof LIST_LIMITS, size: number) {
  const limit = LIST_LIMITS[list];
  if (size >= limit) {
    throw listFull(list, limit);
  }
}
