import { fileURLToPath } from 'node:url';
import type { Subscription } from '@sproul/common/bus';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { sesMailProvider } from './data-access/ses-mail-provider.js';
import type { MailProvider } from './domain/mail-provider.js';
import type { MailerContext } from './domain/mailer-context.js';
import { renderWhenFirstNeeded } from './domain/render-email.js';
import { mailerRoutes } from './entry-points/http/routes.js';
import { pruneDeliveryLog } from './entry-points/jobs/prune-delivery-log.job.js';
import { deliverWhenEmailRequested } from './entry-points/messaging/deliver-when-email-requested.js';

/** Tests put a fault-injecting provider in front of the real one; production uses SES as configured. */
export interface MailerOptions {
  provider?: (real: MailProvider) => MailProvider;
}

/**
 * Renders and delivers every EmailRequested through SES (or the embedded emulator), once per event,
 * with a delivery log and a suppression list. Its consumer is its own (deliver-when-email-requested.ts).
 */
export const defineMailerService = (options: MailerOptions = {}) =>
  defineService({
    name: 'mailer',
    config: configSchema,
    migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
    messaging: { outbox, inbox, aggregateVersions, appliedVersions },
    setup: async ({ database, outbox: box, logger, bus, clock }, config) => {
      const real = sesMailProvider(config);
      const context: MailerContext = {
        config,
        db: database.db,
        outbox: box,
        provider: options.provider?.(real) ?? real,
        render: renderWhenFirstNeeded(),
        logger,
        clock: clock ?? (() => new Date()),
      };
      const subscription: Subscription = await deliverWhenEmailRequested(context, bus);
      return { context, stop: () => subscription.cancel() };
    },
    routes: mailerRoutes,
    jobs: [pruneDeliveryLog],
  });

export const mailerService = defineMailerService();
