import type { DbOrTx } from '@sproul/common';
import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  inArray,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import { type Club, visibleClub } from './club-repository.js';
import { clubs } from './schema.js';

/** What a catalog list entry shows (upstream's projection). */
const listColumns = {
  id: clubs.id,
  name: clubs.name,
  linkName: clubs.linkName,
  aboutUs: clubs.aboutUs,
  tags: clubs.tags,
  appRequired: clubs.appRequired,
  newMembers: clubs.newMembers,
  numUsers: clubs.numUsers,
  logoUrl: clubs.logoUrl,
  bannerUrl: clubs.bannerUrl,
  lastUpdated: clubs.lastUpdated,
  applyDeadlineEnd: clubs.applyDeadlineEnd,
  recruitingEnd: clubs.recruitingEnd,
};

export type ClubListEntry = Pick<Club, keyof typeof listColumns>;

export interface ClubQuery {
  /** The words typed (letters and digits only), each matched as a prefix, all required. */
  terms?: string[];
  tags?: number[];
  tagsMatch: 'any' | 'all';
  appRequired?: boolean;
  newMembers?: boolean;
  numUsers?: number[];
  recruitingAt?: Date;
  sort: 'relevance' | 'name' | 'last_updated';
  limit: number;
  skip: number;
}

const byName = [asc(sql`lower(${clubs.name})`), asc(clubs.id)];

/** The list entry's columns of a sub-query that selected them. */
const pickListColumns = <T extends Record<keyof typeof listColumns, unknown>>(source: T) =>
  Object.fromEntries(
    Object.keys(listColumns).map((key) => [key, source[key as keyof typeof listColumns]]),
  ) as {
    [K in keyof typeof listColumns]: T[K];
  };

/** The public catalog: visible clubs, filtered, searched, ordered and paged by the database's indexes. */
export const clubCatalogRepository = (db: DbOrTx) => ({
  async search(query: ClubQuery): Promise<{ results: ClubListEntry[]; total: number }> {
    const tsquery = query.terms?.length ? textQuery(query.terms) : undefined;
    const conditions: SQL[] = [visibleClub];
    if (tsquery) conditions.push(sql`${clubs.searchVector} @@ ${tsquery}`);
    if (query.tags?.length) {
      conditions.push(
        query.tagsMatch === 'all'
          ? arrayContains(clubs.tags, query.tags)
          : arrayOverlaps(clubs.tags, query.tags),
      );
    }
    if (query.appRequired !== undefined) conditions.push(eq(clubs.appRequired, query.appRequired));
    if (query.newMembers !== undefined) conditions.push(eq(clubs.newMembers, query.newMembers));
    if (query.numUsers?.length) conditions.push(inArray(clubs.numUsers, query.numUsers));
    if (query.recruitingAt) {
      // The recruiting scheduler's rule: an application window for clubs that require one, else a
      // recruiting window, open at this instant.
      const at = query.recruitingAt.toISOString();
      conditions.push(sql`(case when ${clubs.appRequired}
          then ${clubs.applyDeadlineStart} <= ${at} and ${at} < ${clubs.applyDeadlineEnd}
          else ${clubs.recruitingStart} <= ${at} and ${at} < ${clubs.recruitingEnd} end)`);
    }
    const where = and(...conditions);

    // Every order ends on the id, so pages never overlap or skip a club when ranks or names tie.
    const order = query.sort === 'last_updated' ? [desc(clubs.lastUpdated), desc(clubs.id)] : byName;

    const countAll = async () => (await db.select({ n: count() }).from(clubs).where(where))[0]?.n ?? 0;
    if (tsquery) {
      // A text search matches and ranks every candidate before the page is cut anyway: counting them
      // in the same pass (a window) spares the second full match a separate count would cost. The
      // rank is worked out in a sub-query (kept apart by OFFSET 0), so that the rows the window holds
      // are the narrow list entries, not rows carrying their search vectors: with those, a broad
      // prefix's 6 000 matches spilled to disk (26 ms instead of 17 on 10k clubs).
      const matches = db
        .select({ ...listColumns, rank: sql<number>`ts_rank(${clubs.searchVector}, ${tsquery})`.as('rank') })
        .from(clubs)
        .where(where)
        .offset(0)
        .as('matches');
      const byNameOfMatch = [asc(sql`lower(${matches.name})`), asc(matches.id)];
      const rows = await db
        .select({ ...pickListColumns(matches), total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(matches)
        .orderBy(
          ...(query.sort === 'last_updated'
            ? [desc(matches.lastUpdated), desc(matches.id)]
            : query.sort === 'relevance'
              ? [desc(matches.rank), ...byNameOfMatch]
              : byNameOfMatch),
        )
        .limit(query.limit)
        .offset(query.skip);
      const total = rows[0]?.total ?? (query.skip > 0 ? await countAll() : 0);
      return { results: rows.map(({ total: _, ...entry }) => entry) as ClubListEntry[], total };
    }
    // Without one, the page is read from an index and the count from another: both cheap.
    const results = await db
      .select(listColumns)
      .from(clubs)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.skip);
    return { results: results as ClubListEntry[], total: await countAll() };
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

/**
 * The search as one tsquery, worked out by PostgreSQL (whose dictionaries know stems and stop words):
 * each word as its stem ("robots" → robot, which finds "Robotics" too) or as the prefix of a word as
 * written ("sailin" → sailin:*, a prefix of "sailing" though not of its stem "sail"), all words
 * required. A half-typed word is never stemmed as a prefix: "ins" stems to "in", and in:* would match
 * every "interest" and "include" (thousands of clubs to rank, for nothing). Stop words are dropped
 * ("the chess club" needs no "the"), except the last word, which may be half-typed ("the" of
 * "theatre"), so the query is never empty. A sub-select: evaluated once per statement, and matched
 * through the GIN index rather than row by row.
 */
function textQuery(terms: string[]): SQL {
  const parts = terms.map((term, index) => {
    const prefix = `${term}:*`;
    const whenStopWord = index === terms.length - 1 ? sql`to_tsquery('simple', ${prefix})` : sql`''::tsquery`;
    return sql`(case when numnode(to_tsquery('english', ${term})) = 0 then ${whenStopWord}
      else to_tsquery('english', ${term}) || to_tsquery('simple', ${prefix}) end)`;
  });
  return sql`(select ${sql.join(parts, sql` && `)})`;
}
