import type { EventBus, Subscription } from '@sproul/common/bus';
import { SmsRequestedV1 } from '@sproul/common/events';
import { deliverSms, type SmsRequested } from '../../domain/deliver-sms.js';
import type { MailerContext } from '../../domain/mailer-context.js';
import { subscribeDeliveries } from './delivery-consumer.js';

/** The SMS consumer, on a queue of its own (`mailer-sms`), delivered like emails (delivery-consumer.ts). */
export const deliverWhenSmsRequested = (ctx: MailerContext, bus: EventBus): Promise<Subscription> =>
  subscribeDeliveries<SmsRequested>(ctx, bus, {
    queue: 'mailer-sms',
    contract: SmsRequestedV1,
    what: 'SMS',
    deliver: deliverSms,
  });
