import { z } from 'zod';
import { removeUnconfirmedRegistration } from '../../domain/remove-registration.js';
import { addRsoEmail, importRsoEmails, removeRsoEmail } from '../../domain/rso-list.js';
import { ADMIN, ok, success } from './answers.js';
import { route } from './route.js';
import { email } from './schemas.js';

const rsoBody = z.strictObject({ email });
/** A CSV of emails (a header line and other columns are tolerated), or a plain list. */
const rsoImportBody = z.union([
  z.strictObject({ emails: z.array(email).min(1).max(20_000) }),
  z.strictObject({ csv: z.string().min(1).max(2_000_000) }),
]);

/** Every cell of the CSV that is an email address; anything else (headers, names) is skipped. */
const emailsInCsv = (csv: string): string[] =>
  csv
    .split(/[\r\n,;]+/)
    .map((cell) => cell.trim().replace(/^"|"$/g, ''))
    .filter((cell) => email.safeParse(cell).success);

/** `/api/monitor/rso`: admins keep the allow-list of RSO emails that may register a club. */
export const rsoRoutes = [
  route(
    {
      method: 'post',
      path: '/api/monitor/rso',
      tag: ADMIN,
      summary: 'Add an RSO email',
      auth: ['admin'],
      body: rsoBody,
      responses: ok,
    },
    async ({ ctx, body }) => {
      await addRsoEmail(ctx, body.email);
      return success;
    },
  ),
  route(
    {
      method: 'post',
      path: '/api/monitor/rso/import',
      tag: ADMIN,
      summary: 'Add many RSO emails (a CSV or a list)',
      auth: ['admin'],
      body: rsoImportBody,
      responses: {
        200: {
          description: 'Counts',
          schema: z.object({ status: z.literal('success'), added: z.number(), already_present: z.number() }),
        },
      },
    },
    async ({ ctx, body }) => {
      const emails = 'emails' in body ? body.emails : emailsInCsv(body.csv);
      return { ...success, ...(await importRsoEmails(ctx, emails)) };
    },
  ),
  route(
    {
      method: 'delete',
      path: '/api/monitor/rso/:email',
      tag: ADMIN,
      summary: 'Remove an RSO email (refused while a club uses it)',
      auth: ['admin'],
      responses: ok,
    },
    async ({ ctx, params }) => {
      await removeRsoEmail(ctx, String(params.email));
      return success;
    },
  ),
  // Under /rso, which the gateway already sends to auth; it removes any unconfirmed account, though.
  // The address is checked as upstream did, with the JSON body's 400: the handler parses it.
  route(
    {
      method: 'delete',
      path: '/api/monitor/rso/:email/registration',
      tag: ADMIN,
      summary: 'Remove the unconfirmed account under an email (and its club); 409 when it is confirmed',
      auth: ['admin'],
      documented: { params: z.object({ email: z.string() }) },
      responses: ok,
      errors: [404, 409],
    },
    async ({ ctx, req }) => {
      await removeUnconfirmedRegistration(ctx, rsoBody.parse(req.params).email);
      return success;
    },
  ),
];
