import { requireAuth } from '@sproul/common/auth';
import { Router } from 'express';
import { deleteClubOfOfficer } from '../../domain/clubs/delete-club-of-officer.js';
import { listClubAccounts } from '../../domain/clubs/list-club-accounts.js';
import { sendCsv, yesNo } from './monitor-csv.js';
import { clubOwnerParams } from './monitor-schemas.js';
import type { MonitorContext } from './monitor-tag-routes.js';

/** `/api/monitor/club*`: the admin dashboard's club page (role admin). */
export function monitorClubRoutes({ db, outbox, verifier }: MonitorContext) {
  const router = Router();
  const admin = requireAuth(verifier, 'admin');

  router.get('/club/list', admin, async (_req, res) => {
    res.json(await listClubAccounts(db));
  });
  router.get('/club/download', admin, async (_req, res) => {
    const rows = await listClubAccounts(db);
    sendCsv(
      res,
      'clubs.csv',
      ['name', 'email', 'confirmed', 'reactivated'],
      rows.map((club) => [club.name, club.email, yesNo(club.confirmed), yesNo(club.reactivated)]),
    );
  });
  router.delete('/club/:email', admin, async (req, res) => {
    await deleteClubOfOfficer(outbox, clubOwnerParams.parse(req.params).email);
    res.json({ status: 'success' });
  });
  return router;
}
