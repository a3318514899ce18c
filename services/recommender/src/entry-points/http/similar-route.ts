import { AppError } from '@sproul/common/errors';
import { Router } from 'express';
import { z } from 'zod';
import type { Recommender } from '../../domain/recommender.js';

const query = z.object({ k: z.coerce.number().int().min(1).max(20).default(3) });
const params = z.object({ link: z.string().min(1).max(200) });

/**
 * `GET /internal/similar/:link?k=3` → `{ link_name, similar: [{ link_name, score }] }`, most similar
 * first. Internal: the gateway does not route `/internal`; the catalog calls it for club pages.
 */
export function similarRoute(recommender: Recommender) {
  const router = Router();
  router.get('/internal/similar/:link', async (req, res) => {
    const { link } = params.parse(req.params);
    const { k } = query.parse(req.query);
    const similar = await recommender.similar(link, k);
    if (!similar) throw new AppError('RECOMMENDER.UNKNOWN_CLUB', 404, 'No visible club has this link name');
    res.json({ link_name: link, similar });
  });
  return router;
}
