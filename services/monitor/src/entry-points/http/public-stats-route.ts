import { ifNoneMatchMatches, strongEtag } from '@sproul/common/http';
import { publicStats } from '../../domain/stats/public-stats.js';
import { route } from './route.js';
import { publicStatsSchema } from './stats-schemas.js';

/** Caches may keep the answer this long; the figures are computed at most this often anyway. */
const MAX_AGE_S = 60;

/** `/api/stats/public`: counts anyone may read, cacheable (Cache-Control, and an ETag answered with 304). */
export const publicStatsRoute = route(
  {
    method: 'get',
    path: '/api/stats/public',
    tag: 'Public statistics',
    summary:
      'Clubs by tag, clubs recruiting now, sign-ups per week, events this week (small counts suppressed)',
    auth: 'public',
    responses: {
      200: { description: 'Public figures', schema: publicStatsSchema },
      304: { description: 'Not modified since the ETag sent in If-None-Match' },
    },
  },
  async ({ ctx, req, res }) => {
    const { CAMPUS_TZ: zone, PUBLIC_STATS_MIN_CELL: minCell } = ctx.config;
    const stats = await ctx.cache.get('public', async () => {
      const body = JSON.stringify(await publicStats(ctx.db, ctx.clock(), { zone, minCell }));
      return { body, etag: strongEtag(body) };
    });
    res.set({ 'Cache-Control': `public, max-age=${MAX_AGE_S}`, ETag: stats.etag });
    if (ifNoneMatchMatches(req.headers['if-none-match'], [stats.etag])) return void res.status(304).end();
    res.status(200).type('application/json').send(stats.body);
  },
);
