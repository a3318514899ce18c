import type { Logger } from '@sproul/common/logging';
import { type ClubListEntry, clubCatalogRepository } from '../../data-access/club-catalog-repository.js';
import type { Club } from '../../data-access/club-repository.js';
import type { CatalogContext } from '../catalog-context.js';

export const RECOMMENDED_COUNT = 3;

/**
 * A club page's similar clubs: the recommender's, in its order, among visible clubs; when it is down,
 * slow or knows fewer than k, visible clubs sharing the most tags make up the rest. Never fails the page;
 * `recommenderFailed` says the list stands in for the recommender's (a page kept briefly, then).
 */
export async function recommendedClubs(
  ctx: Pick<CatalogContext, 'db' | 'similarClubs'> & { logger: Logger },
  club: Club,
  k = RECOMMENDED_COUNT,
): Promise<{ clubs: ClubListEntry[]; recommenderFailed: boolean }> {
  const catalog = clubCatalogRepository(ctx.db);
  let similar: ClubListEntry[] = [];
  let recommenderFailed = false;
  try {
    const linkNames = (await ctx.similarClubs(club.linkName, k + 1)).filter((name) => name !== club.linkName);
    similar = (await catalog.visibleByLinkNames(linkNames)).slice(0, k);
  } catch (error) {
    recommenderFailed = true;
    ctx.logger.debug({ err: error }, 'recommender unavailable: similar clubs by shared tags');
  }
  if (similar.length >= k) return { clubs: similar, recommenderFailed };
  // Too few (a new club, clubs hidden since the model saw them): the rest by shared tags.
  const known = new Set(similar.map((entry) => entry.id));
  const byTags = await catalog.sharingTags(club, k + similar.length);
  const clubs = [...similar, ...byTags.filter((entry) => !known.has(entry.id))].slice(0, k);
  return { clubs, recommenderFailed };
}
