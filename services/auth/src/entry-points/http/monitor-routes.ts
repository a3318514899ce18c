import { z } from 'zod';
import { login } from '../../domain/login.js';
import { ADMIN, rsoEntry, signedIn } from './answers.js';
import { route } from './route.js';
import { credentialsBody } from './schemas.js';

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const yes = (value: boolean) => (value ? 'Yes' : 'No');

/** `/api/monitor`: admin sign-in (upstream's crashes fixed) and reading the RSO allow-list. */
export const monitorRoutes = [
  route(
    {
      method: 'post',
      path: '/api/monitor/login',
      tag: ADMIN,
      summary: 'Sign in as an admin',
      body: credentialsBody,
      responses: signedIn,
      errors: [429],
    },
    ({ ctx, body }) => login(ctx, body.email, body.password, ['admin'], 'officer'),
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/rso/list',
      tag: ADMIN,
      summary: 'RSO emails with registration status, by email',
      auth: ['admin'],
      responses: { 200: { description: 'List', schema: z.array(rsoEntry) } },
    },
    ({ ctx }) => ctx.read.rso.list(),
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/rso/download',
      tag: ADMIN,
      summary: 'The same as CSV (rso_emails.csv)',
      auth: ['admin'],
      responses: { 200: { description: 'CSV', schema: z.string(), contentType: 'text/csv' } },
    },
    async ({ ctx, res }) => {
      const rows = await ctx.read.rso.list();
      const lines = rows.map((row) =>
        [row.email, yes(row.registered), yes(row.confirmed)].map(csvCell).join(','),
      );
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="rso_emails.csv"');
      res.setHeader('Cache-Control', 'no-store');
      res.send(['email,registered,confirmed', ...lines].join('\r\n'));
    },
  ),
];
