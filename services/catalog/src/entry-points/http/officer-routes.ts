import { eventRoutes } from './officer/event-routes.js';
import { faqRoutes } from './officer/faq-routes.js';
import { profileRoutes } from './officer/profile-routes.js';
import { recruitingEventRoutes } from './officer/recruiting-event-routes.js';
import { resourceRoutes } from './officer/resource-routes.js';

/**
 * `/api/admin/*` except change-password (auth's), uploads and the gallery (media's): a club officer edits their own club. Every write bumps
 * `last_updated` and emits ClubUpdated in the same transaction. A wrong role answers 401, as upstream.
 */
export const officerRoutes = [
  ...profileRoutes,
  ...resourceRoutes,
  ...eventRoutes,
  ...recruitingEventRoutes,
  ...faqRoutes,
];
