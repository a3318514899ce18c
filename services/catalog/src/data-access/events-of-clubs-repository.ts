import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ClubEvent } from './club-event-repository.js';
import { clubEvents } from './schema.js';

/** The events of many clubs in one query (a student's favourites and board), in each club's order. */
export const eventsOfClubsRepository = (db: DbOrTx) => ({
  async byClub(clubIds: string[]): Promise<Map<string, ClubEvent[]>> {
    const byClub = new Map<string, ClubEvent[]>(clubIds.map((id) => [id, []]));
    if (clubIds.length === 0) return byClub;
    const rows = await db
      .select()
      .from(clubEvents)
      .where(inArray(clubEvents.clubId, [...new Set(clubIds)]))
      .orderBy(asc(clubEvents.seq));
    for (const row of rows) byClub.get(row.clubId)?.push(row);
    return byClub;
  },

  /** The start of every event (not recruiting event) of these clubs, in one query of two columns. */
  async startsByClub(clubIds: string[]): Promise<Map<string, Date[]>> {
    const byClub = new Map<string, Date[]>(clubIds.map((id) => [id, []]));
    if (clubIds.length === 0) return byClub;
    const rows = await db
      .select({ clubId: clubEvents.clubId, start: clubEvents.eventStart })
      .from(clubEvents)
      .where(and(inArray(clubEvents.clubId, [...new Set(clubIds)]), eq(clubEvents.kind, 'event')))
      .orderBy(asc(clubEvents.seq));
    for (const row of rows) byClub.get(row.clubId)?.push(row.start);
    return byClub;
  },
});
