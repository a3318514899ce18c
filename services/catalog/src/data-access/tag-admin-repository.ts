import { type DbOrTx, rowsOf } from '@sproul/common/db';
import { type AnyColumn, asc, eq, sql } from 'drizzle-orm';
import { visibleClub } from './club-repository.js';
import { clubEvents, clubs, studentProfiles, tags } from './schema.js';
import { lockTagIdsExclusive } from './tag-id-lock.js';

export type Tag = typeof tags.$inferSelect;

/** Which clubs' tag lists a tag deletion rewrote, and whether their events' tags changed too. */
export interface RewrittenClubs {
  clubTags: string[];
  eventTags: string[];
}

/** Tag writes of the dashboard, and what they do to every tag reference the catalog keeps. */
export const tagAdminRepository = (db: DbOrTx) => ({
  /**
   * Serialises tag changes for the rest of the transaction: two admins adding a tag at once would
   * otherwise pick the same id, and a delete must not interleave with another's renumbering.
   */
  async lockTags() {
    await lockTagIdsExclusive(db);
  },

  async all(): Promise<Tag[]> {
    return db.select().from(tags).orderBy(asc(tags.id));
  },

  /** How many catalog-visible clubs carry each tag id (ids no visible club uses are absent). */
  async visibleUsage(): Promise<Map<number, number>> {
    const rows = rowsOf<{ tag: number; clubs: number }>(
      await db.execute(
        sql`select t.tag::int as tag, count(*)::int as clubs
            from ${clubs} cross join lateral unnest(${clubs.tags}) as t(tag)
            where ${visibleClub} group by t.tag`,
      ),
    );
    return new Map(rows.map((row) => [Number(row.tag), Number(row.clubs)]));
  },

  /**
   * Locks, in id order, every club whose tags or events' tags hold one of `tagIds`: the rows a deletion
   * rewrites. Officer edits lock their club row before its events, so taking the club rows first keeps
   * the two in the same lock order (no deadlock).
   */
  async lockClubsUsing(tagIds: number[]) {
    const wanted = sql`array[${sql.join(
      tagIds.map((id) => sql`${id}`),
      sql`, `,
    )}]::integer[]`;
    await db.execute(
      sql`select ${clubs.id} from ${clubs}
          where ${clubs.tags} && ${wanted}
             or ${clubs.id} in (select ${clubEvents.clubId} from ${clubEvents} where ${clubEvents.tags} && ${wanted})
          order by ${clubs.id} for update`,
    );
  },

  async insert(tag: Tag) {
    await db.insert(tags).values(tag);
  },

  async rename(id: number, name: string) {
    await db.update(tags).set({ name }).where(eq(tags.id, id));
  },

  async delete(id: number) {
    await db.delete(tags).where(eq(tags.id, id));
  },

  async changeId(from: number, to: number) {
    await db.update(tags).set({ id: to }).where(eq(tags.id, from));
  },

  /**
   * Rewrites every reference to tag `from` (club tags, event tags, student interests): to `to`, or
   * removed when `to` is null. Answers the clubs whose lists changed.
   */
  async rewriteReferences(from: number, to: number | null): Promise<RewrittenClubs> {
    const rewrite = (column: AnyColumn) =>
      to === null ? sql`array_remove(${column}, ${from})` : sql`array_replace(${column}, ${from}, ${to})`;
    const uses = (column: AnyColumn) => sql`${column} @> array[${from}]::integer[]`;
    const clubRows = await db
      .update(clubs)
      .set({ tags: rewrite(clubs.tags) })
      .where(uses(clubs.tags))
      .returning({ id: clubs.id });
    const eventRows = await db
      .update(clubEvents)
      .set({ tags: rewrite(clubEvents.tags) })
      .where(uses(clubEvents.tags))
      .returning({ clubId: clubEvents.clubId });
    await db
      .update(studentProfiles)
      .set({ interests: rewrite(studentProfiles.interests) })
      .where(uses(studentProfiles.interests));
    return {
      clubTags: clubRows.map((row) => row.id),
      eventTags: [...new Set(eventRows.map((row) => row.clubId))],
    };
  },
});
