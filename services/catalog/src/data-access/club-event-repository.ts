import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { clubEvents, clubs } from './schema.js';

export type ClubEvent = typeof clubEvents.$inferSelect;
export type ClubEventKind = ClubEvent['kind'];
export type NewClubEvent = Omit<typeof clubEvents.$inferInsert, 'id' | 'seq' | 'clubId' | 'kind'>;

/** Search covers event text; a club with very many events still gets a bounded document. */
export const MAX_EVENTS_TEXT = 100_000;

/**
 * A club's events or recruiting events. Every write also refreshes the club's `events_text` in the same
 * statement sequence, so full-text search never lags behind what the club page shows.
 */
export const clubEventRepository = (db: DbOrTx) => {
  const refreshEventsText = async (clubId: string) => {
    await db
      .update(clubs)
      .set({
        eventsText: sql`left(coalesce((select string_agg(${clubEvents.name} || ' ' || ${clubEvents.description}, ' ' order by ${clubEvents.seq})
          from ${clubEvents} where ${clubEvents.clubId} = ${clubId}), ''), ${MAX_EVENTS_TEXT})`,
      })
      .where(eq(clubs.id, clubId));
  };

  return {
    async list(clubId: string, kind: ClubEventKind): Promise<ClubEvent[]> {
      return db
        .select()
        .from(clubEvents)
        .where(and(eq(clubEvents.clubId, clubId), eq(clubEvents.kind, kind)))
        .orderBy(asc(clubEvents.seq));
    },

    /** Both kinds, in start order (the iCalendar feed, calendars). */
    async listAll(clubId: string): Promise<ClubEvent[]> {
      return db
        .select()
        .from(clubEvents)
        .where(eq(clubEvents.clubId, clubId))
        .orderBy(asc(clubEvents.eventStart), asc(clubEvents.seq));
    },

    async find(clubId: string, kind: ClubEventKind, id: string): Promise<ClubEvent | undefined> {
      const [row] = await db
        .select()
        .from(clubEvents)
        .where(and(eq(clubEvents.clubId, clubId), eq(clubEvents.kind, kind), eq(clubEvents.id, id)));
      return row;
    },

    async add(clubId: string, kind: ClubEventKind, event: NewClubEvent): Promise<ClubEvent> {
      const [row] = await db
        .insert(clubEvents)
        .values({ ...event, clubId, kind })
        .returning();
      await refreshEventsText(clubId);
      return row as ClubEvent;
    },

    async addMany(clubId: string, kind: ClubEventKind, events: NewClubEvent[]) {
      if (events.length === 0) return;
      await db.insert(clubEvents).values(events.map((event) => ({ ...event, clubId, kind })));
      await refreshEventsText(clubId);
    },

    /** Undefined when the club has no such event of that kind. */
    async update(
      clubId: string,
      kind: ClubEventKind,
      id: string,
      changes: Partial<NewClubEvent>,
    ): Promise<ClubEvent | undefined> {
      const [row] = await db
        .update(clubEvents)
        .set(changes)
        .where(and(eq(clubEvents.clubId, clubId), eq(clubEvents.kind, kind), eq(clubEvents.id, id)))
        .returning();
      if (row) await refreshEventsText(clubId);
      return row;
    },

    /** The removed event; undefined when the club has no such event of that kind. */
    async remove(clubId: string, kind: ClubEventKind, id: string): Promise<ClubEvent | undefined> {
      const [removed] = await db
        .delete(clubEvents)
        .where(and(eq(clubEvents.clubId, clubId), eq(clubEvents.kind, kind), eq(clubEvents.id, id)))
        .returning();
      if (removed) await refreshEventsText(clubId);
      return removed;
    },

    /** Every club's events, a page at a time in id order (restating them on a replay). */
    async pageById(afterId: string | undefined, limit: number): Promise<ClubEvent[]> {
      return db
        .select()
        .from(clubEvents)
        .where(afterId ? sql`${clubEvents.id} > ${afterId}` : undefined)
        .orderBy(asc(clubEvents.id))
        .limit(limit);
    },
  };
};

export type ClubEventRepository = ReturnType<typeof clubEventRepository>;
