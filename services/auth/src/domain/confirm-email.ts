import { AccountConfirmedV1, makeEvent } from '@sproul/common/events';
import { invalidLink } from '../errors.js';
import { type AuthContext, SOURCE } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { sendEmailLink } from './email-links.js';
import { hashToken } from './secret-tokens.js';

/**
 * The link in the confirmation email. Confirms the account (once: AccountConfirmed makes the club
 * visible) and answers where to send the browser. Unlike upstream, an account can be confirmed
 * whenever its link is valid, however old the account.
 */
export async function confirmEmail(ctx: AuthContext, token: string): Promise<string> {
  await ctx.transaction(async (unit) => {
    const accountId = await unit.emailTokens.consume(hashToken(token), 'confirm');
    if (!accountId) throw invalidLink('The confirmation link is invalid.');
    const account = await unit.accounts.findById(accountId);
    if (!account) throw invalidLink('The confirmation link is invalid.');
    if (account.confirmed) return;
    await unit.accounts.update(account.id, { confirmed: true, confirmedAt: new Date() });
    await unit.publish(
      makeEvent(AccountConfirmedV1, { userId: account.id, email: account.email, role: account.role }, SOURCE),
    );
  });
  return new URL('/signin?confirmed=true', ctx.config.FRONTEND_BASE_URL).href;
}

/** A new confirmation link for an unconfirmed account; the same silent answer for any other email. */
export async function resendConfirmation(ctx: AuthContext, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findByEmail(email);
    if (account && !account.confirmed) await sendEmailLink(ctx, unit, account, 'confirm');
  });
}
