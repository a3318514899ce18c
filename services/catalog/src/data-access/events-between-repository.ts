import type { DbOrTx } from '@sproul/common/db';
import { and, asc, count, eq, gt, gte, lt, or } from 'drizzle-orm';
import type { ClubEvent } from './club-event-repository.js';
import { visibleClub } from './club-repository.js';
import { clubEvents, clubs } from './schema.js';

export type EventOfClub = ClubEvent & { clubName: string; clubLinkName: string };

/** Events (both kinds) of visible clubs across the catalog, for a time window (today's events). */
export const eventsBetweenRepository = (db: DbOrTx) => {
  // Overlaps [from, to): starts before its end, and ends after its start; an event that ends as it
  // starts (no length) counts when it starts inside. One ending exactly at `from` belongs to the day before.
  const overlapping = (from: Date, to: Date) =>
    and(
      visibleClub,
      lt(clubEvents.eventStart, to),
      or(gt(clubEvents.eventEnd, from), gte(clubEvents.eventStart, from)),
    );

  return {
    /** A page of them in start order (then the club's list order), with each club's name and link name. */
    async page(from: Date, to: Date, page: { limit: number; skip: number }): Promise<EventOfClub[]> {
      const rows = await db
        .select({ event: clubEvents, clubName: clubs.name, clubLinkName: clubs.linkName })
        .from(clubEvents)
        .innerJoin(clubs, eq(clubs.id, clubEvents.clubId))
        .where(overlapping(from, to))
        .orderBy(asc(clubEvents.eventStart), asc(clubs.name), asc(clubEvents.seq), asc(clubEvents.id))
        .limit(page.limit)
        .offset(page.skip);
      return rows.map(({ event, clubName, clubLinkName }) => ({ ...event, clubName, clubLinkName }));
    },

    async count(from: Date, to: Date): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(clubEvents)
        .innerJoin(clubs, eq(clubs.id, clubEvents.clubId))
        .where(overlapping(from, to));
      return row?.n ?? 0;
    },
  };
};
