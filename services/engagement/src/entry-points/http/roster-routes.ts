import { z } from 'zod';
import { roster, rosterCsv, rosterStats } from '../../domain/roster/roster.js';
import { CLUB_TAG, route } from './route.js';
import {
  filterOf,
  linkParams,
  peopleFilterQuery,
  rosterPerson,
  rosterQuery,
  statusSchema,
} from './schemas.js';

const countBy = <K extends string>(key: K, value: z.ZodType) =>
  z.array(z.object({ [key]: value, status: statusSchema, count: z.number().int() }));

/** Officers' views of their club's people: the roster, its CSV export, its counts. Admins may read. */
export const rosterRoutes = [
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/members',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary: 'The roster and applications, filtered by status, year, major and text (officers of the club)',
      params: linkParams,
      query: rosterQuery,
      responses: {
        200: {
          description: 'A page of people, oldest application first',
          schema: z.object({
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
            members: z.array(rosterPerson),
          }),
        },
      },
      errors: [403, 404],
    },
    ({ ctx, claims, params, query }) =>
      roster(ctx, claims, params.link, filterOf(query), {
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
      }),
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/members.csv',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary: 'The same people as a CSV file, a column per application question',
      params: linkParams,
      query: peopleFilterQuery,
      responses: { 200: { description: 'CSV (RFC 4180)', schema: z.string(), contentType: 'text/csv' } },
      errors: [403, 404],
    },
    async ({ ctx, claims, params, query, res }) => {
      const { fileName, csv } = await rosterCsv(ctx, claims, params.link, filterOf(query));
      res
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`)
        .setHeader('Cache-Control', 'no-store')
        .send(csv);
    },
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/members/stats',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary: 'Counts by status, by year and by major (officers of the club)',
      params: linkParams,
      responses: {
        200: {
          description: 'Fixed aggregates',
          schema: z.object({
            by_status: z.record(z.string(), z.number().int()),
            by_year: countBy('year', z.number().int().nullable()),
            by_major: countBy('major', z.number().int().nullable()),
          }),
        },
      },
      errors: [403, 404],
    },
    ({ ctx, claims, params }) => rosterStats(ctx, claims, params.link),
  ),
];
