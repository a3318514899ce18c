import { AccountConfirmedV1, AppError, makeEvent } from '@sproul/common';
import { type AuthContext, SOURCE } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { sendEmailLink } from './email-links.js';
import { hashToken } from './secret-tokens.js';
import { type SessionTokens, startSession } from './sessions.js';

/** Emails a single-use sign-in link valid 15 minutes; the same answer whether or not the account exists. */
export async function requestMagicLink(ctx: AuthContext, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findByEmail(email);
    // Admins sign in with their password only: a mailbox compromise must not reach the dashboard.
    if (account && account.role !== 'admin') await sendEmailLink(ctx, unit, account, 'magic');
  });
}

/** Signs in with a magic link. Following it proves the address, so it also confirms the account. */
export async function signInWithMagicLink(ctx: AuthContext, token: string): Promise<SessionTokens> {
  return ctx.transaction(async (unit) => {
    const accountId = await unit.emailTokens.consume(hashToken(token), 'magic');
    const account = accountId ? await unit.accounts.findById(accountId) : undefined;
    if (!account) throw new AppError('AUTH.INVALID_LINK', 404, 'The sign-in link is invalid or has expired.');
    if (!account.confirmed) {
      await unit.accounts.update(account.id, { confirmed: true, confirmedAt: new Date() });
      account.confirmed = true;
      await unit.publish(
        makeEvent(
          AccountConfirmedV1,
          { userId: account.id, email: account.email, role: account.role },
          SOURCE,
        ),
      );
    }
    return startSession(ctx, unit, account);
  });
}
