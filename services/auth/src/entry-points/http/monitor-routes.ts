import { requireAuth, type TokenVerifier } from '@sproul/common/auth';
import { Router } from 'express';
import { z } from 'zod';
import type { AuthContext } from '../../domain/auth-context.js';
import { login } from '../../domain/login.js';
import { removeUnconfirmedRegistration } from '../../domain/remove-registration.js';
import { addRsoEmail, importRsoEmails, removeRsoEmail } from '../../domain/rso-list.js';
import { credentialsBody, email } from './schemas.js';

const success = { status: 'success' } as const;
const rsoBody = z.strictObject({ email });
/** A CSV of emails (a header line and other columns are tolerated), or a plain list. */
const rsoImportBody = z.union([
  z.strictObject({ emails: z.array(email).min(1).max(20_000) }),
  z.strictObject({ csv: z.string().min(1).max(2_000_000) }),
]);

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** `/api/monitor`: admin sign-in (upstream's crashes fixed) and the RSO allow-list. */
export function monitorRoutes(ctx: AuthContext, verifier: TokenVerifier) {
  const router = Router();
  const admin = requireAuth(verifier, 'admin');

  router.post('/login', async (req, res) => {
    const { email: address, password } = credentialsBody.parse(req.body);
    res.json(await login(ctx, address, password, ['admin']));
  });

  router.get('/rso/list', admin, async (_req, res) => {
    res.json(await ctx.read.rso.list());
  });
  router.get('/rso/download', admin, async (_req, res) => {
    const rows = await ctx.read.rso.list();
    const yes = (value: boolean) => (value ? 'Yes' : 'No');
    const lines = rows.map((row) =>
      [row.email, yes(row.registered), yes(row.confirmed)].map(csvCell).join(','),
    );
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="rso_emails.csv"');
    res.setHeader('Cache-Control', 'no-store');
    res.send(['email,registered,confirmed', ...lines].join('\r\n'));
  });
  router.post('/rso', admin, async (req, res) => {
    await addRsoEmail(ctx, rsoBody.parse(req.body).email);
    res.json(success);
  });
  router.post('/rso/import', admin, async (req, res) => {
    const body = rsoImportBody.parse(req.body);
    const emails = 'emails' in body ? body.emails : emailsInCsv(body.csv);
    res.json({ ...success, ...(await importRsoEmails(ctx, emails)) });
  });
  router.delete('/rso/:email', admin, async (req, res) => {
    await removeRsoEmail(ctx, String(req.params.email));
    res.json(success);
  });
  // Under /rso, which the gateway already sends to auth; it removes any unconfirmed account, though.
  router.delete('/rso/:email/registration', admin, async (req, res) => {
    await removeUnconfirmedRegistration(ctx, rsoBody.parse(req.params).email);
    res.json(success);
  });
  return router;
}

/** Every cell of the CSV that is an email address; anything else (headers, names) is skipped. */
function emailsInCsv(csv: string): string[] {
  return csv
    .split(/[\r\n,;]+/)
    .map((cell) => cell.trim().replace(/^"|"$/g, ''))
    .filter((cell) => email.safeParse(cell).success);
}
