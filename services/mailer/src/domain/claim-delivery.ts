import { EmailFailedV1, makeEvent } from '@sproul/common/events';
import { deliveryLog } from '../data-access/delivery-log-repository.js';
import type { DeliveryStatus } from '../data-access/schema.js';
import { suppressionList } from '../data-access/suppression-repository.js';
import { type MailerContext, SOURCE } from './mailer-context.js';

export interface EmailRequest {
  id: string;
  to: string;
  template: string;
  subject: string;
  userId: string | null;
  /** The bulk category of the template, if any: an unsubscribe from it suppresses too. */
  bulkCategory?: string;
}

/**
 * What to do with a request, decided and recorded in one committed transaction before any SES call:
 * `send` (the row now says `sending`), `in-doubt` (a previous run claimed it and never recorded the
 * outcome: it may have crashed after SES accepted), or `done` (sent, failed, suppressed, limited).
 */
export type Claim =
  | { kind: 'send'; attempts: number }
  | { kind: 'in-doubt'; attempts: number }
  | { kind: 'done'; status: DeliveryStatus };

export async function claimDelivery(ctx: MailerContext, request: EmailRequest): Promise<Claim> {
  return ctx.outbox.transaction(async (tx) => {
    const log = deliveryLog(tx);
    const existing = await log.lock(request.id);
    if (existing?.status === 'sending') return { kind: 'in-doubt', attempts: existing.attempts + 1 };
    if (existing && existing.status !== 'queued') return { kind: 'done', status: existing.status };
    if (existing) {
      await log.update(request.id, { status: 'sending', attempts: existing.attempts + 1 });
      return { kind: 'send', attempts: existing.attempts + 1 };
    }
    await log.lockAddress(request.to);
    const scopes = request.bulkCategory ? ['all', request.bulkCategory] : ['all'];
    const refusal: DeliveryStatus | undefined = (await suppressionList(tx).isSuppressed(request.to, scopes))
      ? 'suppressed'
      : (await log.countSince(request.to, hourBefore(ctx.clock()))) >= ctx.config.MAIL_PER_ADDRESS_PER_HOUR
        ? 'limited'
        : undefined;
    const { id, to, template, subject } = request;
    await log.insert({ id, to, template, subject, status: refusal ?? 'sending', attempts: refusal ? 0 : 1 });
    if (!refusal) return { kind: 'send', attempts: 1 };
    const reason = refusal === 'suppressed' ? 'suppressed' : 'limited';
    await ctx.outbox.append(tx, [
      makeEvent(
        EmailFailedV1,
        { requestId: id, to, template, userId: request.userId, reason, error: null },
        SOURCE,
      ),
    ]);
    return { kind: 'done', status: refusal };
  });
}

const hourBefore = (now: Date) => new Date(now.getTime() - 3600_000);
