import { todaysEvents } from '../../../domain/events/todays-events.js';
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
  async ({ ctx, query }) => {
    const zone = ctx.config.CAMPUS_TZ;
    const page = { limit: query.limit ?? TODAY_DEFAULT_LIMIT, skip: query.skip ?? 0 };
    const { date, results, total } = await todaysEvents(ctx.db, ctx.clock(), zone, page);
    return {
      date,
      time_zone: zone,
      results: results.map((event) => eventOfClubView(event, zone)),
      num_results: total,
    };
  },
);
