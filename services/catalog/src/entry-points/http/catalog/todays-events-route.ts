import { campusDay, todaysEvents } from '../../../domain/events/todays-events.js';
import { cacheKey } from '../../../read-cache/cache-key.js';
import { jsonAnswer } from '../../../read-cache/cached-answer.js';
import { todaysEventsAnswer } from '../catalog-answer-schemas.js';
import { TODAY_DEFAULT_LIMIT, todaysEventsQuery } from '../catalog-schemas.js';
import { eventOfClubView } from '../catalog-views.js';
import { route } from '../route.js';

/** `/api/catalog/events/today`: what is on across campus today, for a "happening today" list. */
export const todaysEventsRoute = route(
  {
    method: 'get',
    path: '/api/catalog/events/today',
    tag: 'Catalog',
    summary:
      'Events and recruiting events of visible clubs happening (at least partly) today on campus (CAMPUS_TZ), in start order, paged',
    query: todaysEventsQuery,
    responses: { 200: { description: "A page of today's events", schema: todaysEventsAnswer } },
    errors: [400],
  },
  async ({ ctx, query, req, res }) => {
    const zone = ctx.config.CAMPUS_TZ;
    const page = { limit: query.limit ?? TODAY_DEFAULT_LIMIT, skip: query.skip ?? 0 };
    const now = ctx.clock();
    const fill = async () => {
      const { date, results, total } = await todaysEvents(ctx.db, now, zone, page);
      return jsonAnswer({
        date,
        time_zone: zone,
        results: results.map((event) => eventOfClubView(event, zone)),
        num_results: total,
      });
    };
    // Keyed by the campus date, so that no answer outlives its day; and kept a minute at most.
    const key = cacheKey(`events-today:${campusDay(now, zone).date}`, page);
    await ctx.readCache.answer(req, res, key, fill, { ttlMs: 60_000, sameForUrl: false });
  },
);
