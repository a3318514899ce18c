import type { Db } from '@sproul/common/db';
import { asc } from 'drizzle-orm';
import { Router } from 'express';
import { numUserTags, tags } from '../../data-access/schema.js';

/** Public lookups, upstream's shapes: `[{id, name}]` and `[{id, value}]`, in id order. */
export function metadataRoutes(db: Db) {
  const router = Router();
  router.get('/tags', async (_req, res) => {
    res.json(await db.select().from(tags).orderBy(asc(tags.id)));
  });
  router.get('/num-user-tags', async (_req, res) => {
    res.json(await db.select().from(numUserTags).orderBy(asc(numUserTags.id)));
  });
  return router;
}
