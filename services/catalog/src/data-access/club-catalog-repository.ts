import type { DbOrTx } from '@sproul/common/db';
import { and, arrayContains, arrayOverlaps, asc, count, desc, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type ClubListEntry, type ClubQuery, filterConditions, listColumns } from './club-query.js';
import { visibleClub } from './club-repository.js';
import { textQuery, textSearch } from './club-text-search.js';
import { clubs } from './schema.js';

export type { ClubListEntry, ClubQuery } from './club-query.js';

const byName = [asc(sql`lower(${clubs.name})`), asc(clubs.id)];

/** The public catalog: visible clubs, filtered, searched, ordered and paged by the database's indexes. */
export const clubCatalogRepository = (db: DbOrTx) => ({
  async search(query: ClubQuery): Promise<{ results: ClubListEntry[]; total: number }> {
    if (query.terms?.length) return textSearch(db, query, textQuery(query.terms));
    // Without text, the page is read from an index and the count from another, in one statement (the
    // count is a sub-select the database works out once): one round trip and one plan, not two.
    const where = and(visibleClub, ...filterConditions(clubs, query));
    const counted = db.select({ n: count() }).from(clubs).where(where);
    // Every order ends on the id, so pages never overlap or skip a club when names or times tie.
    const order = query.sort === 'last_updated' ? [desc(clubs.lastUpdated), desc(clubs.id)] : byName;
    const rows = await db
      .select({ ...listColumns, total: sql<number>`(${counted})` })
      .from(clubs)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.skip);
    // A page past the last club still tells how many there are.
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && query.skip > 0) total = (await counted)[0]?.n ?? 0;
    return { results: rows.map(({ total: _, ...entry }) => entry) as ClubListEntry[], total };
  },

  /**
   * Visible clubs most like `club` by shared tags (more shared first), then the most recently updated:
   * the club page's similar clubs when the recommender cannot answer.
   */
  async sharingTags(club: { id: string; tags: number[] }, limit: number): Promise<ClubListEntry[]> {
    const others = and(visibleClub, ne(clubs.id, club.id));
    const newestFirst = [desc(clubs.lastUpdated), asc(clubs.id)];
    const pick = (where: SQL | undefined, order: SQL[], count: number) =>
      db
        .select(listColumns)
        .from(clubs)
        .where(where)
        .orderBy(...order)
        .limit(count) as Promise<ClubListEntry[]>;
    const found: ClubListEntry[] = [];
    const add = (rows: ClubListEntry[]) => {
      const seen = new Set(found.map((entry) => entry.id));
      found.push(...rows.filter((entry) => !seen.has(entry.id)));
    };
    if (club.tags.length > 0) {
      // Sharing every tag is the most a club can share: a GIN lookup that usually fills the list alone.
      add(await pick(and(others, arrayContains(clubs.tags, club.tags)), newestFirst, limit));
      if (found.length < limit) {
        const shared = sql`cardinality(array(select unnest(${clubs.tags}) intersect select unnest(${sql.param(club.tags)}::integer[])))`;
        add(
          await pick(
            and(others, arrayOverlaps(clubs.tags, club.tags)),
            [desc(shared), ...newestFirst],
            limit * 2,
          ),
        );
      }
    }
    if (found.length < limit) add(await pick(others, newestFirst, limit * 2));
    return found.slice(0, limit);
  },

  /** Visible clubs by link name, in the order given (the recommender's similarity order). */
  async visibleByLinkNames(linkNames: string[]): Promise<ClubListEntry[]> {
    if (linkNames.length === 0) return [];
    const rows = (await db
      .select(listColumns)
      .from(clubs)
      .where(and(visibleClub, inArray(clubs.linkName, linkNames)))) as ClubListEntry[];
    const position = new Map(linkNames.map((name, index) => [name, index]));
    return rows.sort((a, b) => (position.get(a.linkName) ?? 0) - (position.get(b.linkName) ?? 0));
  },
});
