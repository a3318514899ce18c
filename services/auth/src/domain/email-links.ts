import { EmailRequestedV1, makeEvent } from '@sproul/common/events';
import type { Account } from '../data-access/account-repository.js';
import type { EmailTokenKind } from '../data-access/email-token-repository.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';
import { hashToken, newSecretToken } from './secret-tokens.js';

const LIFETIME: Record<EmailTokenKind, (ctx: AuthContext) => number> = {
  confirm: (ctx) => ctx.config.CONFIRM_TOKEN_TTL_S,
  reset: (ctx) => ctx.config.RESET_TOKEN_TTL_S,
  magic: (ctx) => ctx.config.MAGIC_LINK_TTL_S,
};

/** The link each kind of email carries; upstream's confirm and reset URLs, kept as they were. */
const LINK: Record<EmailTokenKind, (ctx: AuthContext, token: string) => [string, string]> = {
  confirm: (ctx, token) => [
    'confirm_url',
    new URL(`/api/user/confirm/${token}`, ctx.config.PUBLIC_BASE_URL).href,
  ],
  reset: (ctx, token) => [
    'reset_pass_url',
    new URL(`/resetpassword?token=${token}`, ctx.config.FRONTEND_BASE_URL).href,
  ],
  magic: (ctx, token) => [
    'magic_url',
    new URL(`/api/user/magic-link/${token}`, ctx.config.PUBLIC_BASE_URL).href,
  ],
};

const TEMPLATE = { confirm: 'confirm-email', reset: 'reset-password', magic: 'magic-link' } as const;

/**
 * Creates a single-use token of `kind` for the account (only its hash is stored) and asks the mailer,
 * through the outbox, to send the link: the email goes out if and only if the transaction commits.
 */
export async function sendEmailLink(ctx: AuthContext, unit: Work, account: Account, kind: EmailTokenKind) {
  const token = newSecretToken();
  await unit.emailTokens.create(
    hashToken(token),
    account.id,
    kind,
    new Date(Date.now() + LIFETIME[kind](ctx) * 1000),
  );
  const [name, url] = LINK[kind](ctx, token);
  await unit.publish(
    makeEvent(
      EmailRequestedV1,
      { to: account.email, template: TEMPLATE[kind], variables: { [name]: url }, userId: account.id },
      SOURCE,
    ),
  );
}
