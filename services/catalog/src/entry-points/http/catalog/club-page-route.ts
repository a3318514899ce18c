import { loadClubDetails } from '../../../domain/clubs/club-details.js';
import { lookupVisibleClub } from '../../../domain/clubs/lookup-visible-club.js';
import { recommendedClubs } from '../../../domain/clubs/recommended-clubs.js';
import { recordStudentVisit } from '../../../domain/students/record-student-visit.js';
import { jsonAnswer } from '../../../read-cache/cached-answer.js';
import { clubPageSchema } from '../catalog-answer-schemas.js';
import { linkNameParams } from '../catalog-schemas.js';
import { clubPageView, recommendedClubView } from '../catalog-views.js';
import { route } from '../route.js';
import { resolvedClub } from './resolve-club.js';

/**
 * The recommender announces its changes (SimilarClubsChanged), which drop every page; but nothing would
 * replace the stand-in similar clubs of a page made while it was unreachable: such a page is kept
 * seconds, so that pages are not made again per request while it is down, nor kept long after.
 */
const WITHOUT_RECOMMENDER_TTL_MS = 5_000;

/**
 * A club page. A token is optional: none (or a header that is not a bearer token) is anonymous, but a
 * bearer token that fails verification is a 401, as upstream's `jwt_optional` answered. The page is
 * the same for every caller, so it is served from memory to all; a student's visit is still recorded.
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
  async ({ ctx, params, claims, req, res }) => {
    const fill = async () => {
      const resolved = resolvedClub(await lookupVisibleClub(ctx.db, params.link_name));
      if ('answer' in resolved) return resolved.answer;
      const { club } = resolved;
      const [details, recommended] = await Promise.all([
        loadClubDetails(ctx.db, club),
        recommendedClubs(ctx, club),
      ]);
      const page = {
        ...clubPageView(details, ctx.config.CAMPUS_TZ),
        recommended_clubs: recommended.clubs.map(recommendedClubView),
      };
      return jsonAnswer(page, {
        about: club.id,
        ttlMs: recommended.recommenderFailed ? WITHOUT_RECOMMENDER_TTL_MS : undefined,
      });
    };
    await ctx.readCache.answer(req, res, `club-page:${params.link_name}`, fill, {
      served: (answer) => {
        if (claims?.role === 'student' && answer.about) recordStudentVisit(ctx, claims, answer.about);
      },
    });
  },
);
