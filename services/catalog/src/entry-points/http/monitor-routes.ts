import { clubRoutes } from './monitor/club-routes.js';
import { tagRoutes } from './monitor/tag-routes.js';

/** `/api/monitor/*` the catalog answers: the admin dashboard's club and tag pages (role admin). */
export const monitorRoutes = [...clubRoutes, ...tagRoutes];
