import type { DbOrTx } from '@sproul/common/db';
import { inArray, sql } from 'drizzle-orm';
import { type ClubEvent, MAX_EVENTS_TEXT } from './club-event-repository.js';
import type { Club, NewClub } from './club-repository.js';
import { clubEvents, clubFaq, clubLinkRedirects, clubResources, clubs } from './schema.js';

type ClubRow<T> = T & { clubId: string };

/** Rows per statement: far below PostgreSQL's 65 535 bind parameters for any of these tables. */
const CHUNK = 500;
const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

/** Many clubs with their lists in a handful of statements (demo data, generated benchmark catalogs). */
export const clubBulkRepository = (db: DbOrTx) => ({
  async ownerIds(): Promise<Set<string>> {
    const rows = await db.select({ id: clubs.ownerUserId }).from(clubs);
    return new Set(rows.map((row) => row.id));
  },

  /** Every link name in use now or before a rename. */
  async linkNames(): Promise<Set<string>> {
    const current = await db.select({ name: clubs.linkName }).from(clubs);
    const former = await db.select({ name: clubLinkRedirects.linkName }).from(clubLinkRedirects);
    return new Set([...current, ...former].map((row) => row.name));
  },

  async insertClubs(rows: NewClub[]): Promise<Club[]> {
    const inserted: Club[] = [];
    for (const chunk of chunks(rows)) inserted.push(...(await db.insert(clubs).values(chunk).returning()));
    return inserted;
  },

  /**
   * Inserts events of many clubs, then refreshes those clubs' searchable event text in one statement;
   * answers the inserted events (to announce them).
   */
  async insertEvents(rows: ClubRow<typeof clubEvents.$inferInsert>[]): Promise<ClubEvent[]> {
    const inserted: ClubEvent[] = [];
    for (const chunk of chunks(rows))
      inserted.push(...(await db.insert(clubEvents).values(chunk).returning()));
    const clubIds = [...new Set(rows.map((row) => row.clubId))];
    if (clubIds.length === 0) return inserted;
    await db
      .update(clubs)
      .set({
        eventsText: sql`left(coalesce((select string_agg(${clubEvents.name} || ' ' || ${clubEvents.description}, ' ' order by ${clubEvents.seq})
          from ${clubEvents} where ${clubEvents.clubId} = ${clubs.id}), ''), ${MAX_EVENTS_TEXT})`,
      })
      .where(inArray(clubs.id, clubIds));
    return inserted;
  },

  async insertResources(rows: ClubRow<{ name: string; link: string }>[]) {
    for (const chunk of chunks(rows)) await db.insert(clubResources).values(chunk);
  },

  /** Fresh planner statistics after a bulk load, so searches pick the GIN indexes at once. */
  async analyze() {
    await db.execute(sql`analyze ${clubs}`);
  },

  async insertFaq(rows: ClubRow<{ question: string; answer: string }>[]) {
    for (const chunk of chunks(rows)) await db.insert(clubFaq).values(chunk);
  },
});
