import { searchCatalog } from '../../../domain/search/search-catalog.js';
import { organizationsAnswer } from '../catalog-answer-schemas.js';
import { DEFAULT_LIMIT, organizationsQuery } from '../catalog-schemas.js';
import { clubListEntryView } from '../catalog-views.js';
import { route } from '../route.js';

/**
 * A student searching or filtering, as opposed to a client loading the whole list (upstream's web
 * client asks for `limit=999&skip=0` on every page load, which is not a search).
 */
const isSearch = (query: Record<string, unknown>) =>
  ['q', 'tags', 'app_required', 'new_members', 'num_users', 'recruiting'].some(
    (key) => query[key] !== undefined,
  );

/** `/api/catalog/organizations`: the public catalog, its search and filters. */
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
  async ({ ctx, query }) => {
    if (isSearch(query)) ctx.searches.count();
    const { results, total } = await searchCatalog(ctx.db, {
      q: query.q,
      tags: query.tags,
      tagsMatch: query.tags_match,
      appRequired: query.app_required,
      newMembers: query.new_members,
      numUsers: query.num_users,
      recruitingNow: query.recruiting === 'now',
      sort: query.sort,
      limit: query.limit ?? DEFAULT_LIMIT,
      skip: query.skip ?? 0,
    });
    const zone = ctx.config.CAMPUS_TZ;
    return { results: results.map((club) => clubListEntryView(club, zone)), num_results: total };
  },
);
