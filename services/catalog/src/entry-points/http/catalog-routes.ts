import { clubFeedRoute } from './catalog/club-feed-route.js';
import { clubPageRoute } from './catalog/club-page-route.js';
import { metadataRoutes } from './catalog/metadata-routes.js';
import { organizationsRoute } from './catalog/organizations-route.js';

/** `/api/catalog`: tags and sizes, the public catalog, its search and filters, club pages and calendars. */
export const catalogRoutes = [...metadataRoutes, organizationsRoute, clubPageRoute, clubFeedRoute];
