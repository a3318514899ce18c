import { requireAuth, type TokenVerifier } from '@sproul/common/auth';
import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { Router } from 'express';
import { addTag } from '../../domain/tags/add-tag.js';
import { deleteTag } from '../../domain/tags/delete-tag.js';
import { listTagUsage } from '../../domain/tags/list-tag-usage.js';
import { renameTag } from '../../domain/tags/rename-tag.js';
import { sendCsv } from './monitor-csv.js';
import { tagBody, tagIdParams } from './monitor-schemas.js';

const success = { status: 'success' } as const;

/** What the dashboard routes use of the catalog's context. */
export interface MonitorContext {
  db: Db;
  outbox: Outbox;
  verifier: TokenVerifier;
}

/** `/api/monitor/tags*`: the admin dashboard's tag page (role admin). */
export function monitorTagRoutes({ db, outbox, verifier }: MonitorContext) {
  const router = Router();
  const admin = requireAuth(verifier, 'admin');

  router.get('/tags/list', admin, async (_req, res) => {
    res.json(await listTagUsage(db));
  });
  router.get('/tags/download', admin, async (_req, res) => {
    const rows = await listTagUsage(db);
    sendCsv(
      res,
      'tags.csv',
      ['_id', 'name', 'num_clubs'],
      rows.map((tag) => [tag._id, tag.name, tag.num_clubs]),
    );
  });
  router.post('/tags', admin, async (req, res) => {
    await addTag(outbox, tagBody.parse(req.body).name);
    res.json(success);
  });
  router.put('/tags/:id', admin, async (req, res) => {
    const { id } = tagIdParams.parse(req.params);
    await renameTag(outbox, id, tagBody.parse(req.body).name);
    res.json(success);
  });
  router.delete('/tags/:id', admin, async (req, res) => {
    await deleteTag(outbox, tagIdParams.parse(req.params).id);
    res.json(success);
  });
  return router;
}
