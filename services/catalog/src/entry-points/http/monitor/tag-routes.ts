import { z } from 'zod';
import { addTag } from '../../../domain/tags/add-tag.js';
import { deleteTag } from '../../../domain/tags/delete-tag.js';
import { listTagUsage } from '../../../domain/tags/list-tag-usage.js';
import { renameTag } from '../../../domain/tags/rename-tag.js';
import { sendCsv } from '../monitor-csv.js';
import { tagBody, tagIdParams, tagUsageSchema } from '../monitor-tag-schemas.js';
import { route } from '../route.js';
import { ADMIN, csv, ok, success, TAG } from './monitor.js';

// A string for the kernel and the document; the handler parses it (a bad one answers as it always has).
const tagId = z.object({ id: z.string().meta({ description: 'A tag id (0..n-1)', example: '3' }) });
const base = { tag: TAG, auth: ADMIN } as const;

/** `/api/monitor/tags*`: the admin dashboard's tag page (role admin; a wrong role is upstream's 401). */
export const tagRoutes = [
  route(
    {
      ...base,
      method: 'get',
      path: '/api/monitor/tags/list',
      summary: 'Every tag with the number of catalog-visible clubs using it, by name',
      responses: { 200: { description: 'Tags', schema: z.array(tagUsageSchema) } },
    },
    ({ ctx }) => listTagUsage(ctx.db),
  ),
  route(
    {
      ...base,
      method: 'get',
      path: '/api/monitor/tags/download',
      summary: 'The tag list as tags.csv (_id,name,num_clubs)',
      responses: csv('tags.csv'),
    },
    async ({ ctx, res }) => {
      const rows = await listTagUsage(ctx.db);
      const cells = rows.map((tag) => [tag._id, tag.name, tag.num_clubs]);
      sendCsv(res, 'tags.csv', ['_id', 'name', 'num_clubs'], cells);
    },
  ),
  route(
    {
      ...base,
      method: 'post',
      path: '/api/monitor/tags',
      summary: 'Add a tag at the next id (n); names are unique ignoring case',
      body: tagBody,
      responses: ok,
    },
    async ({ ctx, body }) => {
      await addTag(ctx.outbox, body.name);
      return success;
    },
  ),
  route(
    {
      ...base,
      method: 'put',
      path: '/api/monitor/tags/:id',
      summary: 'Rename a tag',
      params: tagId,
      body: tagBody,
      responses: ok,
    },
    async ({ ctx, req, body }) => {
      await renameTag(ctx.outbox, tagIdParams.parse(req.params).id, body.name);
      return success;
    },
  ),
  route(
    {
      ...base,
      method: 'delete',
      path: '/api/monitor/tags/:id',
      summary:
        'Delete a tag no visible club uses (409 otherwise); the last tag takes its id, so ids stay 0..n-1',
      params: tagId,
      responses: ok,
      errors: [400, 409],
    },
    async ({ ctx, req }) => {
      await deleteTag(ctx.outbox, tagIdParams.parse(req.params).id);
      return success;
    },
  ),
];
