import type { DbOrTx } from '@sproul/common/db';
import { type ClubListEntry, clubCatalogRepository } from '../../data-access/club-catalog-repository.js';
import { searchTerms } from './search-terms.js';

/** What a student can ask the catalog list for (all optional but paging). */
export interface CatalogSearch {
  q?: string;
  tags?: number[];
  /** `any` (default): clubs with at least one of the tags; `all`: clubs with every one of them. */
  tagsMatch?: 'any' | 'all';
  appRequired?: boolean;
  newMembers?: boolean;
  numUsers?: number[];
  /** Only clubs recruiting now: the application window open (clubs requiring one), else the recruiting window. */
  recruitingNow?: boolean;
  /** Default: relevance when searching, else name (upstream's order). */
  sort?: 'relevance' | 'name' | 'last_updated';
  limit: number;
  skip: number;
}

export async function searchCatalog(
  db: DbOrTx,
  search: CatalogSearch,
  now = new Date(),
): Promise<{ results: ClubListEntry[]; total: number }> {
  const terms = search.q ? searchTerms(search.q) : undefined;
  return clubCatalogRepository(db).search({
    terms,
    tags: search.tags,
    tagsMatch: search.tagsMatch ?? 'any',
    appRequired: search.appRequired,
    newMembers: search.newMembers,
    numUsers: search.numUsers,
    recruitingAt: search.recruitingNow ? now : undefined,
    sort: search.sort ?? (terms ? 'relevance' : 'name'),
    limit: search.limit,
    skip: search.skip,
  });
}
