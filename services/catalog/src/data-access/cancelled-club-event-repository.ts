import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { ClubEvent } from './club-event-repository.js';
import { cancelledClubEvents } from './schema.js';

export type CancelledClubEvent = typeof cancelledClubEvents.$inferSelect;

/** Removed events, remembered for the club's iCalendar feed (see tables/cancelled-club-events.ts). */
export const cancelledClubEventRepository = (db: DbOrTx) => ({
  async record(event: ClubEvent, at: Date) {
    await db
      .insert(cancelledClubEvents)
      .values({
        id: event.id,
        clubId: event.clubId,
        kind: event.kind,
        name: event.name,
        description: event.description,
        location: event.location,
        url: event.links[0] ?? event.link ?? event.virtualLink ?? null,
        inviteOnly: event.inviteOnly,
        eventStart: event.eventStart,
        eventEnd: event.eventEnd,
        cancelledAt: at,
      })
      .onConflictDoNothing();
  },

  /** The club's events cancelled at or after `since`, in start order. */
  async listSince(clubId: string, since: Date): Promise<CancelledClubEvent[]> {
    return db
      .select()
      .from(cancelledClubEvents)
      .where(and(eq(cancelledClubEvents.clubId, clubId), gte(cancelledClubEvents.cancelledAt, since)))
      .orderBy(asc(cancelledClubEvents.eventStart), asc(cancelledClubEvents.id));
  },

  /** Forgets every cancellation older than `before` (any club); answers how many. */
  async pruneBefore(before: Date): Promise<number> {
    const gone = await db
      .delete(cancelledClubEvents)
      .where(lt(cancelledClubEvents.cancelledAt, before))
      .returning({ id: cancelledClubEvents.id });
    return gone.length;
  },
});
