import type { Outcome } from '@sproul/common/bus';
import type { EventData, EventEnvelope, SmsRequestedV1 } from '@sproul/common/events';
import { deliveryLog } from '../data-access/delivery-log-repository.js';
import { MailProviderError } from './mail-provider.js';
import type { MailerContext } from './mailer-context.js';

export type SmsRequested = EventEnvelope<EventData<typeof SmsRequestedV1>>;

type Claim = { kind: 'send' | 'in-doubt'; attempts: number } | { kind: 'done' };

/**
 * Delivers one SmsRequested exactly once per event id, as emails are: claimed in the delivery log
 * (committed) → the SMS sender → recorded. The log row holds the number, `sms:<purpose>` as its
 * template and `SMS to +…` as its subject, never the text; nothing here logs the text either (a
 * `phone-code` message is a live secret). No per-number limit or suppression: the senders (auth's
 * send-rate limit, engagement's opt-in reminders) own those. No event is published: EmailSent and
 * EmailFailed are about emails, and no consumer waits on an SMS's fate.
 */
export async function deliverSms(
  ctx: MailerContext,
  event: SmsRequested,
  attempt: number,
  maxAttempts: number,
): Promise<Outcome> {
  const { to, text, purpose } = event.data;
  const row = { id: event.id, to, template: `sms:${purpose}`, subject: `SMS to ${to}` };
  const claim = await ctx.outbox.transaction(async (tx): Promise<Claim> => {
    const log = deliveryLog(tx);
    const existing = await log.lock(event.id);
    if (!existing) {
      await log.insert({ ...row, status: 'sending', attempts: 1 });
      return { kind: 'send', attempts: 1 };
    }
    if (existing.status === 'sending') return { kind: 'in-doubt', attempts: existing.attempts + 1 };
    if (existing.status !== 'queued') return { kind: 'done' };
    await log.update(event.id, { status: 'sending', attempts: existing.attempts + 1 });
    return { kind: 'send', attempts: existing.attempts + 1 };
  });
  if (claim.kind === 'done') return { kind: 'ack' };
  const log = deliveryLog(ctx.db);
  const sent = (attempts: number, messageId: string) =>
    log.update(event.id, {
      status: 'sent',
      attempts,
      providerMessageId: messageId,
      error: null,
      sentAt: ctx.clock(),
    });
  if (claim.kind === 'in-doubt') {
    const past = await ctx.sms.wasAccepted(event.id);
    if (past !== 'unknown' && past.accepted) {
      await sent(claim.attempts - 1, past.messageId);
      return { kind: 'ack' };
    }
  }
  try {
    const { messageId } = await ctx.sms.send({ deliveryId: event.id, to, text, purpose });
    await sent(claim.attempts, messageId);
    return { kind: 'ack' };
  } catch (error) {
    if (!(error instanceof MailProviderError)) throw error;
    if (error.permanent || attempt >= maxAttempts) {
      ctx.logger.error({ deliveryId: event.id, purpose, error: error.message }, 'SMS failed for good');
      await log.fail(row, claim.attempts, error.message);
      return { kind: 'dead', error: error.message };
    }
    ctx.logger.warn(
      { deliveryId: event.id, purpose, attempt, error: error.message },
      'SMS not accepted yet; retrying',
    );
    await log.update(event.id, {
      status: error.inDoubt ? 'sending' : 'queued',
      attempts: claim.attempts,
      error: error.message,
    });
    return { kind: 'retry', error: error.message };
  }
}
