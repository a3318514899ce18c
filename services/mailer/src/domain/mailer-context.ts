import type { Db } from '@sproul/common/db';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { MailerConfig } from '../config.js';
import type { MailProvider } from './mail-provider.js';
import type { RenderEmail } from './render-email.js';

/** What the mailer's routes and its consumer are given (built once in service.ts's setup). */
export interface MailerContext {
  config: MailerConfig;
  db: Db;
  outbox: Outbox;
  provider: MailProvider;
  render: RenderEmail;
  logger: Logger;
  clock: () => Date;
}

export const SOURCE = 'mailer';
