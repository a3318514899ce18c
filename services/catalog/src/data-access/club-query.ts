import { type AnyColumn, arrayContains, arrayOverlaps, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Club } from './club-repository.js';
import { clubs } from './schema.js';

/** What a catalog list entry shows (upstream's projection). */
export const listColumns = {
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
  memberCount: clubs.memberCount,
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

/** The columns a query's filters read: `clubs` and `club_search` both have them, under the same names. */
type FilterColumns = Record<
  | 'tags'
  | 'appRequired'
  | 'newMembers'
  | 'numUsers'
  | 'applyDeadlineStart'
  | 'applyDeadlineEnd'
  | 'recruitingStart'
  | 'recruitingEnd',
  AnyColumn
>;

export function filterConditions(t: FilterColumns, query: ClubQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.tags?.length) {
    conditions.push(
      query.tagsMatch === 'all' ? arrayContains(t.tags, query.tags) : arrayOverlaps(t.tags, query.tags),
    );
  }
  if (query.appRequired !== undefined) conditions.push(eq(t.appRequired, query.appRequired));
  if (query.newMembers !== undefined) conditions.push(eq(t.newMembers, query.newMembers));
  if (query.numUsers?.length) conditions.push(inArray(t.numUsers, query.numUsers));
  if (query.recruitingAt) {
    // The recruiting scheduler's rule: an application window for clubs that require one, else a
    // recruiting window, open at this instant.
    const at = query.recruitingAt.toISOString();
    conditions.push(sql`(case when ${t.appRequired}
        then ${t.applyDeadlineStart} <= ${at} and ${at} < ${t.applyDeadlineEnd}
        else ${t.recruitingStart} <= ${at} and ${at} < ${t.recruitingEnd} end)`);
  }
  return conditions;
}
