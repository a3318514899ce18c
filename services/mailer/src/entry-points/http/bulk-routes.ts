import { z } from 'zod';
import { bulkEmailStatus } from '../../domain/bulk-email-status.js';
import { bulkEmailNotFound } from '../../errors.js';
import { route } from './route.js';

const recipient = z.object({
  email: z.string(),
  status: z.string(),
  attempts: z.number(),
  error: z.string().nullable(),
  sentAt: z.string().nullable(),
});
const status = z.object({
  bulkId: z.string(),
  clubId: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  recipients: z.array(recipient),
});

/**
 * A bulk email's progress, for operators and tests. Internal (the gateway does not route `/internal`):
 * officers see progress through engagement, which applies BulkEmailProgressed.
 */
export const bulkRoutes = [
  route(
    {
      method: 'get',
      path: '/internal/bulk/:bulkId',
      tag: 'Mail (internal)',
      summary: "A bulk email's counts by status and each recipient's status",
      params: z.object({ bulkId: z.uuid() }),
      responses: { 200: { description: 'Its status', schema: status } },
    },
    async ({ ctx, params }) => {
      const found = await bulkEmailStatus(ctx, params.bulkId);
      if (!found) throw bulkEmailNotFound();
      return found;
    },
  ),
];
