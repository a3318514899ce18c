import { loadClubDetails } from '../../../domain/clubs/club-details.js';
import { lookupVisibleClub } from '../../../domain/clubs/lookup-visible-club.js';
import { recommendedClubs } from '../../../domain/clubs/recommended-clubs.js';
import { recordStudentVisit } from '../../../domain/students/record-student-visit.js';
import { clubPageSchema } from '../catalog-answer-schemas.js';
import { linkNameParams } from '../catalog-schemas.js';
import { clubPageView, recommendedClubView } from '../catalog-views.js';
import { route } from '../route.js';
import { resolvedClub } from './resolve-club.js';

/**
 * A club page. A token is optional: none (or a header that is not a bearer token) is anonymous, but a
 * bearer token that fails verification is a 401, as upstream's `jwt_optional` answered.
 */
export const clubPageRoute = route(
  {
    method: 'get',
    path: '/api/catalog/organizations/:link_name',
    tag: 'Catalog',
    summary: 'A club page with similar clubs; a former link name redirects (301); a token is optional',
    auth: 'optional',
    params: linkNameParams,
    responses: {
      200: { description: 'The club', schema: clubPageSchema },
      301: { description: 'The club was renamed: Location has its current page' },
    },
    errors: [400, 401, 404],
  },
  async ({ ctx, params, claims, res }) => {
    const club = resolvedClub(await lookupVisibleClub(ctx.db, params.link_name), res);
    if (!club) return undefined;
    const [details, recommended] = await Promise.all([
      loadClubDetails(ctx.db, club),
      recommendedClubs(ctx, club),
    ]);
    if (claims?.role === 'student') recordStudentVisit(ctx, claims, club.id);
    return {
      ...clubPageView(details, ctx.config.CAMPUS_TZ),
      recommended_clubs: recommended.map(recommendedClubView),
    };
  },
);
