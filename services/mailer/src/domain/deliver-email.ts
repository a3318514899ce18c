import type { Outcome } from '@sproul/common/bus';
import type { EmailRequestedV1, EventData, EventEnvelope } from '@sproul/common/events';
import { templates } from '../templates/templates.js';
import { claimDelivery, type EmailRequest } from './claim-delivery.js';
import { MailProviderError } from './mail-provider.js';
import type { MailerContext } from './mailer-context.js';
import { recordFailed, recordRetry, recordSent } from './record-outcome.js';
import { BadVariablesError, type RenderedEmail } from './render-email.js';
import { unsubscribeUrl } from './unsubscribe-links.js';

export type EmailRequested = EventEnvelope<EventData<typeof EmailRequestedV1>>;

/**
 * Delivers one EmailRequested exactly once per event id: claim (committed) → SES → record. Answers
 * what the bus should do with the message: ack, retry later (throttled, 5xx, network), or dead-letter
 * now (rejected for good, or the last attempt failed), the log saying `failed` in that case.
 */
export async function deliverEmail(
  ctx: MailerContext,
  event: EmailRequested,
  attempt: number,
  maxAttempts: number,
): Promise<Outcome> {
  const { to, template, userId } = event.data;
  const bulkCategory = templates[template].bulkCategory;
  const unsubscribe: { unsubscribe_url?: string } = bulkCategory
    ? { unsubscribe_url: unsubscribeUrl(ctx, to, bulkCategory) }
    : {};
  let email: RenderedEmail;
  try {
    email = await ctx.render(template, {
      ...event.data.variables,
      ...(unsubscribe as Record<string, string>),
    });
  } catch (error) {
    if (!(error instanceof BadVariablesError)) throw error;
    return failForGood(
      ctx,
      { id: event.id, to, template, subject: '(not rendered)', userId },
      1,
      error.message,
    );
  }
  const request: EmailRequest = { id: event.id, to, template, subject: email.subject, userId, bulkCategory };
  const claim = await claimDelivery(ctx, request);
  if (claim.kind === 'done') return { kind: 'ack' };
  if (claim.kind === 'in-doubt') {
    const past = await ctx.provider.wasAccepted(event.id);
    if (past !== 'unknown' && past.accepted) {
      await recordSent(ctx, request, claim.attempts - 1, past.messageId);
      return { kind: 'ack' };
    }
  }
  try {
    const { messageId } = await ctx.provider.send({
      deliveryId: event.id,
      from: ctx.config.MAIL_FROM,
      to,
      ...email,
      unsubscribeUrl: unsubscribe.unsubscribe_url,
    });
    await recordSent(ctx, request, claim.attempts, messageId);
    return { kind: 'ack' };
  } catch (error) {
    if (!(error instanceof MailProviderError)) throw error;
    if (error.permanent || attempt >= maxAttempts)
      return failForGood(ctx, request, claim.attempts, error.message);
    ctx.logger.warn(
      { deliveryId: event.id, attempt, error: error.message },
      'email not accepted yet; retrying',
    );
    await recordRetry(ctx, request, claim.attempts, error.message, error.inDoubt);
    return { kind: 'retry', error: error.message };
  }
}

async function failForGood(
  ctx: MailerContext,
  request: EmailRequest,
  attempts: number,
  error: string,
): Promise<Outcome> {
  ctx.logger.error({ deliveryId: request.id, template: request.template, error }, 'email failed for good');
  await recordFailed(ctx, request, attempts, error);
  return { kind: 'dead', error };
}
