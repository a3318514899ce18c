import type { RouteDescription } from '@sproul/common/openapi';
import { z } from 'zod';
import {
  clubPageSchema,
  linkNameParams,
  organizationsAnswer,
  organizationsQuery,
} from './catalog-schemas.js';

/** The public catalog's routes, from the same schemas the routes parse with. */
export const catalogRouteDescriptions: RouteDescription[] = [
  {
    method: 'get',
    path: '/api/catalog/organizations',
    tag: 'Catalog',
    summary: 'Visible clubs: search (`q`), filters, sort and paging; `num_results` counts every match',
    query: organizationsQuery,
    responses: { 200: { description: 'A page of clubs', schema: organizationsAnswer } },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/catalog/organizations/{link_name}',
    tag: 'Catalog',
    summary: 'A club page with similar clubs; a former link name redirects (301); a token is optional',
    params: linkNameParams,
    responses: {
      200: { description: 'The club', schema: clubPageSchema },
      301: { description: 'The club was renamed: Location has its current page' },
    },
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/catalog/organizations/{link_name}/events.ics',
    tag: 'Catalog',
    summary: "The club's events and recruiting events as an iCalendar (RFC 5545) feed",
    params: linkNameParams,
    responses: {
      200: { description: 'iCalendar feed', schema: z.string(), contentType: 'text/calendar' },
      301: { description: 'The club was renamed: Location has its current feed' },
    },
    errors: [400, 404],
  },
];
