import type { DbOrTx } from '@sproul/common/db';
import type { MembershipStatus } from '@sproul/common/events';
import { type PeopleFilter, rosterQueries } from '../../data-access/roster-queries.js';

export type { PeopleFilter };

/** One of a club's people as rosters, exports and (later) bulk messages see them. */
export interface ClubPerson {
  membershipId: string;
  accountId: string;
  email: string | null;
  name: string | null;
  status: MembershipStatus;
  year: number | null;
  major: number | null;
  hasResume: boolean;
  answers: Record<string, string>;
  appliedAt: Date;
  updatedAt: Date;
}

/**
 * THE filter over a club's people (all members, applicants in interview, third-years in major 12…):
 * the roster, its CSV export and a bulk message's recipients all pick people with it, so they never
 * disagree. Paged with `limit`/`offset`; `total` counts every match.
 */
export async function selectPeople(
  db: DbOrTx,
  clubId: string,
  filter: PeopleFilter,
  page: { limit: number; offset: number } = { limit: 10_000, offset: 0 },
): Promise<{ total: number; people: ClubPerson[] }> {
  const queries = rosterQueries(db);
  const [rows, total] = await Promise.all([
    queries.page(clubId, filter, page.limit, page.offset),
    queries.total(clubId, filter),
  ]);
  return {
    total,
    people: rows.map(({ membership, email, name }) => ({
      membershipId: membership.id,
      accountId: membership.accountId,
      email,
      name,
      status: membership.status as MembershipStatus,
      year: membership.year,
      major: membership.major,
      hasResume: membership.hasResume,
      answers: membership.answers,
      appliedAt: membership.appliedAt,
      updatedAt: membership.updatedAt,
    })),
  };
}

/** Every match, a page at a time (a bulk message's recipients): never the whole roster in one query. */
export async function* eachPerson(db: DbOrTx, clubId: string, filter: PeopleFilter, pageSize = 500) {
  for (let offset = 0; ; offset += pageSize) {
    const { people } = await selectPeople(db, clubId, filter, { limit: pageSize, offset });
    yield* people;
    if (people.length < pageSize) return;
  }
}
