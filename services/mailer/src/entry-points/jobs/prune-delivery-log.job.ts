import type { JobDefinition } from '@sproul/common/service';
import type { MailerConfig } from '../../config.js';
import { deliveryLog } from '../../data-access/delivery-log-repository.js';
import type { MailerContext } from '../../domain/mailer-context.js';

const DAY_MS = 86_400_000;

/**
 * Forgets deliveries older than MAIL_LOG_RETENTION_DAYS: the log holds addresses, and past the
 * per-address window and any redelivery it only serves support questions. Idempotent: every replica
 * may run it.
 */
export const pruneDeliveryLog: JobDefinition<MailerContext, MailerConfig> = {
  name: 'prune-delivery-log',
  every: (config) => (config.MAIL_LOG_RETENTION_DAYS > 0 ? 3_600_000 : 0),
  run: async (ctx, now) => {
    const before = new Date(now.getTime() - ctx.config.MAIL_LOG_RETENTION_DAYS * DAY_MS);
    const pruned = await deliveryLog(ctx.db).pruneBefore(before);
    if (pruned > 0) ctx.logger.info({ pruned }, 'delivery log pruned');
  },
};
