import { fileURLToPath } from 'node:url';
import type { Subscription } from '@sproul/common/bus';
import { packageVersion } from '@sproul/common/http';
import { subscribeHandlers } from '@sproul/common/messaging';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { devSmsSender } from './data-access/dev-sms-sender.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { sesMailProvider } from './data-access/ses-mail-provider.js';
import type { MailProvider } from './domain/mail-provider.js';
import type { MailerContext } from './domain/mailer-context.js';
import { renderWhenFirstNeeded } from './domain/render-email.js';
import { mailerRoutes } from './entry-points/http/routes.js';
import { pruneDeliveryLog } from './entry-points/jobs/prune-delivery-log.job.js';
import { sendBulkEmail } from './entry-points/jobs/send-bulk-email.job.js';
import { deliverWhenEmailRequested } from './entry-points/messaging/deliver-when-email-requested.js';
import { deliverWhenSmsRequested } from './entry-points/messaging/deliver-when-sms-requested.js';
import { storeWhenBulkEmailRequested } from './entry-points/messaging/store-when-bulk-email-requested.handler.js';

/** Tests put a fault-injecting provider in front of the real one; production uses SES as configured. */
export interface MailerOptions {
  provider?: (real: MailProvider) => MailProvider;
}

/**
 * Renders and delivers every EmailRequested through SES (or the embedded emulator), once per event,
 * with a delivery log and a suppression list. Its consumer is its own (deliver-when-email-requested.ts).
 * Text messages (SmsRequested) go the same way through the SMS sender (deliver-when-sms-requested.ts).
 * Bulk emails (BulkEmailRequested) are queued by an inbox handler and sent, throttled, by a job.
 */
export const defineMailerService = (options: MailerOptions = {}) =>
  defineService({
    name: 'mailer',
    version: packageVersion(new URL('../package.json', import.meta.url)),
    config: configSchema,
    migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
    messaging: { outbox, inbox, aggregateVersions, appliedVersions },
    setup: async ({ database, outbox: box, logger, bus, clock }, config) => {
      const real = sesMailProvider(config);
      const provider = options.provider?.(real) ?? real;
      const context: MailerContext = {
        config,
        db: database.db,
        outbox: box,
        provider,
        // SMS_PROVIDER=dev (the only one so far): into the emulator's inbox through the mail provider.
        sms: devSmsSender(config, provider),
        render: renderWhenFirstNeeded(),
        logger,
        clock: clock ?? (() => new Date()),
      };
      const subscription: Subscription = await deliverWhenEmailRequested(context, bus);
      const sms = await deliverWhenSmsRequested(context, bus);
      // Bulk requests go through the kernel's inbox consumer, on a queue of their own: the queue named
      // `mailer` belongs to the EmailRequested consumer above.
      const bulk = await subscribeHandlers({
        service: 'mailer-bulk',
        bus,
        database,
        inbox,
        appliedVersions,
        handlers: [storeWhenBulkEmailRequested()],
        logger,
        outbox: box,
        maxAttempts: config.BUS_MAX_ATTEMPTS,
        retryDelaysMs: config.BUS_RETRY_DELAYS_MS,
      });
      return {
        context,
        stop: async () => {
          await subscription.cancel();
          await sms.cancel();
          await bulk.cancel();
        },
      };
    },
    routes: mailerRoutes,
    jobs: [pruneDeliveryLog, sendBulkEmail],
  });

export const mailerService = defineMailerService();
