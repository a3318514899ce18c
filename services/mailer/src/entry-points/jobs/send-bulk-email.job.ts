import type { JobDefinition } from '@sproul/common/service';
import type { MailerConfig } from '../../config.js';
import type { MailerContext } from '../../domain/mailer-context.js';
import { sendBulkBatch } from '../../domain/send-bulk-batch.js';

/**
 * The bulk sender: each tick (MAIL_BULK_TICK_MS) sends one batch, as large as the global rate leaves
 * room for (MAIL_BULK_RATE_PER_S across instances). Every replica runs it; claims keep them apart.
 */
export const sendBulkEmail: JobDefinition<MailerContext, MailerConfig> = {
  name: 'send-bulk-email',
  every: (config) => config.MAIL_BULK_TICK_MS,
  run: async (ctx) => {
    await sendBulkBatch(ctx);
  },
};
