import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { numUserTags, tags } from '../../../data-access/schema.js';
import { jsonAnswer } from '../../../read-cache/cached-answer.js';
import { route } from '../route.js';

const tag = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'Tag' });
const size = z.object({ id: z.number().int(), value: z.string() }).meta({ id: 'NumUserTag' });

/** Public lookups, upstream's shapes: `[{id, name}]` and `[{id, value}]`, in id order; from memory. */
export const metadataRoutes = [
  route(
    {
      method: 'get',
      path: '/api/catalog/tags',
      tag: 'Catalog',
      summary: 'Club categories, ids 0..n-1 in list order',
      responses: { 200: { description: 'Tags', schema: z.array(tag) } },
    },
    ({ ctx, req, res }) =>
      ctx.readCache.answer(req, res, 'tags', async () =>
        jsonAnswer(await ctx.db.select().from(tags).orderBy(asc(tags.id))),
      ),
  ),
  route(
    {
      method: 'get',
      path: '/api/catalog/num-user-tags',
      tag: 'Catalog',
      summary: 'Member-count ranges, ids 0..n-1',
      responses: { 200: { description: 'Ranges', schema: z.array(size) } },
    },
    ({ ctx, req, res }) =>
      ctx.readCache.answer(req, res, 'num-user-tags', async () =>
        jsonAnswer(await ctx.db.select().from(numUserTags).orderBy(asc(numUserTags.id))),
      ),
  ),
];
