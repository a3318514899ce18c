import type { Db } from '@sproul/common/db';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { MailerConfig } from '../config.js';
import type { TemplateName } from '../templates/templates.js';
import type { MailProvider } from './mail-provider.js';
import type { RenderedEmail } from './render-email.js';
import type { SmsSender } from './sms-sender.js';

/** What the mailer's routes and its consumer are given (built once in service.ts's setup). */
export interface MailerContext {
  config: MailerConfig;
  db: Db;
  outbox: Outbox;
  provider: MailProvider;
  /** Delivers SmsRequested (SMS_PROVIDER). */
  sms: SmsSender;
  /** Fills a template (compiled at the first email); throws `BadVariablesError` for bad values. */
  render: (template: TemplateName, variables: Record<string, string>) => Promise<RenderedEmail>;
  logger: Logger;
  clock: () => Date;
}

export const SOURCE = 'mailer';
