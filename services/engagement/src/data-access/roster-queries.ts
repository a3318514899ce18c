import type { DbOrTx } from '@sproul/common/db';
import type { MembershipStatus } from '@sproul/common/events';
import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { memberships, people } from './schema.js';

/** Which of a club's people: by status, year, major, and text in their name or email. */
export interface PeopleFilter {
  statuses?: readonly MembershipStatus[];
  year?: number;
  major?: number;
  /** Case-insensitive text in the name or email. */
  q?: string;
}

/** `%`, `_` and `\` in a search are themselves, not patterns. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(clubId: string, filter: PeopleFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(memberships.clubId, clubId)];
  if (filter.statuses?.length) conditions.push(inArray(memberships.status, [...filter.statuses]));
  if (filter.year !== undefined) conditions.push(eq(memberships.year, filter.year));
  if (filter.major !== undefined) conditions.push(eq(memberships.major, filter.major));
  if (filter.q)
    conditions.push(or(ilike(people.name, likeText(filter.q)), ilike(people.email, likeText(filter.q))));
  return and(...conditions);
}

/** A club's memberships joined with who they are; the people copy may lag, so names can be null. */
export const rosterQueries = (db: DbOrTx) => ({
  page(clubId: string, filter: PeopleFilter, limit: number, offset: number) {
    return db
      .select({ membership: memberships, email: people.email, name: people.name })
      .from(memberships)
      .leftJoin(people, eq(people.accountId, memberships.accountId))
      .where(where(clubId, filter))
      .orderBy(asc(memberships.appliedAt), asc(memberships.id))
      .limit(limit)
      .offset(offset);
  },
  async total(clubId: string, filter: PeopleFilter): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(memberships)
      .leftJoin(people, eq(people.accountId, memberships.accountId))
      .where(where(clubId, filter));
    return Number(row?.n ?? 0);
  },
  /** Fixed aggregates, never a client's query: counts by status, by year and status, by major and status. */
  async counts(clubId: string) {
    const byStatus = await db
      .select({ status: memberships.status, count: count() })
      .from(memberships)
      .where(eq(memberships.clubId, clubId))
      .groupBy(memberships.status);
    const byYear = await db
      .select({ year: memberships.year, status: memberships.status, count: count() })
      .from(memberships)
      .where(eq(memberships.clubId, clubId))
      .groupBy(memberships.year, memberships.status)
      .orderBy(asc(memberships.year), asc(memberships.status));
    const byMajor = await db
      .select({ major: memberships.major, status: memberships.status, count: count() })
      .from(memberships)
      .where(eq(memberships.clubId, clubId))
      .groupBy(memberships.major, memberships.status)
      .orderBy(asc(memberships.major), asc(memberships.status));
    return { byStatus, byYear, byMajor };
  },
});
