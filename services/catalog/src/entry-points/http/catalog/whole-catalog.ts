import type { CatalogContext } from '../../../domain/catalog-context.js';
import { searchCatalog } from '../../../domain/search/search-catalog.js';
import type { Sized } from '../../../read-cache/answer-cache.js';
import { clubListEntryView } from '../catalog-views.js';

export type CatalogOrder = 'name' | 'last_updated' | 'relevance';

/**
 * Every visible club in one order, each already written as the JSON of its list entry: made once per
 * catalog change (and order), and every unfiltered page, `limit=999&skip=0` included, is cut from it.
 */
export interface WholeCatalog extends Sized {
  entries: string[];
}

export async function loadWholeCatalog(ctx: CatalogContext, sort: CatalogOrder): Promise<WholeCatalog> {
  const { results } = await searchCatalog(ctx.db, { sort, limit: Number.MAX_SAFE_INTEGER, skip: 0 });
  const zone = ctx.config.CAMPUS_TZ;
  const entries = results.map((club) => JSON.stringify(clubListEntryView(club, zone)));
  // UTF-16 strings: two bytes a character, plus each string's own overhead.
  return { entries, bytes: entries.reduce((sum, entry) => sum + entry.length * 2 + 32, 0) };
}

/** The answer `res.json({ results, num_results })` would have written for a page of the whole catalog. */
export const wholeCatalogPage = (catalog: WholeCatalog, limit: number, skip: number) =>
  `{"results":[${catalog.entries.slice(skip, skip + limit).join(',')}],"num_results":${catalog.entries.length}}`;
