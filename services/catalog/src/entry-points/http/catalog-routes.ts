import { clubFeedRoute } from './catalog/club-feed-route.js';
import { clubPageRoute } from './catalog/club-page-route.js';
import { metadataRoutes } from './catalog/metadata-routes.js';
import { organizationsRoute } from './catalog/organizations-route.js';
import { todaysEventsRoute } from './catalog/todays-events-route.js';

/**
 * `/api/catalog`: tags and sizes, the public catalog, its search and filters, club pages and calendars,
 * today's events.
 */
export const catalogRoutes = [
  ...metadataRoutes,
  organizationsRoute,
  todaysEventsRoute,
  clubPageRoute,
  clubFeedRoute,
];
