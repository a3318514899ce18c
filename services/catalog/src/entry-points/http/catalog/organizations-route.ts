import { searchCatalog } from '../../../domain/search/search-catalog.js';
import { cacheKey } from '../../../read-cache/cache-key.js';
import { cachedAnswer, jsonAnswer } from '../../../read-cache/cached-answer.js';
import { organizationsAnswer } from '../catalog-answer-schemas.js';
import { DEFAULT_LIMIT, organizationsQuery } from '../catalog-schemas.js';
import { clubListEntryView } from '../catalog-views.js';
import { route } from '../route.js';
import { loadWholeCatalog, wholeCatalogPage } from './whole-catalog.js';

/**
 * A student searching or filtering, as opposed to a client loading the whole list (upstream's web
 * client asks for `limit=999&skip=0` on every page load, which is not a search).
 */
const isSearch = (query: Record<string, unknown>) =>
  ['q', 'tags', 'app_required', 'new_members', 'num_users', 'recruiting'].some(
    (key) => query[key] !== undefined,
  );

/** "Recruiting now" changes with the clock, not only with the data: such answers are kept a minute at most. */
const RECRUITING_NOW_TTL_MS = 60_000;

/** `/api/catalog/organizations`: the public catalog, its search and filters; answered from memory when it can. */
export const organizationsRoute = route(
  {
    method: 'get',
    path: '/api/catalog/organizations',
    tag: 'Catalog',
    summary: 'Visible clubs: search (`q`), filters, sort and paging; `num_results` counts every match',
    query: organizationsQuery,
    responses: { 200: { description: 'A page of clubs', schema: organizationsAnswer } },
    errors: [400],
  },
  async ({ ctx, query, req, res }) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const skip = query.skip ?? 0;
    const searching = isSearch(query);
    // Counted each time it is served, from memory or not (the monitor's search figures).
    const onServe = searching ? () => ctx.searches.count() : undefined;
    const fill = async () => {
      if (!searching) {
        // Pages of the whole list are cut from one copy of it, made once per change.
        const sort = query.sort ?? 'name';
        const whole = await ctx.readCache.shared(`whole-catalog:${sort}`, () => loadWholeCatalog(ctx, sort));
        return cachedAnswer({
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: wholeCatalogPage(whole, limit, skip),
        });
      }
      const { results, total } = await searchCatalog(ctx.db, {
        q: query.q,
        tags: query.tags,
        tagsMatch: query.tags_match,
        appRequired: query.app_required,
        newMembers: query.new_members,
        numUsers: query.num_users,
        recruitingNow: query.recruiting === 'now',
        sort: query.sort,
        limit,
        skip,
      });
      const zone = ctx.config.CAMPUS_TZ;
      return jsonAnswer(
        { results: results.map((club) => clubListEntryView(club, zone)), num_results: total },
        { onServe },
      );
    };
    const ttlMs = query.recruiting === 'now' ? RECRUITING_NOW_TTL_MS : undefined;
    await ctx.readCache.answer(req, res, cacheKey('organizations', query), fill, { ttlMs });
  },
);
