import { type AccessClaims, bearerToken } from '@sproul/common/auth';
import { type Request, Router } from 'express';
import { repositories } from '../../data-access/repositories.js';
import type { CatalogContext } from '../../domain/catalog-context.js';
import { loadClubDetails } from '../../domain/clubs/club-details.js';
import { clubNotFound } from '../../domain/clubs/club-errors.js';
import { type ClubLookup, lookupVisibleClub } from '../../domain/clubs/lookup-visible-club.js';
import { recommendedClubs } from '../../domain/clubs/recommended-clubs.js';
import { clubEventsFeed } from '../../domain/events/ical-feed.js';
import { searchCatalog } from '../../domain/search/search-catalog.js';
import { recordStudentVisit } from '../../domain/students/record-student-visit.js';
import { DEFAULT_LIMIT, linkNameParams, organizationsQuery } from './catalog-schemas.js';
import { clubListEntryView, clubPageView, recommendedClubView } from './catalog-views.js';
import { parseParams } from './parse-request.js';

/**
 * A token on the club page is optional: none (or a header that is not a bearer token) is anonymous, but
 * a bearer token that fails verification is a 401, as upstream's `jwt_optional` answered.
 */
async function optionalClaims(ctx: CatalogContext, req: Request): Promise<AccessClaims | undefined> {
  let token: string | undefined;
  try {
    token = bearerToken(req);
  } catch {
    return undefined;
  }
  return token ? ctx.verifier.verify(token) : undefined;
}

/** Answers a lookup that found a club, or redirects a former link name, or 404s. */
function resolved(lookup: ClubLookup, res: import('express').Response, suffix = '') {
  if ('found' in lookup) return lookup.found;
  if ('movedTo' in lookup) {
    res.redirect(301, `/api/catalog/organizations/${encodeURIComponent(lookup.movedTo)}${suffix}`);
    return undefined;
  }
  throw clubNotFound();
}

/** `/api/catalog`: the public catalog, its search and filters, club pages and their calendars. */
export function catalogRoutes(ctx: CatalogContext) {
  const router = Router();
  const zone = ctx.config.CAMPUS_TZ;

  router.get('/organizations', async (req, res) => {
    const query = parseParams(organizationsQuery, req.query, 'query string');
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
    res.json({ results: results.map((club) => clubListEntryView(club, zone)), num_results: total });
  });

  router.get('/organizations/:link_name', async (req, res) => {
    const { link_name } = parseParams(linkNameParams, req.params, 'path');
    const claims = await optionalClaims(ctx, req);
    const club = resolved(await lookupVisibleClub(ctx.db, link_name), res);
    if (!club) return;
    const [details, recommended] = await Promise.all([
      loadClubDetails(ctx.db, club),
      recommendedClubs(ctx, club),
    ]);
    if (claims?.role === 'student') recordStudentVisit(ctx, claims, club.id);
    res.json({ ...clubPageView(details, zone), recommended_clubs: recommended.map(recommendedClubView) });
  });

  router.get('/organizations/:link_name/events.ics', async (req, res) => {
    const { link_name } = parseParams(linkNameParams, req.params, 'path');
    const club = resolved(await lookupVisibleClub(ctx.db, link_name), res, '/events.ics');
    if (!club) return;
    const events = await repositories(ctx.db).events.listAll(club.id);
    res
      .type('text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', `inline; filename="${club.linkName}.ics"`)
      .setHeader('Cache-Control', 'public, max-age=300')
      .send(clubEventsFeed(club, events));
  });

  return router;
}
