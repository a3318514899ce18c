import { EmailFailedV1, EmailSentV1, makeEvent } from '@sproul/common/events';
import { deliveryLog } from '../data-access/delivery-log-repository.js';
import type { EmailRequest } from './claim-delivery.js';
import { type MailerContext, SOURCE } from './mailer-context.js';

/** SES accepted the email: the log says so, and EmailSent goes out with the same commit. */
export async function recordSent(
  ctx: MailerContext,
  request: EmailRequest,
  attempts: number,
  messageId: string,
) {
  await ctx.outbox.transaction(async (tx) => {
    await deliveryLog(tx).update(request.id, {
      status: 'sent',
      attempts,
      providerMessageId: messageId,
      error: null,
      sentAt: ctx.clock(),
    });
    const { id, to, template, userId } = request;
    await ctx.outbox.append(tx, [
      makeEvent(EmailSentV1, { requestId: id, to, template, userId, providerMessageId: messageId }, SOURCE),
    ]);
  });
}

/** It will never be sent (rejected for good, or out of attempts): `failed`, and EmailFailed. */
export async function recordFailed(
  ctx: MailerContext,
  request: EmailRequest,
  attempts: number,
  error: string,
) {
  await ctx.outbox.transaction(async (tx) => {
    const { id, to, template, subject, userId } = request;
    if (!(await deliveryLog(tx).fail({ id, to, template, subject }, attempts, error))) return;
    await ctx.outbox.append(tx, [
      makeEvent(EmailFailedV1, { requestId: id, to, template, userId, reason: 'rejected', error }, SOURCE),
    ]);
  });
}

/**
 * A transient refusal: back to `queued` with the error, for the bus's next attempt to claim again; or,
 * when no answer came, left `sending` (in doubt), so that attempt asks the provider first.
 */
export async function recordRetry(
  ctx: MailerContext,
  request: EmailRequest,
  attempts: number,
  error: string,
  inDoubt: boolean,
) {
  await deliveryLog(ctx.db).update(request.id, { status: inDoubt ? 'sending' : 'queued', attempts, error });
}
