import { z } from 'zod';
import { cancelledClubEventRepository } from '../../../data-access/cancelled-club-event-repository.js';
import { repositories } from '../../../data-access/repositories.js';
import { lookupVisibleClub } from '../../../domain/clubs/lookup-visible-club.js';
import { cancelledFeedHorizon } from '../../../domain/events/cancelled-events.js';
import { clubEventsFeed } from '../../../domain/events/ical-feed.js';
import { cachedAnswer } from '../../../read-cache/cached-answer.js';
import { linkNameParams } from '../catalog-schemas.js';
import { route } from '../route.js';
import { resolvedClub } from './resolve-club.js';

/** A club's calendar: a file a calendar app subscribes to, so the route answers it itself. */
export const clubFeedRoute = route(
  {
    method: 'get',
    path: '/api/catalog/organizations/:link_name/events.ics',
    tag: 'Catalog',
    summary:
      "The club's events and recruiting events as an iCalendar (RFC 5545) feed; events removed in the last 30 days are listed with STATUS:CANCELLED",
    params: linkNameParams,
    responses: {
      200: { description: 'iCalendar feed', schema: z.string(), contentType: 'text/calendar' },
      301: { description: 'The club was renamed: Location has its current feed' },
    },
    errors: [400, 404],
  },
  async ({ ctx, params, req, res }) => {
    const fill = async () => {
      const resolved = resolvedClub(await lookupVisibleClub(ctx.db, params.link_name), '/events.ics');
      if ('answer' in resolved) return resolved.answer;
      const { club } = resolved;
      const now = ctx.clock();
      const events = await repositories(ctx.db).events.listAll(club.id);
      // The read filter, not only the prune: a cancellation past the horizon is gone from the feed at once.
      const cancelled = await cancelledClubEventRepository(ctx.db).listSince(
        club.id,
        cancelledFeedHorizon(now),
      );
      return cachedAnswer({
        headers: {
          'content-type': 'text/calendar; charset=utf-8',
          'content-disposition': `inline; filename="${club.linkName}.ics"`,
        },
        body: clubEventsFeed(club, events, now, cancelled),
        // Calendar apps poll; five minutes is what they were told before the cache.
        maxAgeS: 300,
      });
    };
    // Kept five minutes at most (the cache's longest): the feed's stamp and its cancelled events' horizon move with the clock.
    await ctx.readCache.answer(req, res, `club-feed:${params.link_name}`, fill);
  },
);
