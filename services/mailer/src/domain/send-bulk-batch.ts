import { randomUUID } from 'node:crypto';
import { type BulkEmail, type BulkRecipient, bulkEmailStore } from '../data-access/bulk-email-repository.js';
import { type BulkOutcome, publishProgress } from './bulk-progress.js';
import { claimBulkBatch } from './claim-bulk-batch.js';
import { inParallel } from './in-parallel.js';
import { MailProviderError } from './mail-provider.js';
import type { MailerContext } from './mailer-context.js';
import { renderBulkEmail } from './render-bulk-email.js';
import { clubCategory } from './store-bulk-email.js';
import { unsubscribeUrl } from './unsubscribe-links.js';

type Result =
  | { kind: 'sent'; messageId: string }
  | { kind: 'failed'; error: string }
  | { kind: 'retry'; error: string; inDoubt: boolean };

/**
 * One round of the bulk sender: claim (committed) → render and send, MAIL_CONCURRENCY at once →
 * record every outcome and publish BulkEmailProgressed in one transaction. Answers how many
 * recipients it claimed. A crash after the claim leaves rows `sending`: after
 * MAIL_BULK_CLAIM_TIMEOUT_MS another run takes them over and asks the provider before sending again.
 */
export async function sendBulkBatch(ctx: MailerContext): Promise<number> {
  const token = randomUUID();
  const { recipients, jobs } = await claimBulkBatch(ctx, token);
  if (recipients.length === 0) return 0;
  const results = await inParallel(recipients, ctx.config.MAIL_CONCURRENCY, (row) =>
    sendOne(ctx, row, jobs.get(row.bulkId)!),
  );
  await ctx.outbox.transaction(async (tx) => {
    const store = bulkEmailStore(tx);
    const now = ctx.clock();
    const outcomes: BulkOutcome[] = [];
    for (const [index, row] of recipients.entries()) {
      const result = results[index]!;
      const key = { bulkId: row.bulkId, email: row.email };
      if (result.kind === 'retry') {
        const notBefore = new Date(now.getTime() + backOffMs(ctx, row.attempts));
        await store.release(key, token, { notBefore, error: result.error, inDoubt: result.inDoubt });
        continue;
      }
      const recorded =
        result.kind === 'sent'
          ? await store.settle(key, token, {
              status: 'sent',
              error: null,
              providerMessageId: result.messageId,
              sentAt: now,
            })
          : await store.settle(key, token, { status: 'failed', error: result.error });
      if (recorded) {
        const error = result.kind === 'failed' ? result.error : null;
        outcomes.push({ bulkId: row.bulkId, to: row.email, outcome: result.kind, error });
      }
    }
    await publishProgress(ctx, tx, jobs, outcomes);
    await store.finishDone([...jobs.keys()], now);
  });
  const sent = results.filter((r) => r.kind === 'sent').length;
  ctx.logger.info({ claimed: recipients.length, sent }, 'bulk email batch sent');
  return recipients.length;
}

async function sendOne(ctx: MailerContext, row: BulkRecipient, job: BulkEmail): Promise<Result> {
  try {
    if (row.inDoubt) {
      // The last attempt got no answer, or its sender crashed: the provider may have the email.
      const past = await ctx.provider.wasAccepted(row.deliveryId);
      if (past !== 'unknown' && past.accepted) return { kind: 'sent', messageId: past.messageId };
    }
    const unsubscribe = unsubscribeUrl(ctx, row.email, clubCategory(job.clubId));
    const email = await renderBulkEmail({
      subject: job.subject,
      body: job.body,
      clubName: job.clubName,
      fields: row.fields,
      unsubscribeUrl: unsubscribe,
    });
    const { messageId } = await ctx.provider.send({
      deliveryId: row.deliveryId,
      from: ctx.config.MAIL_FROM,
      to: row.email,
      ...email,
      unsubscribeUrl: unsubscribe,
    });
    return { kind: 'sent', messageId };
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    const lastAttempt = row.attempts >= ctx.config.MAIL_BULK_MAX_ATTEMPTS;
    if (error instanceof MailProviderError && error.permanent) return { kind: 'failed', error: message };
    if (lastAttempt) return { kind: 'failed', error: message };
    ctx.logger.warn({ bulkId: row.bulkId, attempt: row.attempts, error: message }, 'bulk email retrying');
    return { kind: 'retry', error: message, inDoubt: error instanceof MailProviderError && error.inDoubt };
  }
}

/** MAIL_BULK_RETRY_BASE_MS after the first failure, doubling after each further one. */
const backOffMs = (ctx: MailerContext, attempts: number) =>
  ctx.config.MAIL_BULK_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1);
