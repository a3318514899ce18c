import type { EventBus, Subscription } from '@sproul/common/bus';
import { EmailRequestedV1 } from '@sproul/common/events';
import { deliverEmail, type EmailRequested } from '../../domain/deliver-email.js';
import type { MailerContext } from '../../domain/mailer-context.js';
import { subscribeDeliveries } from './delivery-consumer.js';

/** The mailer's email consumer, on its queue `mailer` (see delivery-consumer.ts for why not an inbox handler). */
export const deliverWhenEmailRequested = (ctx: MailerContext, bus: EventBus): Promise<Subscription> =>
  subscribeDeliveries<EmailRequested>(ctx, bus, {
    queue: 'mailer',
    contract: EmailRequestedV1,
    what: 'email',
    deliver: deliverEmail,
  });
