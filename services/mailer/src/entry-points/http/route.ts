import { routesOf } from '@sproul/common/service';
import type { MailerContext } from '../../domain/mailer-context.js';

/** `defineRoute` for the mailer's routes: each handler gets the MailerContext built in setup. */
export const route = routesOf<MailerContext>();
