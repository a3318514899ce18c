import { z } from 'zod';
import { deleteClubOfOfficer } from '../../../domain/clubs/delete-club-of-officer.js';
import { setClubHidden } from '../../../domain/clubs/hide-club.js';
import { listClubAccounts } from '../../../domain/clubs/list-club-accounts.js';
import { clubAccountSchema, clubOwnerParams } from '../monitor-club-schemas.js';
import { sendCsv, yesNo } from '../monitor-csv.js';
import { route } from '../route.js';
import { ADMIN, csv, ok, success, TAG } from './monitor.js';

/**
 * `POST /api/monitor/club/:email/hide` and `/unhide`: ours (upstream cannot hide a club). An unknown
 * email is a 404 here; the DELETE keeps upstream's 400.
 */
const hideRoute = (action: 'hide' | 'unhide') =>
  route(
    {
      method: 'post',
      path: `/api/monitor/club/:email/${action}`,
      tag: TAG,
      summary:
        action === 'hide'
          ? 'Hide the club of the officer with this email from every public view (its officer still edits it); idempotent'
          : 'Show a hidden club again (as far as its confirmation and reactivation allow); idempotent',
      auth: ADMIN,
      params: clubOwnerParams,
      responses: { 200: { description: 'The club as the club list shows it', schema: clubAccountSchema } },
      errors: [400, 404],
    },
    ({ ctx, params }) => setClubHidden(ctx.outbox, params.email, action === 'hide'),
  );

/** `/api/monitor/club*`: the admin dashboard's club page (role admin; a wrong role is upstream's 401). */
export const clubRoutes = [
  route(
    {
      method: 'get',
      path: '/api/monitor/club/list',
      tag: TAG,
      summary: 'Every club, hidden ones too, by name',
      auth: ADMIN,
      responses: { 200: { description: 'Clubs', schema: z.array(clubAccountSchema) } },
    },
    ({ ctx }) => listClubAccounts(ctx.db),
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/club/download',
      tag: TAG,
      summary: 'The club list as clubs.csv (name,email,confirmed,reactivated)',
      auth: ADMIN,
      responses: csv('clubs.csv'),
    },
    async ({ ctx, res }) => {
      const rows = await listClubAccounts(ctx.db);
      sendCsv(
        res,
        'clubs.csv',
        ['name', 'email', 'confirmed', 'reactivated'],
        rows.map((club) => [club.name, club.email, yesNo(club.confirmed), yesNo(club.reactivated)]),
      );
    },
  ),
  route(
    {
      method: 'delete',
      path: '/api/monitor/club/:email',
      tag: TAG,
      summary: 'Delete the club of the officer with this email (ClubDeleted: auth and media follow)',
      auth: ADMIN,
      // The kernel reads it as a string; the handler parses it, and a bad one answers as it always has
      // (the body's 400 reason, which the dashboard shows as is).
      params: z.object({ email: z.string() }),
      responses: ok,
      errors: [400],
    },
    async ({ ctx, req }) => {
      await deleteClubOfOfficer(ctx.outbox, clubOwnerParams.parse(req.params).email);
      return success;
    },
  ),
  hideRoute('hide'),
  hideRoute('unhide'),
];
