import { bulkEmailStore } from '../data-access/bulk-email-repository.js';
import type { MailerContext } from './mailer-context.js';

/** A bulk email's counts by status and its recipients' statuses (never their fields or the body). */
export async function bulkEmailStatus(ctx: MailerContext, bulkId: string) {
  const store = bulkEmailStore(ctx.db);
  const job = await store.job(bulkId);
  if (!job) return undefined;
  const rows = await store.recipients(bulkId);
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return {
    bulkId: job.bulkId,
    clubId: job.clubId,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    counts,
    recipients: rows.map((row) => ({
      email: row.email,
      status: row.status,
      attempts: row.attempts,
      error: row.error,
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
  };
}
